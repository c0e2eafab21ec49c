import { Writable } from 'node:stream';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AlreadyExistsError, NotFoundError } from '../../src/errors/index.js';
import { createServiceApp, finishServiceApp, parseBody, parseQuery, principalOf, requireRoles, createJwtVerifier, sendCreated, sendOk, startHttpServer, type HttpServerHandle } from '../../src/http/index.js';
import { createLogger } from '../../src/logger/index.js';
import { createMetrics, initTracing, type Tracing } from '../../src/observability/index.js';
import { createTestJwtIssuer, type TestJwtIssuer } from '../../src/testing/index.js';

const itemSchema = z.object({ name: z.string().min(1), price: z.object({ amount: z.number().int().nonnegative() }) }).strict();

let server: HttpServerHandle;
let issuer: TestJwtIssuer;
let ready = true;
let tracing: Tracing;
const logLines: string[] = [];

beforeAll(async () => {
  tracing = initTracing({ service: 'kit-test' });
  issuer = await createTestJwtIssuer();
  const logger = createLogger({ service: 'kit-test', destination: new Writable({ write(chunk, _e, cb) { logLines.push(String(chunk)); cb(); } }) });
  const app = createServiceApp({ service: 'kit-test', logger, metrics: createMetrics('kit-test', { defaultMetrics: false }), readiness: async () => ready, bodyLimit: '1kb' });
  const verifier = createJwtVerifier({ publicKey: issuer.publicKeyPem });
  app.post('/items', (req, res) => sendCreated(res, parseBody(itemSchema, req)));
  app.get('/items', (req, res) => sendOk(res, parseQuery(z.object({ limit: z.coerce.number().int().max(5) }).strict(), req)));
  app.get('/items/:id', (req) => {
    throw new NotFoundError('item', req.params.id);
  });
  app.post('/duplicates', () => {
    throw new AlreadyExistsError('sku already exists', 'sku');
  });
  app.get('/boom', () => {
    throw new Error('connection string postgres://secret@db leaked?');
  });
  app.get('/staff-only', requireRoles(verifier, 'staff', 'admin'), (req, res) => sendOk(res, principalOf(req)));
  const mounted = Router();
  mounted.get('/things/:id', requireRoles(verifier, 'staff'), (_req, res) => sendOk(res, 'thing'));
  app.use('/api/v1', mounted);
  finishServiceApp(app);
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await server.close();
  await tracing.shutdown();
});

const call = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('service app', () => {
  it('wraps a success in the envelope', async () => {
    const res = await postJson('/items', { name: 'mug', price: { amount: 1299 } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ success: true, data: { name: 'mug', price: { amount: 1299 } } });
  });

  it('answers 400 naming a nested invalid field', async () => {
    const res = await postJson('/items', { name: 'mug', price: { amount: -1 } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.success).toBe(false);
    expect(body.error.code).toBe('INVALID_ARGUMENT');
    expect(body.error.details).toEqual([expect.objectContaining({ field: 'price.amount' })]);
  });

  it('answers 400 naming an unknown field', async () => {
    const res = await postJson('/items', { name: 'mug', price: { amount: 1 }, colour: 'red' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details).toEqual([{ field: 'colour', message: 'unknown field' }]);
  });

  it('answers 400 naming a bad query parameter', async () => {
    const res = await call('/items?limit=50');
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].field).toBe('limit');
  });

  it('answers 400 to malformed JSON instead of 500', async () => {
    const res = await postJson('/items', '{"name": ');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('INVALID_ARGUMENT');
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await postJson('/items', { name: 'x'.repeat(2048), price: { amount: 1 } });
    expect(res.status).toBe(413);
  });

  it('maps not found and already exists to 404 and 409', async () => {
    const missing = await call('/items/42');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toEqual({ code: 'NOT_FOUND', message: 'item 42 not found', details: [] });
    const dup = await postJson('/duplicates', {});
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.details).toEqual([{ field: 'sku', message: 'sku already exists' }]);
  });

  it('hides the internals of an unexpected error', async () => {
    const res = await call('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text).error).toEqual({ code: 'INTERNAL', message: 'internal error', details: [] });
  });

  it('answers an unknown route with a 404 envelope', async () => {
    const res = await call('/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).success).toBe(false);
  });

  it('echoes a caller request id and mints one otherwise', async () => {
    expect((await call('/healthz', { headers: { 'x-request-id': 'abc-123' } })).headers.get('x-request-id')).toBe('abc-123');
    expect((await call('/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const res = await call('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('reports readiness from its probe', async () => {
    expect((await call('/readyz')).status).toBe(200);
    ready = false;
    expect((await call('/readyz')).status).toBe(503);
    ready = true;
  });

  it('counts requests per route template in /metrics', async () => {
    await call('/items/7');
    const text = await (await call('/metrics')).text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/items\/:id",status_code="404",service="kit-test"\} \d+/);
  });

  it('writes an access log line carrying the trace id once', async () => {
    await call('/items/9');
    const raw = logLines.find((l) => l.includes('"path":"/items/9"'))!;
    const line = JSON.parse(raw);
    expect(line).toMatchObject({ status: 404, route: '/items/:id', service: 'kit-test' });
    expect(line.request_id).toBeTruthy();
    expect(line.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(raw.match(/"trace_id"/g)).toHaveLength(1);
  });

  it('continues the caller\'s W3C trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await call('/items/77', { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    const line = logLines.map((l) => JSON.parse(l)).find((l) => l.path === '/items/77');
    expect(line.trace_id).toBe(traceId);
  });

  it('labels a request refused inside a mounted router with the full route template', async () => {
    expect((await call('/api/v1/things/5')).status).toBe(401);
    const line = logLines.map((l) => JSON.parse(l)).find((l) => l.path === '/api/v1/things/5');
    expect(line.route).toBe('/api/v1/things/:id');
  });
});

describe('requireRoles', () => {
  it('refuses a request without a token with 401', async () => {
    expect((await call('/staff-only')).status).toBe(401);
  });

  it('refuses a token signed by another key with 401', async () => {
    const other = await createTestJwtIssuer();
    const token = await other.sign({ sub: 'u1', roles: ['staff'] });
    expect((await call('/staff-only', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('refuses an unsigned alg=none token with 401', async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${enc({ alg: 'none' })}.${enc({ sub: 'u1', roles: ['admin'] })}.`;
    expect((await call('/staff-only', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('refuses an expired token with 401 saying so', async () => {
    const token = await issuer.sign({ sub: 'u1', roles: ['staff'] }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const res = await call('/staff-only', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('token expired');
  });

  it('refuses a customer with 403', async () => {
    const token = await issuer.sign({ sub: 'c1', roles: ['customer'], type: 'customer' });
    expect((await call('/staff-only', { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });

  it('lets staff through and exposes the principal', async () => {
    const token = await issuer.sign({ sub: 's1', roles: ['staff'], type: 'staff' });
    const res = await call('/staff-only', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).data).toEqual({ sub: 's1', roles: ['staff'], type: 'staff' });
  });
});

describe('startHttpServer', () => {
  it('lets an in-flight request finish when closed, then refuses new connections', async () => {
    const app = createServiceApp({ service: 'drain', logger: createLogger({ service: 'drain', level: 'silent' }), metrics: createMetrics('drain', { defaultMetrics: false }) });
    let reached!: () => void;
    const handlerReached = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    app.get('/slow', async (_req, res) => {
      reached();
      await released;
      sendOk(res, 'finished');
    });
    finishServiceApp(app);
    const handle = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${handle.url}/slow`);
    await handlerReached;
    const closed = handle.close();
    release();
    const res = await inFlight;
    expect((await res.json()).data).toBe('finished');
    await closed;
    await expect(fetch(`${handle.url}/healthz`)).rejects.toThrow();
  });
});
