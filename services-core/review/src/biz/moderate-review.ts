// A moderator's decision on a review. Approving puts it into its product's rating, rejecting or flagging an
// approved review takes it out, in the same transaction as the decision.
import { inject, injectable } from 'inversify';
import { REVIEW_REPOSITORY, UNIT_OF_WORK, type ReviewRepository, type ReviewUnitOfWork } from './ports.js';
import { RatingBook } from './rating-book.js';
import { reviewEvents } from './review-events.js';
import { assertModeration, type ModerationDecision, type Review } from './review.js';

export interface ModerateReviewInput {
  reviewId: string;
  decision: ModerationDecision;
  reason: string;
  moderatorId: string;
}

@injectable()
export class ModerateReviewUseCase {
  constructor(
    @inject(REVIEW_REPOSITORY) private readonly reviews: ReviewRepository,
    @inject(RatingBook) private readonly ratings: RatingBook,
    @inject(UNIT_OF_WORK) private readonly uow: ReviewUnitOfWork,
  ) {}

  execute(input: ModerateReviewInput): Promise<Review> {
    return this.uow.run(async (tx, events) => {
      const before = await this.reviews.lock(tx, input.reviewId);
      assertModeration(before, input.decision);
      const after = await this.reviews.moderate(tx, before.id, { status: input.decision, reason: input.reason.trim(), moderatorId: input.moderatorId });
      reviewEvents.moderated(events, after);
      await this.ratings.move(tx, events, after.productId, before, after);
      return after;
    });
  }
}
