// Helpful votes: one per customer per review, however many times and however concurrently they vote; approved
// reviews only; never one's own.
import { randomUUID } from 'node:crypto';
import { ReviewStatus } from '@ecommerce/proto/review/v1/review';
import { describe, expect, it } from 'vitest';
import { aBuyerOf, aReview, rejectionOf, rowCount } from './builders.js';
import { useHarness } from './harness.js';

const h = useHarness();

async function anApprovedReview(): Promise<{ id: string; authorToken: string }> {
  const productId = randomUUID();
  const buyer = await aBuyerOf(h, productId);
  const { review } = await h.call('submitReview', aReview({ productId }), buyer.token);
  return { id: review!.id, authorToken: buyer.token };
}

describe('VoteHelpful', () => {
  it('counts 30 concurrent votes by one customer once', async () => {
    const { id } = await anApprovedReview();
    const voter = await h.newCustomer();

    const answers = await Promise.all(Array.from({ length: 30 }, () => h.call('voteHelpful', { id }, voter.token)));

    expect(answers.filter((a) => a.counted)).toHaveLength(1);
    expect(await rowCount(h, 'review_votes', { review_id: id })).toBe(1);
    expect((await h.call('getReview', { id }, voter.token)).review!.helpfulCount).toBe(1);
  });

  it('counts each of many customers voting at once', async () => {
    const { id } = await anApprovedReview();
    const voters = await Promise.all(Array.from({ length: 12 }, () => h.newCustomer()));

    await Promise.all(voters.flatMap((v) => [h.call('voteHelpful', { id }, v.token), h.call('voteHelpful', { id }, v.token)]));

    expect((await h.call('getReview', { id }, voters[0]!.token)).review!.helpfulCount).toBe(12);
    expect(await rowCount(h, 'review_votes', { review_id: id })).toBe(12);
  });

  it('refuses a vote on one\'s own review', async () => {
    const { id, authorToken } = await anApprovedReview();

    expect((await rejectionOf(h.call('voteHelpful', { id }, authorToken))).type).toBe('failed_precondition');
  });

  it('does not find a review that is not approved, nor an unknown one', async () => {
    const author = await h.newCustomer();
    const voter = await h.newCustomer();
    const { review } = await h.call('submitReview', aReview(), author.token);

    expect((await rejectionOf(h.call('voteHelpful', { id: review!.id }, voter.token))).type).toBe('not_found');
    expect((await rejectionOf(h.call('voteHelpful', { id: randomUUID() }, voter.token))).type).toBe('not_found');
    expect(review!.status).toBe(ReviewStatus.REVIEW_STATUS_PENDING);
  });

  it('answers INVALID_ARGUMENT naming id for an id that is no UUID, and refuses an anonymous caller', async () => {
    const voter = await h.newCustomer();

    expect((await rejectionOf(h.call('voteHelpful', { id: 'r-1' }, voter.token))).details).toEqual([expect.objectContaining({ field: 'id' })]);
    expect((await rejectionOf(h.call('voteHelpful', { id: randomUUID() }))).type).toBe('unauthenticated');
  });
});
