import { ContainerModule } from 'inversify';
import { UserGrpcService } from './user-service.js';

/** gRPC handlers: proto <-> biz. */
export const serviceModule = new ContainerModule(({ bind }) => {
  bind(UserGrpcService).toSelf().inSingletonScope();
});
