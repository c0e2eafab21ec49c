// The product use cases on their own, against a real migrated database: which catalog.product events each
// decides (seen through the unit of work's onCommit), and that a committed write makes cached reads fresh.
import { createCache } from '@ecommerce/common/cache';
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { parsePayload, type CloudEvent } from '@ecommerce/common/events';
import { createLogger } from '@ecommerce/common/logger';
import { createMigratedTestDatabase, type TestDatabase } from '@ecommerce/common/testing';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { ProductStatus } from '@ecommerce/proto/events/v1/catalog';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catalogUnitOfWork } from '../src/app.js';
import { ProductCache } from '../src/cache/product-cache.js';
import { ProductRepository } from '../src/repositories/product-repository.js';
import type { CreateProduct } from '../src/schemas/product.js';
import { ManageProductsUseCase } from '../src/use-cases/manage-products.js';
import { uniqueTag } from './builders.js';

let database: TestDatabase;
let db: Knex;
let products: ManageProductsUseCase;
/** Events of every committed unit of work, one array per commit. */
let commits: CloudEvent[][];

beforeAll(async () => {
  database = await createMigratedTestDatabase('catalog');
  db = createDatabase({ url: database.url, schema: 'catalog', poolMax: 4 });
  const uow = catalogUnitOfWork(db);
  uow.onCommit((events) => commits.push([...events]));
  const cache = new ProductCache(createCache({ namespace: 'catalog-test', maxEntries: 1000 }), createLogger({ service: 'catalog-test', level: 'silent' }), 60);
  products = new ManageProductsUseCase(new ProductRepository(db), uow, cache);
});

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

beforeEach(() => {
  commits = [];
});

function aNewProduct(overrides: Partial<CreateProduct> = {}): CreateProduct {
  const tag = uniqueTag();
  return { sku: `UC-${tag}`, slug: `uc-${tag}`, name: `Use case ${tag}`, description: '', brandId: null, categoryId: null, attributes: {}, images: [], status: 'draft', ...overrides };
}

describe('ManageProductsUseCase', () => {
  it('emits one catalog.product.created carrying the product as created, in the create\'s transaction', async () => {
    const product = await products.create(aNewProduct({ status: 'active' }));

    expect(commits).toHaveLength(1);
    const [event] = commits[0]!;
    expect(event).toMatchObject({ type: 'catalog.product.created', source: '/ecommerce/catalog', subject: product.id });
    expect(parsePayload(eventCatalog['catalog.product.created'], event!).product).toMatchObject({
      id: product.id,
      sku: product.sku,
      status: ProductStatus.PRODUCT_STATUS_ACTIVE,
    });
    const outbox = await db('outbox_events').where({ event_id: event!.id }).first();
    expect(outbox).toBeDefined();
  });

  it('emits catalog.product.updated with the product after the change and the given fields, sorted', async () => {
    const product = await products.create(aNewProduct());
    commits = [];

    await products.update(product.id, { status: 'active', name: 'Renamed' });

    expect(commits.map((events) => events.map((e) => e.type))).toEqual([['catalog.product.updated']]);
    const updated = parsePayload(eventCatalog['catalog.product.updated'], commits[0]![0]!);
    expect(updated.changedFields).toEqual(['name', 'status']);
    expect(updated.product).toMatchObject({ id: product.id, name: 'Renamed', status: ProductStatus.PRODUCT_STATUS_ACTIVE });
  });

  it('emits nothing for a patch that names no field', async () => {
    const product = await products.create(aNewProduct());
    commits = [];

    expect(await products.update(product.id, {})).toEqual(product);
    expect(commits).toEqual([]);
  });

  it('emits nothing for a create the database refuses', async () => {
    const first = await products.create(aNewProduct());
    commits = [];

    await expect(products.create(aNewProduct({ sku: first.sku }))).rejects.toMatchObject({ type: 'already_exists', details: [{ field: 'sku' }] });
    expect(commits).toEqual([]);
  });

  it('emits deleted and restored once each, and nothing for restoring a live product', async () => {
    const product = await products.create(aNewProduct());
    commits = [];

    await products.delete(product.id);
    await products.restore(product.id);
    await products.restore(product.id);

    expect(commits.map((events) => events.map((e) => e.type))).toEqual([['catalog.product.deleted'], ['catalog.product.restored'], []]);
  });

  it('serves the changed product from a cache that held the old one', async () => {
    const product = await products.create(aNewProduct());
    expect((await products.get(product.id)).name).toBe(product.name);

    await products.update(product.id, { name: 'Fresh' });

    expect((await products.get(product.id)).name).toBe('Fresh');
  });
});
