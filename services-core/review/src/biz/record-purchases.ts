// Verified purchases from other services' events: whose an order is (order placed), which SKUs of it arrived
// (shipment delivered) and which product a SKU is (catalog). Whichever of them comes last completes a purchase;
// a purchase marks the buyer's existing review of the product verified, and a pending one is moderated again by
// the rules (a verified, clean review is approved and joins the rating). Each event is applied once: the
// consumer's inbox skips a redelivery, and every write here is insert-if-absent besides. Verification locks (see
// VerificationScope) order a purchase against a concurrent submission or SKU, so neither misses the other.
import type { Transaction } from '@ecommerce/common/events';
import { inject, injectable } from 'inversify';
import { ModerationPolicy } from './moderation-policy.js';
import { MODERATION_POLICY, PURCHASE_REPOSITORY, REVIEW_REPOSITORY, type PurchaseRepository, type ReviewEvents, type ReviewRepository } from './ports.js';
import { RatingBook } from './rating-book.js';
import { reviewEvents } from './review-events.js';

@injectable()
export class RecordPurchasesUseCase {
  constructor(
    @inject(PURCHASE_REPOSITORY) private readonly purchases: PurchaseRepository,
    @inject(REVIEW_REPOSITORY) private readonly reviews: ReviewRepository,
    @inject(MODERATION_POLICY) private readonly policy: ModerationPolicy,
    @inject(RatingBook) private readonly ratings: RatingBook,
  ) {}

  /** Runs in the consumer's transaction (the inbox row commits with it). */
  async orderPlaced(tx: Transaction, events: ReviewEvents, order: { orderId: string; customerId: string }): Promise<void> {
    await this.purchases.rememberOrderCustomer(tx, order.orderId, order.customerId);
    await this.completeOrder(tx, events, order.orderId);
  }

  async delivered(tx: Transaction, events: ReviewEvents, delivery: { orderId: string; skus: string[] }): Promise<void> {
    await this.purchases.rememberDeliveredSkus(tx, delivery.orderId, delivery.skus);
    await this.completeOrder(tx, events, delivery.orderId);
  }

  async productKnown(tx: Transaction, events: ReviewEvents, product: { productId: string; sku: string }): Promise<void> {
    await this.purchases.rememberProductSku(tx, product.productId, product.sku);
    await this.purchases.lockForVerification(tx, { products: [product.productId], skus: [product.sku] });
    await this.verify(tx, events, await this.purchases.unverifiedReviewsOfPurchases(tx, { productId: product.productId }));
  }

  private async completeOrder(tx: Transaction, events: ReviewEvents, orderId: string): Promise<void> {
    const added = await this.purchases.recordPurchasesOfOrder(tx, orderId);
    if (added.length === 0) return;
    await this.purchases.lockForVerification(tx, { customers: added.map((p) => p.customerId), skus: added.map((p) => p.sku) });
    await this.verify(tx, events, await this.purchases.unverifiedReviewsOfPurchases(tx, { purchases: added }));
  }

  private async verify(tx: Transaction, events: ReviewEvents, reviewIds: string[]): Promise<void> {
    // Every review locked first, in id order, before any rating row: a use case holds a review and then its
    // product's rating, so taking a rating between two review locks could deadlock with it.
    const locked = [];
    for (const id of [...reviewIds].sort()) locked.push(await this.reviews.lock(tx, id));
    for (const before of locked) {
      if (before.verifiedPurchase) continue;
      let review = await this.reviews.markVerified(tx, before.id);
      reviewEvents.verified(events, review);
      // Only the rules' own "waiting" is revisited: a moderator's decision or a flag stays as it is.
      if (before.status === 'pending' && before.moderatedBy === '') {
        const outcome = this.policy.decide(review, true);
        if (outcome.status !== 'pending') {
          review = await this.reviews.moderate(tx, review.id, { status: outcome.status, reason: outcome.reason, moderatorId: '' });
          reviewEvents.moderated(events, review);
          await this.ratings.move(tx, events, review.productId, before, review);
        }
      }
    }
  }
}
