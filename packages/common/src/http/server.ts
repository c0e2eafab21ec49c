// Starts an HTTP server and stops it gracefully: refuse new connections, let in-flight requests finish,
// then cut idle keep-alive sockets (and, after a grace period, everything).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';
import { answerClientError } from './client-errors.js';

export interface HttpServerHandle {
  url: string;
  port: number;
  server: http.Server;
  close(): Promise<void>;
}

export interface ListenSettings {
  port: number;
  host?: string;
  /** How long in-flight requests may take to finish after close() before sockets are cut. */
  drainMs?: number;
}

export async function startHttpServer(app: RequestListener, settings: ListenSettings): Promise<HttpServerHandle> {
  const server = http.createServer({ keepAliveTimeout: 5_000 }, app);
  server.on('clientError', answerClientError);
  const host = settings.host ?? '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  // While draining, answers close their connection so keep-alive clients cannot hold the server open.
  server.on('request', (_req, res: http.ServerResponse) => {
    res.once('finish', () => {
      if (closing) server.closeIdleConnections();
    });
    if (closing) res.shouldKeepAlive = false;
  });
  return {
    url: `http://${shownHost}:${port}`,
    port,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const cutoff = setTimeout(() => server.closeAllConnections(), settings.drainMs ?? 10_000);
        cutoff.unref();
        server.close(() => {
          clearTimeout(cutoff);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
