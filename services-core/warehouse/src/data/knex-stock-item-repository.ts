// Stock item settings per SKU in PostgreSQL.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { StockItemRepository } from '../biz/ports.js';
import type { StockItem, StockItemSettings } from '../biz/stock.js';
import { TOKENS } from '../tokens.js';
import { toStockItem, type StockItemRow } from './rows.js';

@injectable()
export class KnexStockItemRepository implements StockItemRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async upsert(tx: Transaction, settings: StockItemSettings): Promise<StockItem> {
    const trx = knexTransaction(tx);
    const values = { tracked: settings.tracked, backorder_allowed: settings.backorderAllowed, low_stock_threshold: settings.lowStockThreshold };
    const [row] = await trx('stock_items')
      .insert({ sku: settings.sku, ...values })
      .onConflict('sku')
      .merge({ ...values, updated_at: trx.fn.now() })
      .returning<StockItemRow[]>('*');
    return toStockItem(row!);
  }

  async ensure(tx: Transaction, sku: string, productId: string): Promise<boolean> {
    const inserted = await knexTransaction(tx)('stock_items').insert({ sku, product_id: productId }).onConflict('sku').ignore().returning('sku');
    return inserted.length > 0;
  }

  async findMany(skus: readonly string[], tx?: Transaction): Promise<Map<string, StockItem>> {
    if (skus.length === 0) return new Map();
    const db = tx ? knexTransaction(tx) : this.db;
    const rows = (await db('stock_items').whereIn('sku', [...new Set(skus)])) as StockItemRow[];
    return new Map(rows.map((r) => [r.sku, toStockItem(r)]));
  }
}
