// Starts the real review service on port 0 against a freshly migrated database, with a test-owned in-process
// transport (on which tests publish the order, shipping and catalog events the service consumes), a test token
// issuer, a real gRPC client, and a connection to the service's schema for assertions under the API.
import { randomUUID } from 'node:crypto';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { createInProcessTransport, envelopeOf, toWireMessage, type EventTransport } from '@ecommerce/common/events';
import { createGrpcClient, unaryCall } from '@ecommerce/common/grpc';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { coreServiceTestEnv, createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase, type TestJwtIssuer } from '@ecommerce/common/testing';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import * as pb from '@ecommerce/proto/review/v1/review';
import { ReviewServiceClient } from '@ecommerce/proto/review/v1/review';
import { afterAll, beforeAll, vi } from 'vitest';
import { startReview } from '../src/main.js';

export interface Customer {
  id: string;
  token: string;
}

export interface Harness {
  service: RunningService;
  client: ReviewServiceClient;
  database: TestDatabase;
  transport: EventTransport;
  issuer: TestJwtIssuer;
  /** The service's schema, for assertions that must look under the API. */
  db: Knex;
  staffToken: string;
  newCustomer(): Promise<Customer>;
  /** Calls an RPC by its ts-proto name with an optional bearer token. */
  call<K extends RpcName>(rpc: K, request: RequestOf<K>, token?: string): Promise<ResponseOf<K>>;
  events: PublishedEvents;
  /** Envelopes in the outbox of `type`, oldest first. */
  outbox(type: string, subject?: string): Promise<Array<{ subject: string; data: any }>>;
  close(): Promise<void>;
}

/** Each RPC's request and response, by its ts-proto client name. */
interface Rpcs {
  submitReview: [pb.SubmitReviewRequest, pb.SubmitReviewResponse];
  getReview: [pb.GetReviewRequest, pb.GetReviewResponse];
  listProductReviews: [pb.ListProductReviewsRequest, pb.ListProductReviewsResponse];
  getProductRating: [pb.GetProductRatingRequest, pb.GetProductRatingResponse];
  moderateReview: [pb.ModerateReviewRequest, pb.ModerateReviewResponse];
  replyToReview: [pb.ReplyToReviewRequest, pb.ReplyToReviewResponse];
  voteHelpful: [pb.VoteHelpfulRequest, pb.VoteHelpfulResponse];
  listReviewsForModeration: [pb.ListReviewsForModerationRequest, pb.ListReviewsForModerationResponse];
  deleteReview: [pb.DeleteReviewRequest, pb.DeleteReviewResponse];
}
type RpcName = keyof Rpcs;
type RequestOf<K extends RpcName> = Rpcs[K][0];
type ResponseOf<K extends RpcName> = Rpcs[K][1];

/** What other services would publish; each returns the event id, and `eventId` lets a test redeliver an event. */
export interface PublishedEvents {
  productCreated(product: { productId: string; sku: string }, eventId?: string): Promise<string>;
  orderPlaced(order: { orderId: string; customerId: string; skus: string[] }, eventId?: string): Promise<string>;
  shipmentDelivered(delivery: { orderId: string; skus: string[] }, eventId?: string): Promise<string>;
  /** Waits until the consumer has processed the event (its inbox row committed with its effect). */
  processed(eventId: string): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const database = await createMigratedTestDatabase('review');
  const issuer = await createTestJwtIssuer();
  const transport = createInProcessTransport({ partitions: 1 });
  const service = await startReview({ ...coreServiceTestEnv({ databaseUrl: database.url, publicKeyPem: issuer.publicKeyPem }), ...env }, { transport });
  const client = createGrpcClient(ReviewServiceClient, { address: service.urls.grpc!, deadlineMs: 10_000 });
  const db = createDatabase({ url: database.url, schema: 'review', poolMax: 2 });

  const publish = async <T extends keyof typeof eventCatalog>(type: T, key: string, data: unknown, eventId?: string): Promise<string> => {
    const spec = eventCatalog[type];
    const event = envelopeOf(spec, '/ecommerce/test', { ...(eventId ? { id: eventId } : {}), subject: key, data: data as never });
    await transport.publish([toWireMessage(spec.topic, key, event)]);
    return event.id;
  };

  return {
    service,
    client,
    database,
    transport,
    issuer,
    db,
    staffToken: await issuer.sign({ sub: randomUUID(), roles: ['staff'], type: 'staff' }),
    async newCustomer() {
      const id = randomUUID();
      return { id, token: await issuer.sign({ sub: id, roles: ['customer'], type: 'customer' }) };
    },
    call(rpc, request, token) {
      const method = (client[rpc] as (...args: unknown[]) => unknown).bind(client) as Parameters<typeof unaryCall>[0];
      return unaryCall(method, request, token ? { token } : {}) as Promise<never>;
    },
    events: {
      productCreated: ({ productId, sku }, eventId) =>
        publish('catalog.product.created', productId, { product: { id: productId, sku, slug: sku.toLowerCase(), name: sku, status: 2, images: [] } }, eventId),
      orderPlaced: ({ orderId, customerId, skus }, eventId) =>
        publish(
          'order.order.placed',
          orderId,
          { order: { id: orderId, customerId, status: 'confirmed', currency: 'EUR', lines: skus.map((sku, i) => ({ id: `${orderId}-${i}`, sku, quantity: 1 })) } },
          eventId,
        ),
      shipmentDelivered: ({ orderId, skus }, eventId) =>
        publish('shipping.shipment.delivered', orderId, { shipmentId: randomUUID(), orderId, lines: skus.map((sku, i) => ({ orderLineId: `${orderId}-${i}`, sku, quantity: 1 })) }, eventId),
      async processed(eventId) {
        await vi.waitFor(
          async () => {
            const row = await db('inbox_events').where({ consumer_group: 'review', event_id: eventId }).first();
            if (!row) throw new Error(`event ${eventId} not processed yet`);
          },
          { timeout: 10_000, interval: 20 },
        );
      },
    },
    async outbox(type, subject) {
      const q = db('outbox_events').where({ event_type: type }).orderBy('id').select('envelope');
      if (subject) q.where({ event_key: subject });
      return (await q).map((r: { envelope: { subject: string; data: unknown } }) => r.envelope) as Array<{ subject: string; data: any }>;
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

/** Registers hooks that start one review service for the calling test file. */
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
