// The operational surface: health protocol, reflection, probes and metrics, first-admin bootstrap.
import { createRequire } from 'node:module';
import path from 'node:path';
import { credentials, loadPackageDefinition, type Client, type ClientReadableStream, type ClientDuplexStream } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@ecommerce/common/db';
import { startUser } from '../src/main.js';
import { aUser } from './builders.js';
import { grpcCode, rejectionOf, startHarness, unaryCall, type Harness } from './harness.js';

const require = createRequire(import.meta.url);
const reflectionProto = path.join(path.dirname(require.resolve('@grpc/reflection/package.json')), 'build/proto/grpc/reflection/v1/reflection.proto');

// Methods of a client loaded at run time from a .proto: called with whatever that proto takes.
type Ctor = new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => Client & Record<string, (...args: any[]) => any>;
function clientFor(protoFile: string, dotted: string, address: string) {
  const loaded = loadPackageDefinition(loadSync(protoFile, { keepCase: true, enums: String })) as Record<string, unknown>;
  const Service = dotted.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], loaded) as Ctor;
  return new Service(address, credentials.createInsecure());
}

describe('health and reflection', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('lists the user service and health through server reflection', async () => {
    const client = clientFor(reflectionProto, 'grpc.reflection.v1.ServerReflection', h.service.urls.grpc!);
    const stream = client.ServerReflectionInfo!() as ClientDuplexStream<object, { list_services_response?: { service: { name: string }[] } }>;
    const answer = new Promise<string[]>((resolve, reject) => {
      stream.on('data', (msg: { list_services_response?: { service: { name: string }[] } }) => resolve(msg.list_services_response!.service.map((s) => s.name)));
      stream.on('error', reject);
    });
    stream.write({ list_services: '*' });
    const names = await answer;
    stream.end();
    client.close();
    expect(names.sort()).toEqual(['ecommerce.user.v1.UserService', 'grpc.health.v1.Health']);
  });

  it('serves /readyz, /healthz and per-method gRPC metrics on the HTTP port', async () => {
    await unaryCall(h.client.listRoles.bind(h.client), {}, { token: h.tokens.staff });
    expect((await fetch(`${h.service.urls.http}/readyz`)).status).toBe(200);
    expect((await fetch(`${h.service.urls.http}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${h.service.urls.http}/metrics`)).text();
    expect(metrics).toMatch(/grpc_server_handled_total\{[^}]*grpc_service="ecommerce.user.v1.UserService",grpc_method="ListRoles",grpc_code="OK"[^}]*\} 1/);
  });
});

describe('deadlines', () => {
  it('answers DEADLINE_EXCEEDED when a call is stuck on a locked table, and serves again once it is released', async () => {
    const h = await startHarness();
    const db = createDatabase({ url: h.database.url, schema: 'users' });
    try {
      const { user } = await unaryCall(h.client.createUser.bind(h.client), aUser(), { token: h.tokens.admin });
      const lock = await db.transaction();
      await lock.raw('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
      const stuck = await rejectionOf(unaryCall(h.client.getUser.bind(h.client), { id: user!.id }, { token: h.tokens.staff, deadlineMs: 300 }));
      expect(grpcCode(stuck)).toBe('DEADLINE_EXCEEDED');
      await lock.rollback();
      const again = await unaryCall(h.client.getUser.bind(h.client), { id: user!.id }, { token: h.tokens.staff });
      expect(again.user?.id).toBe(user!.id);
    } finally {
      await db.destroy();
      await h.close();
    }
  });
});

describe('shutdown', () => {
  it('reports SERVING, then NOT_SERVING to health watchers as soon as shutdown starts', async () => {
    const h = await startHarness();
    const health = clientFor(healthProtoPath, 'grpc.health.v1.Health', h.service.urls.grpc!);
    const statuses: string[] = [];
    const watch = health.Watch!({ service: 'ecommerce.user.v1.UserService' }) as ClientReadableStream<{ status: string }>;
    watch.on('error', () => {}); // the server cuts the stream when it finally closes
    const seen = (wanted: string) =>
      new Promise<void>((resolve) => {
        const onData = (msg: { status: string }) => {
          statuses.push(msg.status);
          if (msg.status === wanted) {
            watch.off('data', onData);
            resolve();
          }
        };
        watch.on('data', onData);
      });
    await seen('SERVING');
    const notServing = seen('NOT_SERVING');
    const stopped = h.close();
    await notServing;
    await stopped;
    health.close();
    expect(statuses).toEqual(['SERVING', 'NOT_SERVING']);
  });
});

describe('first admin bootstrap', () => {
  it('creates the admin once and keeps it on every later start', async () => {
    const first = await startHarness({ BOOTSTRAP_ADMIN_EMAIL: 'root@shop.test' });
    const list = () =>
      unaryCall(first.client.listUsers.bind(first.client), { page: 1, pageSize: 10, status: 0, query: 'root@shop.test', role: 'admin' }, { token: first.tokens.staff });
    try {
      expect((await list()).users).toHaveLength(1);
      const again = await startUser({
        DATABASE_URL: first.database.url,
        HTTP_PORT: '0',
        GRPC_PORT: '0',
        LOG_LEVEL: 'silent',
        BOOTSTRAP_ADMIN_EMAIL: 'ROOT@shop.test',
      });
      await again.stop();
      const { users } = await list();
      expect(users).toHaveLength(1);
      expect(users[0]?.roles).toEqual(['admin']);
    } finally {
      await first.close();
    }
  });
});
