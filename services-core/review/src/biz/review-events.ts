// The review.* integration events the use cases decide (proto/events/v1/review.proto): the review as it is after
// the change, and the product's rating after it moved, so consumers (search, notification) need no call back.
import type { ReviewSnapshot } from '@ecommerce/proto/events/v1/review';
import type { ReviewEvents } from './ports.js';
import { averageOf, type ProductRating } from './rating.js';
import type { Review, ReviewStatus } from './review.js';

function snapshot(review: Review): ReviewSnapshot {
  return {
    id: review.id,
    productId: review.productId,
    customerId: review.customerId,
    rating: review.rating,
    title: review.title,
    body: review.body,
    imageUrls: review.imageUrls,
    status: review.status,
    verifiedPurchase: review.verifiedPurchase,
    helpfulCount: review.helpfulCount,
    moderationReason: review.moderationReason,
    createTime: review.createdAt,
    updateTime: review.updatedAt,
  };
}

/** The event announcing that `review` arrived in its status (pending announces nothing: nothing was decided). */
function statusReached(events: ReviewEvents, review: Review): void {
  const data = { review: snapshot(review), moderatorId: review.moderatedBy };
  if (review.status === 'approved') events.record('review.review.approved', { subject: review.id, data });
  if (review.status === 'rejected') events.record('review.review.rejected', { subject: review.id, data });
  if (review.status === 'flagged') events.record('review.review.flagged', { subject: review.id, data });
}

export const reviewEvents = {
  submitted(events: ReviewEvents, review: Review) {
    events.record('review.review.submitted', { subject: review.id, data: { review: snapshot(review) } });
    statusReached(events, review);
  },
  edited(events: ReviewEvents, review: Review, previous: { rating: number; status: ReviewStatus }) {
    events.record('review.review.edited', { subject: review.id, data: { review: snapshot(review), previousRating: previous.rating, previousStatus: previous.status } });
    if (review.status !== previous.status) statusReached(events, review);
  },
  moderated: statusReached,
  verified(events: ReviewEvents, review: Review) {
    events.record('review.review.verified', { subject: review.id, data: { review: snapshot(review) } });
  },
  replied(events: ReviewEvents, review: Review) {
    const reply = review.reply!;
    events.record('review.review.replied', {
      subject: review.id,
      data: { reviewId: review.id, productId: review.productId, customerId: review.customerId, replyBody: reply.body, authorId: reply.authorId, replyTime: reply.updatedAt },
    });
  },
  deleted(events: ReviewEvents, review: Review, deleteTime: Date) {
    events.record('review.review.deleted', {
      subject: review.id,
      data: { reviewId: review.id, productId: review.productId, customerId: review.customerId, deleteTime },
    });
  },
  ratingChanged(events: ReviewEvents, rating: ProductRating) {
    events.record('review.rating.changed', {
      subject: rating.productId,
      data: {
        productId: rating.productId,
        average: averageOf(rating),
        count: rating.count,
        ratingSum: rating.ratingSum,
        histogram: rating.histogram.map((count, i) => ({ rating: i + 1, count })),
      },
    });
  },
};
