// Catalog product events on the in-process transport, consumed by the real service: an archived or deleted
// product's SKU answers NOT_FOUND in CalculatePrices, re-activation or restore prices it again, and a redelivered
// event is applied once.
import { randomUUID } from 'node:crypto';
import { envelopeOf, toWireMessage } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { ProductStatus } from '@ecommerce/proto/events/v1/catalog';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calculate, setBasePrice } from './fixtures.js';
import { rejectionOf, startHarness, uniqueSku, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

type ProductEvent = 'catalog.product.created' | 'catalog.product.updated' | 'catalog.product.restored';

async function publishProduct(type: ProductEvent, product: { id: string; sku: string; status: ProductStatus }, eventId?: string): Promise<string> {
  const spec = eventCatalog[type];
  const snapshot = { id: product.id, sku: product.sku, slug: product.sku.toLowerCase(), name: product.sku, description: '', images: [], status: product.status };
  const event = envelopeOf(spec, '/ecommerce/catalog', { ...(eventId ? { id: eventId } : {}), subject: product.id, data: { product: snapshot, changedFields: ['status'] } as never });
  await h.transport.publish([toWireMessage(spec.topic, product.id, event)]);
  return event.id;
}

async function publishDeleted(productId: string, sku: string): Promise<void> {
  const spec = eventCatalog['catalog.product.deleted'];
  const event = envelopeOf(spec, '/ecommerce/catalog', { subject: productId, data: { productId, sku, deleteTime: new Date() } });
  await h.transport.publish([toWireMessage(spec.topic, productId, event)]);
}

const processed = async (eventId: string) => (await h.db('inbox_events').where({ consumer_group: 'pricing', event_id: eventId }).first()) !== undefined;
const priced = async (sku: string) => (await calculate(h, [{ sku }]).then(() => true, () => false));

describe('catalog product events', () => {
  it('stops pricing an archived product and prices it again once re-activated', async () => {
    const product = { id: randomUUID(), sku: uniqueSku() };
    await setBasePrice(h, product.sku, 1500);
    await publishProduct('catalog.product.created', { ...product, status: ProductStatus.PRODUCT_STATUS_ACTIVE });

    await publishProduct('catalog.product.updated', { ...product, status: ProductStatus.PRODUCT_STATUS_ARCHIVED });
    await vi.waitFor(async () => expect(await priced(product.sku)).toBe(false), { timeout: 5000, interval: 50 });
    const err = await rejectionOf(calculate(h, [{ sku: product.sku }]));
    expect(err.type).toBe('not_found');
    expect(err.message).toContain(product.sku);
    expect(err.details).toEqual([expect.objectContaining({ field: 'lines.0.sku' })]);

    await publishProduct('catalog.product.updated', { ...product, status: ProductStatus.PRODUCT_STATUS_ACTIVE });
    await vi.waitFor(async () => expect(await priced(product.sku)).toBe(true), { timeout: 5000, interval: 50 });
    expect((await calculate(h, [{ sku: product.sku }])).lines[0]!.unitPriceMinor).toBe(1500);
  });

  it('stops pricing a deleted product and prices it again when restored', async () => {
    const product = { id: randomUUID(), sku: uniqueSku() };
    await setBasePrice(h, product.sku, 700);

    await publishDeleted(product.id, product.sku);
    await vi.waitFor(async () => expect(await priced(product.sku)).toBe(false), { timeout: 5000, interval: 50 });

    await publishProduct('catalog.product.restored', { ...product, status: ProductStatus.PRODUCT_STATUS_ACTIVE });
    await vi.waitFor(async () => expect(await priced(product.sku)).toBe(true), { timeout: 5000, interval: 50 });
  });

  it('applies a redelivered event once: a stale archive replayed after re-activation changes nothing', async () => {
    const product = { id: randomUUID(), sku: uniqueSku() };
    await setBasePrice(h, product.sku, 900);
    const archived = await publishProduct('catalog.product.updated', { ...product, status: ProductStatus.PRODUCT_STATUS_ARCHIVED });
    const activated = await publishProduct('catalog.product.updated', { ...product, status: ProductStatus.PRODUCT_STATUS_ACTIVE });
    await vi.waitFor(async () => expect(await processed(activated)).toBe(true), { timeout: 5000, interval: 50 });

    await publishProduct('catalog.product.updated', { ...product, status: ProductStatus.PRODUCT_STATUS_ARCHIVED }, archived);
    const marker = await publishProduct('catalog.product.created', { id: randomUUID(), sku: uniqueSku(), status: ProductStatus.PRODUCT_STATUS_ACTIVE });
    await vi.waitFor(async () => expect(await processed(marker)).toBe(true), { timeout: 5000, interval: 50 });

    expect(await priced(product.sku)).toBe(true);
    const rows = await h.db('inbox_events').where({ event_id: archived }).count({ n: '*' });
    expect(Number(rows[0]?.n)).toBe(1);
  });
});
