// Stock levels in PostgreSQL. A level changes only through `apply`, which appends its ledger movement in the same
// statement: that is what keeps on hand equal to the sum of the ledger.
import { inject, injectable } from 'inversify';
import { withConstraintErrors, type ConstraintErrors, type Knex } from '@ecommerce/common/db';
import { FailedPreconditionError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { StockLevelRepository } from '../biz/ports.js';
import type { NewMovement, StockLevel, StockTotals } from '../biz/stock.js';
import { TOKENS } from '../tokens.js';
import { selectLevels, toStockLevel, type StockLevelRow } from './rows.js';

/** Backstops: the use cases check first, so these mean a rule was missed, not a race (rows are locked). */
const APPLY_ERRORS: ConstraintErrors = {
  stock_levels_on_hand_check: () => new FailedPreconditionError('on hand may not go below zero'),
  stock_levels_reserved_check: () => new FailedPreconditionError('reserved may not go below zero'),
  stock_levels_incoming_check: () => new FailedPreconditionError('incoming may not go below zero'),
};

const APPLY_SQL = `
WITH moved AS (
  UPDATE stock_levels SET on_hand = on_hand + :onHandDelta, reserved = reserved + :reservedDelta, updated_at = now()
  WHERE sku = :sku AND location_id = :locationId
  RETURNING sku, location_id, on_hand, reserved, incoming
), logged AS (
  INSERT INTO stock_movements (sku, location_id, kind, on_hand_delta, reserved_delta, reason, actor, reference)
  SELECT sku, location_id, :kind, :onHandDelta, :reservedDelta, :reason, :actor, :reference FROM moved
)
SELECT m.sku, m.location_id, m.on_hand, m.reserved, m.incoming, loc.code, loc.country, loc.priority, loc.active
FROM moved m JOIN locations loc ON loc.id = m.location_id`;

@injectable()
export class KnexStockLevelRepository implements StockLevelRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async ensure(tx: Transaction, pairs: ReadonlyArray<{ sku: string; locationId: string }>): Promise<void> {
    if (pairs.length === 0) return;
    const sorted = [...pairs].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0));
    await knexTransaction(tx)('stock_levels')
      .insert(sorted.map((p) => ({ sku: p.sku, location_id: p.locationId })))
      .onConflict(['sku', 'location_id'])
      .ignore();
  }

  async lockBySkus(tx: Transaction, skus: readonly string[]): Promise<StockLevel[]> {
    if (skus.length === 0) return [];
    // FOR UPDATE sits above the sort, so the rows are locked one by one in this order.
    const rows = (await selectLevels(knexTransaction(tx))
      .whereIn('l.sku', [...skus])
      .orderBy([{ column: 'l.sku' }, { column: 'l.location_id' }])
      .forUpdate('l')) as StockLevelRow[];
    return rows.map(toStockLevel);
  }

  async apply(tx: Transaction, movement: NewMovement): Promise<StockLevel> {
    const rows = await withConstraintErrors(APPLY_ERRORS, async () => (await knexTransaction(tx).raw(APPLY_SQL, { ...movement })).rows as StockLevelRow[]);
    if (rows.length !== 1) throw new Error(`no stock level of ${movement.sku} at ${movement.locationId}`);
    return toStockLevel(rows[0]!);
  }

  async addIncoming(tx: Transaction, sku: string, locationId: string, delta: number): Promise<void> {
    const trx = knexTransaction(tx);
    await withConstraintErrors(APPLY_ERRORS, () =>
      trx('stock_levels').where({ sku, location_id: locationId }).update({ incoming: trx.raw('incoming + ?', [delta]), updated_at: trx.fn.now() }),
    );
  }

  async totals(skus: readonly string[], tx?: Transaction): Promise<Map<string, StockTotals>> {
    const db = tx ? knexTransaction(tx) : this.db;
    const totals = new Map<string, StockTotals>(skus.map((sku) => [sku, { sku, onHand: 0, reserved: 0, available: 0 }]));
    if (skus.length === 0) return totals;
    const rows = (await db('stock_levels as l')
      .join('locations as loc', 'loc.id', 'l.location_id')
      .where('loc.active', true)
      .whereIn('l.sku', [...new Set(skus)])
      .groupBy('l.sku')
      .select('l.sku', db.raw('sum(l.on_hand)::bigint as on_hand'), db.raw('sum(l.reserved)::bigint as reserved'))) as Array<{ sku: string; on_hand: number; reserved: number }>;
    for (const r of rows) totals.set(r.sku, { sku: r.sku, onHand: r.on_hand, reserved: r.reserved, available: r.on_hand - r.reserved });
    return totals;
  }

  async listBySku(sku: string): Promise<StockLevel[]> {
    const rows = (await selectLevels(this.db).where('l.sku', sku).orderBy([{ column: 'loc.priority' }, { column: 'loc.code' }])) as StockLevelRow[];
    return rows.map(toStockLevel);
  }
}
