// The catalog's integration events (proto/events/v1/catalog.proto): each write path records its event in the
// outbox inside its own transaction, so the event exists exactly when the change does.
import { defineEventType, publishInTransaction, type CloudEvent } from '@ecommerce/common/events';
import {
  CategoryCreated,
  CategoryDeleted,
  CategoryUpdated,
  ProductCreated,
  ProductDeleted,
  ProductRestored,
  ProductStatus,
  ProductUpdated,
  type CategorySnapshot,
  type ProductSnapshot,
} from '@ecommerce/proto/events/v1/catalog';
import type { Knex } from 'knex';
import type { Category } from '../schemas/category.js';
import type { Product } from '../schemas/product.js';

export const CATALOG_EVENT_SOURCE = '/ecommerce/catalog';

export const productEvents = {
  created: defineEventType('catalog.product.created', ProductCreated),
  updated: defineEventType('catalog.product.updated', ProductUpdated),
  deleted: defineEventType('catalog.product.deleted', ProductDeleted),
  restored: defineEventType('catalog.product.restored', ProductRestored),
};

export const categoryEvents = {
  created: defineEventType('catalog.category.created', CategoryCreated),
  updated: defineEventType('catalog.category.updated', CategoryUpdated),
  deleted: defineEventType('catalog.category.deleted', CategoryDeleted),
};

const PRODUCT_STATUS: Record<Product['status'], ProductStatus> = {
  draft: ProductStatus.PRODUCT_STATUS_DRAFT,
  active: ProductStatus.PRODUCT_STATUS_ACTIVE,
  archived: ProductStatus.PRODUCT_STATUS_ARCHIVED,
};

export function productSnapshot(p: Product): ProductSnapshot {
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

export function categorySnapshot(c: Category): CategorySnapshot {
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

/** Field names of a request body that were given, in a stable order. */
export function changedFields(patch: Record<string, unknown>): string[] {
  return Object.keys(patch).filter((k) => patch[k] !== undefined).sort();
}

const record = (trx: Knex.Transaction, event: CloudEvent) => publishInTransaction(trx, event);

export const recordProduct = {
  created: (trx: Knex.Transaction, p: Product) =>
    record(trx, productEvents.created.create({ source: CATALOG_EVENT_SOURCE, subject: p.id, data: { product: productSnapshot(p) } })),
  updated: (trx: Knex.Transaction, p: Product, fields: string[]) =>
    record(trx, productEvents.updated.create({ source: CATALOG_EVENT_SOURCE, subject: p.id, data: { product: productSnapshot(p), changedFields: fields } })),
  deleted: (trx: Knex.Transaction, p: { id: string; sku: string; deletedAt: Date }) =>
    record(trx, productEvents.deleted.create({ source: CATALOG_EVENT_SOURCE, subject: p.id, data: { productId: p.id, sku: p.sku, deleteTime: p.deletedAt } })),
  restored: (trx: Knex.Transaction, p: Product) =>
    record(trx, productEvents.restored.create({ source: CATALOG_EVENT_SOURCE, subject: p.id, data: { product: productSnapshot(p) } })),
};

export const recordCategory = {
  created: (trx: Knex.Transaction, c: Category) =>
    record(trx, categoryEvents.created.create({ source: CATALOG_EVENT_SOURCE, subject: c.id, data: { category: categorySnapshot(c) } })),
  updated: (trx: Knex.Transaction, c: Category, fields: string[]) =>
    record(trx, categoryEvents.updated.create({ source: CATALOG_EVENT_SOURCE, subject: c.id, data: { category: categorySnapshot(c), changedFields: fields } })),
  deleted: (trx: Knex.Transaction, id: string, at: Date) =>
    record(trx, categoryEvents.deleted.create({ source: CATALOG_EVENT_SOURCE, subject: id, data: { categoryId: id, deleteTime: at } })),
};
