// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { PromotionGrpcService } from './promotion-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(PromotionGrpcService).toSelf().inSingletonScope();
});
