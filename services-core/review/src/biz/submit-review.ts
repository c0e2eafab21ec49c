// A customer's review of a product: the first submission creates it, a later one edits it. Either way the rules
// moderate the content again, and the product's rating moves by the difference in the same transaction.
import { inject, injectable } from 'inversify';
import { ModerationPolicy } from './moderation-policy.js';
import { MODERATION_POLICY, PURCHASE_REPOSITORY, REVIEW_REPOSITORY, UNIT_OF_WORK, type PurchaseRepository, type ReviewRepository, type ReviewUnitOfWork } from './ports.js';
import { RatingBook } from './rating-book.js';
import { reviewEvents } from './review-events.js';
import type { Review, ReviewContent } from './review.js';

export interface SubmitReviewInput extends ReviewContent {
  customerId: string;
  productId: string;
}

@injectable()
export class SubmitReviewUseCase {
  constructor(
    @inject(REVIEW_REPOSITORY) private readonly reviews: ReviewRepository,
    @inject(PURCHASE_REPOSITORY) private readonly purchases: PurchaseRepository,
    @inject(MODERATION_POLICY) private readonly policy: ModerationPolicy,
    @inject(RatingBook) private readonly ratings: RatingBook,
    @inject(UNIT_OF_WORK) private readonly uow: ReviewUnitOfWork,
  ) {}

  execute(input: SubmitReviewInput): Promise<{ review: Review; created: boolean }> {
    const content: ReviewContent = { rating: input.rating, title: input.title.trim(), body: input.body.trim(), imageUrls: input.imageUrls };
    return this.uow.run(async (tx, events) => {
      // A delivery or SKU being recorded at this moment either commits first (and is seen here) or waits and then sees this review.
      await this.purchases.lockForVerification(tx, { customers: [input.customerId], products: [input.productId] });
      const verifiedPurchase = await this.purchases.hasPurchased(tx, input.customerId, input.productId);
      const outcome = this.policy.decide(content, verifiedPurchase);
      // Insert-or-nothing, then lock: two first submissions racing end as one review and one edit.
      const inserted = await this.reviews.insertIfAbsent(tx, {
        ...content,
        productId: input.productId,
        customerId: input.customerId,
        status: outcome.status,
        moderationReason: outcome.reason,
        verifiedPurchase,
      });
      if (inserted) {
        reviewEvents.submitted(events, inserted);
        await this.ratings.move(tx, events, inserted.productId, undefined, inserted);
        return { review: inserted, created: true };
      }
      const before = await this.reviews.lockByAuthor(tx, input.customerId, input.productId);
      const edited = await this.reviews.edit(tx, before.id, content, { status: outcome.status, moderationReason: outcome.reason, verifiedPurchase });
      reviewEvents.edited(events, edited, before);
      await this.ratings.move(tx, events, edited.productId, before, edited);
      return { review: edited, created: false };
    });
  }
}
