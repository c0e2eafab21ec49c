import { ContainerModule } from 'inversify';
import { userServiceRegistration } from './grpc-services.js';

export const GRPC_SERVICES = Symbol.for('user.GrpcServices');

/** The transport layer: which gRPC services the server exposes (servers start in main.ts). */
export const serverModule = new ContainerModule(({ bind }) => {
  bind(GRPC_SERVICES).toConstantValue([userServiceRegistration]);
});
