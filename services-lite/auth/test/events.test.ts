// What leaves the service: outbox rows are relayed onto the event transport as CloudEvents for other services.
import { parsePayload, startEventConsumer, type CloudEvent } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { describe, expect, it, vi } from 'vitest';
import { anEmail, PASSWORD, useAuthHarness } from './auth-harness.js';

const h = useAuthHarness();

describe('published events', () => {
  it('relays auth.account.registered to a consumer of topic auth.account, keyed by the account id', async () => {
    const received: CloudEvent[] = [];
    const sub = await startEventConsumer({
      transport: h.transport,
      group: 'customer-test',
      topics: ['auth.account'],
      handler: async (event) => {
        received.push(event);
      },
    });
    try {
      const email = anEmail();
      const res = await h.api.post('/auth/register', { email, password: PASSWORD });
      const id = res.body.data.id;
      await vi.waitFor(() => expect(received.some((e) => e.subject === id)).toBe(true));
      const event = received.find((e) => e.subject === id)!;
      expect(event).toMatchObject({ type: 'auth.account.registered', source: '/ecommerce/auth', specversion: '1.0' });
      expect(parsePayload(eventCatalog['auth.account.registered'], event)).toMatchObject({ accountId: id, email });
      await vi.waitFor(async () => expect(await h.db('outbox_events').where({ event_type: 'auth.account.registered' }).whereNull('sent_at').count({ n: '*' })).toEqual([{ n: 0 }]));
    } finally {
      await sub.stop();
    }
  });
});
