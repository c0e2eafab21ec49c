// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler (review-service.ts) validates the request with, which the gateway lays
// over the REST routes it reads from the proto.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { ReviewServiceService } from '@ecommerce/proto/review/v1/review';
import type { z } from 'zod';
import { reviewServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof ReviewServiceService]: z.ZodObject | undefined } = {
  submitReview: schemas.submitReviewRequest,
  getReview: schemas.reviewIdRequest,
  listProductReviews: schemas.listProductReviewsRequest,
  getProductRating: schemas.productIdRequest,
  moderateReview: schemas.moderateReviewRequest,
  replyToReview: schemas.replyToReviewRequest,
  voteHelpful: schemas.reviewIdRequest,
  listReviewsForModeration: schemas.listReviewsForModerationRequest,
  deleteReview: schemas.reviewIdRequest,
};

/** Built once: the schemas do not change while the process runs. */
export const reviewOpenApi = rpcOpenApiFragment('review', reviewServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);
