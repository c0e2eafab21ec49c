// Listening on a free local port, shared by the HTTP server scripts.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StartedServer } from './serve.js';

export async function listenLocal(server: http.Server): Promise<StartedServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    urls: { http: `http://127.0.0.1:${(server.address() as AddressInfo).port}` },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
