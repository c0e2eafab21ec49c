// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { PricingGrpcService } from './example-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(PricingGrpcService).toSelf().inSingletonScope();
});
