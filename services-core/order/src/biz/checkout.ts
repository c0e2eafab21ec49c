// Checkout: turns a cart into an order through the checkout saga. The same idempotency key on the same cart
// answers the same order (the saga's own outcome, resumed if it was interrupted); a second checkout of a cart
// already placed is refused. The cart is held by a lease while its checkout runs, so two checkouts of one cart
// never both reach the saga, and a crashed one lets go when the lease passes.
import { randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import { AppError, FailedPreconditionError } from '@ecommerce/common/errors';
import type { SagaOrchestrator } from '@ecommerce/common/saga';
import { Admission } from './admission.js';
import { assertCartAccess, type CartKey } from './cart-access.js';
import { CartPricer } from './cart-pricer.js';
import { cartTotals, type Caller, type Cart } from './cart.js';
import { CHECKOUT_SAGA, type CheckoutInput } from './checkout-saga.js';
import { contentsOf } from './manage-cart.js';
import type { Order } from './order.js';
import { CART_REPOSITORY, ORDER_REPOSITORY, ORDER_SETTINGS, UNIT_OF_WORK, type CartRepository, type NewOrder, type OrderRepository, type OrderSettings, type OrderUnitOfWork } from './ports.js';

export const SAGA_ORCHESTRATOR = Symbol.for('order.SagaOrchestrator');

@injectable()
export class CheckoutUseCase {
  private readonly admission: Admission;

  constructor(
    @inject(CART_REPOSITORY) private readonly carts: CartRepository,
    @inject(ORDER_REPOSITORY) private readonly orders: OrderRepository,
    @inject(UNIT_OF_WORK) private readonly uow: OrderUnitOfWork,
    @inject(CartPricer) private readonly pricer: CartPricer,
    @inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
    @inject(SAGA_ORCHESTRATOR) private readonly sagas: Pick<SagaOrchestrator, 'start'>,
  ) {
    this.admission = new Admission(settings.maxCheckoutsInFlight);
  }

  async execute(caller: Caller, key: CartKey, idempotencyKey: string, paymentMethod: string): Promise<Order> {
    const cart = assertCartAccess(await this.carts.get(key.cartId), caller, key);
    const earlier = await this.orders.findByCheckoutKey(cart.id, idempotencyKey);
    if (earlier) return this.outcome(earlier.sagaId, earlier.id);
    const live = await this.orders.findLiveForCart(cart.id);
    if (live) throw new FailedPreconditionError(`cart ${cart.id} was already checked out as order ${live.id}`);
    return this.admission.run(() => this.place(caller, key, idempotencyKey, paymentMethod));
  }

  private async place(caller: Caller, key: CartKey, idempotencyKey: string, paymentMethod: string): Promise<Order> {
    const locked = await this.takeCart(caller, key);
    let input: CheckoutInput;
    try {
      input = { order: await this.orderFrom(locked, idempotencyKey), paymentMethod, actor: caller.actor };
    } catch (err) {
      await this.uow.run(async (tx) => {
        await this.carts.setStatus(tx, locked.id, 'active');
        await this.carts.releaseCheckoutLease(tx, locked.id);
      });
      throw err;
    }
    return this.outcome(input.order.sagaId, input.order.id, input);
  }

  /** The cart under this checkout's lease, in status checking_out (no changes meanwhile). */
  private takeCart(caller: Caller, key: CartKey): Promise<Cart> {
    return this.uow.run(async (tx) => {
      const cart = assertCartAccess(await this.carts.getForUpdate(tx, key.cartId), caller, key);
      if (cart.status === 'active' && cart.expired) throw new FailedPreconditionError(`cart ${cart.id} has expired`);
      if (cart.status !== 'active' && cart.status !== 'checking_out') throw new FailedPreconditionError(`cart ${cart.id} is ${cart.status}`);
      if (!(await this.carts.takeCheckoutLease(tx, cart.id, this.settings.checkoutLeaseSeconds))) {
        throw new AppError('aborted', `a checkout of cart ${cart.id} is in progress; retry with the same idempotency key for its order`);
      }
      await this.carts.setStatus(tx, cart.id, 'checking_out');
      return cart;
    });
  }

  /** Re-prices and re-validates the cart: what the order will hold, at today's prices and discounts. */
  private async orderFrom(cart: Cart, idempotencyKey: string): Promise<NewOrder> {
    if (cart.lines.length === 0) throw new FailedPreconditionError(`cart ${cart.id} is empty`, [{ field: 'lines', message: 'add a line first' }]);
    if (!cart.shippingAddress) throw new FailedPreconditionError(`cart ${cart.id} has no shipping address`, [{ field: 'shipping_address', message: 'required to check out' }]);
    if (!cart.shippingOptionId) throw new FailedPreconditionError(`cart ${cart.id} has no shipping option`, [{ field: 'shipping_option_id', message: 'required to check out' }]);
    const priced = await this.pricer.price(contentsOf(cart));
    if (!priced.shippingOptionId) throw new FailedPreconditionError(`shipping option ${cart.shippingOptionId} is no longer offered`, [{ field: 'shipping_option_id', message: 'choose another option' }]);
    const refused = priced.refusedCodes[0];
    if (refused) throw new FailedPreconditionError(`coupon ${refused.code} is refused: ${refused.reason}`, [{ field: 'coupon_codes', message: `${refused.code}: ${refused.reason}` }]);
    const totals = cartTotals(priced);
    const id = randomUUID();
    return {
      id,
      cartId: cart.id,
      checkoutKey: idempotencyKey,
      sagaId: `checkout-${id}`,
      customerId: cart.customerId,
      currency: cart.currency,
      country: priced.shippingAddress?.country ?? cart.country,
      shippingAddress: priced.shippingAddress,
      shippingOptionId: priced.shippingOptionId,
      ...totals,
      couponCodes: priced.couponCodes,
      appliedPromotions: priced.appliedPromotions,
      lines: priced.lines.map(({ adjustments: _adjustments, ...line }) => line),
    };
  }

  /** Runs (or joins, or resumes, or reads back) the saga, then answers the order as it ended. */
  private async outcome(sagaId: string, orderId: string, input?: CheckoutInput): Promise<Order> {
    await this.sagas.start(CHECKOUT_SAGA, sagaId, input ?? null);
    const order = await this.orders.get(orderId);
    if (!order) throw new AppError('unavailable', `checkout of order ${orderId} ended before the order was written; retry with the same key`);
    return order;
  }
}
