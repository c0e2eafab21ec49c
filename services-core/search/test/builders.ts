// Shared test data: the events other services publish about a product (built as their producers build them),
// and error capture.
import { randomUUID } from 'node:crypto';
import type { AppError } from '@ecommerce/common/errors';
import { ProductStatus, type ProductSnapshot } from '@ecommerce/proto/events/v1/catalog';
import type { Harness } from './harness.js';

export function aProduct(overrides: Partial<ProductSnapshot> = {}): ProductSnapshot {
  const id = randomUUID();
  const now = new Date();
  return {
    id,
    sku: `SKU-${id.slice(0, 8)}`,
    slug: `p-${id.slice(0, 8)}`,
    name: 'Plain product',
    description: '',
    attributes: {},
    images: [],
    status: ProductStatus.PRODUCT_STATUS_ACTIVE,
    createTime: now,
    updateTime: now,
    ...overrides,
  };
}

/** Publishes catalog.product.created and waits until the index has it. */
export async function indexed(h: Harness, product: ProductSnapshot): Promise<ProductSnapshot> {
  await h.processed(await h.publish('catalog.product.created', product.id, { product }));
  return product;
}

export async function updated(h: Harness, product: ProductSnapshot, changedFields: string[] = []): Promise<void> {
  await h.processed(await h.publish('catalog.product.updated', product.id, { product, changedFields }));
}

export async function priced(h: Harness, sku: string, currency: string, amountMinor: number, changeTime = new Date()): Promise<void> {
  const tiers = amountMinor > 0 ? [{ minQuantity: 1, maxQuantity: 0, amountMinor }] : [];
  await h.processed(await h.publish('pricing.price.changed', sku, { sku, currency, priceListId: '', amountMinor, tiers, changeTime }));
}

export async function stocked(h: Harness, sku: string, inStock: boolean, time = new Date()): Promise<void> {
  const available = inStock ? 5 : 0;
  await h.processed(
    await h.publish('warehouse.stock.changed', sku, { stock: { sku, onHand: available, reserved: 0, available, inStock, backorderAllowed: false }, cause: 'adjustment' }, { time }),
  );
}

export async function rated(h: Harness, productId: string, average: number, count: number): Promise<void> {
  await h.processed(await h.publish('review.rating.changed', productId, { productId, average, count, ratingSum: Math.round(average * count), histogram: [] }));
}

export async function category(h: Harness, name: string, parentId?: string): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await h.processed(
    await h.publish('catalog.category.created', id, { category: { id, parentId, name, slug: name.toLowerCase(), description: '', position: 0, createTime: now, updateTime: now } }),
  );
  return id;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}

/** A query string unique to one test, so tests sharing a service never see each other's products. */
export function uniqueWord(): string {
  return `w${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}
