// biz objects <-> ts-proto messages; the only place that knows both.
import {
  ReviewSort as SortMessage,
  ReviewStatus as StatusMessage,
  type ProductRating as ProductRatingMessage,
  type Review as ReviewMessage,
} from '@ecommerce/proto/review/v1/review';
import type { ReviewSort } from '../biz/ports.js';
import { averageOf, type ProductRating } from '../biz/rating.js';
import type { ModerationDecision, Review, ReviewStatus } from '../biz/review.js';

const STATUS_TO_PROTO: Record<ReviewStatus, StatusMessage> = {
  pending: StatusMessage.REVIEW_STATUS_PENDING,
  approved: StatusMessage.REVIEW_STATUS_APPROVED,
  rejected: StatusMessage.REVIEW_STATUS_REJECTED,
  flagged: StatusMessage.REVIEW_STATUS_FLAGGED,
};

const SORT_FROM_PROTO: Record<number, ReviewSort> = {
  [SortMessage.REVIEW_SORT_UNSPECIFIED]: 'newest',
  [SortMessage.REVIEW_SORT_NEWEST]: 'newest',
  [SortMessage.REVIEW_SORT_OLDEST]: 'oldest',
  [SortMessage.REVIEW_SORT_HIGHEST_RATING]: 'highest_rating',
  [SortMessage.REVIEW_SORT_LOWEST_RATING]: 'lowest_rating',
  [SortMessage.REVIEW_SORT_MOST_HELPFUL]: 'most_helpful',
};

/** For statuses validation already limited to the four real ones; undefined for UNSPECIFIED. */
export function statusFromProto(status: StatusMessage): ReviewStatus | undefined {
  return (Object.keys(STATUS_TO_PROTO) as ReviewStatus[]).find((s) => STATUS_TO_PROTO[s] === status);
}

export function decisionFromProto(status: StatusMessage): ModerationDecision {
  return statusFromProto(status) as ModerationDecision;
}

export function sortFromProto(sort: SortMessage): ReviewSort {
  return SORT_FROM_PROTO[sort] ?? 'newest';
}

export function reviewToProto(review: Review): ReviewMessage {
  return {
    id: review.id,
    productId: review.productId,
    customerId: review.customerId,
    rating: review.rating,
    title: review.title,
    body: review.body,
    imageUrls: review.imageUrls,
    status: STATUS_TO_PROTO[review.status],
    verifiedPurchase: review.verifiedPurchase,
    helpfulCount: review.helpfulCount,
    moderationReason: review.moderationReason,
    ...(review.reply
      ? { reply: { body: review.reply.body, authorId: review.reply.authorId, createTime: review.reply.createdAt, updateTime: review.reply.updatedAt } }
      : {}),
    createTime: review.createdAt,
    updateTime: review.updatedAt,
  };
}

export function ratingToProto(rating: ProductRating): ProductRatingMessage {
  return {
    productId: rating.productId,
    average: averageOf(rating),
    count: rating.count,
    ratingSum: rating.ratingSum,
    histogram: rating.histogram.map((count, i) => ({ rating: i + 1, count })),
  };
}
