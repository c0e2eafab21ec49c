// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { OrderGrpcService } from './order-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(OrderGrpcService).toSelf().inSingletonScope();
});
