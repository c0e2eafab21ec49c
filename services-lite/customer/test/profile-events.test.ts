// The events customer's use cases decide, read from the unit of work as it commits (onCommit): no HTTP, no
// relay, only the use cases, their repositories and a real database with its segment triggers.
import { randomUUID } from 'node:crypto';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { parsePayload, type CloudEvent } from '@ecommerce/common/events';
import { createMigratedTestDatabase, type TestDatabase } from '@ecommerce/common/testing';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerComponents, type CustomerComponents } from '../src/components.js';

let database: TestDatabase;
let db: Knex;
let c: CustomerComponents;
let committed: CloudEvent[];

beforeAll(async () => {
  database = await createMigratedTestDatabase('customer');
  db = createDatabase({ url: database.url, schema: 'customer', poolMax: 2 });
  c = createCustomerComponents(db);
  committed = [];
  c.uow.onCommit((events) => committed.push(...events));
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

/** A registered customer with a default shipping address in `country`, and the events so far forgotten. */
async function customerIn(country: string): Promise<string> {
  const id = randomUUID();
  await c.registration.execute({ id, email: `${id.slice(0, 8)}@example.com`, registeredAt: new Date() });
  await c.addressBook.create(id, { recipient: 'R', line1: 'L1', city: 'C', postalCode: '1000', country, isDefaultShipping: true, isDefaultBilling: false });
  committed.length = 0;
  return id;
}

describe('events decided by the use cases', () => {
  it('registration emits customer.customer.created once, and nothing for the same registration seen again', async () => {
    committed.length = 0;
    const id = randomUUID();
    const registration = { id, email: `${id.slice(0, 8)}@example.com`, registeredAt: new Date() };

    expect(await c.registration.execute(registration)).toBe(true);
    expect(await c.registration.execute(registration)).toBe(false);

    expect(committed.map((e) => [e.type, e.subject])).toEqual([['customer.customer.created', id]]);
  });

  it('erasure emits the segment leave, then customer.customer.deleted without personal data', async () => {
    const segment = await c.segmentAdmin.create({ name: `erase-${randomUUID()}`, rules: [{ kind: 'shipping_country', country: 'FO' }] });
    const id = await customerIn('FO');

    await c.profiles.erase(id);

    expect(committed.map((e) => e.type)).toEqual(['customer.segment.membership_changed', 'customer.customer.deleted']);
    expect(parsePayload(eventCatalog['customer.segment.membership_changed'], committed[0]!)).toEqual({
      segmentId: segment.id,
      joinedCustomerIds: [],
      leftCustomerIds: [id],
    });
    expect(parsePayload(eventCatalog['customer.customer.deleted'], committed[1]!)).toMatchObject({ customerId: id });
    expect(JSON.stringify(committed[1]!.data)).not.toContain('@example.com');
  });

  it('an empty profile patch emits nothing', async () => {
    const id = await customerIn('DE');

    await c.profiles.update(id, {});

    expect(committed).toEqual([]);
  });
});
