// Shipments, their lines and history, and the per-order ledger in PostgreSQL. Writes run in the unit of work's
// transaction; which events a change causes is decided by the use cases.
import { inject, injectable } from 'inversify';
import { withConstraintErrors, type Knex } from '@ecommerce/common/db';
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { ShipmentRepository } from '../biz/ports.js';
import type { NewShipment, Shipment, ShipmentLine, ShipmentStatus } from '../biz/shipment.js';
import { TOKENS } from '../tokens.js';
import { toLine, toShipment, type HistoryRow, type LineRow, type ShipmentRow } from './shipment-rows.js';

const WRITE_ERRORS = { shipments_reference_key: () => new AlreadyExistsError('the reference belongs to another shipment', 'reference') };

@injectable()
export class KnexShipmentRepository implements ShipmentRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async lockOrder(tx: Transaction, orderId: string): Promise<void> {
    const trx = knexTransaction(tx);
    // A concurrent first insert waits on the key and then does nothing; both then queue on the row lock.
    await trx('shipping_orders').insert({ order_id: orderId }).onConflict('order_id').ignore();
    await trx('shipping_orders').where({ order_id: orderId }).forUpdate().first();
  }

  async orderedLines(tx: Transaction, orderId: string): Promise<ShipmentLine[]> {
    const rows = await knexTransaction(tx)('shipping_order_lines').where({ order_id: orderId }).orderBy('order_line_id').select<LineRow[]>('*');
    return rows.map(toLine);
  }

  async recordOrderedLines(tx: Transaction, orderId: string, lines: ShipmentLine[]): Promise<void> {
    if (lines.length === 0) return;
    await knexTransaction(tx)('shipping_order_lines')
      .insert(lines.map((l) => ({ order_id: orderId, order_line_id: l.orderLineId, sku: l.sku, quantity: l.quantity })))
      .onConflict(['order_id', 'order_line_id'])
      .ignore();
  }

  heldByLiveOutbound(tx: Transaction, orderId: string): Promise<Map<string, number>> {
    return this.sumLines(tx, (q) => q.where({ 's.order_id': orderId, 's.direction': 'outbound' }).whereNot('s.status', 'canceled'));
  }

  heldByLiveReturns(tx: Transaction, shipmentId: string): Promise<Map<string, number>> {
    return this.sumLines(tx, (q) => q.where({ 's.return_of': shipmentId }).whereNot('s.status', 'canceled'));
  }

  receivedReturns(tx: Transaction, shipmentId: string): Promise<Map<string, number>> {
    return this.sumLines(tx, (q) => q.where({ 's.return_of': shipmentId, 's.status': 'delivered' }));
  }

  async findByReference(tx: Transaction, reference: string): Promise<Shipment | undefined> {
    const row = await knexTransaction(tx)('shipments').where({ reference }).first<{ id: string } | undefined>('id');
    return row ? this.load(knexTransaction(tx), row.id, false) : undefined;
  }

  create(tx: Transaction, shipment: NewShipment, at: Date): Promise<Shipment> {
    const trx = knexTransaction(tx);
    return withConstraintErrors(WRITE_ERRORS, () =>
      trx.transaction(async (sp) => {
        const [row] = await sp('shipments')
          .insert({
            order_id: shipment.orderId,
            direction: shipment.direction,
            return_of: shipment.returnOf ?? null,
            status: 'pending',
            option_id: shipment.optionId ?? null,
            destination: JSON.stringify(shipment.destination),
            weight_grams: shipment.weightGrams,
            reason: shipment.reason,
            reference: shipment.reference ?? null,
          })
          .returning<{ id: string }[]>('id');
        const id = row!.id;
        await sp('shipment_lines').insert(shipment.lines.map((l) => ({ shipment_id: id, order_line_id: l.orderLineId, sku: l.sku, quantity: l.quantity })));
        await sp('shipment_status_history').insert({ shipment_id: id, status: 'pending', occurred_at: at, description: 'created' });
        return this.load(sp, id, false);
      }),
    );
  }

  get(id: string, tx?: Transaction): Promise<Shipment> {
    return tx ? this.load(knexTransaction(tx), id, true) : this.load(this.db, id, false);
  }

  async listByOrder(orderId: string): Promise<Shipment[]> {
    const rows = await this.db('shipments').where({ order_id: orderId }).orderBy([{ column: 'created_at' }, { column: 'id' }]).select<ShipmentRow[]>('*');
    return this.hydrate(this.db, rows);
  }

  async listTracked(limit: number): Promise<string[]> {
    const rows = await this.db('shipments')
      .whereIn('status', ['label_created', 'shipped', 'in_transit'])
      .orderBy('label_created_at')
      .limit(limit)
      .select<{ id: string }[]>('id');
    return rows.map((r) => r.id);
  }

  async setLabel(tx: Transaction, id: string, label: { carrier: string; trackingNumber: string; labelUrl: string; at: Date }): Promise<void> {
    await knexTransaction(tx)('shipments')
      .where({ id })
      .update({ carrier: label.carrier, tracking_number: label.trackingNumber, label_url: label.labelUrl, label_created_at: label.at });
  }

  async setStatus(tx: Transaction, id: string, status: ShipmentStatus, at: Date, description: string): Promise<void> {
    const trx = knexTransaction(tx);
    await trx('shipments').where({ id }).update({ status, updated_at: trx.fn.now() });
    await trx('shipment_status_history').insert({ shipment_id: id, status, occurred_at: at, description });
  }

  private async sumLines(tx: Transaction, filter: (q: Knex.QueryBuilder) => Knex.QueryBuilder): Promise<Map<string, number>> {
    const query = knexTransaction(tx)('shipment_lines as l').join('shipments as s', 's.id', 'l.shipment_id');
    const rows = await filter(query).groupBy('l.order_line_id').select<{ order_line_id: string; quantity: string }[]>('l.order_line_id', knexTransaction(tx).raw('sum(l.quantity) as quantity'));
    return new Map(rows.map((r) => [r.order_line_id, Number(r.quantity)]));
  }

  private async load(db: Knex | Knex.Transaction, id: string, lock: boolean): Promise<Shipment> {
    const query = db('shipments').where({ id });
    const row = await (lock ? query.forUpdate() : query).first<ShipmentRow | undefined>();
    if (!row) throw new NotFoundError('shipment', id);
    const [shipment] = await this.hydrate(db, [row]);
    return shipment!;
  }

  private async hydrate(db: Knex | Knex.Transaction, rows: ShipmentRow[]): Promise<Shipment[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const lines = await db('shipment_lines').whereIn('shipment_id', ids).orderBy('order_line_id').select<LineRow[]>('*');
    const history = await db('shipment_status_history').whereIn('shipment_id', ids).orderBy('id').select<HistoryRow[]>('*');
    return rows.map((row) => toShipment(row, lines, history));
  }
}
