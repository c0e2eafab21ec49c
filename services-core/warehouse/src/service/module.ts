// gRPC handlers: proto <-> biz.
import { ContainerModule } from 'inversify';
import { WarehouseGrpcService } from './warehouse-service.js';

export const serviceModule = new ContainerModule(({ bind }) => {
  bind(WarehouseGrpcService).toSelf().inSingletonScope();
});
