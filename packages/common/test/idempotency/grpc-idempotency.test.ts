// idempotency-key metadata over a real gRPC server and client against real Postgres: replay, a reused key
// refused, concurrent duplicates running once, final and transient failures, and expiry.
import { Writable } from 'node:stream';
import { status } from '@grpc/grpc-js';
import { Container } from 'inversify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, type AppError } from '../../src/errors/index.js';
import { createGrpcClient, grpcService, idempotencyKeyMetadata, idempotentUnary, startGrpcServer, unaryCall, type GrpcServerHandle } from '../../src/grpc/index.js';
import { createJwtVerifier } from '../../src/http/jwt.js';
import { IdempotencyStore } from '../../src/idempotency/index.js';
import { createLogger } from '../../src/logger/index.js';
import { createTestJwtIssuer } from '../../src/testing/index.js';
import { createTemplateDatabase, type TemplateDatabase } from '../support/template-database.js';
import { countdown, gate } from './support/concurrency.js';
import { OrderProbe, OrderProbeClient } from './support/order-probe.js';

type Message = Record<string, unknown>;
let database: TemplateDatabase;
let server: GrpcServerHandle;
let client: OrderProbeClient;
let token: string;
let held = gate();
const executions = { orders: 0 };

beforeAll(async () => {
  database = await createTemplateDatabase('keys', ['idempotency']);
  const store = new IdempotencyStore(database.db);
  const issuer = await createTestJwtIssuer();
  token = await issuer.sign({ sub: 'order-service', roles: ['service'] });
  const orders = {
    placeOrder: idempotentUnary(store, OrderProbe.placeOrder, async (req: Message) => {
      executions.orders += 1;
      if (req.hold) await held.promise;
      if (req.sku === 'discontinued') throw new NotFoundError('sku', 'discontinued');
      if (req.sku === 'broken') throw new Error('connection reset');
      return { orderId: `order-${executions.orders}`, sku: req.sku };
    }),
    cancelOrder: idempotentUnary(store, OrderProbe.cancelOrder, async (req: Message) => ({ cancelled: req.orderId })),
  };
  const container = new Container();
  const ORDERS = Symbol('Orders');
  container.bind(ORDERS).toConstantValue(orders);
  server = await startGrpcServer({
    name: 'idem-grpc',
    logger: createLogger({ service: 'idem-grpc', destination: new Writable({ write: (_c, _e, cb) => cb() }) }),
    registry: new Registry(),
    container,
    services: [grpcService(OrderProbe, ORDERS, { placeOrder: 'authenticated', cancelOrder: 'authenticated' })],
    verifier: createJwtVerifier({ publicKey: issuer.publicKeyPem }),
    host: '127.0.0.1',
    port: 0,
    drainMs: 2_000,
  });
  client = createGrpcClient(OrderProbeClient, { address: server.address, deadlineMs: 10_000 });
});

afterAll(async () => {
  held.open();
  client?.close();
  await server?.stop();
  await database?.close();
});

let keySeq = 0;
const newKey = () => `key-${Date.now()}-${++keySeq}`;
const place = (request: Message, key: string) =>
  unaryCall(client.placeOrder.bind(client), request, { token, metadata: idempotencyKeyMetadata(key) });
const cancel = (request: Message, key: string) =>
  unaryCall(client.cancelOrder.bind(client), request, { token, metadata: idempotencyKeyMetadata(key) });
const codeOf = (err: unknown) => ((err as AppError).cause as { code: number }).code;

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}

describe('idempotency-key (gRPC)', () => {
  it('replays the stored response to a retry with the same key and request, running the handler once', async () => {
    const key = newKey();
    const before = executions.orders;
    const first = await place({ sku: 'mug' }, key);
    const retry = await place({ sku: 'mug' }, key);

    expect(retry).toEqual(first);
    expect(executions.orders - before).toBe(1);
  });

  it('refuses with FAILED_PRECONDITION a key reused for another request or another method', async () => {
    const key = newKey();
    await place({ sku: 'mug' }, key);

    const otherRequest = await failure(place({ sku: 'plate' }, key));
    const otherMethod = await failure(cancel({ orderId: 'order-1' }, key));

    expect(codeOf(otherRequest)).toBe(status.FAILED_PRECONDITION);
    expect(otherRequest.message).toBe(`idempotency key "${key}" was already used for a different request; send a new key with a new request`);
    expect(codeOf(otherMethod)).toBe(status.FAILED_PRECONDITION);
  });

  it('runs 20 concurrent duplicates once: the others get ABORTED while it runs, then its stored response', async () => {
    const key = newKey();
    const before = executions.orders;
    held = gate();
    const others = countdown(19);
    const calls = Array.from({ length: 20 }, () =>
      place({ sku: 'lamp', hold: true }, key).then(
        (response) => ({ code: status.OK, response }),
        (err: unknown) => {
          others.record();
          return { code: codeOf(err), response: undefined };
        },
      ),
    );
    await others.reached;
    held.open();
    const answers = await Promise.all(calls);

    expect(answers.map((a) => a.code).sort()).toEqual([status.OK, ...Array(19).fill(status.ABORTED)]);
    expect(executions.orders - before).toBe(1);
    expect(await place({ sku: 'lamp', hold: true }, key)).toEqual(answers.find((a) => a.code === status.OK)!.response);
  });

  it('replays a final error, but forgets the key after an unexpected one so the retry runs again', async () => {
    const [finalKey, brokenKey] = [newKey(), newKey()];
    const before = executions.orders;
    expect(codeOf(await failure(place({ sku: 'discontinued' }, finalKey)))).toBe(status.NOT_FOUND);
    const replayed = await failure(place({ sku: 'discontinued' }, finalKey));
    expect(codeOf(replayed)).toBe(status.NOT_FOUND);
    expect(replayed.message).toBe('sku discontinued not found');
    expect(codeOf(await failure(place({ sku: 'broken' }, brokenKey)))).toBe(status.INTERNAL);
    expect(codeOf(await failure(place({ sku: 'broken' }, brokenKey)))).toBe(status.INTERNAL);

    expect(executions.orders - before).toBe(3);
  });

  it('lets an expired key run afresh', async () => {
    const key = newKey();
    await place({ sku: 'mug' }, key);
    await database.admin(`UPDATE keys.idempotency_keys SET expires_at = now() - interval '1 second' WHERE idempotency_key = $1`, [key]);

    const again = await place({ sku: 'plate' }, key);

    expect(again.sku).toBe('plate');
  });
});
