// Catalog product events reach the warehouse through the real consumer (in-process transport, inbox): a new
// product's SKU gets a stock item with default settings, and an update keeps the settings staff chose.
import { randomUUID } from 'node:crypto';
import { envelopeOf, toWireMessage } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { ProductStatus } from '@ecommerce/proto/events/v1/catalog';
import { describe, expect, it, vi } from 'vitest';
import { uniqueSku } from './builders.js';
import { useHarness } from './harness.js';

const h = useHarness();

async function publishProduct(type: 'catalog.product.created' | 'catalog.product.updated', product: { id: string; sku: string }, eventId?: string): Promise<string> {
  const spec = eventCatalog[type];
  const now = new Date();
  const snapshot = { ...product, slug: product.sku.toLowerCase(), name: product.sku, description: '', images: [], status: ProductStatus.PRODUCT_STATUS_ACTIVE, createTime: now, updateTime: now };
  const data = type === 'catalog.product.created' ? { product: snapshot } : { product: snapshot, changedFields: ['name'] };
  const event = envelopeOf(spec, '/ecommerce/catalog', { ...(eventId ? { id: eventId } : {}), subject: product.id, data: data as never });
  await h.transport.publish([toWireMessage(spec.topic, product.id, event)]);
  return event.id;
}

const inboxCount = async (eventId: string) => Number((await h.db('inbox_events').where({ event_id: eventId }).count<{ c: number }[]>({ c: '*' }))[0]!.c);

describe('catalog product events', () => {
  it("gives a new product's SKU a tracked stock item", async () => {
    const product = { id: randomUUID(), sku: uniqueSku('CAT') };

    const eventId = await publishProduct('catalog.product.created', product);
    await vi.waitFor(async () => expect(await inboxCount(eventId)).toBe(1), { timeout: 10_000, interval: 50 });

    const { item } = await h.call('getStockItem', { sku: product.sku });
    expect(item).toEqual({ sku: product.sku, tracked: true, backorderAllowed: false, lowStockThreshold: 0, productId: product.id });
    expect((await h.call('getAvailability', { skus: [product.sku] }, null)).items[0]).toMatchObject({ available: 0, inStock: false });
  });

  it('keeps the settings staff chose when the product changes', async () => {
    const product = { id: randomUUID(), sku: uniqueSku('CAT') };
    await h.call('setStockItem', { sku: product.sku, tracked: false, backorderAllowed: true, lowStockThreshold: 5 });

    const eventId = await publishProduct('catalog.product.updated', product);
    await vi.waitFor(async () => expect(await inboxCount(eventId)).toBe(1), { timeout: 10_000, interval: 50 });

    expect((await h.call('getStockItem', { sku: product.sku })).item).toMatchObject({ tracked: false, backorderAllowed: true, lowStockThreshold: 5 });
  });
});
