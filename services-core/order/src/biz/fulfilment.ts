// What happens to a confirmed order as its goods move: a shipment captures the shipped lines' value and commits
// their stock; a return refunds the returned units' value and restocks them. Both run inside the caller's
// transaction under the order's row lock (the event consumer's inbox transaction, or a staff request's), and call
// the other services with keys derived from what triggered them, so a redelivered event or a retried request
// that reaches them again has no second effect.
import { inject, injectable } from 'inversify';
import { FailedPreconditionError, NotFoundError } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
import { createHash } from 'node:crypto';
import { proportion } from './money.js';
import { orderEvents } from './order-events.js';
import { fulfillmentOf, paymentStatusOf, type Order, type OrderLine, type OrderStatus } from './order.js';
import { ORDER_REPOSITORY, PAYMENTS, STOCK, type OrderEvents, type OrderRepository, type Payments, type Stock, type StockLine } from './ports.js';

export interface MovedLine {
  /** The order line; when empty, the first line with `sku` is meant. */
  orderLineId: string;
  sku: string;
  quantity: number;
}

export interface Shipment {
  shipmentId: string;
  orderId: string;
  lines: MovedLine[];
}

export type FulfilmentOutcome = { applied: true; order: Order } | { applied: false; reason: string };

@injectable()
export class FulfilmentUseCase {
  constructor(
    @inject(ORDER_REPOSITORY) private readonly orders: OrderRepository,
    @inject(PAYMENTS) private readonly payments: Payments,
    @inject(STOCK) private readonly stock: Stock,
  ) {}

  /** shipping.shipment.shipped: capture the shipped value (the rest of the total with the last units), commit the stock. */
  async shipped(tx: Transaction, shipment: Shipment, actor: string): Promise<FulfilmentOutcome> {
    const order = await this.orders.getForUpdate(tx, shipment.orderId);
    if (!order) return { applied: false, reason: `order ${shipment.orderId} is unknown` };
    if (order.status !== 'confirmed') return { applied: false, reason: `order ${order.id} is ${order.status}` };
    if (!(await this.orders.recordMovement(tx, order.id, 'shipment', shipment.shipmentId))) return { applied: false, reason: `shipment ${shipment.shipmentId} was already applied` };
    const moved = resolveLines(order, shipment.lines, (l) => l.quantity - l.shippedQuantity, 'shipped');
    const lines = order.lines.map((l) => ({ ...l, shippedQuantity: l.shippedQuantity + (moved.get(l.id) ?? 0) }));
    const fulfillmentStatus = fulfillmentOf(lines);
    const linesValue = order.lines.reduce((n, l) => n + proportion(l.totalMinor, moved.get(l.id) ?? 0, l.quantity), 0);
    const shippingNet = order.totalMinor - order.lines.reduce((n, l) => n + l.totalMinor, 0);
    const firstShipment = order.fulfillmentStatus === 'unfulfilled';
    // The last shipment takes whatever is left, so per-line rounding never strands a minor unit on the authorization.
    const amount = fulfillmentStatus === 'shipped' ? order.totalMinor - order.capturedMinor : linesValue + (firstShipment ? shippingNet : 0);
    let capturedMinor = order.capturedMinor;
    let paymentStatus = order.paymentStatus;
    if (order.paymentId && amount > 0) {
      const payment = await this.payments.capture(order.paymentId, amount, `shipment-${shipment.shipmentId}:capture`);
      capturedMinor = payment.capturedMinor;
      paymentStatus = paymentStatusOf(payment);
    }
    await this.stock.commit(order.id, stockLines(order, moved), `shipment-${shipment.shipmentId}:commit`);
    const status: OrderStatus = fulfillmentStatus === 'shipped' ? 'completed' : order.status;
    const updated = await this.orders.update(
      tx,
      order,
      { status, fulfillmentStatus, paymentStatus, capturedMinor, lineQuantities: lines.map((l) => ({ lineId: l.id, shippedQuantity: l.shippedQuantity, returnedQuantity: l.returnedQuantity })) },
      actor,
      `shipment ${shipment.shipmentId} shipped`,
    );
    return { applied: true, order: updated };
  }

  /**
   * Returned units (shipping.shipment.returned, or staff): refund their value, restock them. `returnId` names the
   * return for the participants' keys; a staff request without one gets a key from the order's state and the
   * request, so the same request retried on the same order refunds once.
   */
  async returned(tx: Transaction, events: OrderEvents, orderId: string, lines: MovedLine[], reason: string, actor: string, returnId?: string): Promise<Order> {
    const order = await this.orders.getForUpdate(tx, orderId);
    if (!order) throw new NotFoundError('order', orderId);
    if (returnId && !(await this.orders.recordMovement(tx, order.id, 'return', returnId))) return order;
    if (order.status !== 'confirmed' && order.status !== 'completed') throw new FailedPreconditionError(`order ${order.id} is ${order.status}; only shipped goods of a placed order can be returned`);
    const moved = resolveLines(order, lines, (l) => l.shippedQuantity - l.returnedQuantity, 'returned');
    const key = returnId ?? `return-${order.id}-${createHash('sha256').update(JSON.stringify([order.lines.map((l) => l.returnedQuantity), [...moved]])).digest('hex').slice(0, 16)}`;
    const value = order.lines.reduce((n, l) => n + proportion(l.totalMinor, moved.get(l.id) ?? 0, l.quantity), 0);
    const refund = Math.min(value, order.capturedMinor - order.refundedMinor);
    let refundedMinor = order.refundedMinor;
    let paymentStatus = order.paymentStatus;
    if (order.paymentId && refund > 0) {
      const payment = await this.payments.refund(order.paymentId, refund, reason || 'returned', `${key}:refund`);
      refundedMinor = payment.refundedMinor;
      paymentStatus = paymentStatusOf(payment);
    }
    await this.stock.restock(order.id, stockLines(order, moved), `${key}:restock`);
    const after = order.lines.map((l) => ({ ...l, returnedQuantity: l.returnedQuantity + (moved.get(l.id) ?? 0) }));
    const fulfillmentStatus = fulfillmentOf(after);
    const updated = await this.orders.update(
      tx,
      order,
      {
        ...(fulfillmentStatus === 'returned' ? { status: 'returned' as const } : {}),
        fulfillmentStatus,
        paymentStatus,
        refundedMinor,
        lineQuantities: after.map((l) => ({ lineId: l.id, shippedQuantity: l.shippedQuantity, returnedQuantity: l.returnedQuantity })),
      },
      actor,
      reason || 'goods returned',
    );
    orderEvents.returned(events, updated, refundedMinor - order.refundedMinor);
    return updated;
  }
}

/** Quantity per order line id, each checked against what the line still allows (`room`). */
function resolveLines(order: Order, lines: MovedLine[], room: (line: OrderLine) => number, verb: string): Map<string, number> {
  const moved = new Map<string, number>();
  lines.forEach((item, i) => {
    const line = order.lines.find((l) => (item.orderLineId ? l.id === item.orderLineId : l.sku === item.sku));
    if (!line) throw new FailedPreconditionError(`order ${order.id} has no line ${item.orderLineId || item.sku}`, [{ field: `lines[${i}]`, message: 'not a line of this order' }]);
    const total = (moved.get(line.id) ?? 0) + item.quantity;
    if (total > room(line)) throw new FailedPreconditionError(`order line ${line.id} (${line.sku}): only ${room(line)} can be ${verb}`, [{ field: `lines[${i}].quantity`, message: `at most ${room(line)}` }]);
    moved.set(line.id, total);
  });
  return moved;
}

function stockLines(order: Order, moved: Map<string, number>): StockLine[] {
  const bySku = new Map<string, number>();
  for (const line of order.lines) {
    const quantity = moved.get(line.id) ?? 0;
    if (quantity > 0) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + quantity);
  }
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}
