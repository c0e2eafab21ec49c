// Base and list prices (one row per tier) and their history, in PostgreSQL.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { PriceTier } from '../biz/price-tiers.js';
import type { Page, PriceHistoryEntry, PriceKey, PriceRepository, StoredPrice } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { tierFromRow, tiersFromJson, tiersToJson, type PriceTierRow } from './rows.js';

interface HistoryRow {
  sku: string;
  currency: string;
  price_list_id: string | null;
  tiers: Array<{ minQuantity: number; maxQuantity?: number; amountMinor: number }>;
  changed_by: string;
  changed_at: Date;
}

@injectable()
export class KnexPriceRepository implements PriceRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async replaceTiers(tx: Transaction, key: PriceKey, tiers: readonly PriceTier[], changedBy: string): Promise<Date> {
    const trx = knexTransaction(tx);
    // Two staff saving the same price at once must not interleave their delete + insert.
    await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`price:${key.priceListId ?? ''}:${key.sku}:${key.currency}`]);
    const where = { sku: key.sku, currency: key.currency, price_list_id: key.priceListId ?? null };
    await trx('prices').where(where).delete();
    const [{ now }] = (await trx.raw('SELECT now() AS now')).rows as [{ now: Date }];
    if (tiers.length > 0) {
      await trx('prices').insert(
        tiers.map((t) => ({ ...where, min_quantity: t.minQuantity, max_quantity: t.maxQuantity ?? null, amount_minor: t.amountMinor, updated_at: now })),
      );
    }
    await trx('price_history').insert({ ...where, tiers: tiersToJson(tiers), changed_by: changedBy, changed_at: now });
    return now;
  }

  async basePrices(sku: string): Promise<StoredPrice[]> {
    return group(await this.db<PriceTierRow>('prices').where({ sku }).whereNull('price_list_id').orderBy(['currency', 'min_quantity']));
  }

  async listPrices(priceListId: string): Promise<StoredPrice[]> {
    return group(await this.db<PriceTierRow>('prices').where({ price_list_id: priceListId }).orderBy(['sku', 'currency', 'min_quantity']));
  }

  async history(sku: string, currency: string | undefined, page: Page): Promise<{ entries: PriceHistoryEntry[]; total: number }> {
    const query = this.db('price_history').where({ sku }).modify((q) => (currency ? q.where({ currency }) : q));
    const [rows, [count]] = await Promise.all([
      query
        .clone()
        .orderBy([
          { column: 'changed_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize)
        .select<HistoryRow[]>('*'),
      query.clone().count<Array<{ count: string }>>({ count: '*' }),
    ]);
    return {
      total: Number(count?.count ?? 0),
      entries: rows.map((r) => ({
        sku: r.sku,
        currency: r.currency,
        priceListId: r.price_list_id ?? undefined,
        tiers: tiersFromJson(r.tiers),
        changedBy: r.changed_by,
        changedAt: r.changed_at,
      })),
    };
  }
}

/** Tier rows (ordered by key then min quantity) -> one price per (list, sku, currency). */
function group(rows: PriceTierRow[]): StoredPrice[] {
  const prices = new Map<string, StoredPrice>();
  for (const row of rows) {
    const key = `${row.price_list_id ?? ''}|${row.sku}|${row.currency}`;
    const price = prices.get(key) ?? { sku: row.sku, currency: row.currency, priceListId: row.price_list_id ?? undefined, tiers: [], updatedAt: row.updated_at };
    price.tiers.push(tierFromRow(row));
    if (row.updated_at > price.updatedAt) price.updatedAt = row.updated_at;
    prices.set(key, price);
  }
  return [...prices.values()];
}
