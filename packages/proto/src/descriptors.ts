// Where the build put the descriptor set of every API (FileDescriptorSet, imports included), for gRPC reflection.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/ and dist/ sit at the same depth, so one relative path serves tests (sources) and production (dist).
const DESCRIPTOR_SET = fileURLToPath(new URL('../descriptors/ecommerce.binpb', import.meta.url));

export function descriptorSetPath(): string {
  return DESCRIPTOR_SET;
}

export function readDescriptorSet(): Buffer {
  return readFileSync(DESCRIPTOR_SET);
}
