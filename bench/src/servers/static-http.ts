// Baseline: bare node:http answering every request with one body from memory, the floor of an HTTP server.
import http from 'node:http';
import { listenLocal } from './listen.js';
import { runServer, serve } from './serve.js';

interface Config {
  body: string;
}

runServer(() =>
  serve<Config>(async ({ body }) => {
    const bytes = Buffer.from(body);
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
      res.end(bytes);
    });
    return listenLocal(server);
  }),
);
