// Starts the real pricing service on port 0 against a freshly migrated database, with a test token issuer and a
// test-owned in-process event transport (to publish catalog events), and gives tests a real gRPC client plus
// typed helpers that call it.
import { createDatabase, type Knex } from '@ecommerce/common/db';
import type { AppError } from '@ecommerce/common/errors';
import { createInProcessTransport, type EventTransport } from '@ecommerce/common/events';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import * as pb from '@ecommerce/proto/pricing/v1/pricing';
import { PricingServiceClient } from '@ecommerce/proto/pricing/v1/pricing';
import { startPricing } from '../src/main.js';

type Client = PricingServiceClient;
type Method = {
  [K in keyof Client]: Client[K] extends (request: infer Req, metadata: any, options: any, callback: (err: any, res: infer Res) => void) => any ? [Req, Res] : never;
};
type Rpc = { [K in keyof Method as Method[K] extends never ? never : K]: Method[K] };

export interface Harness {
  service: RunningService;
  client: PricingServiceClient;
  database: TestDatabase;
  transport: EventTransport;
  /** The service's schema, for assertions under the API (outbox, history rows). */
  db: Knex;
  tokens: { staff: string; customer: string };
  /** Calls an RPC as staff (or with the given token; `null` = no token). */
  call<K extends keyof Rpc>(method: K, request: pb.DeepPartial<Rpc[K][0]>, token?: string | null): Promise<Rpc[K][1]>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await createMigratedTestDatabase('pricing');
  const issuer = await createTestJwtIssuer();
  const transport = createInProcessTransport({ partitions: 1 });
  const service = await startPricing(coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }), { transport });
  const client = createGrpcClient(PricingServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
  const db = createDatabase({ url: database.url, schema: 'pricing', poolMax: 2 });
  const tokens = {
    staff: await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' }),
    customer: await issuer.sign({ sub: 'customer-1', roles: ['customer'], type: 'customer' }),
  };
  return {
    service,
    client,
    database,
    transport,
    db,
    tokens,
    call(method, request, token) {
      const fn = (client[method] as (...args: unknown[]) => unknown).bind(client);
      const auth = token === null ? {} : { token: token ?? tokens.staff };
      // Every request message is named <Rpc>Request; fromPartial fills the proto defaults a test leaves out.
      const codec = (pb as unknown as Record<string, { fromPartial(p: unknown): unknown }>)[`${method[0]!.toUpperCase()}${method.slice(1)}Request`]!;
      return unaryCall(fn as never, codec.fromPartial(request) as never, auth) as never;
    },
    async close() {
      client.close();
      await service.stop();
      await transport.close();
      await db.destroy();
      await database.drop();
    },
  };
}

export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}

let counter = 0;
/** A SKU no other test of the file uses. */
export function uniqueSku(prefix = 'SKU'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}
