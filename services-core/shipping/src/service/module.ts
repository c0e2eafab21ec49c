// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { ShippingGrpcService } from './shipping-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(ShippingGrpcService).toSelf().inSingletonScope();
});
