// The prebuilt security headers are exactly what helmet itself sets on a response.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../src/edge/security-headers.js';

async function headersFrom(middleware: RequestHandler): Promise<http.IncomingHttpHeaders> {
  const app = express();
  app.disable('x-powered-by');
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.end('ok');
  });
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await res.text();
    const headers = Object.fromEntries(res.headers);
    delete headers.date;
    return headers;
  } finally {
    await new Promise((r) => server.close(r));
  }
}

describe('security headers', () => {
  it('sets the same headers, with the same values, as running helmet on each request', async () => {
    const prebuilt = await headersFrom(securityHeaders());
    expect(prebuilt['content-security-policy']).toContain("default-src 'self'");
    expect(prebuilt['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(prebuilt).toEqual(await headersFrom(helmet()));
  });
});
