// review.review.approved -> the review bonus for its author (once per review; see reward-review.ts).
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { LoyaltyEventType } from '../biz/ports.js';
import type { RewardReviewUseCase } from '../biz/reward-review.js';

export function reviewHandlers(rewarding: RewardReviewUseCase): CatalogHandlers<EventCatalog, LoyaltyEventType> {
  return {
    'review.review.approved': async ({ review }) => {
      if (!review) return;
      await rewarding.onApproved({ reviewId: review.id, customerId: review.customerId });
    },
  };
}
