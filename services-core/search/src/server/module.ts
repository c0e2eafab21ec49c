// The transport layer: which gRPC services the server exposes (servers start in main.ts).
import { ContainerModule } from 'inversify';
import { searchServiceRegistration } from './grpc-services.js';

export const GRPC_SERVICES = Symbol.for('search.GrpcServices');

export const serverModule = new ContainerModule(({ bind }) => {
  bind(GRPC_SERVICES).toConstantValue([searchServiceRegistration]);
});
