// The customer service in distributed mode against a real Kafka broker (CI starts one; locally
// scripts/kafka/start.sh): auth.account.registered from Kafka creates the profile, once even when redelivered,
// and customer.customer.created reaches Kafka through the outbox. Skipped, and said so, without KAFKA_BROKERS.
import { randomUUID } from 'node:crypto';
import { createKafkaTransport, parseBrokers, startEventConsumer, type CloudEvent } from '@ecommerce/common/events';
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
      try {
        const account = { id: randomUUID(), email: `kafka-${randomUUID().slice(0, 8)}@example.com` };
        const eventId = await publishRegistration(transport, account);
        await publishRegistration(transport, account, eventId);
        const token = await issuer.sign({ sub: account.id, roles: ['customer'], type: 'customer' });
        const api = apiClient(customer.urls.http!);
        await vi.waitFor(async () => expect((await api.get('/customers/me', token)).status).toBe(200), { timeout: 30_000, interval: 100 });
        await vi.waitFor(() => expect(received.some((e) => e.subject === account.id && e.type === 'customer.customer.created')).toBe(true), { timeout: 30_000, interval: 100 });
        expect(received.filter((e) => e.subject === account.id && e.type === 'customer.customer.created')).toHaveLength(1);
      } finally {
        await sub.stop();
      }
    });
  });
}
