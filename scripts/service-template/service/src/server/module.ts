// The transport layer: which gRPC services the server exposes (servers start in main.ts).
import { ContainerModule } from 'inversify';
import { __name__ServiceRegistration } from './grpc-services.js';

export const GRPC_SERVICES = Symbol.for('__name__.GrpcServices');

export const serverModule = new ContainerModule(({ bind }) => {
  bind(GRPC_SERVICES).toConstantValue([__name__ServiceRegistration]);
});
