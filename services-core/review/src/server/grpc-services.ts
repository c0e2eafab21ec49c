// What the gRPC port serves and who may call each method: the service's table of contents. Ownership (a customer
// edits and deletes only their own review, sees only their own unapproved one) is checked by the use cases.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { ReviewServiceService } from '@ecommerce/proto/review/v1/review';
import { ReviewGrpcService } from '../service/review-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];
/** Reviews and votes are a shopper's own voice: staff accounts neither write nor vote. */
const CUSTOMER: MethodAccess = ['customer'];

export const reviewServiceRegistration: GrpcServiceRegistration = grpcService(ReviewServiceService, ReviewGrpcService, {
  submitReview: CUSTOMER,
  getReview: 'authenticated',
  listProductReviews: 'public',
  getProductRating: 'public',
  moderateReview: STAFF,
  replyToReview: STAFF,
  voteHelpful: CUSTOMER,
  listReviewsForModeration: STAFF,
  deleteReview: 'authenticated',
});
