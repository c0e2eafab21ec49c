// Orders, their lines and status history in PostgreSQL. `update` is the one place statuses change, and it writes a
// history row (field, from, to, actor, reason) for each status that did.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { ValidationError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Order } from '../biz/order.js';
import type { NewOrder, OrderChanges, OrderFilter, OrderPage, OrderRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { orderFromRows, type HistoryRow, type OrderLineRow, type OrderRow } from './rows.js';

@injectable()
export class KnexOrderRepository implements OrderRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async insertIfAbsent(tx: Transaction, order: NewOrder, actor: string): Promise<Order> {
    const trx = knexTransaction(tx);
    const inserted = await trx('orders')
      .insert({
        id: order.id,
        cart_id: order.cartId,
        checkout_key: order.checkoutKey,
        saga_id: order.sagaId,
        customer_id: order.customerId,
        currency: order.currency,
        country: order.country,
        shipping_address: order.shippingAddress ? JSON.stringify(order.shippingAddress) : null,
        shipping_option_id: order.shippingOptionId,
        subtotal_minor: order.subtotalMinor,
        discount_minor: order.discountMinor,
        shipping_minor: order.shippingMinor,
        tax_minor: order.taxMinor,
        total_minor: order.totalMinor,
        coupon_codes: order.couponCodes,
        applied_promotions: JSON.stringify(order.appliedPromotions),
      })
      .onConflict('id')
      .ignore()
      .returning('id');
    if (inserted.length > 0) {
      await trx('order_lines').insert(
        order.lines.map((l, position) => ({
          order_id: order.id,
          position,
          sku: l.sku,
          quantity: l.quantity,
          unit_price_minor: l.unitPriceMinor,
          subtotal_minor: l.subtotalMinor,
          discount_minor: l.discountMinor,
          tax_minor: l.taxMinor,
          total_minor: l.totalMinor,
        })),
      );
      await trx('order_status_history').insert({ order_id: order.id, field: 'status', from_value: '', to_value: 'pending', actor, reason: 'checkout started' });
    }
    return (await this.load(trx, order.id, false))!;
  }

  get(orderId: string): Promise<Order | undefined> {
    return this.load(this.db, orderId, false);
  }

  getForUpdate(tx: Transaction, orderId: string): Promise<Order | undefined> {
    return this.load(knexTransaction(tx), orderId, true);
  }

  async findByCheckoutKey(cartId: string, checkoutKey: string): Promise<Order | undefined> {
    const row = await this.db('orders').where({ cart_id: cartId, checkout_key: checkoutKey }).first('id');
    return row ? this.get(row.id as string) : undefined;
  }

  async findLiveForCart(cartId: string): Promise<Order | undefined> {
    const row = await this.db('orders').where({ cart_id: cartId }).whereNot({ status: 'failed' }).first('id');
    return row ? this.get(row.id as string) : undefined;
  }

  async update(tx: Transaction, order: Order, changes: OrderChanges, actor: string, reason: string): Promise<Order> {
    const trx = knexTransaction(tx);
    const set: Record<string, unknown> = { updated_at: trx.fn.now() };
    const history: Array<Omit<HistoryRow, 'created_at'>> = [];
    const track = (field: HistoryRow['field'], from: string, to: string | undefined) => {
      if (to !== undefined && to !== from) history.push({ order_id: order.id, field, from_value: from, to_value: to, actor, reason });
    };
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.paymentStatus !== undefined) set.payment_status = changes.paymentStatus;
    if (changes.fulfillmentStatus !== undefined) set.fulfillment_status = changes.fulfillmentStatus;
    if (changes.statusReason !== undefined) set.status_reason = changes.statusReason;
    if (changes.paymentId !== undefined) set.payment_id = changes.paymentId;
    if (changes.capturedMinor !== undefined) set.captured_minor = changes.capturedMinor;
    if (changes.refundedMinor !== undefined) set.refunded_minor = changes.refundedMinor;
    track('status', order.status, changes.status);
    track('payment_status', order.paymentStatus, changes.paymentStatus);
    track('fulfillment_status', order.fulfillmentStatus, changes.fulfillmentStatus);
    await trx('orders').where({ id: order.id }).update(set);
    for (const line of changes.lineQuantities ?? []) {
      await trx('order_lines').where({ id: line.lineId, order_id: order.id }).update({ shipped_quantity: line.shippedQuantity, returned_quantity: line.returnedQuantity });
    }
    if (history.length > 0) await trx('order_status_history').insert(history);
    return (await this.load(trx, order.id, false))!;
  }

  async list(filter: OrderFilter, pageSize: number, pageToken: string): Promise<OrderPage> {
    const cursor = decodeCursor(pageToken);
    let query = this.db('orders').orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(pageSize + 1);
    if (filter.customerId !== undefined) query = query.where({ customer_id: filter.customerId });
    if (filter.status !== undefined) query = query.where({ status: filter.status });
    if (cursor) query = query.whereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', [cursor.createdAt, cursor.id]);
    const rows = await query.select<OrderRow[]>('*');
    const page = rows.slice(0, pageSize);
    const orders = await this.hydrate(this.db, page);
    const last = page[page.length - 1];
    return { orders, nextPageToken: rows.length > pageSize && last ? encodeCursor(last.created_at, last.id) : '' };
  }

  async recordMovement(tx: Transaction, orderId: string, kind: 'shipment' | 'return', movementId: string): Promise<boolean> {
    const inserted = await knexTransaction(tx)('order_movements').insert({ order_id: orderId, kind, movement_id: movementId }).onConflict(['order_id', 'kind', 'movement_id']).ignore().returning('movement_id');
    return inserted.length > 0;
  }

  async sagaFailureReason(sagaId: string): Promise<string | undefined> {
    const row = await this.db('saga_instances').where({ saga_id: sagaId }).first<{ error: string | null } | undefined>('error');
    return row?.error ?? undefined;
  }

  private async load(q: Knex | Knex.Transaction, orderId: string, lock: boolean): Promise<Order | undefined> {
    let query = q('orders').where({ id: orderId }).first<OrderRow | undefined>('*');
    if (lock) query = query.forUpdate();
    const row = await query;
    if (!row) return undefined;
    return (await this.hydrate(q, [row]))[0];
  }

  private async hydrate(q: Knex | Knex.Transaction, rows: OrderRow[]): Promise<Order[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const lines = await q('order_lines').whereIn('order_id', ids).orderBy('position').select<OrderLineRow[]>('*');
    const history = await q('order_status_history').whereIn('order_id', ids).orderBy('id').select<HistoryRow[]>('*');
    return rows.map((row) => orderFromRows(row, lines.filter((l) => l.order_id === row.id), history.filter((h) => h.order_id === row.id)));
  }
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(token: string): { createdAt: string; id: string } | undefined {
  if (!token) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(token, 'base64url').toString()) as [string, string];
    // Only the shape this repository writes (toISOString of a stored time): nothing PostgreSQL could refuse.
    if (typeof createdAt === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(createdAt) && !Number.isNaN(Date.parse(createdAt)) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return { createdAt, id };
  } catch {
    // fall through: a token we did not write
  }
  throw new ValidationError([{ field: 'page_token', message: 'not a token from a previous page' }]);
}
