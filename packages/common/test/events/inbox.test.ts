import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotentHandler, pruneInbox } from '../../src/events/index.js';
import { createEventsDatabase, type EventsDatabase } from './support/events-database.js';
import { itemEvent, uniqueTopic } from './support/fixtures.js';

const delivery = { topic: 't', partition: 0, offset: '0', attempt: 1 };

describe('inbox', () => {
  let database: EventsDatabase;
  beforeAll(async () => {
    database = await createEventsDatabase('svc');
    await database.admin('CREATE TABLE svc.stock (sku text PRIMARY KEY, reserved integer NOT NULL)');
    await database.admin(`INSERT INTO svc.stock VALUES ('sku-1', 0)`);
  });
  afterAll(() => database.close());

  const reserve = (group: string) =>
    idempotentHandler(database.db, group, async (_event, trx) => {
      await trx('stock').where('sku', 'sku-1').increment('reserved', 1);
    });
  const reserved = async () => (await database.db('stock').where('sku', 'sku-1').first()).reserved as number;

  it('applies an event delivered twice only once', async () => {
    const before = await reserved();
    const event = itemEvent(uniqueTopic(), 'order-1', 1, 'placed');
    await reserve('warehouse')(event, delivery);
    await reserve('warehouse')(event, { ...delivery, attempt: 2 });
    expect(await reserved()).toBe(before + 1);
  });

  it('keeps each consumer group\'s record apart', async () => {
    const before = await reserved();
    const event = itemEvent(uniqueTopic(), 'order-2', 1, 'placed');
    await reserve('warehouse')(event, delivery);
    await reserve('loyalty')(event, delivery);
    expect(await reserved()).toBe(before + 2);
  });

  it('records nothing when the handler fails, so the retry still has its effect', async () => {
    const before = await reserved();
    const event = itemEvent(uniqueTopic(), 'order-3', 1, 'placed');
    const failing = idempotentHandler(database.db, 'warehouse', async (_e, trx) => {
      await trx('stock').where('sku', 'sku-1').increment('reserved', 1);
      throw new Error('deadlock detected');
    });
    await expect(failing(event, delivery)).rejects.toThrow('deadlock detected');
    expect(await reserved()).toBe(before);
    await reserve('warehouse')(event, { ...delivery, attempt: 2 });
    expect(await reserved()).toBe(before + 1);
  });

  it('prunes records older than the retention period', async () => {
    const old = itemEvent(uniqueTopic(), 'order-4', 1, 'placed');
    const recent = itemEvent(uniqueTopic(), 'order-5', 1, 'placed');
    await reserve('pruning')(old, delivery);
    await reserve('pruning')(recent, delivery);
    await database.db('inbox_events').where('event_id', old.id).update({ processed_at: database.db.raw(`now() - interval '30 days'`) });
    expect(await pruneInbox(database.db, 14 * 24 * 3_600_000)).toBe(1);
    expect(await database.db('inbox_events').where('consumer_group', 'pruning').pluck('event_id')).toEqual([recent.id]);
  });
});
