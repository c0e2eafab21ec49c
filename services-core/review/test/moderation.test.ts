// Moderation by staff: the queue of what waits, decisions and their events, the merchant's reply, who may see
// and delete a review, and the public list of a product's approved reviews.
import { randomUUID } from 'node:crypto';
import { ReviewSort, ReviewStatus } from '@ecommerce/proto/review/v1/review';
import { describe, expect, it } from 'vitest';
import { aReview, rejectionOf } from './builders.js';
import { useHarness } from './harness.js';

const h = useHarness({ REVIEW_BANNED_WORDS: 'scam' });

const approve = (id: string) => h.call('moderateReview', { id, status: ReviewStatus.REVIEW_STATUS_APPROVED, reason: '' }, h.staffToken);

describe('moderation', () => {
  it('queues pending and flagged reviews of a product oldest first, and filters by status', async () => {
    const productId = randomUUID();
    const [a, b, c] = await Promise.all([h.newCustomer(), h.newCustomer(), h.newCustomer()]);
    const pending = (await h.call('submitReview', aReview({ productId }), a.token)).review!;
    const flagged = (await h.call('submitReview', aReview({ productId, body: 'Looks like a scam.' }), b.token)).review!;
    const approved = (await h.call('submitReview', aReview({ productId }), c.token)).review!;
    await approve(approved.id);

    const queue = await h.call('listReviewsForModeration', { status: ReviewStatus.REVIEW_STATUS_UNSPECIFIED, productId, page: 0, pageSize: 0 }, h.staffToken);
    const onlyFlagged = await h.call('listReviewsForModeration', { status: ReviewStatus.REVIEW_STATUS_FLAGGED, productId, page: 1, pageSize: 10 }, h.staffToken);

    expect(queue).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(queue.reviews.map((r) => r.id)).toEqual([pending.id, flagged.id]);
    expect(onlyFlagged.reviews.map((r) => r.id)).toEqual([flagged.id]);
    expect((await rejectionOf(h.call('listReviewsForModeration', { status: 0, productId: '', page: 0, pageSize: 0 }, a.token))).type).toBe('permission_denied');
  });

  it('approves, rejects with a reason and flags, announcing each decision with the moderator', async () => {
    const author = await h.newCustomer();
    const { review } = await h.call('submitReview', aReview(), author.token);

    await approve(review!.id);
    const { review: rejected } = await h.call('moderateReview', { id: review!.id, status: ReviewStatus.REVIEW_STATUS_REJECTED, reason: ' shipping complaint ' }, h.staffToken);
    const { review: flagged } = await h.call('moderateReview', { id: review!.id, status: ReviewStatus.REVIEW_STATUS_FLAGGED, reason: 'second opinion' }, h.staffToken);

    expect(rejected).toMatchObject({ status: ReviewStatus.REVIEW_STATUS_REJECTED, moderationReason: 'shipping complaint' });
    expect(flagged!.status).toBe(ReviewStatus.REVIEW_STATUS_FLAGGED);
    expect(await h.outbox('review.review.approved', review!.id)).toHaveLength(1);
    expect(await h.outbox('review.review.rejected', review!.id)).toEqual([expect.objectContaining({ data: expect.objectContaining({ moderatorId: expect.any(String) }) })]);
    expect(await h.outbox('review.review.flagged', review!.id)).toHaveLength(1);
  });

  it('refuses a decision that leaves the review where it is, a pending decision, and an unknown review', async () => {
    const author = await h.newCustomer();
    const { review } = await h.call('submitReview', aReview(), author.token);
    await approve(review!.id);

    expect((await rejectionOf(approve(review!.id))).type).toBe('failed_precondition');
    const pending = await rejectionOf(h.call('moderateReview', { id: review!.id, status: ReviewStatus.REVIEW_STATUS_PENDING, reason: '' }, h.staffToken));
    expect(pending.details).toEqual([expect.objectContaining({ field: 'status' })]);
    expect((await rejectionOf(approve(randomUUID()))).type).toBe('not_found');
    expect((await rejectionOf(h.call('moderateReview', { id: review!.id, status: ReviewStatus.REVIEW_STATUS_REJECTED, reason: '' }, author.token))).type).toBe('permission_denied');
  });

  it('shows the merchant\'s reply on the review, a second reply replacing the first', async () => {
    const author = await h.newCustomer();
    const { review } = await h.call('submitReview', aReview(), author.token);

    await h.call('replyToReview', { id: review!.id, body: 'Thanks!' }, h.staffToken);
    const { review: replied } = await h.call('replyToReview', { id: review!.id, body: 'Thanks, we fixed the zip.' }, h.staffToken);

    expect(replied!.reply).toMatchObject({ body: 'Thanks, we fixed the zip.', authorId: expect.any(String) });
    expect(replied!.reply!.createTime!.getTime()).toBeLessThanOrEqual(replied!.reply!.updateTime!.getTime());
    expect(await h.outbox('review.review.replied', review!.id)).toHaveLength(2);
    expect((await rejectionOf(h.call('replyToReview', { id: review!.id, body: '' }, h.staffToken))).details).toEqual([expect.objectContaining({ field: 'body' })]);
    expect((await rejectionOf(h.call('replyToReview', { id: review!.id, body: 'me too' }, author.token))).type).toBe('permission_denied');
  });

  it('lets the author and staff see an unapproved review, and nobody else', async () => {
    const [author, other] = await Promise.all([h.newCustomer(), h.newCustomer()]);
    const { review } = await h.call('submitReview', aReview(), author.token);

    expect((await h.call('getReview', { id: review!.id }, author.token)).review!.id).toBe(review!.id);
    expect((await h.call('getReview', { id: review!.id }, h.staffToken)).review!.id).toBe(review!.id);
    expect((await rejectionOf(h.call('getReview', { id: review!.id }, other.token))).type).toBe('not_found');
    await approve(review!.id);
    expect((await h.call('getReview', { id: review!.id }, other.token)).review!.status).toBe(ReviewStatus.REVIEW_STATUS_APPROVED);
  });

  it('deletes a review for its author or staff; someone else\'s is not found', async () => {
    const [author, other] = await Promise.all([h.newCustomer(), h.newCustomer()]);
    const first = (await h.call('submitReview', aReview(), author.token)).review!;
    const second = (await h.call('submitReview', aReview(), author.token)).review!;

    expect((await rejectionOf(h.call('deleteReview', { id: first.id }, other.token))).type).toBe('not_found');
    await h.call('deleteReview', { id: first.id }, author.token);
    await h.call('deleteReview', { id: second.id }, h.staffToken);

    expect((await rejectionOf(h.call('getReview', { id: first.id }, h.staffToken))).type).toBe('not_found');
    expect((await rejectionOf(h.call('deleteReview', { id: second.id }, h.staffToken))).type).toBe('not_found');
    expect(await h.outbox('review.review.deleted', first.id)).toHaveLength(1);
  });
});

describe('ListProductReviews', () => {
  it('lists approved reviews only, to anyone, sorted and paged', async () => {
    const productId = randomUUID();
    const ids: Record<number, string> = {};
    for (const rating of [3, 5, 1, 4]) {
      const customer = await h.newCustomer();
      const { review } = await h.call('submitReview', aReview({ productId, rating }), customer.token);
      ids[rating] = review!.id;
      if (rating !== 1) await approve(review!.id);
    }
    const list = (sort: ReviewSort, page = 1, pageSize = 10, rating = 0) => h.call('listProductReviews', { productId, page, pageSize, sort, rating });

    expect((await list(ReviewSort.REVIEW_SORT_UNSPECIFIED)).reviews.map((r) => r.rating)).toEqual([4, 5, 3]);
    expect((await list(ReviewSort.REVIEW_SORT_OLDEST)).reviews.map((r) => r.rating)).toEqual([3, 5, 4]);
    expect((await list(ReviewSort.REVIEW_SORT_HIGHEST_RATING)).reviews.map((r) => r.rating)).toEqual([5, 4, 3]);
    expect((await list(ReviewSort.REVIEW_SORT_LOWEST_RATING)).reviews.map((r) => r.rating)).toEqual([3, 4, 5]);
    expect(await list(ReviewSort.REVIEW_SORT_HIGHEST_RATING, 2, 2)).toMatchObject({ total: 3, page: 2, pageSize: 2, reviews: [expect.objectContaining({ id: ids[3] })] });
    expect((await list(ReviewSort.REVIEW_SORT_NEWEST, 1, 10, 5)).reviews.map((r) => r.id)).toEqual([ids[5]]);
  });

  it('sorts by helpful votes', async () => {
    const productId = randomUUID();
    const reviews: string[] = [];
    for (let i = 0; i < 2; i++) {
      const customer = await h.newCustomer();
      const { review } = await h.call('submitReview', aReview({ productId }), customer.token);
      await approve(review!.id);
      reviews.push(review!.id);
    }
    const voter = await h.newCustomer();
    await h.call('voteHelpful', { id: reviews[0]! }, voter.token);

    const { reviews: listed } = await h.call('listProductReviews', { productId, page: 0, pageSize: 0, sort: ReviewSort.REVIEW_SORT_MOST_HELPFUL, rating: 0 });

    expect(listed.map((r) => r.id)).toEqual(reviews);
  });

  it.each([
    ['page_size', { pageSize: 101 }],
    ['rating', { rating: 6 }],
    ['sort', { sort: 9 as ReviewSort }],
    ['product_id', { productId: 'nope' }],
  ])('answers INVALID_ARGUMENT naming %s', async (field, overrides) => {
    const err = await rejectionOf(h.call('listProductReviews', { productId: randomUUID(), page: 0, pageSize: 0, sort: 0, rating: 0, ...overrides }));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field })]);
  });
});
