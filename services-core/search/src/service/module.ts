// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { SearchGrpcService } from './search-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(SearchGrpcService).toSelf().inSingletonScope();
});
