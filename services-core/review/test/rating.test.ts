// A product's rating counts approved reviews only, exactly once each: approval adds a review, an edit of an
// approved review moves it by the difference, rejection and deletion take it away, and every move is
// announced as review.rating.changed in the same transaction.
import { randomUUID } from 'node:crypto';
import { ReviewStatus } from '@ecommerce/proto/review/v1/review';
import { describe, expect, it } from 'vitest';
import { aBuyerOf, aReview } from './builders.js';
import { useHarness, type Harness } from './harness.js';

const h = useHarness();

const ratingOf = async (productId: string) => (await h.call('getProductRating', { productId })).rating!;

/** The rating as recomputed from the reviews table: what the stored aggregate must always equal. */
async function recomputed(harness: Harness, productId: string): Promise<{ count: number; sum: number }> {
  const [row] = await harness.db('reviews').where({ product_id: productId, status: 'approved' }).select(harness.db.raw('count(*)::int AS count, coalesce(sum(rating), 0)::int AS sum'));
  return row as { count: number; sum: number };
}

async function submitAndApprove(productId: string, rating: number): Promise<string> {
  const customer = await h.newCustomer();
  const { review } = await h.call('submitReview', aReview({ productId, rating }), customer.token);
  await h.call('moderateReview', { id: review!.id, status: ReviewStatus.REVIEW_STATUS_APPROVED, reason: '' }, h.staffToken);
  return review!.id;
}

describe('product rating', () => {
  it('is zero with an empty histogram for a product without reviews', async () => {
    const productId = randomUUID();

    expect(await ratingOf(productId)).toEqual({
      productId,
      average: 0,
      count: 0,
      ratingSum: 0,
      histogram: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: 0 })),
    });
  });

  it('ignores pending reviews and counts a review once a moderator approves it', async () => {
    const productId = randomUUID();
    const customer = await h.newCustomer();
    const { review } = await h.call('submitReview', aReview({ productId, rating: 3 }), customer.token);
    expect((await ratingOf(productId)).count).toBe(0);

    await h.call('moderateReview', { id: review!.id, status: ReviewStatus.REVIEW_STATUS_APPROVED, reason: '' }, h.staffToken);

    expect(await ratingOf(productId)).toMatchObject({ count: 1, average: 3, ratingSum: 3 });
    expect(await h.outbox('review.rating.changed', productId)).toEqual([expect.objectContaining({ data: expect.objectContaining({ productId, average: 3, count: 1 }) })]);
  });

  it('averages to 2 decimals, rounding half away from zero, with the histogram per star', async () => {
    const productId = randomUUID();
    for (const stars of [5, 4, 4]) await submitAndApprove(productId, stars);

    // 13 / 3 = 4.333... -> 4.33
    expect(await ratingOf(productId)).toMatchObject({
      count: 3,
      ratingSum: 13,
      average: 4.33,
      histogram: [{ rating: 1, count: 0 }, { rating: 2, count: 0 }, { rating: 3, count: 0 }, { rating: 4, count: 2 }, { rating: 5, count: 1 }],
    });
    await submitAndApprove(productId, 4);
    await submitAndApprove(productId, 4);
    await submitAndApprove(productId, 4);
    await submitAndApprove(productId, 4);
    await submitAndApprove(productId, 4);
    // 33 / 8 = 4.125 -> 4.13
    expect((await ratingOf(productId)).average).toBe(4.13);
  });

  it('moves by the difference when an approved review is edited, never counting it twice', async () => {
    const productId = randomUUID();
    const buyer = await aBuyerOf(h, productId);
    await h.call('submitReview', aReview({ productId, rating: 2 }), buyer.token);
    expect(await ratingOf(productId)).toMatchObject({ count: 1, ratingSum: 2 });

    for (const stars of [5, 3, 5]) await h.call('submitReview', aReview({ productId, rating: stars }), buyer.token);

    expect(await ratingOf(productId)).toMatchObject({ count: 1, ratingSum: 5, average: 5, histogram: expect.arrayContaining([{ rating: 2, count: 0 }, { rating: 5, count: 1 }]) });
    expect(await recomputed(h, productId)).toEqual({ count: 1, sum: 5 });
  });

  it('takes a review out when it is rejected or deleted, and an edit that needs moderation again', async () => {
    const productId = randomUUID();
    const rejected = await submitAndApprove(productId, 1);
    const deleted = await submitAndApprove(productId, 2);
    const author = await h.newCustomer();
    const { review: edited } = await h.call('submitReview', aReview({ productId, rating: 3 }), author.token);
    await h.call('moderateReview', { id: edited!.id, status: ReviewStatus.REVIEW_STATUS_APPROVED, reason: '' }, h.staffToken);
    expect(await ratingOf(productId)).toMatchObject({ count: 3, ratingSum: 6 });

    await h.call('moderateReview', { id: rejected, status: ReviewStatus.REVIEW_STATUS_REJECTED, reason: 'off topic' }, h.staffToken);
    await h.call('deleteReview', { id: deleted }, h.staffToken);
    // Not a verified buyer: the edit waits for a moderator again and leaves the rating meanwhile.
    const { review: again } = await h.call('submitReview', aReview({ productId, rating: 5 }), author.token);

    expect(again!.status).toBe(ReviewStatus.REVIEW_STATUS_PENDING);
    expect(await ratingOf(productId)).toMatchObject({ count: 0, ratingSum: 0, average: 0 });
    expect((await h.outbox('review.rating.changed', productId)).map((e) => e.data.count ?? 0)).toEqual([1, 2, 3, 2, 1, 0]);
  });

  it('equals the approved reviews after many concurrent submissions, edits and decisions on one product', async () => {
    const productId = randomUUID();
    const buyers = await Promise.all(Array.from({ length: 6 }, () => aBuyerOf(h, productId)));
    const strangers = await Promise.all(Array.from({ length: 6 }, () => h.newCustomer()));

    const submissions = await Promise.all([
      ...buyers.flatMap((b, i) => [h.call('submitReview', aReview({ productId, rating: (i % 5) + 1 }), b.token), h.call('submitReview', aReview({ productId, rating: ((i + 2) % 5) + 1 }), b.token)]),
      ...strangers.map((s, i) => h.call('submitReview', aReview({ productId, rating: ((i + 1) % 5) + 1 }), s.token)),
    ]);
    const pendingIds = [...new Set(submissions.filter((s) => s.review!.status === ReviewStatus.REVIEW_STATUS_PENDING).map((s) => s.review!.id))];
    await Promise.all(pendingIds.map((id, i) => h.call('moderateReview', { id, status: i % 2 ? ReviewStatus.REVIEW_STATUS_APPROVED : ReviewStatus.REVIEW_STATUS_REJECTED, reason: '' }, h.staffToken)));

    const truth = await recomputed(h, productId);
    expect(truth.count).toBe(buyers.length + Math.floor(pendingIds.length / 2));
    expect(await ratingOf(productId)).toMatchObject({ count: truth.count, ratingSum: truth.sum });
  });
});
