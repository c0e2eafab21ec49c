// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { SearchGrpcService } from './example-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(SearchGrpcService).toSelf().inSingletonScope();
});
