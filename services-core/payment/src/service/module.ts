// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { PaymentGrpcService } from './example-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(PaymentGrpcService).toSelf().inSingletonScope();
});
