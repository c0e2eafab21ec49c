// Reading orders (a customer their own, staff all) and cancelling one before it ships. Cancelling marks the order
// first (so a shipment arriving meanwhile finds it cancelled), then undoes its effects with keys derived from the
// order id: a cancel retried after a participant was down finishes the job and has no second effect.
import { inject, injectable } from 'inversify';
import { isAppError, NotFoundError } from '@ecommerce/common/errors';
import type { Logger } from '@ecommerce/common/logger';
import type { Caller } from './cart.js';
import { FulfilmentUseCase, type MovedLine } from './fulfilment.js';
import { orderEvents } from './order-events.js';
import { assertCancellable, paymentStatusOf, type Order } from './order.js';
import {
  DISCOUNTS,
  ORDER_REPOSITORY,
  PAYMENTS,
  STOCK,
  UNIT_OF_WORK,
  type Discounts,
  type OrderFilter,
  type OrderPage,
  type OrderRepository,
  type OrderUnitOfWork,
  type Payments,
  type Stock,
} from './ports.js';

export const ORDER_LOGGER = Symbol.for('order.BizLogger');

@injectable()
export class ManageOrdersUseCase {
  constructor(
    @inject(ORDER_REPOSITORY) private readonly orders: OrderRepository,
    @inject(UNIT_OF_WORK) private readonly uow: OrderUnitOfWork,
    @inject(PAYMENTS) private readonly payments: Payments,
    @inject(STOCK) private readonly stock: Stock,
    @inject(DISCOUNTS) private readonly discounts: Discounts,
    @inject(ORDER_LOGGER) private readonly logger: Logger,
    @inject(FulfilmentUseCase) private readonly fulfilment: FulfilmentUseCase,
  ) {}

  async get(caller: Caller, orderId: string): Promise<Order> {
    return assertOrderAccess(await this.orders.get(orderId), caller, orderId);
  }

  /** Customers always list their own orders only, whatever filter they send. */
  async list(caller: Caller, filter: OrderFilter, pageSize: number, pageToken: string): Promise<OrderPage> {
    if (caller.staff) return this.orders.list(filter, pageSize, pageToken);
    if (!caller.customerId) return { orders: [], nextPageToken: '' };
    return this.orders.list({ ...filter, customerId: caller.customerId }, pageSize, pageToken);
  }

  async cancel(caller: Caller, orderId: string, reason: string): Promise<Order> {
    const why = reason || `cancelled by ${caller.actor}`;
    const cancelled = await this.uow.run(async (tx, events) => {
      const order = assertOrderAccess(await this.orders.getForUpdate(tx, orderId), caller, orderId);
      if (order.status === 'cancelled') return order;
      assertCancellable(order);
      const changed = await this.orders.update(tx, order, { status: 'cancelled', statusReason: why }, caller.actor, why);
      orderEvents.cancelled(events, changed, why);
      return changed;
    });
    return this.undoEffects(cancelled, caller.actor);
  }

  /** Staff: returned units of shipped lines are refunded and restocked. */
  returnLines(caller: Caller, orderId: string, lines: Array<{ orderLineId: string; quantity: number }>, reason: string): Promise<Order> {
    const moved: MovedLine[] = lines.map((l) => ({ orderLineId: l.orderLineId, sku: '', quantity: l.quantity }));
    return this.uow.run((tx, events) => this.fulfilment.returned(tx, events, orderId, moved, reason, caller.actor));
  }

  /** Voids the authorization (or refunds what was captured), releases stock and promotion usage. */
  private async undoEffects(order: Order, actor: string): Promise<Order> {
    const key = `cancel-${order.id}`;
    let payment: { authorizedMinor: number; capturedMinor: number; refundedMinor: number } | undefined;
    if (order.paymentId) {
      const state = order.capturedMinor > order.refundedMinor
        ? await this.payments.refund(order.paymentId, order.capturedMinor - order.refundedMinor, 'order cancelled', `${key}:refund`)
        : await this.payments.void(order.paymentId, `${key}:void`);
      payment = state;
    }
    await this.stock.release(order.id, `${key}:release-stock`);
    if (order.appliedPromotions.length > 0) {
      try {
        await this.discounts.releaseUsage(order.id, `${key}:release-usage`);
      } catch (err) {
        // Usage committed at checkout stays used (promotion refuses a release after commit): the code counts as spent.
        if (!isAppError(err) || err.type !== 'failed_precondition') throw err;
        this.logger.info({ order_id: order.id }, 'promotion usage was committed; it stays counted');
      }
    }
    if (!payment) return order;
    const paymentStatus = payment.capturedMinor > 0 ? paymentStatusOf(payment) : 'voided';
    return this.uow.run(async (tx) => {
      const current = await this.orders.getForUpdate(tx, order.id);
      if (!current || current.paymentStatus === paymentStatus) return current ?? order;
      return this.orders.update(tx, current, { paymentStatus, refundedMinor: payment.refundedMinor }, actor, 'order cancelled');
    });
  }
}

export function assertOrderAccess(order: Order | undefined, caller: Caller, orderId: string): Order {
  if (!order || (!caller.staff && (caller.customerId === null || order.customerId !== caller.customerId))) throw new NotFoundError('order', orderId);
  return order;
}
