// gRPC handlers of ecommerce.review.v1.ReviewService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, principalOfCall, type CallContext, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/review/v1/review';
import type { ReviewServiceService } from '@ecommerce/proto/review/v1/review';
import type { Actor } from '../biz/actor.js';
import { DeleteReviewUseCase } from '../biz/delete-review.js';
import { ModerateReviewUseCase } from '../biz/moderate-review.js';
import { ReadReviewsUseCase } from '../biz/read-reviews.js';
import { ReplyToReviewUseCase } from '../biz/reply-to-review.js';
import { SubmitReviewUseCase } from '../biz/submit-review.js';
import { VoteHelpfulUseCase } from '../biz/vote-helpful.js';
import { decisionFromProto, ratingToProto, reviewToProto, sortFromProto, statusFromProto } from './mappers.js';
import * as schemas from './request-schemas.js';

const DEFAULT_PAGE_SIZE = 20;
const STAFF_ROLES = ['staff', 'admin'];

function actorOf(ctx: CallContext): Actor {
  const principal = principalOfCall(ctx);
  return { id: principal.sub, staff: principal.roles.some((role) => STAFF_ROLES.includes(role)) };
}

@injectable()
export class ReviewGrpcService implements UnaryHandlers<typeof ReviewServiceService> {
  constructor(
    @inject(SubmitReviewUseCase) private readonly submitting: SubmitReviewUseCase,
    @inject(ModerateReviewUseCase) private readonly moderating: ModerateReviewUseCase,
    @inject(ReplyToReviewUseCase) private readonly replying: ReplyToReviewUseCase,
    @inject(VoteHelpfulUseCase) private readonly voting: VoteHelpfulUseCase,
    @inject(DeleteReviewUseCase) private readonly deleting: DeleteReviewUseCase,
    @inject(ReadReviewsUseCase) private readonly reading: ReadReviewsUseCase,
  ) {}

  async submitReview(request: pb.SubmitReviewRequest, ctx: CallContext): Promise<pb.SubmitReviewResponse> {
    const input = parseProtoRequest(schemas.submitReviewRequest, request);
    const { review, created } = await this.submitting.execute({ ...input, customerId: principalOfCall(ctx).sub });
    return { review: reviewToProto(review), created };
  }

  async getReview(request: pb.GetReviewRequest, ctx: CallContext): Promise<pb.GetReviewResponse> {
    const { id } = parseProtoRequest(schemas.reviewIdRequest, request);
    return { review: reviewToProto(await this.reading.get(actorOf(ctx), id)) };
  }

  async listProductReviews(request: pb.ListProductReviewsRequest, ctx: CallContext): Promise<pb.ListProductReviewsResponse> {
    const query = parseProtoRequest(schemas.listProductReviewsRequest, request);
    const page = query.page || 1;
    const pageSize = query.pageSize || DEFAULT_PAGE_SIZE;
    ctx.signal.throwIfAborted();
    const result = await this.reading.listForProduct(query.productId, query.rating ? { rating: query.rating } : {}, sortFromProto(query.sort), { page, pageSize });
    return { reviews: result.reviews.map(reviewToProto), page, pageSize, total: result.total };
  }

  async getProductRating(request: pb.GetProductRatingRequest): Promise<pb.GetProductRatingResponse> {
    const { productId } = parseProtoRequest(schemas.productIdRequest, request);
    return { rating: ratingToProto(await this.reading.productRating(productId)) };
  }

  async moderateReview(request: pb.ModerateReviewRequest, ctx: CallContext): Promise<pb.ModerateReviewResponse> {
    const { id, status, reason } = parseProtoRequest(schemas.moderateReviewRequest, request);
    const review = await this.moderating.execute({ reviewId: id, decision: decisionFromProto(status), reason, moderatorId: principalOfCall(ctx).sub });
    return { review: reviewToProto(review) };
  }

  async replyToReview(request: pb.ReplyToReviewRequest, ctx: CallContext): Promise<pb.ReplyToReviewResponse> {
    const { id, body } = parseProtoRequest(schemas.replyToReviewRequest, request);
    return { review: reviewToProto(await this.replying.execute({ reviewId: id, body, authorId: principalOfCall(ctx).sub })) };
  }

  async voteHelpful(request: pb.VoteHelpfulRequest, ctx: CallContext): Promise<pb.VoteHelpfulResponse> {
    const { id } = parseProtoRequest(schemas.reviewIdRequest, request);
    const { review, counted } = await this.voting.execute({ reviewId: id, customerId: principalOfCall(ctx).sub });
    return { review: reviewToProto(review), counted };
  }

  async listReviewsForModeration(request: pb.ListReviewsForModerationRequest, ctx: CallContext): Promise<pb.ListReviewsForModerationResponse> {
    const query = parseProtoRequest(schemas.listReviewsForModerationRequest, request);
    const page = query.page || 1;
    const pageSize = query.pageSize || DEFAULT_PAGE_SIZE;
    const status = statusFromProto(query.status);
    ctx.signal.throwIfAborted();
    const result = await this.reading.listForModeration({ ...(status ? { status } : {}), ...(query.productId ? { productId: query.productId } : {}) }, { page, pageSize });
    return { reviews: result.reviews.map(reviewToProto), page, pageSize, total: result.total };
  }

  async deleteReview(request: pb.DeleteReviewRequest, ctx: CallContext): Promise<pb.DeleteReviewResponse> {
    const { id } = parseProtoRequest(schemas.reviewIdRequest, request);
    await this.deleting.execute(actorOf(ctx), id);
    return {};
  }
}
