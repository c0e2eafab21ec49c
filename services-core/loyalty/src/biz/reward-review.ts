// An approved review earns the review bonus, once per review: a review approved again after an edit, or an
// event delivered twice, pays nothing more.
import { inject, injectable } from 'inversify';
import { dedupeKeys } from './account.js';
import { PointsBook } from './points-book.js';
import { RULES, UNIT_OF_WORK, type LoyaltyUnitOfWork } from './ports.js';
import type { LoyaltyRules } from './rules.js';

@injectable()
export class RewardReviewUseCase {
  constructor(
    @inject(PointsBook) private readonly book: PointsBook,
    @inject(UNIT_OF_WORK) private readonly uow: LoyaltyUnitOfWork,
    @inject(RULES) private readonly rules: LoyaltyRules,
  ) {}

  onApproved(review: { reviewId: string; customerId: string }): Promise<void> {
    if (this.rules.reviewBonus <= 0 || !review.customerId || !review.reviewId) return Promise.resolve();
    return this.uow.run(async (tx, events) => {
      const { account } = await this.book.openLocked(tx, events, review.customerId);
      await this.book.credit(tx, events, account, { kind: 'earn', points: this.rules.reviewBonus, dedupeKey: dedupeKeys.review(review.reviewId), reason: `review ${review.reviewId} approved` });
    });
  }
}
