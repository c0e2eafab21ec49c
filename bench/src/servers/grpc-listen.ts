// Binding a gRPC server on a free local port, shared by the bare gRPC server scripts.
import { ServerCredentials, type Server } from '@grpc/grpc-js';
import type { StartedServer } from './serve.js';

export async function bindLocal(server: Server): Promise<StartedServer> {
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { urls: { grpc: `127.0.0.1:${port}` }, stop: () => new Promise<void>((r) => server.tryShutdown(() => r())) };
}
