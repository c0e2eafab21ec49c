// gRPC handlers of ecommerce.review.v1.ReviewService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/review/v1/review';
import type { ReviewServiceService } from '@ecommerce/proto/review/v1/review';
import { CreateExampleUseCase } from '../biz/create-example.js';
import * as schemas from './request-schemas.js';

@injectable()
export class ReviewGrpcService implements UnaryHandlers<typeof ReviewServiceService> {
  constructor(@inject(CreateExampleUseCase) private readonly creating: CreateExampleUseCase) {}

  async createExample(request: pb.CreateExampleRequest): Promise<pb.CreateExampleResponse> {
    const { name } = parseProtoRequest(schemas.createExampleRequest, request);
    const example = await this.creating.execute(name);
    return { example: { id: example.id, name: example.name, createTime: example.createdAt } };
  }
}
