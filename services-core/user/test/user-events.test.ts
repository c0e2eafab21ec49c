// User writes publish user.user events through the outbox, in order per user, with proto-JSON payloads.
import { ConfigError } from '@ecommerce/common/config';
import { createInProcessTransport, startEventConsumer, type CloudEvent } from '@ecommerce/common/events';
import { UserStatus } from '@ecommerce/proto/events/v1/user';
import { UserStatus as ApiUserStatus } from '@ecommerce/proto/user/v1/user';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePayload } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { startUser } from '../src/main.js';
import { aUser } from './builders.js';
import { startHarness, unaryCall, type Harness } from './harness.js';

describe('user events', () => {
  const transport = createInProcessTransport();
  const seen: CloudEvent[] = [];
  let h: Harness;
  let stopConsumer: () => Promise<void>;
  beforeAll(async () => {
    h = await startHarness({}, { transport });
    const consumer = await startEventConsumer({ transport, group: 'user-test-probe', topics: ['user.user'], handler: async (e) => void seen.push(e) });
    stopConsumer = () => consumer.stop();
  });
  afterAll(async () => {
    await stopConsumer();
    await h.close();
    await transport.close();
  });

  const eventsFor = async (subject: string, count: number): Promise<CloudEvent[]> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const about = seen.filter((e) => e.subject === subject);
      if (about.length >= count) return about;
      if (Date.now() > deadline) throw new Error(`expected ${count} events for ${subject}, saw ${about.map((e) => e.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const admin = () => ({ token: h.tokens.admin });

  it('publishes created, updated, role changes and deleted for a user, in order', async () => {
    const { user } = await unaryCall(h.client.createUser.bind(h.client), aUser({ roles: ['staff'] }), admin());
    const id = user!.id;
    await unaryCall(h.client.updateUser.bind(h.client), { id, name: 'Renamed', status: ApiUserStatus.USER_STATUS_SUSPENDED }, admin());
    await unaryCall(h.client.assignRole.bind(h.client), { userId: id, role: 'admin' }, admin());
    await unaryCall(h.client.revokeRole.bind(h.client), { userId: id, role: 'staff' }, admin());
    await unaryCall(h.client.deleteUser.bind(h.client), { id }, admin());
    const events = await eventsFor(id, 5);
    expect(events.map((e) => e.type)).toEqual([
      'user.user.created',
      'user.user.updated',
      'user.user.role_assigned',
      'user.user.role_revoked',
      'user.user.deleted',
    ]);
    expect(events.every((e) => e.source === '/ecommerce/user')).toBe(true);
    expect(parsePayload(eventCatalog['user.user.created'], events[0]!).user).toMatchObject({ id, roles: ['staff'], status: UserStatus.USER_STATUS_ACTIVE });
    expect(parsePayload(eventCatalog['user.user.updated'], events[1]!)).toMatchObject({ changedFields: ['name', 'status'], user: { name: 'Renamed', status: UserStatus.USER_STATUS_SUSPENDED } });
    expect(parsePayload(eventCatalog['user.user.role_assigned'], events[2]!)).toEqual({ userId: id, role: 'admin', roles: ['admin', 'staff'] });
    expect(parsePayload(eventCatalog['user.user.role_revoked'], events[3]!)).toEqual({ userId: id, role: 'staff', roles: ['admin'] });
    expect(parsePayload(eventCatalog['user.user.deleted'], events[4]!).userId).toBe(id);
  });

  it('publishes nothing for an assignment the user already had', async () => {
    const { user } = await unaryCall(h.client.createUser.bind(h.client), aUser({ roles: ['staff'] }), admin());
    await unaryCall(h.client.assignRole.bind(h.client), { userId: user!.id, role: 'staff' }, admin());
    await unaryCall(h.client.deleteUser.bind(h.client), { id: user!.id }, admin());
    const events = await eventsFor(user!.id, 2);
    expect(events.map((e) => e.type)).toEqual(['user.user.created', 'user.user.deleted']);
  });
});

describe('user start-up in distributed mode', () => {
  it('stops with a message naming KAFKA_BROKERS when it is missing', async () => {
    const attempt = startUser({ RUN_MODE: 'distributed', DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none', LOG_LEVEL: 'silent' });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/^invalid configuration: KAFKA_BROKERS is required in distributed mode/);
  });
});
