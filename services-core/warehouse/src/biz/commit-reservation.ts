// CommitReservation: on fulfilment reserved stock becomes a sale (on hand and reserved both go down, a `sale`
// movement). No lines = everything still held; lines = a partial shipment, taken from the SKU's allocations in
// the order they were made. The reservation is `committed` once nothing is held any more. A caller's idempotency
// key is recorded in the same transaction: a retried partial commit answers the reservation without selling again.
import { FailedPreconditionError, NotFoundError, ValidationError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import {
  RESERVATION_REPOSITORY,
  STOCK_ITEM_REPOSITORY,
  STOCK_LEVEL_REPOSITORY,
  UNIT_OF_WORK,
  type ReservationRepository,
  type StockItemRepository,
  type StockLevelRepository,
  type WarehouseUnitOfWork,
} from './ports.js';
import { reservationEvents, type ReservationLine } from './reservation-events.js';
import { assertCommittable, stillHeld, type Reservation, type ReservationAllocation } from './reservation.js';
import { recordStockChanges } from './stock-events.js';
import { sumLines, totalsOf, withChanged, type StockLine } from './stock.js';

@injectable()
export class CommitReservationUseCase {
  constructor(
    @inject(STOCK_ITEM_REPOSITORY) private readonly items: StockItemRepository,
    @inject(STOCK_LEVEL_REPOSITORY) private readonly levels: StockLevelRepository,
    @inject(RESERVATION_REPOSITORY) private readonly reservations: ReservationRepository,
    @inject(UNIT_OF_WORK) private readonly uow: WarehouseUnitOfWork,
  ) {}

  execute(reference: string, lines: StockLine[], actor: string, idempotencyKey?: string): Promise<Reservation> {
    return this.uow.run(async (tx, events) => {
      const reservation = await this.reservations.find(reference, tx);
      if (!reservation) throw new NotFoundError('reservation', reference);
      if (idempotencyKey !== undefined) {
        const earlier = await this.reservations.findCommitKey(tx, reference, idempotencyKey);
        if (earlier) {
          if (!sameLines(earlier, sumLines(lines))) {
            throw new FailedPreconditionError(`idempotency key ${idempotencyKey} was used to commit other lines`, [{ field: 'idempotency-key', message: 'used for other lines' }]);
          }
          return reservation;
        }
        await this.reservations.recordCommitKey(tx, reference, idempotencyKey, sumLines(lines));
      }
      // Committing everything twice is the same request: answer the committed reservation again.
      if (reservation.status === 'committed' && lines.length === 0) return reservation;
      assertCommittable(reservation);
      const take = lines.length === 0 ? everythingHeld(reservation) : partOf(reservation, lines);
      const skus = [...new Set(take.filter((t) => t.allocation.locationId !== null).map((t) => t.allocation.sku))].sort();
      const locked = await this.levels.lockBySkus(tx, skus);
      let current = locked;
      const committed: ReservationLine[] = [];
      for (const { allocation, quantity } of take) {
        if (allocation.locationId !== null) {
          const level = current.find((l) => l.sku === allocation.sku && l.locationId === allocation.locationId)!;
          // Only a backordered reservation can hold more than is on hand: it ships when the goods arrive.
          if (level.onHand < quantity) {
            throw new FailedPreconditionError(`sku ${allocation.sku}: only ${level.onHand} on hand at ${level.locationCode}, ${quantity} to ship`, [
              { field: 'lines', message: `sku ${allocation.sku}: not enough on hand yet (backorder)` },
            ]);
          }
          const changed = await this.levels.apply(tx, {
            sku: allocation.sku,
            locationId: allocation.locationId,
            kind: 'sale',
            onHandDelta: -quantity,
            reservedDelta: -quantity,
            reason: '',
            actor,
            reference,
          });
          current = withChanged(current, [changed]);
        }
        await this.reservations.settle(tx, allocation, { committed: quantity });
        committed.push({ sku: allocation.sku, locationId: allocation.locationId ?? '', quantity });
      }
      const heldAfter = reservation.allocations.reduce((sum, a) => sum + stillHeld(a), 0) - take.reduce((sum, t) => sum + t.quantity, 0);
      const status = heldAfter === 0 ? 'committed' : 'active';
      if (status === 'committed') await this.reservations.setStatus(tx, reference, 'committed');
      recordStockChanges(events, await this.items.findMany(skus, tx), totalsOf(locked, skus), totalsOf(current, skus), 'sale');
      reservationEvents.committed(events, reference, committed, status);
      return (await this.reservations.find(reference, tx))!;
    });
  }
}

interface Take {
  allocation: ReservationAllocation;
  quantity: number;
}

function everythingHeld(reservation: Reservation): Take[] {
  return reservation.allocations.filter((a) => stillHeld(a) > 0).map((allocation) => ({ allocation, quantity: stillHeld(allocation) }));
}

/** What allocations the partial shipment `lines` consumes; more than is held of a SKU -> FAILED_PRECONDITION. */
function partOf(reservation: Reservation, lines: StockLine[]): Take[] {
  const unknown = lines.flatMap((line, i) => (reservation.allocations.some((a) => a.sku === line.sku) ? [] : [{ field: `lines.${i}.sku`, message: `sku ${line.sku} is not in the reservation` }]));
  if (unknown.length > 0) throw new ValidationError(unknown);
  const take: Take[] = [];
  for (const line of sumLines(lines)) {
    let missing = line.quantity;
    const ofSku = reservation.allocations.filter((a) => a.sku === line.sku);
    const held = ofSku.reduce((sum, a) => sum + stillHeld(a), 0);
    if (held < missing) {
      throw new FailedPreconditionError(`sku ${line.sku}: ${held} still reserved, ${line.quantity} to commit`, [{ field: 'lines', message: `sku ${line.sku}: more than is reserved` }]);
    }
    for (const allocation of ofSku) {
      const quantity = Math.min(missing, stillHeld(allocation));
      if (quantity === 0) continue;
      take.push({ allocation, quantity });
      missing -= quantity;
    }
  }
  return take;
}

const sameLines = (a: readonly StockLine[], b: readonly StockLine[]) =>
  a.length === b.length && a.every((line, i) => line.sku === b[i]!.sku && line.quantity === b[i]!.quantity);
