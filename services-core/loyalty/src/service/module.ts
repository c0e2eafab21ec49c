// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { LoyaltyGrpcService } from './loyalty-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(LoyaltyGrpcService).toSelf().inSingletonScope();
});
