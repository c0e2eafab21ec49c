import { EventEmitter, once } from 'node:events';
import { PassThrough } from 'node:stream';
import { Metadata, status } from '@grpc/grpc-js';
import { trace } from '@opentelemetry/api';
import { Container } from 'inversify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UnavailableError, ValidationError, type AppError } from '../../src/errors/index.js';
import {
  createGrpcClient,
  grpcService,
  startGrpcServer,
  unaryCall,
  type CallContext,
  type GrpcServerHandle,
  type UnaryHandlers,
} from '../../src/grpc/index.js';
import { createJwtVerifier } from '../../src/http/jwt.js';
import { createLogger } from '../../src/logger/index.js';
import { initTracing, type Tracing } from '../../src/observability/index.js';
import { createTestJwtIssuer, type TestJwtIssuer } from '../../src/testing/jwt-issuer.js';
import { ProbeClient, ProbeService } from './probe-service.js';

type Req = Record<string, unknown>;

class Probe implements UnaryHandlers<typeof ProbeService> {
  calls = { flaky: 0, missing: 0 };
  /** Emits `slow` when a slow call has reached its handler. */
  events = new EventEmitter();
  aborted: Promise<unknown>;
  private onAbort!: (reason: unknown) => void;
  constructor() {
    this.aborted = new Promise((resolve) => (this.onAbort = resolve));
  }
  async echo(req: Req) {
    this.events.emit('echo');
    if (typeof req.violations === 'number') {
      throw new ValidationError(Array.from({ length: req.violations }, (_, i) => ({ field: `lines.${i}.sku`, message: 'must not be empty; '.repeat(20) })));
    }
    if (!req.name) throw new ValidationError([{ field: 'name', message: 'must not be empty' }]);
    return { name: req.name, traceId: trace.getActiveSpan()?.spanContext().traceId };
  }
  async whoAmI(_req: Req, ctx: CallContext) {
    return { sub: ctx.principal?.sub };
  }
  async adminOnly() {
    return { ok: true };
  }
  async slow(req: Req, ctx: CallContext) {
    ctx.signal.addEventListener('abort', () => this.onAbort(ctx.signal.reason));
    this.events.emit('slow');
    await new Promise((resolve) => setTimeout(resolve, Number(req.ms ?? 200)));
    return { done: true };
  }
  async explode(): Promise<Req> {
    throw new Error('connection to 10.0.0.7 refused (password=hunter2)');
  }
  async flaky() {
    this.calls.flaky += 1;
    if (this.calls.flaky === 1) throw new UnavailableError('warming up');
    return { attempt: this.calls.flaky };
  }
  async missing(): Promise<Req> {
    this.calls.missing += 1;
    throw new NotFoundError('thing', 'x');
  }
}

const PROBE = Symbol('Probe');
let probe: Probe;
let server: GrpcServerHandle;
let client: ProbeClient;
let issuer: TestJwtIssuer;
let tracing: Tracing;
const logLines: Record<string, unknown>[] = [];
const registry = new Registry();

async function start(): Promise<GrpcServerHandle> {
  const container = new Container();
  container.bind(PROBE).toConstantValue(probe);
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
  });
  return startGrpcServer({
    name: 'probe',
    logger: createLogger({ service: 'probe', destination: logStream }),
    registry,
    container,
    services: [
      grpcService(ProbeService, PROBE, {
        echo: 'public',
        whoAmI: 'authenticated',
        adminOnly: ['admin'],
        slow: 'public',
        explode: 'public',
        flaky: 'public',
        missing: 'public',
      }),
    ],
    verifier: createJwtVerifier({ publicKey: issuer.publicKeyPem }),
    host: '127.0.0.1',
    port: 0,
    drainMs: 2_000,
  });
}

beforeAll(async () => {
  tracing = initTracing({ service: 'probe-test' });
  issuer = await createTestJwtIssuer();
  probe = new Probe();
  server = await start();
  client = createGrpcClient(ProbeClient, { address: server.address, deadlineMs: 5_000 });
});
afterAll(async () => {
  client?.close();
  await server?.stop();
  await tracing?.shutdown();
});

async function failure(promise: Promise<unknown>): Promise<AppError & { cause: { code: number; details: string } }> {
  try {
    await promise;
  } catch (err) {
    return err as AppError & { cause: { code: number; details: string } };
  }
  throw new Error('expected the call to fail');
}

describe('gRPC server kit', () => {
  it('sends validation errors as INVALID_ARGUMENT with the field in the status details', async () => {
    const err = await failure(unaryCall(client.echo.bind(client), { name: '' }));
    expect(err.cause.code).toBe(status.INVALID_ARGUMENT);
    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([{ field: 'name', message: 'must not be empty' }]);
  });

  it('keeps a status with hundreds of field violations small enough for a client to receive it', async () => {
    const err = await failure(unaryCall(client.echo.bind(client), { violations: 500 }));
    expect(err.cause.code).toBe(status.INVALID_ARGUMENT);
    expect(err.details).toHaveLength(10);
    expect(err.details[0]!.field).toBe('lines.0.sku');
    expect(err.message).toMatch(/and 490 more$/);
  });

  it('answers a request it cannot decode with INVALID_ARGUMENT, not INTERNAL, and never runs the handler', async () => {
    let echoes = 0;
    probe.events.on('echo', () => (echoes += 1));
    const sendRaw = (bytes: Buffer, metadata: Metadata, options: object, callback: (err: unknown, res: unknown) => void) =>
      client.makeUnaryRequest('/test.v1.ProbeService/Echo', (b: Buffer) => b, (b: Buffer) => JSON.parse(b.toString()), bytes, metadata, options, callback as never);
    const err = await failure(unaryCall(sendRaw as never, Buffer.from('{not json') as never));
    expect(err.cause.code).toBe(status.INVALID_ARGUMENT);
    expect(err.details).toEqual([expect.objectContaining({ field: 'request' })]);
    expect(echoes).toBe(0);
  });

  it('hides an unknown error behind INTERNAL and logs what happened', async () => {
    const err = await failure(unaryCall(client.explode.bind(client), {}));
    expect(err.cause.code).toBe(status.INTERNAL);
    expect(err.cause.details).toBe('internal error');
    const logged = JSON.stringify(logLines.filter((l) => l.msg === 'unhandled error'));
    expect(logged).toContain('connection to 10.0.0.7 refused');
  });

  it('fails a call that outlives its deadline with DEADLINE_EXCEEDED and aborts the handler', async () => {
    const err = await failure(unaryCall(client.slow.bind(client), { ms: 5_000 }, { deadlineMs: 100 }));
    expect(err.cause.code).toBe(status.DEADLINE_EXCEEDED);
    const reason = (await probe.aborted) as AppError;
    expect(reason.type).toBe('deadline_exceeded');
  });

  it('checks the bearer token and the roles each method requires', async () => {
    expect(await unaryCall(client.echo.bind(client), { name: 'anyone' })).toMatchObject({ name: 'anyone' });
    expect((await failure(unaryCall(client.whoAmI.bind(client), {}))).cause.code).toBe(status.UNAUTHENTICATED);
    const staff = await issuer.sign({ sub: 'staff-7', roles: ['staff'] });
    expect(await unaryCall(client.whoAmI.bind(client), {}, { token: staff })).toEqual({ sub: 'staff-7' });
    expect((await failure(unaryCall(client.adminOnly.bind(client), {}, { token: staff }))).cause.code).toBe(status.PERMISSION_DENIED);
    const expired = await issuer.sign({ sub: 'a', roles: ['admin'] }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    const err = await failure(unaryCall(client.adminOnly.bind(client), {}, { token: expired }));
    expect(err.cause.code).toBe(status.UNAUTHENTICATED);
    expect(err.cause.details).toBe('token expired');
  });

  it("continues the caller's W3C trace", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const metadata = new Metadata();
    metadata.set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`);
    expect(await unaryCall(client.echo.bind(client), { name: 't' }, { metadata })).toMatchObject({ traceId });
    expect(logLines.some((l) => l.msg === 'grpc call' && l.trace_id === traceId)).toBe(true);
  });

  it('retries UNAVAILABLE, and never a call that failed otherwise', async () => {
    expect(await unaryCall(client.flaky.bind(client), {})).toEqual({ attempt: 2 });
    await failure(unaryCall(client.missing.bind(client), {}));
    expect(probe.calls.missing).toBe(1);
  });

  it('counts calls per method and status code', async () => {
    const text = await registry.metrics();
    expect(text).toMatch(/grpc_server_handled_total\{grpc_service="test.v1.ProbeService",grpc_method="Missing",grpc_code="NOT_FOUND"\} 1/);
    expect(text).toMatch(/grpc_server_handling_seconds_count\{grpc_service="test.v1.ProbeService",grpc_method="Echo",grpc_code="OK"\} \d+/);
  });
});

describe('graceful stop', () => {
  it('lets an in-flight call finish and refuses new ones', async () => {
    const local = await start();
    const localClient = createGrpcClient(ProbeClient, { address: local.address, maxAttempts: 2 });
    const entered = once(probe.events, 'slow');
    const inFlight = unaryCall(localClient.slow.bind(localClient), { ms: 300 });
    await entered;
    const stopped = local.stop();
    expect(local.health.serving).toBe(false);
    await expect(inFlight).resolves.toEqual({ done: true });
    await stopped;
    const err = await failure(unaryCall(localClient.echo.bind(localClient), { name: 'late' }, { deadlineMs: 1_000 }));
    expect([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]).toContain(err.cause.code);
    localClient.close();
  });
});
