// Starts the real search service on port 0 against a freshly migrated database, with a test-owned in-process
// transport (on which tests publish the catalog, pricing, warehouse and review events the service consumes, or on
// which a real catalog publishes its own), a test token issuer, a real gRPC client, and a connection to the
// service's schema for assertions under the API.
import { randomUUID } from 'node:crypto';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { createInProcessTransport, envelopeOf, toWireMessage, type EventTransport } from '@ecommerce/common/events';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import type * as pb from '@ecommerce/proto/search/v1/search';
import { SearchServiceClient } from '@ecommerce/proto/search/v1/search';
import { afterAll, beforeAll, vi } from 'vitest';
import { startSearch } from '../src/main.js';

export interface Harness {
  service: RunningService;
  client: SearchServiceClient;
  database: TestDatabase;
  transport: EventTransport;
  db: Knex;
  tokens: { staff: string; customer: string };
  call<K extends RpcName>(rpc: K, request: Partial<RequestOf<K>>, token?: string): Promise<ResponseOf<K>>;
  /** Publishes an event as its producer would; returns the event id. */
  publish<T extends keyof typeof eventCatalog>(type: T, key: string, data: unknown, options?: { eventId?: string; time?: Date }): Promise<string>;
  /** Waits until the consumer has processed the event (its inbox row committed with its effect). */
  processed(eventId: string): Promise<void>;
  close(): Promise<void>;
}

interface Rpcs {
  searchProducts: [pb.SearchProductsRequest, pb.SearchProductsResponse];
  autocomplete: [pb.AutocompleteRequest, pb.AutocompleteResponse];
  rebuildIndex: [pb.RebuildIndexRequest, pb.RebuildIndexResponse];
}
type RpcName = keyof Rpcs;
type RequestOf<K extends RpcName> = Rpcs[K][0];
type ResponseOf<K extends RpcName> = Rpcs[K][1];

/** Every field of a request at its proto default, so tests name only what they set. */
const DEFAULTS: { [K in RpcName]: RequestOf<K> } = {
  searchProducts: {
    query: '', currency: '', categoryId: '', brandIds: [], attributes: [], minPriceMinor: 0, maxPriceMinor: 0,
    inStockOnly: false, minRating: 0, facets: [], sort: 0, pageSize: 0, pageToken: '',
  },
  autocomplete: { prefix: '', limit: 0 },
  rebuildIndex: {},
};

export async function startHarness(env: Record<string, string> = {}, transport: EventTransport = createInProcessTransport({ partitions: 1 })): Promise<Harness> {
  const database = await createMigratedTestDatabase('search');
  const issuer = await createTestJwtIssuer();
  const service = await startSearch({ ...coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }), ...env }, { transport });
  const client = createGrpcClient(SearchServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
  const db = createDatabase({ url: database.url, schema: 'search', poolMax: 2 });
  return {
    service,
    client,
    database,
    transport,
    db,
    tokens: {
      staff: await issuer.sign({ sub: randomUUID(), roles: ['staff'], type: 'staff' }),
      customer: await issuer.sign({ sub: randomUUID(), roles: ['customer'], type: 'customer' }),
    },
    call(rpc, request, token) {
      const method = (client[rpc] as (...args: unknown[]) => unknown).bind(client) as Parameters<typeof unaryCall>[0];
      return unaryCall(method, { ...DEFAULTS[rpc], ...request }, token ? { token } : {}) as Promise<never>;
    },
    async publish(type, key, data, options = {}) {
      const spec = eventCatalog[type];
      const event = envelopeOf(spec, '/ecommerce/test', {
        ...(options.eventId ? { id: options.eventId } : {}),
        ...(options.time ? { time: options.time } : {}),
        subject: key,
        data: data as never,
      });
      await transport.publish([toWireMessage(spec.topic, key, event)]);
      return event.id;
    },
    async processed(eventId) {
      await vi.waitFor(
        async () => {
          const row = await db('inbox_events').where({ consumer_group: 'search', event_id: eventId }).first();
          if (!row) throw new Error(`event ${eventId} not processed yet`);
        },
        { timeout: 10_000, interval: 10 },
      );
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

/** Registers hooks that start one search service for the calling test file. */
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
