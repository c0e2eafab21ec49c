// gRPC handlers of ecommerce.search.v1.SearchService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/search/v1/search';
import type { SearchServiceService } from '@ecommerce/proto/search/v1/search';
import { CreateExampleUseCase } from '../biz/create-example.js';
import * as schemas from './request-schemas.js';

@injectable()
export class SearchGrpcService implements UnaryHandlers<typeof SearchServiceService> {
  constructor(@inject(CreateExampleUseCase) private readonly creating: CreateExampleUseCase) {}

  async createExample(request: pb.CreateExampleRequest): Promise<pb.CreateExampleResponse> {
    const { name } = parseProtoRequest(schemas.createExampleRequest, request);
    const example = await this.creating.execute(name);
    return { example: { id: example.id, name: example.name, createTime: example.createdAt } };
  }
}
