// Test data builders: what the order service publishes, with unique ids per call.
import { randomUUID } from 'node:crypto';
import type { OrderSnapshot } from '@ecommerce/proto/events/v1/order';

export function anOrder(customerId: string, overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: randomUUID(),
    customerId,
    status: 'confirmed',
    paymentStatus: 'authorized',
    fulfillmentStatus: 'unfulfilled',
    currency: 'EUR',
    totalMinor: 10_000,
    lines: [{ id: randomUUID(), sku: 'SKU-1', quantity: 1, unitPriceMinor: 10_000, totalMinor: 10_000 }],
    shippingOptionId: 'standard',
    createTime: new Date(),
    ...overrides,
  };
}
