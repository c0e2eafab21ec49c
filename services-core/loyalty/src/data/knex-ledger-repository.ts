// The append-only ledger: entries are inserted, never updated or deleted.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { LedgerEntry, NewLedgerEntry } from '../biz/account.js';
import type { LedgerPage, LedgerRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { toLedgerEntry, type LedgerEntryRow } from './rows.js';

@injectable()
export class KnexLedgerRepository implements LedgerRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async insert(tx: Transaction, entry: NewLedgerEntry): Promise<LedgerEntry> {
    const [row] = await knexTransaction(tx)('ledger_entries')
      .insert({
        customer_id: entry.customerId,
        kind: entry.kind,
        points: entry.points,
        balance_after: entry.balanceAfter,
        dedupe_key: entry.dedupeKey ?? null,
        order_id: entry.orderId ?? null,
        reverses_entry_id: entry.reversesEntryId ?? null,
        reason: entry.reason ?? '',
        created_at: entry.createdAt,
      })
      .returning<LedgerEntryRow[]>('*');
    return toLedgerEntry(row!);
  }

  async findByDedupeKey(tx: Transaction, customerId: string, dedupeKey: string): Promise<LedgerEntry | undefined> {
    const row = await knexTransaction(tx)('ledger_entries').where({ customer_id: customerId, dedupe_key: dedupeKey }).first<LedgerEntryRow | undefined>();
    return row ? toLedgerEntry(row) : undefined;
  }

  async reversedPoints(tx: Transaction, entryId: string): Promise<number> {
    const row = await knexTransaction(tx)('ledger_entries')
      .where({ reverses_entry_id: entryId })
      .first<{ total: number }>(knexTransaction(tx).raw('COALESCE(SUM(points), 0)::bigint AS total'));
    return row.total;
  }

  async hasOrderEarning(tx: Transaction, customerId: string): Promise<boolean> {
    const row = await knexTransaction(tx)('ledger_entries')
      .where({ customer_id: customerId, kind: 'earn' })
      .whereLike('dedupe_key', 'order:%:earn')
      .first(knexTransaction(tx).raw('1 AS found'));
    return row !== undefined;
  }

  async list(customerId: string, page: { page: number; pageSize: number }): Promise<LedgerPage> {
    const [count] = await this.db('ledger_entries').where({ customer_id: customerId }).count<{ total: number }[]>({ total: '*' });
    const rows = await this.db('ledger_entries')
      .where({ customer_id: customerId })
      .orderBy('id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .select<LedgerEntryRow[]>('*');
    return { entries: rows.map(toLedgerEntry), total: Number(count?.total ?? 0) };
  }
}
