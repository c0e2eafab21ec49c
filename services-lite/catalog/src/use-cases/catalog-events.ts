// The catalog.product and catalog.category integration events (proto/events/v1/catalog.proto) the use cases
// decide, recorded through the unit of work so each reaches the outbox in the transaction of its change.
import type { EmittableBy, EventRecorder, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import { ProductStatus, type CategorySnapshot, type ProductSnapshot } from '@ecommerce/proto/events/v1/catalog';
import type { Category } from '../schemas/category.js';
import type { Product } from '../schemas/product.js';

/** The catalog may emit its own event types only (`catalog.*`). */
export type CatalogEventType = EmittableBy<EventCatalog, 'catalog'>;
export type CatalogUnitOfWork = UnitOfWork<EventCatalog, CatalogEventType>;
export type CatalogEvents = EventRecorder<EventCatalog, CatalogEventType>;

const PRODUCT_STATUS: Record<Product['status'], ProductStatus> = {
  draft: ProductStatus.PRODUCT_STATUS_DRAFT,
  active: ProductStatus.PRODUCT_STATUS_ACTIVE,
  archived: ProductStatus.PRODUCT_STATUS_ARCHIVED,
};

// The entity as it is after the change, so consumers (search, pricing) need no call back.
function productSnapshot(p: Product): ProductSnapshot {
  return {
    id: p.id,
    sku: p.sku,
    slug: p.slug,
    name: p.name,
    description: p.description,
    brandId: p.brandId ?? undefined,
    categoryId: p.categoryId ?? undefined,
    attributes: p.attributes,
    images: p.images,
    status: PRODUCT_STATUS[p.status],
    createTime: new Date(p.createdAt),
    updateTime: new Date(p.updatedAt),
  };
}

function categorySnapshot(c: Category): CategorySnapshot {
  return {
    id: c.id,
    parentId: c.parentId ?? undefined,
    name: c.name,
    slug: c.slug,
    description: c.description,
    position: c.position,
    createTime: new Date(c.createdAt),
    updateTime: new Date(c.updatedAt),
  };
}

/** Field names of a request body that were given, in a stable order: the `changedFields` of an update event. */
export function changedFields(patch: Record<string, unknown>): string[] {
  return Object.keys(patch).filter((k) => patch[k] !== undefined).sort();
}

export const productEvents = {
  created: (events: CatalogEvents, p: Product) => events.record('catalog.product.created', { subject: p.id, data: { product: productSnapshot(p) } }),
  updated: (events: CatalogEvents, p: Product, fields: string[]) =>
    events.record('catalog.product.updated', { subject: p.id, data: { product: productSnapshot(p), changedFields: fields } }),
  deleted: (events: CatalogEvents, p: { id: string; sku: string; deletedAt: Date }) =>
    events.record('catalog.product.deleted', { subject: p.id, data: { productId: p.id, sku: p.sku, deleteTime: p.deletedAt } }),
  restored: (events: CatalogEvents, p: Product) => events.record('catalog.product.restored', { subject: p.id, data: { product: productSnapshot(p) } }),
};

export const categoryEvents = {
  created: (events: CatalogEvents, c: Category) => events.record('catalog.category.created', { subject: c.id, data: { category: categorySnapshot(c) } }),
  updated: (events: CatalogEvents, c: Category, fields: string[]) =>
    events.record('catalog.category.updated', { subject: c.id, data: { category: categorySnapshot(c), changedFields: fields } }),
  deleted: (events: CatalogEvents, id: string, at: Date) =>
    events.record('catalog.category.deleted', { subject: id, data: { categoryId: id, deleteTime: at } }),
};
