// The unit of work: a use case's writes and the events it records commit together or not at all, a nested
// unit joins the outer transaction, and a catalog-typed consumer runs each event once inside that same unit.
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consumeCatalogEvents,
  createInProcessTransport,
  KnexUnitOfWork,
  serviceUnitOfWork,
  knexTransaction,
  parsePayload,
  toWireMessage,
  type CloudEvent,
  type EmittableBy,
} from '../../src/events/index.js';
import { createEventsDatabase, type EventsDatabase } from './support/events-database.js';

type CatalogEvents = EmittableBy<typeof eventCatalog, 'catalog'>;
let database: EventsDatabase;
let uow: KnexUnitOfWork<typeof eventCatalog, CatalogEvents>;

beforeAll(async () => {
  database = await createEventsDatabase('catalog');
  await database.admin('CREATE TABLE catalog.things (id text PRIMARY KEY)');
  uow = serviceUnitOfWork({ db: database.db, catalog: eventCatalog, service: 'catalog' });
});
afterAll(() => database.close());

const outboxTypes = async (subject: string) =>
  database.db('outbox_events').where('event_key', subject).orderBy('id').pluck('event_type');
const deleted = (productId: string) => ({ productId, sku: `SKU-${productId}`, deleteTime: new Date('2026-01-01T00:00:00Z') });

describe('unit of work', () => {
  it('writes the recorded events to the outbox in the transaction of the change, in order', async () => {
    await uow.run(async (tx, events) => {
      await knexTransaction(tx)('things').insert({ id: 'p1' });
      events.record('catalog.product.deleted', { subject: 'p1', data: deleted('p1') });
      events.record('catalog.product.restored', { subject: 'p1', data: { product: undefined } });
    });
    expect(await outboxTypes('p1')).toEqual(['catalog.product.deleted', 'catalog.product.restored']);
  });

  it('leaves neither the change nor its events behind when the work fails', async () => {
    const failing = uow.run(async (tx, events) => {
      await knexTransaction(tx)('things').insert({ id: 'p2' });
      events.record('catalog.product.deleted', { subject: 'p2', data: deleted('p2') });
      throw new Error('a rule refused the change');
    });
    await expect(failing).rejects.toThrow('a rule refused the change');
    expect(await database.db('things').where({ id: 'p2' })).toEqual([]);
    expect(await outboxTypes('p2')).toEqual([]);
  });

  it('joins the outer unit when run inside it, so both commit once', async () => {
    await uow.run(async (outerTx, events) => {
      events.record('catalog.product.deleted', { subject: 'p3', data: deleted('p3') });
      await uow.run(async (innerTx, inner) => {
        expect(innerTx).toBe(outerTx);
        inner.record('catalog.product.restored', { subject: 'p3', data: {} });
      });
    });
    expect(await outboxTypes('p3')).toEqual(['catalog.product.deleted', 'catalog.product.restored']);
  });

  it('tells listeners the events of each committed unit, which is how a use-case test asserts them', async () => {
    const seen: CloudEvent[][] = [];
    const off = uow.onCommit((events) => seen.push([...events]));
    await uow.run(async (_tx, events) => events.record('catalog.product.deleted', { subject: 'p4', data: deleted('p4') }));
    await uow.run(async () => {}).catch(() => {});
    off();
    expect(seen.map((events) => events.map((e) => e.type))).toEqual([['catalog.product.deleted'], []]);
    expect(parsePayload(eventCatalog['catalog.product.deleted'], seen[0]![0]!)).toEqual(deleted('p4'));
    expect(seen[0]![0]).toMatchObject({ source: '/ecommerce/catalog', subject: 'p4' });
  });

  it("refuses to record another service's event type", async () => {
    const foreign = serviceUnitOfWork({ db: database.db, catalog: eventCatalog, service: 'catalog' });
    const attempt = foreign.run(async (_tx, events) =>
      // @ts-expect-error: the catalog service may emit catalog.* types only
      events.record('user.user.deleted', { subject: 'u1', data: { userId: 'u1' } }),
    );
    await expect(attempt).rejects.toThrow('catalog may not emit user.user.deleted');
  });
});

describe('catalog-typed consumer', () => {
  it('runs the handler of each type once per event, in the inbox transaction that also holds its events', async () => {
    const transport = createInProcessTransport({ partitions: 1 });
    const handled: string[] = [];
    const sub = await consumeCatalogEvents({
      catalog: eventCatalog,
      group: 'catalog',
      transport,
      uow,
      handlers: {
        'user.user.deleted': async (data, { tx, events }) => {
          handled.push(data.userId);
          await knexTransaction(tx)('things').insert({ id: `user-${data.userId}` });
          events.record('catalog.product.deleted', { subject: `user-${data.userId}`, data: deleted(data.userId) });
        },
      },
    });
    const userDeleted = (userId: string, id: string) => ({
      specversion: '1.0' as const,
      id,
      source: '/ecommerce/user',
      type: 'user.user.deleted',
      time: new Date().toISOString(),
      subject: userId,
      datacontenttype: 'application/json' as const,
      data: { userId },
    });
    const once = userDeleted('u7', '00000000-0000-4000-8000-000000000007');
    const u8 = userDeleted('u8', '00000000-0000-4000-8000-000000000008');
    // The first event twice (a redelivery), then another: the handler must see two events, not three.
    await transport.publish([once, once, u8].map((event) => toWireMessage('user.user', event.subject, event)));
    await expect.poll(() => handled.length).toBe(2);
    await sub.stop();
    await transport.close();
    expect(handled).toEqual(['u7', 'u8']);
    expect(await outboxTypes('user-u7')).toEqual(['catalog.product.deleted']);
  });

  it('does not compile with a misspelt event type', () => {
    const handlers: Parameters<typeof consumeCatalogEvents<typeof eventCatalog, CatalogEvents>>[0]['handlers'] = {
      // @ts-expect-error: no such event type in the catalog
      'user.user.delted': async () => {},
    };
    expect(Object.keys(handlers)).toEqual(['user.user.delted']);
  });
});
