// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { __Name__GrpcService } from './example-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(__Name__GrpcService).toSelf().inSingletonScope();
});
