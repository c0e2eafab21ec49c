// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { PricingGrpcService } from './pricing-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(PricingGrpcService).toSelf().inSingletonScope();
});
