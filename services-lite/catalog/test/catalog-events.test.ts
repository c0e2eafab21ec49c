// Catalog writes publish CloudEvents through the outbox: what a consumer of catalog.product and
// catalog.category receives, in order per entity, carrying the writing request's trace.
import { ConfigError } from '@ecommerce/common/config';
import { createInProcessTransport, parsePayload } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { ProductStatus } from '@ecommerce/proto/events/v1/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalog } from '../src/main.js';
import { startCatalogHarness, type CatalogHarness } from './catalog-harness.js';
import { catalogEventProbe, createTracedProduct, type CatalogEventProbe } from './event-probe.js';

describe('catalog events (in-process transport)', () => {
  const transport = createInProcessTransport();
  let harness: CatalogHarness;
  let probe: CatalogEventProbe;
  beforeAll(async () => {
    harness = await startCatalogHarness({ transport });
    probe = await catalogEventProbe(transport);
  });
  afterAll(async () => {
    await probe.stop();
    await harness.stop();
    await transport.close();
  });

  it('publishes catalog.product.created with the product as proto-JSON and the request\'s trace', async () => {
    const traceId = '5a9cf3bd2b0e4ed6a1b8c3d4e5f60718';
    const id = await createTracedProduct(harness, traceId, { sku: 'EVT-1', slug: 'evt-1', name: 'Event one', status: 'active' });
    const event = await probe.next('catalog.product.created', id);
    expect(event).toMatchObject({ source: '/ecommerce/catalog', subject: id, specversion: '1.0' });
    expect(event.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(parsePayload(eventCatalog['catalog.product.created'], event).product).toMatchObject({ id, sku: 'EVT-1', status: ProductStatus.PRODUCT_STATUS_ACTIVE });
  });

  it('publishes update, delete and restore of a product in the order they happened', async () => {
    const { body } = await harness.api.post('/products', { sku: 'EVT-2', slug: 'evt-2', name: 'Event two' }, harness.staffToken);
    const id = body.data.id as string;
    await harness.api.patch(`/products/${id}`, { name: 'Event two, renamed', status: 'active' }, harness.staffToken);
    await harness.api.delete(`/products/${id}`, harness.staffToken);
    await harness.api.post(`/products/${id}/restore`, {}, harness.staffToken);
    const types = await probe.typesFor(id, 4);
    expect(types).toEqual(['catalog.product.created', 'catalog.product.updated', 'catalog.product.deleted', 'catalog.product.restored']);
    const updated = parsePayload(eventCatalog['catalog.product.updated'], await probe.next('catalog.product.updated', id));
    expect(updated.changedFields).toEqual(['name', 'status']);
    expect(parsePayload(eventCatalog['catalog.product.deleted'], await probe.next('catalog.product.deleted', id))).toMatchObject({ productId: id, sku: 'EVT-2' });
  });

  it('publishes nothing for a write the catalog refuses', async () => {
    await harness.api.post('/products', { sku: 'EVT-3', slug: 'evt-3', name: 'Event three' }, harness.staffToken);
    const refused = await harness.api.post('/products', { sku: 'EVT-3', slug: 'evt-3-other', name: 'Duplicate SKU' }, harness.staffToken);
    expect(refused.status).toBe(409);
    await probe.next('catalog.product.created', (await harness.api.get('/products/by-slug/evt-3')).body.data.id);
    expect(probe.all().filter((e) => e.type === 'catalog.product.created' && (e.data as any).product?.slug === 'evt-3-other')).toEqual([]);
  });

  it('publishes category created, updated and deleted', async () => {
    const { body } = await harness.api.post('/categories', { name: 'Event shoes', slug: 'event-shoes' }, harness.staffToken);
    const id = body.data.id as string;
    await harness.api.patch(`/categories/${id}`, { name: 'Event boots' }, harness.staffToken);
    await harness.api.delete(`/categories/${id}`, harness.staffToken);
    expect(await probe.typesFor(id, 3)).toEqual(['catalog.category.created', 'catalog.category.updated', 'catalog.category.deleted']);
    expect(parsePayload(eventCatalog['catalog.category.updated'], await probe.next('catalog.category.updated', id)).category?.name).toBe('Event boots');
  });
});

describe('catalog start-up in distributed mode', () => {
  it('stops with a message naming KAFKA_BROKERS when it is missing', async () => {
    const attempt = startCatalog({ RUN_MODE: 'distributed', DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none', HTTP_PORT: '0', LOG_LEVEL: 'silent' });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/^invalid configuration: KAFKA_BROKERS is required in distributed mode/);
  });
});
