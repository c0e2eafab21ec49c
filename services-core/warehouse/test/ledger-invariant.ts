// The invariants every test checks after it ran, read straight from the schema:
//   1. on hand and reserved of every level equal the sums of its ledger movements;
//   2. reserved of every level equals what active allocations there still hold;
//   3. nothing is negative, and no SKU without backorder has more reserved than on hand anywhere.
import type { Knex } from '@ecommerce/common/db';
import { expect } from 'vitest';

export async function expectLedgerInvariant(db: Knex): Promise<void> {
  const ledger = await db.raw(`
    SELECT l.sku, l.location_id, l.on_hand, l.reserved,
           coalesce(sum(m.on_hand_delta), 0)::bigint AS ledger_on_hand,
           coalesce(sum(m.reserved_delta), 0)::bigint AS ledger_reserved
    FROM stock_levels l LEFT JOIN stock_movements m ON m.sku = l.sku AND m.location_id = l.location_id
    GROUP BY l.sku, l.location_id
    HAVING l.on_hand <> coalesce(sum(m.on_hand_delta), 0) OR l.reserved <> coalesce(sum(m.reserved_delta), 0)`);
  expect(ledger.rows, 'levels whose on hand or reserved differ from their ledger').toEqual([]);

  const held = await db.raw(`
    SELECT l.sku, l.location_id, l.reserved, coalesce(sum(a.quantity - a.committed - a.released), 0)::bigint AS held
    FROM stock_levels l LEFT JOIN reservation_allocations a ON a.sku = l.sku AND a.location_id = l.location_id
    GROUP BY l.sku, l.location_id
    HAVING l.reserved <> coalesce(sum(a.quantity - a.committed - a.released), 0)`);
  expect(held.rows, 'levels whose reserved differs from what allocations hold').toEqual([]);

  const oversold = await db.raw(`
    SELECT l.sku, l.location_id, l.on_hand, l.reserved
    FROM stock_levels l JOIN stock_items i ON i.sku = l.sku
    WHERE l.on_hand < 0 OR l.reserved < 0 OR l.incoming < 0 OR (NOT i.backorder_allowed AND l.reserved > l.on_hand)`);
  expect(oversold.rows, 'negative or oversold levels').toEqual([]);

  const settledActive = await db.raw(`
    SELECT r.reference, r.status FROM reservations r
    WHERE (r.status <> 'active') = EXISTS (
      SELECT 1 FROM reservation_allocations a WHERE a.reference = r.reference AND a.quantity - a.committed - a.released > 0)`);
  expect(settledActive.rows, 'reservations whose status disagrees with what they hold').toEqual([]);
}
