// The customer service in distributed mode against a real Kafka broker (CI starts one; locally
// scripts/kafka/start.sh): auth.account.registered from Kafka creates the profile, once even when redelivered,
// and customer.customer.created reaches Kafka through the outbox. Skipped, and said so, without KAFKA_BROKERS.
// Counting "once" is only meaningful once the redelivery has been handled: the test waits for barrier events.
import { randomUUID } from 'node:crypto';
import {
  createCloudEvent,
  createKafkaTransport,
  parseBrokers,
  startEventConsumer,
  toWireMessage,
  type CloudEvent,
  type EventTransport,
} from '@ecommerce/common/events';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { createMigratedTestDatabase, createTestJwtIssuer, apiClient } from '@ecommerce/common/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCustomer } from '../src/main.js';
import { publishRegistration } from './customer-harness.js';

const brokers = parseBrokers(process.env.KAFKA_BROKERS);

if (brokers.length === 0) {
  describe('customer over kafka', () => {
    it.skip('was not run: KAFKA_BROKERS is not set (start a broker with scripts/kafka/start.sh)', () => {});
  });
} else {
  describe('customer over kafka', () => {
    const transport = createKafkaTransport({ brokers, clientId: 'customer-kafka-test', partitions: 3 });
    let customer: RunningService;
    let database: Awaited<ReturnType<typeof createMigratedTestDatabase>>;
    let issuer: Awaited<ReturnType<typeof createTestJwtIssuer>>;

    beforeAll(async () => {
      database = await createMigratedTestDatabase('customer');
      issuer = await createTestJwtIssuer();
      // No transport given: distributed mode builds its own Kafka transport from KAFKA_BROKERS, as in production.
      customer = await startCustomer({
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
        RUN_MODE: 'distributed',
        KAFKA_BROKERS: brokers.join(','),
        JWT_PUBLIC_KEY: issuer.publicKeyPem,
      });
    });

    afterAll(async () => {
      await customer?.stop();
      await transport.close();
      await database?.drop();
    });

    /** The test's transport, publishing every message under `key`: an event on the partition of another key. */
    const keyedAs = (key: string): EventTransport => ({
      kind: transport.kind,
      publish: (messages) => transport.publish(messages.map((m) => ({ ...m, key }))),
      subscribe: (options) => transport.subscribe(options),
      close: async () => {},
    });
    const newAccount = () => ({ id: randomUUID(), email: `kafka-${randomUUID().slice(0, 8)}@example.com` });

    it('creates the profile from auth.account.registered on Kafka, once when redelivered, and publishes customer.customer.created', async () => {
      const received: CloudEvent[] = [];
      const sub = await startEventConsumer({
        transport,
        group: `customer-kafka-test-${randomUUID()}`,
        topics: ['customer.customer'],
        handler: async (event) => {
          received.push(event);
        },
      });
      const created = (id: string) => received.filter((e) => e.subject === id && e.type === 'customer.customer.created');
      try {
        const account = newAccount();
        const eventId = await publishRegistration(transport, account);
        await publishRegistration(transport, account, eventId);
        // Barrier 1: another registration on the account's partition, so handled after the redelivery. Its
        // profile's created event is recorded in the outbox after anything the redelivery recorded, so the relay
        // has published those by the time it arrives.
        const barrier = newAccount();
        await publishRegistration(keyedAs(account.id), barrier);
        await vi.waitFor(() => expect(created(barrier.id)).toHaveLength(1), { timeout: 30_000, interval: 100 });
        // Barrier 2: a marker on the account's key in customer.customer, read only after every event before it there.
        const marker = createCloudEvent({ source: '/ecommerce/test', type: 'customer.customer.test_marker', subject: account.id, data: {} });
        await transport.publish([toWireMessage('customer.customer', account.id, marker)]);
        await vi.waitFor(() => expect(received.map((e) => e.id)).toContain(marker.id), { timeout: 30_000, interval: 100 });

        expect(created(account.id)).toHaveLength(1);
        const token = await issuer.sign({ sub: account.id, roles: ['customer'], type: 'customer' });
        expect((await apiClient(customer.urls.http!).get('/customers/me', token)).status).toBe(200);
      } finally {
        await sub.stop();
      }
    });
  });
}
