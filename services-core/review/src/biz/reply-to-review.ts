// The merchant's public reply to a review (staff); a second reply replaces the first.
import { inject, injectable } from 'inversify';
import { REVIEW_REPOSITORY, UNIT_OF_WORK, type ReviewRepository, type ReviewUnitOfWork } from './ports.js';
import { reviewEvents } from './review-events.js';
import type { Review } from './review.js';

@injectable()
export class ReplyToReviewUseCase {
  constructor(
    @inject(REVIEW_REPOSITORY) private readonly reviews: ReviewRepository,
    @inject(UNIT_OF_WORK) private readonly uow: ReviewUnitOfWork,
  ) {}

  execute(input: { reviewId: string; body: string; authorId: string }): Promise<Review> {
    return this.uow.run(async (tx, events) => {
      await this.reviews.lock(tx, input.reviewId);
      const review = await this.reviews.setReply(tx, input.reviewId, { body: input.body.trim(), authorId: input.authorId });
      reviewEvents.replied(events, review);
      return review;
    });
  }
}
