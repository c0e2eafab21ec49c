// The index fed by events (through the in-process transport, as in `make dev`): a new product is searchable
// within a second, only active products are ever returned, stock moves a product in and out of the in-stock
// facet, an older event never overwrites newer data, and a redelivered event changes nothing.
import { performance } from 'node:perf_hooks';
import { ProductStatus } from '@ecommerce/proto/events/v1/catalog';
import { describe, expect, it, vi } from 'vitest';
import { aProduct, indexed, priced, stocked, uniqueWord, updated } from './builders.js';
import { useHarness } from './harness.js';

const h = useHarness();

const find = (query: string, extra: Record<string, unknown> = {}) => h.call('searchProducts', { query, ...extra });
const ids = async (query: string) => (await find(query)).products.map((p) => p.id);

describe('indexing from events', () => {
  it('makes a product searchable within one second of its creation event (publish to first hit)', async () => {
    // Arrange: the consumer and the search path have run once, so the figure is the steady state, not start-up.
    await indexed(h, aProduct({ name: `Warm-up ${uniqueWord()}` }));
    await find('warm-up');
    const word = uniqueWord();
    const product = aProduct({ name: `Enamel kettle ${word}` });

    const published = performance.now();
    await h.publish('catalog.product.created', product.id, { product });
    await vi.waitFor(async () => expect(await ids(word)).toEqual([product.id]), { timeout: 1_000, interval: 5 });
    const elapsedMs = performance.now() - published;

    console.log(`search: product searchable ${elapsedMs.toFixed(1)} ms after its creation event was published`);
    expect(elapsedMs).toBeLessThan(1_000);
  });

  it('never returns a draft, an archived or a deleted product', async () => {
    const word = uniqueWord();
    const draft = await indexed(h, aProduct({ name: `Draft lamp ${word}`, status: ProductStatus.PRODUCT_STATUS_DRAFT }));
    const archived = await indexed(h, aProduct({ name: `Archived lamp ${word}`, status: ProductStatus.PRODUCT_STATUS_ARCHIVED }));
    const live = await indexed(h, aProduct({ name: `Live lamp ${word}` }));
    const deleted = await indexed(h, aProduct({ name: `Deleted lamp ${word}` }));
    await h.processed(await h.publish('catalog.product.deleted', deleted.id, { productId: deleted.id, sku: deleted.sku, deleteTime: new Date() }));

    expect(await ids(word)).toEqual([live.id]);
    expect((await h.call('autocomplete', { prefix: word })).suggestions.map((s) => s.productId)).toEqual([live.id]);

    // Published, then archived: it leaves the results.
    await updated(h, { ...live, status: ProductStatus.PRODUCT_STATUS_ARCHIVED, updateTime: new Date(live.updateTime!.getTime() + 1_000) }, ['status']);
    expect(await ids(word)).toEqual([]);
    // They are in the index all the same (a later activation needs no rebuild), just never shown.
    expect((await h.db('products').whereIn('id', [draft.id, archived.id]).pluck('status')).sort()).toEqual(['archived', 'draft']);
  });

  it('moves a product in and out of the in_stock facet as its stock changes', async () => {
    const word = uniqueWord();
    const product = await indexed(h, aProduct({ name: `Stock pot ${word}` }));
    const inStockCount = async () => {
      const { facets } = await find(word, { facets: ['in_stock'] });
      return Object.fromEntries(facets[0]!.values.map((v) => [v.value, v.count]));
    };
    expect(await inStockCount()).toEqual({ false: 1 });

    await stocked(h, product.sku, true);
    expect(await inStockCount()).toEqual({ true: 1 });
    expect((await find(word, { inStockOnly: true })).products.map((p) => p.id)).toEqual([product.id]);

    await stocked(h, product.sku, false);
    expect(await inStockCount()).toEqual({ false: 1 });
    expect((await find(word, { inStockOnly: true })).products).toEqual([]);
  });

  it('keeps the newer data when an older event arrives late', async () => {
    const word = uniqueWord();
    const t0 = new Date(Date.now() - 60_000);
    const product = aProduct({ name: `Newer name ${word}`, createTime: t0, updateTime: new Date(t0.getTime() + 2_000) });
    await indexed(h, product);
    await updated(h, { ...product, name: `Older name ${word}`, status: ProductStatus.PRODUCT_STATUS_DRAFT, updateTime: new Date(t0.getTime() + 1_000) });
    await priced(h, product.sku, 'EUR', 1_500, new Date(t0.getTime() + 2_000));
    await priced(h, product.sku, 'EUR', 9_900, new Date(t0.getTime() + 1_000));
    await stocked(h, product.sku, true, new Date(t0.getTime() + 2_000));
    await stocked(h, product.sku, false, new Date(t0.getTime() + 1_000));

    const [hit] = (await find(word, { currency: 'EUR' })).products;

    expect(hit).toMatchObject({ name: `Newer name ${word}`, price: { currency: 'EUR', amountMinor: 1_500 }, inStock: true });
  });

  it('applies a redelivered event once, and a restore after a delete brings the product back', async () => {
    const word = uniqueWord();
    const product = aProduct({ name: `Twice ${word}` });
    const eventId = await h.publish('catalog.product.created', product.id, { product });
    await h.processed(eventId);
    const deleteTime = new Date(product.updateTime!.getTime() + 1_000);
    await h.processed(await h.publish('catalog.product.deleted', product.id, { productId: product.id, sku: product.sku, deleteTime }));

    // The creation again, with the same id: the inbox skips it (had it applied, the tombstone would still hold).
    await h.publish('catalog.product.created', product.id, { product }, { eventId });
    const restored = { ...product, updateTime: new Date(deleteTime.getTime() + 1_000) };
    await h.processed(await h.publish('catalog.product.restored', product.id, { product: restored }));

    expect(await ids(word)).toEqual([product.id]);
    const rows = await h.db('inbox_events').where({ event_id: eventId }).count<Array<{ count: string | number }>>('* as count');
    expect(Number(rows[0]?.count)).toBe(1);
  });
});
