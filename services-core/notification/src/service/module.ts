// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { NotificationGrpcService } from './notification-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(NotificationGrpcService).toSelf().inSingletonScope();
});
