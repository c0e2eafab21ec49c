// The review as the domain sees it, its limits, and which moderation decisions a moderator may take from which status.
import { FailedPreconditionError } from '@ecommerce/common/errors';

export type ReviewStatus = 'pending' | 'approved' | 'rejected' | 'flagged';
/** What a moderator may decide; pending is only ever set by the rules. */
export type ModerationDecision = Exclude<ReviewStatus, 'pending'>;

export const REVIEW_LIMITS = {
  titleMaxLength: 150,
  bodyMaxLength: 5000,
  imageUrlsMax: 6,
  imageUrlMaxLength: 2048,
  replyMaxLength: 2000,
  reasonMaxLength: 500,
} as const;

export interface MerchantReply {
  body: string;
  authorId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Review {
  id: string;
  productId: string;
  customerId: string;
  rating: number;
  title: string;
  body: string;
  imageUrls: string[];
  status: ReviewStatus;
  moderationReason: string;
  /** Empty when the rules decided the status. */
  moderatedBy: string;
  verifiedPurchase: boolean;
  helpfulCount: number;
  reply?: MerchantReply;
  createdAt: Date;
  updatedAt: Date;
}

/** What the author writes; every submission carries all of it (an edit replaces the whole content). */
export interface ReviewContent {
  rating: number;
  title: string;
  body: string;
  imageUrls: string[];
}

/** Throws FailedPreconditionError when a moderator would leave the review where it is. */
export function assertModeration(review: Review, decision: ModerationDecision): void {
  if (review.status === decision) {
    throw new FailedPreconditionError(`review ${review.id} is already ${decision}`, [{ field: 'status', message: `already ${decision}` }]);
  }
}
