// The transport layer: which gRPC services the server exposes (servers start in main.ts).
import { ContainerModule } from 'inversify';
import { notificationServiceRegistration } from './grpc-services.js';

export const GRPC_SERVICES = Symbol.for('notification.GrpcServices');

export const serverModule = new ContainerModule(({ bind }) => {
  bind(GRPC_SERVICES).toConstantValue([notificationServiceRegistration]);
});
