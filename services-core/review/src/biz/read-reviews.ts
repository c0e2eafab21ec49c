// Reading reviews and ratings: a product's public list, one review as the caller may see it, and the queue.
import { NotFoundError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import { canSee, type Actor } from './actor.js';
import { RATING_REPOSITORY, REVIEW_REPOSITORY, type PageRequest, type RatingRepository, type ReviewPage, type ReviewRepository, type ReviewSort } from './ports.js';
import type { ProductRating } from './rating.js';
import type { Review, ReviewStatus } from './review.js';

/** What the moderation queue shows when no status is asked for: what waits for a moderator. */
export const AWAITING_MODERATION: ReviewStatus[] = ['pending', 'flagged'];

@injectable()
export class ReadReviewsUseCase {
  constructor(
    @inject(REVIEW_REPOSITORY) private readonly reviews: ReviewRepository,
    @inject(RATING_REPOSITORY) private readonly ratings: RatingRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<Review> {
    const review = await this.reviews.get(id);
    if (!canSee(actor, review)) throw new NotFoundError('review', id);
    return review;
  }

  listForProduct(productId: string, filter: { rating?: number }, sort: ReviewSort, page: PageRequest): Promise<ReviewPage> {
    return this.reviews.listApproved(productId, filter, sort, page);
  }

  listForModeration(filter: { status?: ReviewStatus; productId?: string }, page: PageRequest): Promise<ReviewPage> {
    const statuses = filter.status ? [filter.status] : AWAITING_MODERATION;
    return this.reviews.listForModeration({ statuses, ...(filter.productId ? { productId: filter.productId } : {}) }, page);
  }

  productRating(productId: string): Promise<ProductRating> {
    return this.ratings.get(productId);
  }
}
