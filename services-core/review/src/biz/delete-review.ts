// Deleting a review (its author or staff): its votes go with it, and an approved review leaves its product's
// rating in the same transaction.
import { NotFoundError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import type { Actor } from './actor.js';
import { REVIEW_REPOSITORY, UNIT_OF_WORK, type ReviewRepository, type ReviewUnitOfWork } from './ports.js';
import { RatingBook } from './rating-book.js';
import { reviewEvents } from './review-events.js';

@injectable()
export class DeleteReviewUseCase {
  constructor(
    @inject(REVIEW_REPOSITORY) private readonly reviews: ReviewRepository,
    @inject(RatingBook) private readonly ratings: RatingBook,
    @inject(UNIT_OF_WORK) private readonly uow: ReviewUnitOfWork,
  ) {}

  async execute(actor: Actor, reviewId: string): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const review = await this.reviews.lock(tx, reviewId);
      // Someone else's review is not theirs to know about.
      if (!actor.staff && review.customerId !== actor.id) throw new NotFoundError('review', reviewId);
      await this.reviews.delete(tx, review.id);
      reviewEvents.deleted(events, review, new Date());
      await this.ratings.move(tx, events, review.productId, review, undefined);
    });
  }
}
