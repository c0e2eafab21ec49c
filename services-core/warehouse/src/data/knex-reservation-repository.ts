// Reservations and their allocations in PostgreSQL.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { NewAllocation, ReservationRepository } from '../biz/ports.js';
import type { Reservation, ReservationAllocation, ReservationStatus } from '../biz/reservation.js';
import type { StockLine } from '../biz/stock.js';
import { TOKENS } from '../tokens.js';

interface ReservationRow {
  reference: string;
  status: ReservationStatus;
  country: string;
  expires_at: Date;
}

interface AllocationRow {
  id: number;
  sku: string;
  location_id: string | null;
  code: string | null;
  quantity: number;
  committed: number;
  released: number;
}

const toAllocation = (r: AllocationRow): ReservationAllocation => ({
  id: String(r.id),
  sku: r.sku,
  locationId: r.location_id,
  locationCode: r.code ?? '',
  quantity: r.quantity,
  committed: r.committed,
  released: r.released,
});

@injectable()
export class KnexReservationRepository implements ReservationRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async insertIfNew(tx: Transaction, reservation: { reference: string; country: string; expiresAt: Date }): Promise<boolean> {
    const inserted = await knexTransaction(tx)('reservations')
      .insert({ reference: reservation.reference, country: reservation.country, expires_at: reservation.expiresAt, status: 'active' })
      .onConflict('reference')
      .ignore()
      .returning('reference');
    return inserted.length > 0;
  }

  async addAllocations(tx: Transaction, reference: string, allocations: readonly NewAllocation[]): Promise<ReservationAllocation[]> {
    if (allocations.length === 0) return [];
    const rows = await knexTransaction(tx)('reservation_allocations')
      .insert(allocations.map((a) => ({ reference, sku: a.sku, location_id: a.locationId, quantity: a.quantity })))
      .returning<Array<Omit<AllocationRow, 'code'>>>(['id', 'sku', 'location_id', 'quantity', 'committed', 'released']);
    return rows.map((r, i) => toAllocation({ ...r, code: allocations[i]!.locationCode }));
  }

  async find(reference: string, tx?: Transaction): Promise<Reservation | undefined> {
    const db = tx ? knexTransaction(tx) : this.db;
    const query = db('reservations').where({ reference }).first<ReservationRow | undefined>('reference', 'status', 'country', 'expires_at');
    const row = await (tx ? query.forUpdate() : query);
    if (!row) return undefined;
    const allocations = (await db('reservation_allocations as a')
      .leftJoin('locations as loc', 'loc.id', 'a.location_id')
      .where('a.reference', reference)
      .orderBy('a.id')
      .select('a.id', 'a.sku', 'a.location_id', 'loc.code', 'a.quantity', 'a.committed', 'a.released')) as AllocationRow[];
    return { reference: row.reference, status: row.status, country: row.country, expiresAt: row.expires_at, allocations: allocations.map(toAllocation) };
  }

  async setStatus(tx: Transaction, reference: string, status: ReservationStatus): Promise<void> {
    const trx = knexTransaction(tx);
    await trx('reservations').where({ reference }).update({ status, updated_at: trx.fn.now() });
  }

  async settle(tx: Transaction, allocation: Pick<ReservationAllocation, 'id'>, change: { committed?: number; released?: number }): Promise<void> {
    const trx = knexTransaction(tx);
    await trx('reservation_allocations')
      .where({ id: allocation.id })
      .update({ committed: trx.raw('committed + ?', [change.committed ?? 0]), released: trx.raw('released + ?', [change.released ?? 0]) });
  }

  async findCommitKey(tx: Transaction, reference: string, key: string): Promise<StockLine[] | undefined> {
    const row = await knexTransaction(tx)('reservation_commits').where({ reference, idempotency_key: key }).first<{ lines: StockLine[] } | undefined>('lines');
    return row?.lines;
  }

  async recordCommitKey(tx: Transaction, reference: string, key: string, lines: readonly StockLine[]): Promise<void> {
    await knexTransaction(tx)('reservation_commits').insert({ reference, idempotency_key: key, lines: JSON.stringify(lines) });
  }

  async expiredReferences(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db('reservations').where({ status: 'active' }).where('expires_at', '<=', now).orderBy('expires_at').limit(limit).select('reference');
    return rows.map((r: { reference: string }) => r.reference);
  }
}
