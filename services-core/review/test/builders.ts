// Shared test data: a valid review submission to vary, a buyer with a delivered product, and error capture.
import { randomUUID } from 'node:crypto';
import type { AppError } from '@ecommerce/common/errors';
import type { SubmitReviewRequest } from '@ecommerce/proto/review/v1/review';
import type { Customer, Harness } from './harness.js';

export function aReview(overrides: Partial<SubmitReviewRequest> = {}): SubmitReviewRequest {
  return {
    productId: randomUUID(),
    rating: 4,
    title: 'Sturdy and light',
    body: 'Carried it every day for a month; the zip still runs smoothly.',
    imageUrls: ['https://cdn.example.com/reviews/bag-1.jpg'],
    ...overrides,
  };
}

/** A customer who received the product: the catalog knows its SKU, the order was placed and delivered. */
export async function aBuyerOf(h: Harness, productId: string): Promise<Customer> {
  const buyer = await h.newCustomer();
  const sku = `SKU-${productId.slice(0, 8).toUpperCase()}`;
  const orderId = randomUUID();
  await h.events.processed(await h.events.productCreated({ productId, sku }));
  await h.events.processed(await h.events.orderPlaced({ orderId, customerId: buyer.id, skus: [sku] }));
  await h.events.processed(await h.events.shipmentDelivered({ orderId, skus: [sku] }));
  return buyer;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected the call to fail');
}

/** Rows of a table of the service's schema matching `where`. */
export async function rowCount(h: Harness, table: string, where: Record<string, unknown>): Promise<number> {
  const [row] = await h.db(table).where(where).count<Array<{ count: string | number }>>('* as count');
  return Number(row?.count ?? 0);
}
