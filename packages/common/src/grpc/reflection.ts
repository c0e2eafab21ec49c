// Server reflection (v1 and v1alpha), so grpcurl lists and describes services with no .proto files at hand.
// Descriptors come from the descriptor set the build emits (`buf build`), plus the health service's proto.
import type { Server } from '@grpc/grpc-js';
import { loadFileDescriptorSetFromBuffer, loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HEALTH_PROTO_PATH } from './health.js';

export function addReflection(server: Server, descriptorSet: Buffer | undefined): void {
  const packages: PackageDefinition = { ...loadSync(HEALTH_PROTO_PATH) };
  if (descriptorSet) Object.assign(packages, loadFileDescriptorSetFromBuffer(descriptorSet));
  new ReflectionService(packages).addToServer(server);
}
