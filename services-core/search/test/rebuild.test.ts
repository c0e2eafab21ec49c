// The search service beside a real catalog (its own database, the same in-process transport, as in `make dev`):
// a product created through the catalog's API becomes searchable from the catalog's own event, and RebuildIndex
// reads the catalog's API back into the index, removing what the catalog no longer lists and bringing brand
// names (which no event carries) into the text.
import { randomUUID } from 'node:crypto';
import { startCatalog } from '@ecommerce/catalog';
import { createInProcessTransport } from '@ecommerce/common/events';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { createMigratedTestDatabase, createTestJwtIssuer, type TestDatabase } from '@ecommerce/common/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aProduct, indexed, uniqueWord } from './builders.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let catalog: RunningService;
let catalogDatabase: TestDatabase;
let catalogToken = '';

beforeAll(async () => {
  const transport = createInProcessTransport({ partitions: 1 });
  const issuer = await createTestJwtIssuer();
  catalogDatabase = await createMigratedTestDatabase('catalog');
  catalog = await startCatalog(
    { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', DATABASE_URL: catalogDatabase.url, JWT_PUBLIC_KEY: issuer.publicKeyPem, LOG_LEVEL: 'silent' },
    { transport },
  );
  catalogToken = await issuer.sign({ sub: 'staff-1', roles: ['staff'], type: 'staff' });
  h = await startHarness({ CATALOG_URL: catalog.urls.http! }, transport);
});

afterAll(async () => {
  // The harness closes the shared transport, so the catalog stops first.
  await catalog?.stop();
  await h?.close();
  await catalogDatabase?.drop();
});

async function send(method: string, path: string, body: Record<string, unknown>): Promise<{ id: string }> {
  const response = await fetch(`${catalog.urls.http}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${catalogToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(method === 'POST' ? 201 : 200);
  return ((await response.json()) as { data: { id: string } }).data;
}

const post = (path: string, body: Record<string, unknown>) => send('POST', path, body);

/** What the catalog lists, as the rebuild will read it. */
const totalOf = async (path: string) => ((await (await fetch(`${catalog.urls.http}/api/v1${path}?limit=1`)).json()) as { meta: { total: number } }).meta.total;

const aCatalogProduct = (name: string, extra: Record<string, unknown> = {}) => {
  const tag = randomUUID().slice(0, 8);
  return post('/products', { sku: `SKU-${tag}`, slug: `p-${tag}`, name, status: 'active', ...extra });
};

const idsFor = async (query: string) => (await h.call('searchProducts', { query })).products.map((p) => p.id);

describe('search beside the catalog', () => {
  it('indexes a product created through the catalog API from the catalog event, its brand named by the catalog', async () => {
    const word = uniqueWord();
    const brandWord = uniqueWord();
    const brand = await post('/brands', { name: `Nordic ${brandWord}`, slug: `nordic-${brandWord}` });
    const { id } = await aCatalogProduct(`Walnut board ${word}`, { brandId: brand.id });

    await vi.waitFor(async () => expect(await idsFor(word)).toEqual([id]), { timeout: 5_000, interval: 20 });
    // No event carries the brand's name: the service asked the catalog for it, so the brand word finds it (weight B).
    expect((await h.call('searchProducts', { query: brandWord })).products).toEqual([expect.objectContaining({ id, brandName: `Nordic ${brandWord}` })]);
  });

  it('rebuilds from the catalog API: a renamed brand is found by its new name, products it no longer lists leave', async () => {
    const oldWord = uniqueWord();
    const newWord = uniqueWord();
    const brand = await post('/brands', { name: `Acme ${oldWord}`, slug: `acme-${oldWord}` });
    const kitchen = await post('/categories', { name: 'Kitchen', slug: `kitchen-${oldWord}` });
    const branded = await aCatalogProduct('Chef knife', { brandId: brand.id, categoryId: kitchen.id });
    const draft = await aCatalogProduct(`Draft knife ${oldWord}`, { status: 'draft', brandId: brand.id });
    await vi.waitFor(async () => expect(await idsFor(oldWord)).toEqual([branded.id]), { timeout: 5_000, interval: 20 });
    // A rename is not announced by any event: until a rebuild, the index knows the old name only.
    await send('PATCH', `/brands/${brand.id}`, { name: `Zenith ${newWord}` });
    // Known to the index from an event, unknown to the catalog (say the deletion never arrived).
    const orphanWord = uniqueWord();
    const orphan = await indexed(h, aProduct({ name: `Orphan ${orphanWord}`, createTime: new Date(Date.now() - 60_000), updateTime: new Date(Date.now() - 60_000) }));
    expect(await idsFor(orphanWord)).toEqual([orphan.id]);
    expect(await idsFor(newWord)).toEqual([]);
    const listed = { products: await totalOf('/products'), brands: await totalOf('/brands'), categories: ((await (await fetch(`${catalog.urls.http}/api/v1/categories`)).json()) as { data: unknown[] }).data.length };

    const summary = await h.call('rebuildIndex', {}, h.tokens.staff);

    expect(summary).toEqual({ ...listed, removed: 1 });
    expect(await idsFor(newWord)).toEqual([branded.id]);
    expect(await idsFor(orphanWord)).toEqual([]);
    expect(await h.db('products').where({ id: draft.id }).first('status')).toEqual({ status: 'draft' });
    const rebuilt = await h.db('outbox_events').where({ event_type: 'search.index.rebuilt' }).select('envelope');
    expect(rebuilt.map((r: { envelope: { data: unknown } }) => r.envelope.data)).toEqual([expect.objectContaining({ ...listed, removed: 1 })]);
  });
});
