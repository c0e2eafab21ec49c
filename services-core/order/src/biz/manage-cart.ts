// The cart's use cases: create, read, change (lines, coupons, address, shipping option) and merge. Every change
// runs under the cart's row lock, is re-priced from scratch (CartPricer) and stored with its snapshot in one
// transaction, so two changes to one cart never lose each other and a failed pricing call changes nothing.
import { inject, injectable } from 'inversify';
import { FailedPreconditionError } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
import { assertCartAccess, type CartKey } from './cart-access.js';
import { CartPricer, type CartContents } from './cart-pricer.js';
import { newCartToken } from './cart-token.js';
import { assertCartChangeable, MAX_CART_LINES, MAX_COUPONS, MAX_LINE_QUANTITY, type Address, type Caller, type Cart } from './cart.js';
import { CART_REPOSITORY, ORDER_SETTINGS, STOCK, UNIT_OF_WORK, type CartRepository, type OrderSettings, type OrderUnitOfWork, type Stock } from './ports.js';

export interface CreatedCart {
  cart: Cart;
  /** Guest carts only: the token, shown this once. */
  token: string;
}

type Mutation = (contents: CartContents, cart: Cart) => void | Promise<void>;

@injectable()
export class ManageCartUseCase {
  constructor(
    @inject(CART_REPOSITORY) private readonly carts: CartRepository,
    @inject(UNIT_OF_WORK) private readonly uow: OrderUnitOfWork,
    @inject(CartPricer) private readonly pricer: CartPricer,
    @inject(STOCK) private readonly stock: Stock,
    @inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
  ) {}

  /** A customer gets their open cart (made if none); a guest gets a new cart and its token. */
  create(caller: Caller, country: string, currency: string): Promise<CreatedCart> {
    return this.uow.run(async (tx) => {
      if (caller.customerId) {
        const open = await this.carts.findOpenForCustomer(tx, caller.customerId);
        if (open) return { cart: open, token: '' };
        const cart = await this.carts.create(tx, { customerId: caller.customerId, tokenHash: null, country, currency, ttlHours: this.settings.customerCartTtlHours });
        return { cart, token: '' };
      }
      const { token, hash } = newCartToken();
      const cart = await this.carts.create(tx, { customerId: null, tokenHash: hash, country, currency, ttlHours: this.settings.guestCartTtlHours });
      return { cart, token };
    });
  }

  async get(caller: Caller, key: CartKey): Promise<Cart> {
    return assertCartAccess(await this.carts.get(key.cartId), caller, key);
  }

  addLine(caller: Caller, key: CartKey, sku: string, quantity: number): Promise<Cart> {
    return this.change(caller, key, async (contents) => {
      const line = contents.lines.find((l) => l.sku === sku);
      const wanted = (line?.quantity ?? 0) + quantity;
      if (wanted > MAX_LINE_QUANTITY) throw new FailedPreconditionError(`sku ${sku}: at most ${MAX_LINE_QUANTITY} per line`, [{ field: 'quantity', message: `line would hold ${wanted}` }]);
      if (!line && contents.lines.length >= MAX_CART_LINES) throw new FailedPreconditionError(`a cart holds at most ${MAX_CART_LINES} lines`);
      await this.assertAvailable(sku, wanted);
      if (line) line.quantity = wanted;
      else contents.lines.push({ sku, quantity });
    });
  }

  /** Quantity 0 removes the line. */
  updateLine(caller: Caller, key: CartKey, sku: string, quantity: number): Promise<Cart> {
    return this.change(caller, key, async (contents, cart) => {
      const line = contents.lines.find((l) => l.sku === sku);
      if (!line) throw new FailedPreconditionError(`cart ${cart.id} has no line for sku ${sku}`);
      if (quantity === 0) {
        contents.lines = contents.lines.filter((l) => l.sku !== sku);
        return;
      }
      if (quantity > line.quantity) await this.assertAvailable(sku, quantity);
      line.quantity = quantity;
    });
  }

  removeLine(caller: Caller, key: CartKey, sku: string): Promise<Cart> {
    return this.updateLine(caller, key, sku, 0);
  }

  applyCoupon(caller: Caller, key: CartKey, code: string): Promise<Cart> {
    return this.change(caller, key, (contents) => {
      if (contents.couponCodes.includes(code)) return;
      if (contents.couponCodes.length >= MAX_COUPONS) throw new FailedPreconditionError(`a cart holds at most ${MAX_COUPONS} coupon codes`);
      contents.couponCodes.push(code);
    });
  }

  removeCoupon(caller: Caller, key: CartKey, code: string): Promise<Cart> {
    return this.change(caller, key, (contents, cart) => {
      if (!contents.couponCodes.includes(code)) throw new FailedPreconditionError(`coupon ${code} is not on cart ${cart.id}`);
      contents.couponCodes = contents.couponCodes.filter((c) => c !== code);
    });
  }

  setShippingAddress(caller: Caller, key: CartKey, address: Address): Promise<Cart> {
    return this.change(caller, key, (contents) => {
      contents.shippingAddress = address;
    });
  }

  selectShippingOption(caller: Caller, key: CartKey, optionId: string): Promise<Cart> {
    return this.change(caller, key, (contents, cart) => {
      if (!cart.shippingAddress) throw new FailedPreconditionError(`cart ${cart.id} has no shipping address yet`, [{ field: 'option_id', message: 'set a shipping address first' }]);
      if (!cart.shippingOptions.some((o) => o.optionId === optionId)) {
        throw new FailedPreconditionError(`shipping option ${optionId} is not offered for cart ${cart.id}`, [{ field: 'option_id', message: 'not offered for this address' }]);
      }
      contents.shippingOptionId = optionId;
    });
  }

  /** Guest lines and coupons go into the customer's open cart (made if none); the guest cart is closed as merged. */
  merge(caller: Caller, guest: CartKey): Promise<Cart> {
    const customerId = caller.customerId;
    // A staff or service token has no customer cart to merge into: a precondition of the request, not a role
    // the route lists (it is open to any signed-in caller).
    if (!customerId) throw new FailedPreconditionError('merging a cart needs a customer account\'s token');
    return this.uow.run(async (tx) => {
      const guestCart = assertCartAccess(await this.carts.getForUpdate(tx, guest.cartId), { ...caller, customerId: null }, guest);
      assertCartChangeable(guestCart);
      const open = await this.carts.findOpenForCustomer(tx, customerId);
      const target =
        (open && (await this.carts.getForUpdate(tx, open.id))) ??
        (await this.carts.create(tx, { customerId, tokenHash: null, country: guestCart.country, currency: guestCart.currency, ttlHours: this.settings.customerCartTtlHours }));
      assertCartChangeable(target);
      const contents = contentsOf(target);
      for (const line of guestCart.lines) {
        const existing = contents.lines.find((l) => l.sku === line.sku);
        if (existing) existing.quantity = Math.min(MAX_LINE_QUANTITY, existing.quantity + line.quantity);
        else if (contents.lines.length < MAX_CART_LINES) contents.lines.push({ sku: line.sku, quantity: line.quantity });
      }
      for (const code of guestCart.couponCodes) if (!contents.couponCodes.includes(code) && contents.couponCodes.length < MAX_COUPONS) contents.couponCodes.push(code);
      contents.shippingAddress ??= guestCart.shippingAddress;
      contents.shippingOptionId ??= guestCart.shippingOptionId;
      const merged = await this.reprice(tx, target, contents);
      await this.carts.setStatus(tx, guestCart.id, 'merged');
      return merged;
    });
  }

  private change(caller: Caller, key: CartKey, mutate: Mutation): Promise<Cart> {
    return this.uow.run(async (tx) => {
      const cart = assertCartAccess(await this.carts.getForUpdate(tx, key.cartId), caller, key);
      assertCartChangeable(cart);
      const contents = contentsOf(cart);
      await mutate(contents, cart);
      return this.reprice(tx, cart, contents);
    });
  }

  private async reprice(tx: Transaction, cart: Cart, contents: CartContents): Promise<Cart> {
    const priced = await this.pricer.price(contents);
    const ids = new Map(cart.lines.map((l) => [l.sku, l.id]));
    const ttlHours = cart.customerId ? this.settings.customerCartTtlHours : this.settings.guestCartTtlHours;
    return this.carts.saveSnapshot(tx, cart.id, {
      ...priced,
      lines: priced.lines.map((l) => ({ ...l, ...(ids.has(l.sku) ? { id: ids.get(l.sku)! } : {}) })),
      ttlHours,
    });
  }

  /** Untracked stock and backorderable SKUs are always available; otherwise `quantity` must be on hand. */
  private async assertAvailable(sku: string, quantity: number): Promise<void> {
    const [item] = (await this.stock.availability([sku])).filter((a) => a.sku === sku);
    if (!item) throw new FailedPreconditionError(`sku ${sku} is not stocked`, [{ field: 'sku', message: 'not stocked' }]);
    if (!item.tracked || item.backorderAllowed) return;
    if (item.available < quantity) {
      throw new FailedPreconditionError(`sku ${sku}: only ${Math.max(item.available, 0)} available, ${quantity} wanted`, [{ field: 'sku', message: `only ${Math.max(item.available, 0)} available` }]);
    }
  }
}

export function contentsOf(cart: Cart): CartContents {
  return {
    currency: cart.currency,
    country: cart.country,
    customerId: cart.customerId,
    lines: cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    couponCodes: [...cart.couponCodes],
    shippingAddress: cart.shippingAddress,
    shippingOptionId: cart.shippingOptionId,
  };
}
