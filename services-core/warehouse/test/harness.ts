// Starts the real warehouse service on port 0 against a freshly migrated database, with a test-owned in-process
// transport and a test token issuer, and gives tests a real gRPC client, the schema for assertions under the API
// (the ledger invariant), and the expiry sweep at a chosen time.
import { createDatabase, type Knex } from '@ecommerce/common/db';
import type { AppError } from '@ecommerce/common/errors';
import { createInProcessTransport, type EventTransport } from '@ecommerce/common/events';
import { createGrpcClient, idempotencyKeyMetadata, unaryCall } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { createLogger } from '@ecommerce/common/logger';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { WarehouseServiceClient } from '@ecommerce/proto/warehouse/v1/warehouse';
import { afterAll, beforeAll } from 'vitest';
import { ExpireReservationsUseCase } from '../src/biz/expire-reservations.js';
import { warehouseEnv } from '../src/config.js';
import { createContainer } from '../src/container.js';
import { startWarehouse } from '../src/main.js';

type Client = WarehouseServiceClient;
/** The client's unary methods, by name. */
type Method = { [K in keyof Client]: Client[K] extends (req: infer Req, metadata: any, options: any, cb: (err: any, res: infer Res) => void) => any ? K : never }[keyof Client];
type RequestOf<M extends Method> = Parameters<Client[M]>[0];
type ResponseOf<M extends Method> = Client[M] extends (req: any, metadata: any, options: any, cb: (err: any, res: infer Res) => void) => any ? Res : never;

export interface Harness {
  service: RunningService;
  client: Client;
  database: TestDatabase;
  transport: EventTransport;
  /** The service's schema, for assertions that must look under the API. */
  db: Knex;
  tokens: { staff: string; customer: string; orderService: string };
  /**
   * Calls `method` through the real gRPC client, as staff unless another token (or none: null) is given, with
   * `idempotency-key` metadata when a key is given.
   */
  call<M extends Method>(method: M, request: RequestOf<M>, token?: string | null, idempotencyKey?: string): Promise<ResponseOf<M>>;
  /** Runs the expiry sweeper as if the clock read `now`; returns how many reservations expired. */
  sweepAt(now: Date): Promise<number>;
  close(): Promise<void>;
}

/** `env`: variables over the test defaults (e.g. the sweep interval). */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const database = await createMigratedTestDatabase('warehouse');
  const issuer = await createTestJwtIssuer();
  const transport = createInProcessTransport({ partitions: 1 });
  const serviceEnv = { ...coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }), DATABASE_POOL_MAX: '20', ...env };
  const service = await startWarehouse(serviceEnv, { transport });
  const client = createGrpcClient(WarehouseServiceClient, { address: service.urls.grpc!, deadlineMs: 30_000 });
  const db = createDatabase({ url: database.url, schema: 'warehouse', poolMax: 4 });
  // The sweeper's own use case over the same database: the code the service's scheduler runs, with time as an input.
  const sweeper = createContainer({ config: warehouseEnv.parse(serviceEnv), logger: createLogger({ service: 'warehouse-test', level: 'silent' }), db }).get(ExpireReservationsUseCase);
  const tokens = {
    staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
    customer: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }),
    orderService: await issuer.sign({ sub: 'service:order', roles: ['staff'], type: 'staff' }),
  };
  return {
    service,
    client,
    database,
    transport,
    db,
    tokens,
    call(method, request, token = tokens.staff, idempotencyKey) {
      const fn = (client[method] as (...args: unknown[]) => unknown).bind(client);
      return unaryCall(fn as never, request, {
        ...(token === null ? {} : { token }),
        ...(idempotencyKey ? { metadata: idempotencyKeyMetadata(idempotencyKey) } : {}),
      }) as never;
    },
    sweepAt: (now) => sweeper.execute(now),
    async close() {
      client.close();
      await service.stop();
      await transport.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/** Registers hooks that start one warehouse service for the calling test file. */
export function useHarness(env: Record<string, string> = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    Object.assign(harness, await startHarness(env));
  });
  afterAll(async () => {
    await harness.close?.();
  });
  return harness;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}
