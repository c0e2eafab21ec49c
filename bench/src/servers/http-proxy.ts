// Baseline: a bare node:http reverse proxy (keep-alive agent, request and response streamed through with pipe),
// the floor the gateway's proxy is compared against, in front of the same upstream.
import http from 'node:http';
import { listenLocal } from './listen.js';
import { runServer, serve } from './serve.js';

interface Config {
  upstream: string;
}

runServer(() =>
  serve<Config>(async ({ upstream }) => {
    const target = new URL(upstream);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const server = http.createServer((req, res) => {
      const outgoing = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
        (incoming) => {
          res.writeHead(incoming.statusCode ?? 502, incoming.headers);
          incoming.pipe(res);
        },
      );
      outgoing.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(outgoing);
    });
    const started = await listenLocal(server);
    return { urls: started.urls, stop: async () => (await started.stop(), agent.destroy()) };
  }),
);
