// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { ShippingGrpcService } from './example-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(ShippingGrpcService).toSelf().inSingletonScope();
});
