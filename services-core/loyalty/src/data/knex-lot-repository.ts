// Earned lots and what each debit took from them: the FIFO book behind expiry, redemption and reversal.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { LotTake, OpenLot } from '../biz/fifo.js';
import type { LotRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';

interface LotRow {
  id: number;
  remaining: number;
  earned_at: Date;
  expires_at: Date;
}

@injectable()
export class KnexLotRepository implements LotRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async open(tx: Transaction, lot: { customerId: string; entryId: string; points: number; earnedAt: Date; expiresAt: Date }): Promise<void> {
    await knexTransaction(tx)('point_lots').insert({
      customer_id: lot.customerId,
      entry_id: lot.entryId,
      points: lot.points,
      remaining: lot.points,
      earned_at: lot.earnedAt,
      expires_at: lot.expiresAt,
    });
  }

  async lockOpen(tx: Transaction, customerId: string, options: { dueBy?: Date; firstFromEntry?: string } = {}): Promise<OpenLot[]> {
    const trx = knexTransaction(tx);
    const query = trx('point_lots').where({ customer_id: customerId }).where('remaining', '>', 0);
    if (options.dueBy) query.where('expires_at', '<=', options.dueBy);
    if (options.firstFromEntry) query.orderByRaw('(entry_id = ?) DESC', [options.firstFromEntry]);
    const rows = await query.orderBy([{ column: 'earned_at' }, { column: 'id' }]).forUpdate().select<LotRow[]>('id', 'remaining', 'earned_at', 'expires_at');
    return rows.map((r) => ({ id: String(r.id), remaining: r.remaining, earnedAt: r.earned_at, expiresAt: r.expires_at }));
  }

  async consume(tx: Transaction, entryId: string, takes: LotTake[]): Promise<void> {
    const trx = knexTransaction(tx);
    for (const take of takes) {
      await trx('point_lots').where({ id: take.lotId }).decrement('remaining', take.points);
    }
    await trx('lot_consumptions').insert(takes.map((t) => ({ entry_id: entryId, lot_id: t.lotId, points: t.points })));
  }

  async restore(tx: Transaction, entryId: string): Promise<LotTake[]> {
    const trx = knexTransaction(tx);
    const rows = await trx('lot_consumptions').where({ entry_id: entryId }).orderBy('lot_id').select<{ lot_id: number; points: number }[]>('lot_id', 'points');
    for (const row of rows) {
      await trx('point_lots').where({ id: row.lot_id }).increment('remaining', row.points);
    }
    return rows.map((r) => ({ lotId: String(r.lot_id), points: r.points }));
  }

  async expiring(customerId: string, until: Date): Promise<{ points: number; nextExpiresAt: Date | undefined }> {
    const row = await this.db('point_lots')
      .where({ customer_id: customerId })
      .where('remaining', '>', 0)
      .first<{ points: number; next: Date | null }>(
        this.db.raw('COALESCE(SUM(remaining) FILTER (WHERE expires_at < ?), 0)::bigint AS points', [until]),
        this.db.raw('MIN(expires_at) AS next'),
      );
    return { points: row.points, nextExpiresAt: row.next ?? undefined };
  }

  async customersWithDueLots(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db('point_lots').where('remaining', '>', 0).where('expires_at', '<=', now).distinct('customer_id').limit(limit);
    return rows.map((r: { customer_id: string }) => r.customer_id);
  }
}
