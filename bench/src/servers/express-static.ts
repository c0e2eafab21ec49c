// Baseline: a bare Express 5 app serving one body from memory on the catalog's list route: what the framework
// alone costs, the comparison for the catalog with its cache warm.
import http from 'node:http';
import express from 'express';
import { listenLocal } from './listen.js';
import { runServer, serve } from './serve.js';

interface Config {
  body: string;
  route: string;
}

runServer(() =>
  serve<Config>(async ({ body, route }) => {
    const app = express();
    app.get(route, (_req, res) => {
      res.type('application/json').send(body);
    });
    return listenLocal(http.createServer(app));
  }),
);
