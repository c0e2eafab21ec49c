// The order.order integration events the use cases decide (proto/events/v1/order.proto): the order as it is after
// the change, so consumers (notification, search, loyalty) need no call back.
import type { OrderSnapshot } from '@ecommerce/proto/events/v1/order';
import type { Order } from './order.js';
import type { OrderEvents } from './ports.js';

function snapshot(order: Order): OrderSnapshot {
  return {
    id: order.id,
    customerId: order.customerId ?? '',
    status: order.status,
    paymentStatus: order.paymentStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    currency: order.currency,
    totalMinor: order.totalMinor,
    lines: order.lines.map((l) => ({ id: l.id, sku: l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, totalMinor: l.totalMinor })),
    shippingAddress: order.shippingAddress ?? undefined,
    shippingOptionId: order.shippingOptionId ?? '',
    createTime: order.createdAt,
  };
}

export const orderEvents = {
  placed: (events: OrderEvents, order: Order) => events.record('order.order.placed', { subject: order.id, data: { order: snapshot(order) } }),
  cancelled: (events: OrderEvents, order: Order, reason: string) =>
    events.record('order.order.cancelled', { subject: order.id, data: { order: snapshot(order), reason } }),
  returned: (events: OrderEvents, order: Order, refundedMinor: number) =>
    events.record('order.order.returned', { subject: order.id, data: { order: snapshot(order), refundedMinor } }),
};
