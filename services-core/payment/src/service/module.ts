// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { PaymentGrpcService } from './payment-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(PaymentGrpcService).toSelf().inSingletonScope();
});
