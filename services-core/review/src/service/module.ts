// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { ReviewGrpcService } from './review-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(ReviewGrpcService).toSelf().inSingletonScope();
});
