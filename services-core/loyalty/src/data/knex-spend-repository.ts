// Spend per order (refunds negative): the rolling sum decides the tier.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { SpendRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';

@injectable()
export class KnexSpendRepository implements SpendRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async record(tx: Transaction, spend: { customerId: string; orderId: string; amountMinor: number; dedupeKey: string; occurredAt: Date }): Promise<boolean> {
    const inserted = await knexTransaction(tx)('spend_records')
      .insert({ customer_id: spend.customerId, order_id: spend.orderId, amount_minor: spend.amountMinor, dedupe_key: spend.dedupeKey, occurred_at: spend.occurredAt })
      .onConflict('dedupe_key')
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  async sumSince(customerId: string, since: Date, tx?: Transaction): Promise<number> {
    const db = tx ? knexTransaction(tx) : this.db;
    const row = await db('spend_records')
      .where({ customer_id: customerId })
      .where('occurred_at', '>', since)
      .first<{ total: number }>(db.raw('COALESCE(SUM(amount_minor), 0)::bigint AS total'));
    return Math.max(0, row.total);
  }
}
