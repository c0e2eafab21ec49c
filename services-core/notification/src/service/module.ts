// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { NotificationGrpcService } from './example-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(NotificationGrpcService).toSelf().inSingletonScope();
});
