// Keeps each product's rating in step with its approved reviews: every use case that changes a review hands the
// review's state before and after to `move`, inside its own transaction, so the rating can never drift from
// the reviews (an edit counts once, only approved reviews count) and review.rating.changed commits with it.
import type { Transaction } from '@ecommerce/common/events';
import { inject, injectable } from 'inversify';
import { RATING_REPOSITORY, type RatingRepository, type ReviewEvents } from './ports.js';
import { isNoChange, ratingDelta, type RatingContribution } from './rating.js';
import { reviewEvents } from './review-events.js';

@injectable()
export class RatingBook {
  constructor(@inject(RATING_REPOSITORY) private readonly ratings: RatingRepository) {}

  async move(tx: Transaction, events: ReviewEvents, productId: string, before: RatingContribution | undefined, after: RatingContribution | undefined): Promise<void> {
    const delta = ratingDelta(before, after);
    if (isNoChange(delta)) return;
    const rating = await this.ratings.apply(tx, productId, delta);
    reviewEvents.ratingChanged(events, rating);
  }
}
