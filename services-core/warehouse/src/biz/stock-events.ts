// The stock events a change decides: warehouse.stock.changed for every SKU whose totals moved, and
// warehouse.stock.low when a tracked SKU's available falls from above its threshold to at or below it.
import type { WarehouseEvents } from './ports.js';
import type { MovementKind, StockItem, StockTotals } from './stock.js';

export function recordStockChanges(
  events: WarehouseEvents,
  items: ReadonlyMap<string, StockItem>,
  before: ReadonlyMap<string, StockTotals>,
  after: ReadonlyMap<string, StockTotals>,
  cause: MovementKind,
): void {
  for (const [sku, now] of after) {
    const item = items.get(sku);
    const was = before.get(sku);
    if (!item || !item.tracked) continue;
    if (was && was.onHand === now.onHand && was.reserved === now.reserved) continue;
    const stock = {
      sku,
      onHand: now.onHand,
      reserved: now.reserved,
      available: now.available,
      inStock: now.available > 0,
      backorderAllowed: item.backorderAllowed,
    };
    events.record('warehouse.stock.changed', { subject: sku, data: { stock, cause } });
    if (was && was.available > item.lowStockThreshold && now.available <= item.lowStockThreshold) {
      events.record('warehouse.stock.low', { subject: sku, data: { stock, lowStockThreshold: item.lowStockThreshold } });
    }
  }
}
