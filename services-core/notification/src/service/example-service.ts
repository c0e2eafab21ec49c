// gRPC handlers of ecommerce.notification.v1.NotificationService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/notification/v1/notification';
import type { NotificationServiceService } from '@ecommerce/proto/notification/v1/notification';
import { CreateExampleUseCase } from '../biz/create-example.js';
import * as schemas from './request-schemas.js';

@injectable()
export class NotificationGrpcService implements UnaryHandlers<typeof NotificationServiceService> {
  constructor(@inject(CreateExampleUseCase) private readonly creating: CreateExampleUseCase) {}

  async createExample(request: pb.CreateExampleRequest): Promise<pb.CreateExampleResponse> {
    const { name } = parseProtoRequest(schemas.createExampleRequest, request);
    const example = await this.creating.execute(name);
    return { example: { id: example.id, name: example.name, createTime: example.createdAt } };
  }
}
