// What crosses the gateway on the wire, observed from a stand-in upstream that records what it receives.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { startGateway } from '../src/main.js';

interface Seen {
  headers: http.IncomingHttpHeaders;
  url: string;
  body: string;
}

let upstream: http.Server;
let gateway: RunningService;
const seen: Seen[] = [];
let releaseSecondChunk: () => void = () => {};
let staffToken: string;

function rawRequest(url: string, options: { method: string; headers: Record<string, string>; body: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method, headers: options.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  const issuer = await createTestJwtIssuer();
  staffToken = await issuer.sign({ sub: 'staff-1', roles: ['staff'] });
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ headers: req.headers, url: req.url!, body: Buffer.concat(chunks).toString() });
      if (req.url!.startsWith('/api/v1/products/slow')) return; // never answers
      if (req.url!.startsWith('/api/v1/products/stream')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first\n');
        new Promise<void>((r) => (releaseSecondChunk = r)).then(() => res.end('second\n'));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive, x-hop', 'x-hop': 'secret', 'access-control-allow-origin': 'https://evil.example', 'x-upstream': 'yes' });
      res.end('{"success":true,"data":[]}');
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  gateway = await startGateway({
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    CATALOG_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    CORS_ORIGINS: 'https://shop.example.com',
    CATALOG_TIMEOUT_MS: '300',
    BODY_LIMIT: '4kb',
    JWT_PUBLIC_KEY: issuer.publicKeyPem,
  });
});

afterAll(async () => {
  await gateway?.stop();
  upstream.closeAllConnections();
  await new Promise((r) => upstream.close(r));
});

describe('the proxy', () => {
  it('forwards path, query, body, request id, X-Forwarded-* and a child of the caller trace, and drops hop-by-hop headers', async () => {
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    // node:http rather than fetch: fetch refuses to send a Connection header.
    const res = await rawRequest(`${gateway.urls.http}/api/v1/products?limit=2&q=red%20shoe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'req-42',
        traceparent: `00-${callerTrace}-00f067aa0ba902b7-01`,
        'x-forwarded-for': '203.0.113.9',
        connection: 'keep-alive, x-client-hop',
        'x-client-hop': 'private',
        'proxy-authorization': 'Basic c2VjcmV0',
        authorization: `Bearer ${staffToken}`,
      },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(res.status).toBe(200);
    const request = seen.at(-1)!;
    expect(request.url).toBe('/api/v1/products?limit=2&q=red%20shoe');
    expect(request.body).toBe('{"hello":"world"}');
    expect(request.headers['x-request-id']).toBe('req-42');
    expect(request.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
    expect(request.headers['x-forwarded-proto']).toBe('http');
    expect(request.headers['x-forwarded-host']).toBe(new URL(gateway.urls.http!).host);
    expect(request.headers.traceparent).toMatch(new RegExp(`^00-${callerTrace}-[0-9a-f]{16}-0[01]$`));
    expect(request.headers.traceparent).not.toContain('00f067aa0ba902b7');
    expect(request.headers['x-client-hop']).toBeUndefined();
    expect(request.headers['proxy-authorization']).toBeUndefined();

    expect(request.headers.authorization).toBe(`Bearer ${staffToken}`);

    expect(res.headers['x-upstream']).toBe('yes');
    expect(res.headers['x-hop']).toBeUndefined();
    // CORS is the edge's decision, not the upstream's.
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers CORS for an allowed origin itself', async () => {
    const res = await fetch(`${gateway.urls.http}/api/v1/products`, { headers: { origin: 'https://shop.example.com' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
  });

  it('streams the upstream answer: the first chunk arrives while the upstream is still writing', async () => {
    const res = await fetch(`${gateway.urls.http}/api/v1/products/stream`);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('first\n');
    releaseSecondChunk();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('second\n');
  });

  it('streams a chunked upload of unknown length to the upstream', async () => {
    const parts = ['{"a":', '1}'];
    const body = new ReadableStream({
      pull(controller) {
        const next = parts.shift();
        if (next) controller.enqueue(new TextEncoder().encode(next));
        else controller.close();
      },
    });
    const res = await fetch(`${gateway.urls.http}/api/v1/brands`, { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` } } as RequestInit);
    expect(res.status).toBe(200);
    expect(seen.at(-1)!.body).toBe('{"a":1}');
    expect(seen.at(-1)!.headers['transfer-encoding']).toBe('chunked');
  });

  it('answers 504 when the upstream sends no answer within the route timeout', async () => {
    const res = await fetch(`${gateway.urls.http}/api/v1/products/slow`);
    expect(res.status).toBe(504);
    expect((await res.json()).error).toMatchObject({ code: 'DEADLINE_EXCEEDED', message: 'upstream catalog did not answer within 300 ms' });
  });

  it('answers 413 to a chunked upload that grows past the body limit', async () => {
    const before = seen.length;
    let sent = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (sent >= 64) return controller.close();
        sent += 1;
        controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
      },
    });
    const res = await fetch(`${gateway.urls.http}/api/v1/brands`, { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` } } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(seen.slice(before).map((s) => s.body.length)).toEqual([]);
  });
});
