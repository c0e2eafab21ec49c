// The auth service in distributed mode against a real Kafka broker (CI starts one; locally scripts/kafka/start.sh):
// its outbox reaches Kafka consumers, and user.user.created from Kafka creates a staff account. Skipped, and said
// so, when KAFKA_BROKERS is not set.
import { randomUUID } from 'node:crypto';
import { createDatabase } from '@ecommerce/common/db';
import { createKafkaTransport, parseBrokers, parsePayload, startEventConsumer, toWireMessage, type CloudEvent } from '@ecommerce/common/events';
import { createMigratedTestDatabase, apiClient } from '@ecommerce/common/testing';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { UserStatus } from '@ecommerce/proto/user/v1/user';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { startAuth } from '../src/main.js';
import { anEmail, fromUserService, PASSWORD } from './auth-harness.js';

const brokers = parseBrokers(process.env.KAFKA_BROKERS);

if (brokers.length === 0) {
  describe('auth over kafka', () => {
    it.skip('was not run: KAFKA_BROKERS is not set (start a broker with scripts/kafka/start.sh)', () => {});
  });
} else {
  describe('auth over kafka', () => {
    const transport = createKafkaTransport({ brokers, clientId: 'auth-kafka-test', partitions: 3 });
    let auth: RunningService;
    let database: Awaited<ReturnType<typeof createMigratedTestDatabase>>;

    beforeAll(async () => {
      database = await createMigratedTestDatabase('auth');
      // No transport given: distributed mode builds its own Kafka transport from KAFKA_BROKERS, as in production.
      auth = await startAuth({ HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'silent', RUN_MODE: 'distributed', KAFKA_BROKERS: brokers.join(',') });
    });

    afterAll(async () => {
      await auth?.stop();
      await transport.close();
      await database?.drop();
    });

    it('publishes auth.account.registered to Kafka through the outbox', async () => {
      const received: CloudEvent[] = [];
      const sub = await startEventConsumer({
        transport,
        group: `auth-kafka-test-${randomUUID()}`,
        topics: ['auth.account'],
        handler: async (event) => {
          received.push(event);
        },
      });
      try {
        const email = anEmail();
        const id = (await apiClient(auth.urls.http!).post('/auth/register', { email, password: PASSWORD })).body.data.id;
        await vi.waitFor(() => expect(received.some((e) => e.subject === id)).toBe(true), { timeout: 30_000, interval: 100 });
        expect(parsePayload(eventCatalog['auth.account.registered'], received.find((e) => e.subject === id)!)).toMatchObject({ accountId: id, email });
      } finally {
        await sub.stop();
      }
    });

    it('creates a staff account from user.user.created consumed from Kafka', async () => {
      const user = { id: randomUUID(), email: `kafka-staff-${randomUUID().slice(0, 8)}@example.com` };
      const event = fromUserService('user.user.created', {
        subject: user.id,
        data: { user: { id: user.id, email: user.email, name: 'Kafka', status: UserStatus.USER_STATUS_ACTIVE, roles: ['staff'] } },
      });
      await transport.publish([toWireMessage(eventCatalog['user.user.created'].topic, user.id, event)]);
      const db = createDatabase({ url: database.url, schema: 'auth', poolMax: 1 });
      try {
        await vi.waitFor(async () => expect(await db('accounts').where({ id: user.id }).first('type')).toEqual({ type: 'staff' }), { timeout: 30_000, interval: 100 });
      } finally {
        await db.destroy();
      }
    });
  });
}
