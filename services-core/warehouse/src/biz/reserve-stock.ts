// Reserve: holds stock for every line of a reference or for none. Lines of one SKU are summed, every level of
// the requested SKUs is locked (FOR UPDATE, in (sku, location) order) before anything is read for the decision,
// and the reservation row is inserted first so a repeated reference returns the first answer unchanged.
import { AlreadyExistsError, FailedPreconditionError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import { allocate, type Candidate, type PlannedAllocation } from './allocation.js';
import {
  CLOCK,
  LOCATION_REPOSITORY,
  RESERVATION_REPOSITORY,
  STOCK_ITEM_REPOSITORY,
  STOCK_LEVEL_REPOSITORY,
  UNIT_OF_WORK,
  type Clock,
  type LocationRepository,
  type ReservationRepository,
  type StockItemRepository,
  type StockLevelRepository,
  type WarehouseUnitOfWork,
} from './ports.js';
import { reservationEvents } from './reservation-events.js';
import { reservedQuantities, type Reservation } from './reservation.js';
import { recordStockChanges } from './stock-events.js';
import { assertKnownSkus } from './stock-guards.js';
import { sumLines, totalsOf, withChanged, type StockItem, type StockLevel, type StockLine } from './stock.js';
import type { Transaction } from '@ecommerce/common/events';

export interface ReserveInput {
  reference: string;
  lines: StockLine[];
  ttlSeconds: number;
  /** The customer's country, "" when unknown. */
  country: string;
}

@injectable()
export class ReserveStockUseCase {
  constructor(
    @inject(LOCATION_REPOSITORY) private readonly locations: LocationRepository,
    @inject(STOCK_ITEM_REPOSITORY) private readonly items: StockItemRepository,
    @inject(STOCK_LEVEL_REPOSITORY) private readonly levels: StockLevelRepository,
    @inject(RESERVATION_REPOSITORY) private readonly reservations: ReservationRepository,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(UNIT_OF_WORK) private readonly uow: WarehouseUnitOfWork,
  ) {}

  async execute(input: ReserveInput, actor: string): Promise<Reservation> {
    const items = await this.items.findMany(input.lines.map((l) => l.sku));
    assertKnownSkus(items, input.lines.map((l) => l.sku), (i) => `lines.${i}.sku`);
    const demand = sumLines(input.lines);
    const expiresAt = new Date(this.clock.now().getTime() + input.ttlSeconds * 1000);
    return this.uow.run(async (tx, events) => {
      if (!(await this.reservations.insertIfNew(tx, { reference: input.reference, country: input.country, expiresAt }))) {
        const existing = (await this.reservations.find(input.reference, tx))!;
        assertSameDemand(existing, demand);
        return existing;
      }
      const counted = demand.filter((line) => items.get(line.sku)!.tracked);
      const locked = await this.levels.lockBySkus(tx, counted.map((l) => l.sku));
      const planned: PlannedAllocation[] = [];
      for (const line of counted) planned.push(...(await this.plan(tx, line, items.get(line.sku)!, locked, input.country)));
      // A backorder may land on an active location that never had this SKU.
      await this.levels.ensure(tx, planned.filter((p) => !locked.some((l) => l.sku === p.sku && l.locationId === p.locationId)));
      const changed: StockLevel[] = [];
      for (const p of planned) {
        changed.push(
          await this.levels.apply(tx, { sku: p.sku, locationId: p.locationId, kind: 'reservation', onHandDelta: 0, reservedDelta: p.quantity, reason: '', actor, reference: input.reference }),
        );
      }
      const uncounted = demand.filter((line) => !items.get(line.sku)!.tracked).map((line) => ({ sku: line.sku, locationId: null, locationCode: '', quantity: line.quantity }));
      const allocations = await this.reservations.addAllocations(tx, input.reference, [...planned, ...uncounted]);
      const skus = counted.map((l) => l.sku);
      recordStockChanges(events, items, totalsOf(locked, skus), totalsOf(withChanged(locked, changed), skus), 'reservation');
      const reservation: Reservation = { reference: input.reference, status: 'active', country: input.country, expiresAt, allocations };
      reservationEvents.created(events, reservation);
      return reservation;
    });
  }

  /** Where `line` is taken from, or FAILED_PRECONDITION naming the SKU when its locations cannot cover it. */
  private async plan(tx: Transaction, line: StockLine, item: StockItem, locked: readonly StockLevel[], country: string): Promise<PlannedAllocation[]> {
    const candidates: Candidate[] = locked.filter((l) => l.sku === line.sku && l.locationActive).map((l) => ({ ...l, stocked: true }));
    if (item.backorderAllowed) {
      for (const location of await this.locations.listActive(tx)) {
        if (candidates.some((c) => c.locationId === location.id)) continue;
        candidates.push({ locationId: location.id, locationCode: location.code, locationCountry: location.country, locationPriority: location.priority, onHand: 0, reserved: 0, stocked: false });
      }
    }
    const result = allocate(line.sku, line.quantity, candidates, country, item.backorderAllowed);
    if (!result.ok) {
      throw new FailedPreconditionError(`insufficient stock for sku ${line.sku}: requested ${line.quantity}, available ${result.available}`, [
        { field: 'lines', message: `sku ${line.sku}: requested ${line.quantity}, available ${result.available}` },
      ]);
    }
    return result.allocations;
  }
}

/** A repeated reference must ask for the same quantities; anything else is a different reservation. */
function assertSameDemand(existing: Reservation, demand: readonly StockLine[]): void {
  const held = reservedQuantities(existing);
  const same = held.size === demand.length && demand.every((line) => held.get(line.sku) === line.quantity);
  if (!same) throw new AlreadyExistsError(`reference ${existing.reference} was reserved with other lines`, 'reference');
}
