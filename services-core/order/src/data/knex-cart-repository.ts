// Carts and their lines in PostgreSQL. Writes go through the unit of work's transaction; `expired` is decided by
// the database's clock so every instance agrees.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Cart } from '../biz/cart.js';
import type { CartRepository, CartSnapshot, NewCart } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { cartFromRows, type CartLineRow, type CartRow } from './rows.js';

@injectable()
export class KnexCartRepository implements CartRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(tx: Transaction, cart: NewCart): Promise<Cart> {
    const trx = knexTransaction(tx);
    const [row] = await trx('carts')
      .insert({
        customer_id: cart.customerId,
        token_hash: cart.tokenHash,
        country: cart.country,
        currency: cart.currency,
        expires_at: trx.raw(`now() + make_interval(hours => ?)`, [cart.ttlHours]),
      })
      .returning<{ id: string }[]>('id');
    return (await this.load(trx, row!.id, false))!;
  }

  async findOpenForCustomer(tx: Transaction, customerId: string): Promise<Cart | undefined> {
    const trx = knexTransaction(tx);
    const row = await trx('carts').where({ customer_id: customerId }).whereIn('status', ['active', 'checking_out']).first('id');
    return row ? this.load(trx, row.id as string, false) : undefined;
  }

  get(cartId: string): Promise<Cart | undefined> {
    return this.load(this.db, cartId, false);
  }

  getForUpdate(tx: Transaction, cartId: string): Promise<Cart | undefined> {
    return this.load(knexTransaction(tx), cartId, true);
  }

  async saveSnapshot(tx: Transaction, cartId: string, snapshot: CartSnapshot): Promise<Cart> {
    const trx = knexTransaction(tx);
    await trx('carts')
      .where({ id: cartId })
      .update({
        coupon_codes: snapshot.couponCodes,
        refused_codes: JSON.stringify(snapshot.refusedCodes),
        applied_promotions: JSON.stringify(snapshot.appliedPromotions),
        shipping_address: snapshot.shippingAddress ? JSON.stringify(snapshot.shippingAddress) : null,
        shipping_options: JSON.stringify(snapshot.shippingOptions),
        shipping_option_id: snapshot.shippingOptionId,
        shipping_minor: snapshot.shippingMinor,
        shipping_discount_minor: snapshot.shippingDiscountMinor,
        tax_inclusive: snapshot.taxInclusive,
        expires_at: trx.raw(`now() + make_interval(hours => ?)`, [snapshot.ttlHours]),
        updated_at: trx.fn.now(),
      });
    const keep = snapshot.lines.map((l) => l.sku);
    await trx('cart_lines').where({ cart_id: cartId }).whereNotIn('sku', keep).delete();
    if (snapshot.lines.length > 0) {
      await trx('cart_lines')
        .insert(
          snapshot.lines.map((l) => ({
            cart_id: cartId,
            sku: l.sku,
            quantity: l.quantity,
            unit_price_minor: l.unitPriceMinor,
            subtotal_minor: l.subtotalMinor,
            discount_minor: l.discountMinor,
            tax_minor: l.taxMinor,
            total_minor: l.totalMinor,
            adjustments: JSON.stringify(l.adjustments),
          })),
        )
        .onConflict(['cart_id', 'sku'])
        .merge(['quantity', 'unit_price_minor', 'subtotal_minor', 'discount_minor', 'tax_minor', 'total_minor', 'adjustments']);
    }
    return (await this.load(trx, cartId, false))!;
  }

  async setStatus(tx: Transaction, cartId: string, status: Cart['status']): Promise<void> {
    await knexTransaction(tx)('carts').where({ id: cartId }).update({ status, updated_at: knexTransaction(tx).fn.now() });
  }

  async takeCheckoutLease(tx: Transaction, cartId: string, seconds: number): Promise<boolean> {
    const trx = knexTransaction(tx);
    const updated = await trx('carts')
      .where({ id: cartId })
      .where((q) => q.whereNull('checkout_until').orWhere('checkout_until', '<', trx.fn.now()))
      .update({ checkout_until: trx.raw(`now() + make_interval(secs => ?)`, [seconds]) });
    return updated > 0;
  }

  async releaseCheckoutLease(tx: Transaction, cartId: string): Promise<void> {
    await knexTransaction(tx)('carts').where({ id: cartId }).update({ checkout_until: null });
  }

  async prune(retentionHours: number): Promise<number> {
    await this.db('carts').where({ status: 'active' }).where('expires_at', '<=', this.db.fn.now()).update({ status: 'expired', updated_at: this.db.fn.now() });
    // Carts an order refers to stay (the order names its cart); others go once expired or merged long enough.
    return this.db('carts')
      .whereIn('status', ['expired', 'merged'])
      .where('updated_at', '<', this.db.raw(`now() - make_interval(hours => ?)`, [retentionHours]))
      .whereNotExists((q) => q.select(this.db.raw('1')).from('orders').whereRaw('orders.cart_id = carts.id'))
      .delete();
  }

  private async load(q: Knex | Knex.Transaction, cartId: string, lock: boolean): Promise<Cart | undefined> {
    let query = q('carts').where({ id: cartId }).first<CartRow | undefined>('*', q.raw('expires_at <= now() as expired'));
    if (lock) query = query.forUpdate();
    const row = await query;
    if (!row) return undefined;
    const lines = await q('cart_lines').where({ cart_id: cartId }).orderBy('created_at').orderBy('sku').select<CartLineRow[]>('*');
    return cartFromRows(row, lines);
  }
}
