// A ts-proto service definition named by module and export (the child imports it itself: a definition cannot
// cross a process boundary) and one method's answer, carried as the bytes its serializer makes.
import type { ServiceDefinition } from '@grpc/grpc-js';

export interface GrpcAnswerConfig {
  /** e.g. `@ecommerce/proto/user/v1/user` */
  module: string;
  /** e.g. `UserServiceService` */
  service: string;
  /** The definition's method key, e.g. `getUser`. */
  method: string;
  /** The response, serialized with the method's responseSerialize, base64. */
  answer: string;
}

export async function loadAnswer(config: GrpcAnswerConfig): Promise<{ definition: ServiceDefinition; answer: unknown }> {
  const module = (await import(config.module)) as Record<string, unknown>;
  const definition = module[config.service] as ServiceDefinition | undefined;
  const method = definition?.[config.method];
  if (!method) throw new Error(`${config.module} has no ${config.service}.${config.method}`);
  return { definition: definition!, answer: method.responseDeserialize(Buffer.from(config.answer, 'base64')) };
}
