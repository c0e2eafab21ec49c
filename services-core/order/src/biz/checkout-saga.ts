// The checkout saga (DESIGN.md 11): create the order, reserve stock, reserve promotion usage, authorize the payment
// LAST (the costliest to undo), commit usage, confirm. Each step has its compensation beside it and passes the
// orchestrator's `<saga id>:<step>` key on, so a resumed saga never repeats an effect. Compensations must do
// nothing when their step did nothing: release/void of an unknown reference answer ok at the participants.
import { FailedPreconditionError } from '@ecommerce/common/errors';
import { defineSaga, type SagaDefinition } from '@ecommerce/common/saga';
import type { AppliedPromotion } from './cart.js';
import { orderEvents } from './order-events.js';
import type { CartRepository, Discounts, NewOrder, OrderRepository, OrderUnitOfWork, Payments, Stock, StockLine } from './ports.js';

export const CHECKOUT_SAGA = 'checkout';

export interface CheckoutInput {
  order: NewOrder;
  paymentMethod: string;
  actor: string;
}

export interface CheckoutSagaDeps {
  uow: OrderUnitOfWork;
  orders: OrderRepository;
  carts: CartRepository;
  stock: Stock;
  discounts: Discounts;
  payments: Payments;
}

export function checkoutSaga(deps: CheckoutSagaDeps): SagaDefinition<CheckoutInput> {
  const { uow, orders, carts, stock, discounts, payments } = deps;
  const promotionsOf = (input: CheckoutInput): AppliedPromotion[] => input.order.appliedPromotions;
  return defineSaga<CheckoutInput>({
    name: CHECKOUT_SAGA,
    steps: [
      {
        name: 'create-order',
        invoke: ({ input }) =>
          uow.run(async (tx) => {
            const order = await orders.insertIfAbsent(tx, input.order, input.actor);
            return { orderId: order.id };
          }),
        // Last to run: the order becomes failed with the saga's reason, and the cart takes changes again.
        compensate: async ({ input, sagaId }) => {
          // Read before the transaction: a second connection taken inside it could starve the pool under load.
          const reason = (await orders.sagaFailureReason(sagaId)) ?? 'checkout failed';
          await uow.run(async (tx) => {
            const order = await orders.getForUpdate(tx, input.order.id);
            if (order && order.status === 'pending') {
              await orders.update(tx, order, { status: 'failed', statusReason: reason }, 'system', reason);
            }
            const cart = await carts.getForUpdate(tx, input.order.cartId);
            if (cart?.status === 'checking_out') await carts.setStatus(tx, cart.id, 'active');
            await carts.releaseCheckoutLease(tx, input.order.cartId);
          });
        },
      },
      {
        name: 'reserve-stock',
        invoke: async ({ input, idempotencyKey }) => {
          await stock.reserve(input.order.id, stockLinesOf(input.order), input.order.country, idempotencyKey);
          return { reserved: true };
        },
        compensate: ({ input, idempotencyKey }) => stock.release(input.order.id, idempotencyKey),
      },
      {
        name: 'reserve-usage',
        invoke: async ({ input, idempotencyKey }) => {
          if (promotionsOf(input).length === 0) return { reserved: false };
          await discounts.reserveUsage(input.order.id, input.order.customerId ?? '', promotionsOf(input), idempotencyKey);
          return { reserved: true };
        },
        compensate: async ({ input, idempotencyKey }) => {
          if (promotionsOf(input).length > 0) await discounts.releaseUsage(input.order.id, idempotencyKey);
        },
      },
      {
        name: 'authorize-payment',
        invoke: async ({ input, idempotencyKey }) => {
          if (input.order.totalMinor === 0) return { paymentId: '' };
          const payment = await payments.authorize(
            { orderId: input.order.id, customerId: input.order.customerId ?? '', amountMinor: input.order.totalMinor, currency: input.order.currency, paymentMethod: input.paymentMethod },
            idempotencyKey,
          );
          // A decline is an answer, not an error: it is final, so the saga compensates at once instead of retrying.
          if (payment.status !== 'authorized') throw new FailedPreconditionError(`payment ${payment.status}${payment.failureCode ? ` (${payment.failureCode})` : ''}`);
          return { paymentId: payment.id };
        },
        // The invoke may have authorized and then timed out, so the order's payments are looked up, not the output.
        compensate: async ({ input, idempotencyKey }) => {
          for (const payment of await payments.listForOrder(input.order.id)) {
            if (payment.status === 'authorized') await payments.void(payment.id, `${idempotencyKey}:${payment.id}`);
          }
        },
      },
      {
        name: 'commit-usage',
        invoke: async ({ input, idempotencyKey }) => {
          if (promotionsOf(input).length > 0) await discounts.commitUsage(input.order.id, idempotencyKey);
          return { committed: promotionsOf(input).length > 0 };
        },
      },
      {
        name: 'confirm-order',
        invoke: ({ input, results }) =>
          uow.run(async (tx, events) => {
            const order = await orders.getForUpdate(tx, input.order.id);
            if (!order) throw new FailedPreconditionError(`order ${input.order.id} vanished during checkout`);
            if (order.status === 'confirmed') return { confirmed: true };
            const { paymentId } = results['authorize-payment'] as { paymentId: string };
            const confirmed = await orders.update(
              tx,
              order,
              { status: 'confirmed', ...(paymentId ? { paymentStatus: 'authorized' as const, paymentId } : {}) },
              input.actor,
              'checkout completed',
            );
            await carts.setStatus(tx, input.order.cartId, 'converted');
            await carts.releaseCheckoutLease(tx, input.order.cartId);
            orderEvents.placed(events, confirmed);
            return { confirmed: true };
          }),
      },
    ],
  });
}

/** One stock line per SKU (the warehouse reserves by SKU). */
export function stockLinesOf(order: Pick<NewOrder, 'lines'>): StockLine[] {
  const bySku = new Map<string, number>();
  for (const line of order.lines) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}
