// Idempotency-Key over real HTTP against real Postgres: replay, a reused key refused, concurrent duplicates
// running once, final and transient failures, caller namespaces, and expiry with pruning.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UnavailableError } from '../../src/errors/index.js';
import { createJwtVerifier, createServiceApp, finishServiceApp, idempotencyKeys, requireRoles, sendCreated, sendOk, startHttpServer, type HttpServerHandle } from '../../src/http/index.js';
import { IdempotencyStore } from '../../src/idempotency/index.js';
import { createLogger } from '../../src/logger/index.js';
import { createMetrics } from '../../src/observability/index.js';
import { createTestJwtIssuer } from '../../src/testing/index.js';
import { createTemplateDatabase, type TemplateDatabase } from '../support/template-database.js';
import { countdown, gate } from './support/concurrency.js';

let database: TemplateDatabase;
let server: HttpServerHandle;
let tokens: { alice: string; bob: string };
let held = gate();
const executions = { orders: 0 };

beforeAll(async () => {
  database = await createTemplateDatabase('keys', ['idempotency']);
  const issuer = await createTestJwtIssuer();
  tokens = { alice: await issuer.sign({ sub: 'alice', roles: ['customer'] }), bob: await issuer.sign({ sub: 'bob', roles: ['customer'] }) };
  const logger = createLogger({ service: 'idem-http', destination: new Writable({ write: (_c, _e, cb) => cb() }) });
  const app = createServiceApp({ service: 'idem-http', logger, metrics: createMetrics('idem-http', { defaultMetrics: false }) });
  const keyed = [requireRoles(createJwtVerifier({ publicKey: issuer.publicKeyPem })), idempotencyKeys({ store: new IdempotencyStore(database.db) })];
  app.post('/orders', ...keyed, async (req, res) => {
    executions.orders += 1;
    const { sku, hold } = req.body as { sku: string; hold?: boolean };
    if (hold) await held.promise;
    if (sku === 'discontinued') throw new NotFoundError('sku', sku);
    if (sku === 'flaky') throw new UnavailableError('inventory restarting');
    sendCreated(res, { orderId: `order-${executions.orders}`, sku });
  });
  app.post('/orders/:id/cancel', ...keyed, (req, res) => sendOk(res, { cancelled: req.params.id }));
  finishServiceApp(app);
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  held.open();
  await server.close();
  await database.close();
});

let keySeq = 0;
const newKey = () => `key-${Date.now()}-${++keySeq}`;

function post(path: string, body: unknown, key: string | undefined, token = tokens.alice) {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  if (key !== undefined) headers['idempotency-key'] = key;
  return fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('Idempotency-Key (HTTP)', () => {
  it('replays the stored status and body to a retry with the same key and request, running the handler once', async () => {
    const key = newKey();
    const before = executions.orders;
    const first = await post('/orders', { sku: 'mug', qty: 2 }, key);
    const retry = await post('/orders', { qty: 2, sku: 'mug' }, key); // same request, keys in another order

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(await first.json());
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(executions.orders - before).toBe(1);
  });

  it('refuses with 422 a key reused for another body or another route', async () => {
    const key = newKey();
    await post('/orders', { sku: 'mug' }, key);

    const otherBody = await post('/orders', { sku: 'plate' }, key);
    const otherRoute = await post('/orders/o-1/cancel', { sku: 'mug' }, key);

    expect(otherBody.status).toBe(422);
    const body = await otherBody.json();
    expect(body.error.code).toBe('FAILED_PRECONDITION');
    expect(body.error.message).toBe(`idempotency key "${key}" was already used for a different request; send a new key with a new request`);
    expect(otherRoute.status).toBe(422);
  });

  it('keeps each caller\'s keys apart', async () => {
    const key = newKey();
    const alices = await (await post('/orders', { sku: 'mug' }, key, tokens.alice)).json();
    const bobs = await post('/orders', { sku: 'mug' }, key, tokens.bob);

    expect(bobs.status).toBe(201);
    expect((await bobs.json()).data.orderId).not.toBe(alices.data.orderId);
  });

  it('runs 20 concurrent duplicates once: the others get 409 while it runs, then its stored answer', async () => {
    const key = newKey();
    const before = executions.orders;
    held = gate();
    const others = countdown(19);
    const statuses: number[] = [];
    const calls = Array.from({ length: 20 }, () =>
      post('/orders', { sku: 'lamp', hold: true }, key).then(async (res) => {
        statuses.push(res.status);
        if (res.status === 409) others.record();
        return { status: res.status, body: await res.json() };
      }),
    );
    await others.reached;
    held.open();
    const answers = await Promise.all(calls);

    expect(statuses.sort()).toEqual([201, ...Array(19).fill(409)]);
    expect(answers.find((a) => a.status === 409)?.body.error.code).toBe('ABORTED');
    expect(executions.orders - before).toBe(1);
    const winner = answers.find((a) => a.status === 201)!;
    const late = await post('/orders', { sku: 'lamp', hold: true }, key);
    expect(await late.json()).toEqual(winner.body);
  });

  it('replays a final 4xx answer, but forgets the key after a 5xx so the retry runs again', async () => {
    const [finalKey, flakyKey] = [newKey(), newKey()];
    const before = executions.orders;
    expect((await post('/orders', { sku: 'discontinued' }, finalKey)).status).toBe(404);
    expect((await post('/orders', { sku: 'discontinued' }, finalKey)).status).toBe(404);
    expect((await post('/orders', { sku: 'flaky' }, flakyKey)).status).toBe(503);
    expect((await post('/orders', { sku: 'flaky' }, flakyKey)).status).toBe(503);

    expect(executions.orders - before).toBe(3);
  });

  it('remembers a key for 24 hours by default, then lets it run afresh, and prune deletes only expired keys', async () => {
    const [expiring, fresh] = [newKey(), newKey()];
    await post('/orders', { sku: 'mug' }, expiring);
    await post('/orders', { sku: 'mug' }, fresh);
    const [ttl] = await database.admin<{ hours: number }>(
      `SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM keys.idempotency_keys WHERE idempotency_key = $1`, [expiring]);
    expect(Number(ttl!.hours)).toBe(24);

    // A day passes for one key.
    await database.admin(`UPDATE keys.idempotency_keys SET expires_at = now() - interval '1 second' WHERE idempotency_key = $1`, [expiring]);

    expect((await post('/orders', { sku: 'plate' }, expiring)).status).toBe(201); // not 422: the old use is forgotten
    await database.admin(`UPDATE keys.idempotency_keys SET expires_at = now() - interval '1 second' WHERE idempotency_key = $1`, [expiring]);
    expect(await new IdempotencyStore(database.db).prune()).toBe(1);
    const left = await database.admin(`SELECT 1 FROM keys.idempotency_keys WHERE idempotency_key IN ($1, $2)`, [expiring, fresh]);
    expect(left).toHaveLength(1);
  });

  it('answers 400 naming the header for a malformed key, and runs each request that has none', async () => {
    const malformed = await post('/orders', { sku: 'mug' }, 'x'.repeat(300));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.details[0].field).toBe('Idempotency-Key');

    const before = executions.orders;
    await post('/orders', { sku: 'mug' }, undefined);
    await post('/orders', { sku: 'mug' }, undefined);
    expect(executions.orders - before).toBe(2);
  });
});
