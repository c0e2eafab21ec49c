// The descriptor set the build wrote (every proto, imports included), as a @bufbuild/protobuf registry: the
// gateway reads routes, message shapes and JSON mapping from it at start-up instead of from generated code.
import { createFileRegistry, fromBinary, type FileRegistry } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';

export function registryFromDescriptorSet(bytes: Uint8Array): FileRegistry {
  return createFileRegistry(fromBinary(FileDescriptorSetSchema, bytes));
}
