// The notification service through its real gRPC API: a created example is stored and announced through the
// outbox, bad input names the field, and only staff may create.
import { createDatabase } from '@ecommerce/common/db';
import type { AppError } from '@ecommerce/common/errors';
import { unaryCall } from '@ecommerce/common/grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const createExample = (name: string, token?: string) =>
  unaryCall(h.client.createExample.bind(h.client), { name }, token ? { token } : {});

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}

describe('notification service', () => {
  it('creates an example and records notification.example.created in the outbox of the same transaction', async () => {
    const { example } = await createExample('  First  ', h.tokens.staff);

    expect(example).toMatchObject({ name: 'First', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const db = createDatabase({ url: h.database.url, schema: 'notification', poolMax: 1 });
    try {
      const rows = await db('outbox_events').where({ event_key: example!.id }).select('event_type', 'envelope');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ event_type: 'notification.example.created', envelope: { data: { example: { id: example!.id, name: 'First' } } } });
    } finally {
      await db.destroy();
    }
  });

  it('answers INVALID_ARGUMENT naming the field for an empty name', async () => {
    const err = await rejectionOf(createExample('   ', h.tokens.staff));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('refuses a caller without a token, and a customer', async () => {
    expect((await rejectionOf(createExample('x'))).type).toBe('unauthenticated');
    expect((await rejectionOf(createExample('x', h.tokens.customer))).type).toBe('permission_denied');
  });
});
