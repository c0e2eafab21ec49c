// gRPC handlers of ecommerce.__name__.v1.__Name__Service: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/__name__/v1/__name__';
import type { __Name__ServiceService } from '@ecommerce/proto/__name__/v1/__name__';
import { CreateExampleUseCase } from '../biz/create-example.js';
import * as schemas from './request-schemas.js';

@injectable()
export class __Name__GrpcService implements UnaryHandlers<typeof __Name__ServiceService> {
  constructor(@inject(CreateExampleUseCase) private readonly creating: CreateExampleUseCase) {}

  async createExample(request: pb.CreateExampleRequest): Promise<pb.CreateExampleResponse> {
    const { name } = parseProtoRequest(schemas.createExampleRequest, request);
    const example = await this.creating.execute(name);
    return { example: { id: example.id, name: example.name, createTime: example.createdAt } };
  }
}
