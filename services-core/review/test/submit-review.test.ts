// Submitting a review through the real gRPC API: the first submission creates, a second one edits the same
// review, the rules moderate every submission, and bad input is INVALID_ARGUMENT naming the field.
import { ReviewStatus } from '@ecommerce/proto/review/v1/review';
import { describe, expect, it } from 'vitest';
import { aBuyerOf, aReview, rejectionOf, rowCount } from './builders.js';
import { useHarness } from './harness.js';

const h = useHarness({ REVIEW_BANNED_WORDS: 'scam, rip-off' });

describe('SubmitReview', () => {
  it('creates a pending, unverified review for a customer who bought nothing, announced through the outbox', async () => {
    const customer = await h.newCustomer();
    const request = aReview({ title: '  Sturdy  ' });

    const { review, created } = await h.call('submitReview', request, customer.token);

    expect(created).toBe(true);
    expect(review).toMatchObject({
      productId: request.productId,
      customerId: customer.id,
      rating: 4,
      title: 'Sturdy',
      imageUrls: request.imageUrls,
      status: ReviewStatus.REVIEW_STATUS_PENDING,
      verifiedPurchase: false,
      helpfulCount: 0,
    });
    expect(await h.outbox('review.review.submitted', review!.id)).toEqual([
      expect.objectContaining({ data: { review: expect.objectContaining({ id: review!.id, status: 'pending', customerId: customer.id }) } }),
    ]);
  });

  it('edits the earlier review when the same customer submits again for the product', async () => {
    const customer = await h.newCustomer();
    const first = await h.call('submitReview', aReview({ rating: 2 }), customer.token);

    const second = await h.call('submitReview', aReview({ productId: first.review!.productId, rating: 5, title: 'Changed my mind', body: 'It grew on me.', imageUrls: [] }), customer.token);

    expect(second.created).toBe(false);
    expect(second.review).toMatchObject({ id: first.review!.id, rating: 5, title: 'Changed my mind', body: 'It grew on me.', imageUrls: [] });
    expect(await rowCount(h, 'reviews', { customer_id: customer.id })).toBe(1);
    expect(await h.outbox('review.review.edited', first.review!.id)).toEqual([expect.objectContaining({ data: expect.objectContaining({ previousRating: 2 }) })]);
  });

  it('keeps one review when the same customer submits for one product ten times at once', async () => {
    const customer = await h.newCustomer();
    const productId = aReview().productId;

    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => h.call('submitReview', aReview({ productId, rating: (i % 5) + 1 }), customer.token)));

    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.review!.id)).size).toBe(1);
    expect(await rowCount(h, 'reviews', { customer_id: customer.id, product_id: productId })).toBe(1);
  });

  it('approves a verified purchase without banned words at once', async () => {
    const request = aReview();
    const buyer = await aBuyerOf(h, request.productId);

    const { review } = await h.call('submitReview', request, buyer.token);

    expect(review).toMatchObject({ status: ReviewStatus.REVIEW_STATUS_APPROVED, verifiedPurchase: true, moderationReason: '' });
    // proto-JSON leaves out the empty moderator id: the rules decided.
    expect(await h.outbox('review.review.approved', review!.id)).toEqual([expect.objectContaining({ data: { review: expect.objectContaining({ status: 'approved', verifiedPurchase: true }) } })]);
  });

  it('flags a review with a banned word for a moderator, even from a verified buyer', async () => {
    const request = aReview({ body: 'A total RIP-OFF, avoid.' });
    const buyer = await aBuyerOf(h, request.productId);

    const { review } = await h.call('submitReview', request, buyer.token);

    expect(review).toMatchObject({ status: ReviewStatus.REVIEW_STATUS_FLAGGED, verifiedPurchase: true });
    expect(review!.moderationReason).toContain('RIP-OFF');
  });

  it('does not flag a banned word inside a longer word', async () => {
    const request = aReview({ body: 'Not a scamp in sight; honest product.' });
    const buyer = await aBuyerOf(h, request.productId);

    expect((await h.call('submitReview', request, buyer.token)).review!.status).toBe(ReviewStatus.REVIEW_STATUS_APPROVED);
  });

  it('accepts a rating without title or body', async () => {
    const customer = await h.newCustomer();

    const { review } = await h.call('submitReview', aReview({ title: '', body: '', imageUrls: [] }), customer.token);

    expect(review).toMatchObject({ rating: 4, title: '', body: '' });
  });

  it.each([
    ['rating 6', { rating: 6 }, 'rating'],
    ['rating 0', { rating: 0 }, 'rating'],
    ['a title with an empty body', { title: 'Great', body: '   ' }, 'body'],
    ['a title over 150 characters', { title: 'x'.repeat(151) }, 'title'],
    ['a body over 5000 characters', { body: 'x'.repeat(5001) }, 'body'],
    ['an http image URL', { imageUrls: ['https://cdn.example.com/ok.jpg', 'http://cdn.example.com/a.jpg'] }, 'image_urls.1'],
    ['an image URL that is no URL', { imageUrls: ['not a url'] }, 'image_urls.0'],
    ['seven image URLs', { imageUrls: Array.from({ length: 7 }, (_, i) => `https://cdn.example.com/${i}.jpg`) }, 'image_urls'],
    ['a product id that is no UUID', { productId: 'p-1' }, 'product_id'],
  ])('answers INVALID_ARGUMENT naming the field for %s', async (_name, overrides, field) => {
    const customer = await h.newCustomer();

    const err = await rejectionOf(h.call('submitReview', aReview(overrides), customer.token));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field })]);
    expect(await h.db('reviews').where({ customer_id: customer.id }).first()).toBeUndefined();
  });

  it('refuses a caller without a token, and a staff account', async () => {
    expect((await rejectionOf(h.call('submitReview', aReview()))).type).toBe('unauthenticated');
    expect((await rejectionOf(h.call('submitReview', aReview(), h.staffToken))).type).toBe('permission_denied');
  });
});
