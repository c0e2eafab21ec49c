// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names, which
// parseProtoRequest reports in the proto's snake_case (`image_urls[1]`).
import { z } from 'zod';
import { ReviewSort, ReviewStatus } from '@ecommerce/proto/review/v1/review';
import { REVIEW_LIMITS } from '../biz/review.js';

const id = z.uuid({ message: 'must be a UUID' });
const page = z.number().int().min(0, 'must not be negative').max(100_000, 'must be at most 100000');
const pageSize = z.number().int().min(0, 'must not be negative').max(100, 'must be at most 100');

const imageUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, message: 'must be an https URL with a domain name' })
  .max(REVIEW_LIMITS.imageUrlMaxLength, `must be at most ${REVIEW_LIMITS.imageUrlMaxLength} characters`)
  .refine((url) => !/^https:\/\/[^/?#]*@/.test(url), 'must not carry credentials');

export const submitReviewRequest = z
  .object({
    productId: id,
    rating: z.number().int().min(1, 'must be between 1 and 5').max(5, 'must be between 1 and 5'),
    title: z.string().trim().max(REVIEW_LIMITS.titleMaxLength, `must be at most ${REVIEW_LIMITS.titleMaxLength} characters`),
    body: z.string().trim().max(REVIEW_LIMITS.bodyMaxLength, `must be at most ${REVIEW_LIMITS.bodyMaxLength} characters`),
    imageUrls: z.array(imageUrl).max(REVIEW_LIMITS.imageUrlsMax, `must hold at most ${REVIEW_LIMITS.imageUrlsMax} URLs`),
  })
  .superRefine((review, ctx) => {
    // A headline with nothing under it says nothing a rating does not.
    if (review.title !== '' && review.body === '') ctx.addIssue({ code: 'custom', path: ['body'], message: 'must not be empty when a title is given' });
  });

export const reviewIdRequest = z.object({ id });

export const productIdRequest = z.object({ productId: id });

export const listProductReviewsRequest = z.object({
  productId: id,
  page,
  pageSize,
  sort: z.union(
    [
      z.literal(ReviewSort.REVIEW_SORT_UNSPECIFIED),
      z.literal(ReviewSort.REVIEW_SORT_NEWEST),
      z.literal(ReviewSort.REVIEW_SORT_OLDEST),
      z.literal(ReviewSort.REVIEW_SORT_HIGHEST_RATING),
      z.literal(ReviewSort.REVIEW_SORT_LOWEST_RATING),
      z.literal(ReviewSort.REVIEW_SORT_MOST_HELPFUL),
    ],
    { message: 'must be a ReviewSort' },
  ),
  rating: z.number().int().min(0, 'must be between 0 and 5').max(5, 'must be between 0 and 5'),
});

export const moderateReviewRequest = z.object({
  id,
  status: z.union([z.literal(ReviewStatus.REVIEW_STATUS_APPROVED), z.literal(ReviewStatus.REVIEW_STATUS_REJECTED), z.literal(ReviewStatus.REVIEW_STATUS_FLAGGED)], {
    message: 'must be REVIEW_STATUS_APPROVED, REVIEW_STATUS_REJECTED or REVIEW_STATUS_FLAGGED',
  }),
  reason: z.string().trim().max(REVIEW_LIMITS.reasonMaxLength, `must be at most ${REVIEW_LIMITS.reasonMaxLength} characters`),
});

export const replyToReviewRequest = z.object({
  id,
  body: z.string().trim().min(1, 'must not be empty').max(REVIEW_LIMITS.replyMaxLength, `must be at most ${REVIEW_LIMITS.replyMaxLength} characters`),
});

export const listReviewsForModerationRequest = z.object({
  status: z.union(
    [
      z.literal(ReviewStatus.REVIEW_STATUS_UNSPECIFIED),
      z.literal(ReviewStatus.REVIEW_STATUS_PENDING),
      z.literal(ReviewStatus.REVIEW_STATUS_APPROVED),
      z.literal(ReviewStatus.REVIEW_STATUS_REJECTED),
      z.literal(ReviewStatus.REVIEW_STATUS_FLAGGED),
    ],
    { message: 'must be a ReviewStatus' },
  ),
  productId: z.union([z.literal(''), id]),
  page,
  pageSize,
});
