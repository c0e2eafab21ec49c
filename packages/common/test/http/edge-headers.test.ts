// The security and CORS headers worked out once answer exactly as helmet and cors do per request.
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsHeaders, securityHeaders, startHttpServer, type HttpServerHandle } from '../../src/http/index.js';

const servers: HttpServerHandle[] = [];

async function serve(...middleware: RequestHandler[]): Promise<string> {
  const app = express();
  app.disable('x-powered-by');
  for (const m of middleware) app.use(m);
  app.all('/{*rest}', (_req, res) => {
    res.json({ ok: true });
  });
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  servers.push(server);
  return server.url;
}

/** Every response header but the ones that differ by the moment or the connection. */
async function headersOf(url: string, init: RequestInit = {}): Promise<Record<string, string>> {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  const headers = Object.fromEntries(res.headers.entries());
  delete headers.date;
  delete headers['keep-alive'];
  delete headers.connection;
  return { status: String(res.status), ...headers };
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('securityHeaders', () => {
  let ours: string;
  let theirs: string;
  beforeAll(async () => {
    ours = await serve(securityHeaders());
    theirs = await serve(helmet());
  });

  it('sets the headers helmet sets', async () => {
    const expected = await headersOf(`${theirs}/x`);
    expect(expected['content-security-policy']).toBeTruthy();
    expect(await headersOf(`${ours}/x`)).toEqual(expected);
  });
});

describe('corsHeaders', () => {
  const exposedHeaders = ['x-request-id'];
  const cases: Array<{ name: string; origins: '*' | string[] }> = [
    { name: 'any origin', origins: '*' },
    { name: 'a list of origins', origins: ['https://shop.example', 'https://admin.example'] },
  ];
  const requests: Array<{ name: string; init: RequestInit }> = [
    { name: 'a plain GET without Origin', init: {} },
    { name: 'a GET from an allowed origin', init: { headers: { origin: 'https://shop.example' } } },
    { name: 'a GET from another origin', init: { headers: { origin: 'https://evil.example' } } },
    { name: 'a POST from an allowed origin', init: { method: 'POST', headers: { origin: 'https://admin.example' } } },
    {
      name: 'a preflight',
      init: { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization' } },
    },
  ];

  for (const c of cases) {
    describe(`with ${c.name}`, () => {
      let ours: string;
      let theirs: string;
      beforeAll(async () => {
        ours = await serve(corsHeaders({ origins: c.origins, exposedHeaders }));
        theirs = await serve(cors({ origin: c.origins, exposedHeaders }));
      });
      for (const r of requests) {
        it(`answers ${r.name} as the cors package does`, async () => {
          expect(await headersOf(`${ours}/x`, r.init)).toEqual(await headersOf(`${theirs}/x`, r.init));
        });
      }
    });
  }

  it('adds Origin to a Vary header set before it, as the cors package does', async () => {
    const varyFirst: RequestHandler = (_req, res, next) => {
      res.setHeader('Vary', 'Accept-Encoding');
      next();
    };
    const ours = await serve(varyFirst, corsHeaders({ origins: ['https://shop.example'], exposedHeaders }));
    const init = { headers: { origin: 'https://shop.example' } };
    expect((await headersOf(`${ours}/x`, init)).vary).toBe('Accept-Encoding, Origin');
  });
});
