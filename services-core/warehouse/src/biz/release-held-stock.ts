// Giving back what an active reservation still holds: shared by ReleaseReservation (the caller) and the expiry
// sweeper, so both write the same `release` movements and leave the same ledger.
import type { Transaction } from '@ecommerce/common/events';
import type { ReservationRepository, StockItemRepository, StockLevelRepository, WarehouseEvents } from './ports.js';
import type { ReservationLine } from './reservation-events.js';
import { stillHeld, type Reservation } from './reservation.js';
import { recordStockChanges } from './stock-events.js';
import { totalsOf, withChanged, type StockLevel } from './stock.js';

export interface ReleaseDeps {
  items: StockItemRepository;
  levels: StockLevelRepository;
  reservations: ReservationRepository;
}

/** Releases every allocation's remainder; the caller has locked the reservation row and sets its status. */
export async function releaseHeldStock(
  deps: ReleaseDeps,
  tx: Transaction,
  events: WarehouseEvents,
  reservation: Reservation,
  actor: string,
  reason: string,
): Promise<ReservationLine[]> {
  const held = reservation.allocations.filter((a) => stillHeld(a) > 0);
  const skus = [...new Set(held.filter((a) => a.locationId !== null).map((a) => a.sku))].sort();
  const locked = await deps.levels.lockBySkus(tx, skus);
  const changed: StockLevel[] = [];
  const lines: ReservationLine[] = [];
  for (const allocation of held) {
    const quantity = stillHeld(allocation);
    if (allocation.locationId !== null) {
      changed.push(
        await deps.levels.apply(tx, {
          sku: allocation.sku,
          locationId: allocation.locationId,
          kind: 'release',
          onHandDelta: 0,
          reservedDelta: -quantity,
          reason,
          actor,
          reference: reservation.reference,
        }),
      );
    }
    await deps.reservations.settle(tx, allocation, { released: quantity });
    lines.push({ sku: allocation.sku, locationId: allocation.locationId ?? '', quantity });
  }
  recordStockChanges(events, await deps.items.findMany(skus, tx), totalsOf(locked, skus), totalsOf(withChanged(locked, changed), skus), 'release');
  return lines;
}
