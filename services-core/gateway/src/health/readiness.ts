// /readyz of the gateway: ready when every configured upstream is. Lite services answer their own /readyz;
// core services the gRPC health protocol (grpc.health.v1, from the same descriptor set).
import { create, toJson, type FileRegistry, type JsonObject } from '@bufbuild/protobuf';
import type { GrpcInvoker } from '../transcode/grpc-invoker.js';
import type { UpstreamDirectory } from '../upstream-directory.js';

export type UpstreamReadiness = Record<string, 'ready' | 'not ready'>;

export async function checkUpstreams(directory: UpstreamDirectory, invoker: GrpcInvoker, registry: FileRegistry, timeoutMs: number): Promise<UpstreamReadiness> {
  const check = registry.getService('grpc.health.v1.Health')?.methods.find((m) => m.name === 'Check');
  const probes: [string, Promise<boolean>][] = [
    ...directory.lite.map(({ spec, url }): [string, Promise<boolean>] => [
      spec.name,
      fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(timeoutMs) }).then((r) => r.ok, () => false),
    ]),
    ...directory.core.map(({ name, address }): [string, Promise<boolean>] => [
      name,
      check
        ? invoker
            .invoke(address, check, create(check.input, {}), { metadata: {}, deadlineMs: timeoutMs })
            .then((answer) => (toJson(check.output, answer) as JsonObject).status === 'SERVING', () => false)
        : Promise.resolve(false),
    ]),
  ];
  const results = await Promise.all(probes.map(async ([name, ready]) => [name, (await ready) ? 'ready' : 'not ready'] as const));
  return Object.fromEntries(results);
}
