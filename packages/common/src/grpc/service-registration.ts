// How a service declares what it serves: a ts-proto service definition, the Inversify identifier of the class
// implementing it, and who may call each method (checked by the compiler: every method must be listed).
import type { ServiceDefinition } from '@grpc/grpc-js';
import type { ServiceIdentifier } from 'inversify';
import type { MethodAccess } from './auth.js';
import type { UnaryHandlers } from './call-context.js';

export interface GrpcServiceRegistration {
  definition: ServiceDefinition;
  implementation: ServiceIdentifier<unknown>;
  access: Record<string, MethodAccess>;
}

export function grpcService<D extends ServiceDefinition>(
  definition: D,
  implementation: ServiceIdentifier<UnaryHandlers<D>>,
  access: { [K in keyof D]: MethodAccess },
): GrpcServiceRegistration {
  return { definition, implementation, access: access as Record<string, MethodAccess> };
}
