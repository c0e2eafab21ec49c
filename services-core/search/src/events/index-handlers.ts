// Handlers of the events that feed the index: catalog products and categories, pricing prices, warehouse stock and
// review ratings. Each maps the payload to an index entry and calls the use case in the inbox transaction it is
// given. An entry's source time is the change time the payload carries, or the event's own time where the payload
// has none (stock, rating), so the index can tell an older event from a newer one.
import type { CatalogHandlers, CloudEvent } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import { ProductStatus, type CategorySnapshot, type ProductSnapshot } from '@ecommerce/proto/events/v1/catalog';
import { attributeValues, type ProductEntry, type ProductStatus as IndexStatus } from '../biz/index-entry.js';
import type { SearchEventType } from '../biz/ports.js';
import type { UpdateIndexUseCase } from '../biz/update-index.js';

const STATUS: Partial<Record<ProductStatus, IndexStatus>> = {
  [ProductStatus.PRODUCT_STATUS_DRAFT]: 'draft',
  [ProductStatus.PRODUCT_STATUS_ACTIVE]: 'active',
  [ProductStatus.PRODUCT_STATUS_ARCHIVED]: 'archived',
};

/** A payload that can never be applied: thrown so the consumer retries it and then parks it in the DLQ. */
class UnusableEventError extends Error {}

const eventTime = (event: CloudEvent) => new Date(event.time);

function productEntry(p: ProductSnapshot | undefined, event: CloudEvent): ProductEntry {
  if (!p?.id || !p.sku) throw new UnusableEventError(`${event.type} ${event.id}: product id or sku missing`);
  return {
    id: p.id,
    sku: p.sku,
    slug: p.slug,
    name: p.name,
    description: p.description,
    brandId: p.brandId || null,
    categoryId: p.categoryId || null,
    attributes: attributeValues(p.attributes),
    // An unknown status is never shown: only `active` is searchable.
    status: STATUS[p.status] ?? 'draft',
    createdAt: p.createTime ?? eventTime(event),
    sourceTime: p.updateTime ?? p.createTime ?? eventTime(event),
  };
}

function categoryEntry(c: CategorySnapshot | undefined, event: CloudEvent) {
  if (!c?.id) throw new UnusableEventError(`${event.type} ${event.id}: category id missing`);
  return { id: c.id, parentId: c.parentId || null, name: c.name, sourceTime: c.updateTime ?? c.createTime ?? eventTime(event) };
}

export function indexHandlers(index: UpdateIndexUseCase): CatalogHandlers<EventCatalog, SearchEventType> {
  return {
    'catalog.product.created': (data, { tx, event }) => index.productChanged(tx, productEntry(data.product, event)),
    'catalog.product.updated': (data, { tx, event }) => index.productChanged(tx, productEntry(data.product, event)),
    'catalog.product.restored': (data, { tx, event }) => index.productChanged(tx, productEntry(data.product, event)),
    'catalog.product.deleted': async (data, { tx, event }) => {
      if (!data.productId) throw new UnusableEventError(`${event.type} ${event.id}: product id missing`);
      await index.productDeleted(tx, data.productId, data.deleteTime ?? eventTime(event));
    },
    'catalog.category.created': (data, { tx, event }) => index.categoryChanged(tx, categoryEntry(data.category, event)),
    'catalog.category.updated': (data, { tx, event }) => index.categoryChanged(tx, categoryEntry(data.category, event)),
    'catalog.category.deleted': async (data, { tx, event }) => {
      if (!data.categoryId) throw new UnusableEventError(`${event.type} ${event.id}: category id missing`);
      await index.categoryDeleted(tx, data.categoryId, data.deleteTime ?? eventTime(event));
    },
    'pricing.price.changed': async (data, { tx, event }) => {
      if (!data.sku || !/^[A-Z]{3}$/.test(data.currency)) throw new UnusableEventError(`${event.type} ${event.id}: sku or currency missing`);
      await index.priceChanged(tx, {
        sku: data.sku,
        currency: data.currency,
        priceListId: data.priceListId,
        amountMinor: data.amountMinor,
        tierCount: data.tiers.length,
        changedAt: data.changeTime ?? eventTime(event),
      });
    },
    'warehouse.stock.changed': async (data, { tx, event }) => {
      if (!data.stock?.sku) throw new UnusableEventError(`${event.type} ${event.id}: sku missing`);
      await index.stockChanged(tx, { sku: data.stock.sku, inStock: data.stock.inStock, at: eventTime(event) });
    },
    'review.rating.changed': async (data, { tx, event }) => {
      if (!data.productId) throw new UnusableEventError(`${event.type} ${event.id}: product id missing`);
      await index.ratingChanged(tx, { productId: data.productId, average: data.average, count: data.count, at: eventTime(event) });
    },
  };
}
