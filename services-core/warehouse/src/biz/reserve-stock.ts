// Reserve: holds stock for every line of a reference or for none. Lines of one SKU are summed; the reservation row
// is inserted first so a repeated reference returns the first answer unchanged; a line that plainly cannot fit is
// refused without waiting; every level of the requested SKUs is locked (FOR UPDATE, in (sku, location) order)
// before the allocation is decided on those locked rows.
import { AlreadyExistsError, FailedPreconditionError } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
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
    const counted = demand.filter((line) => items.get(line.sku)!.tracked);
    // Outside any transaction first: a sold-out SKU is refused with one read, unless the reference was already
    // reserved (then the transaction below answers the first reservation). A duplicate racing a first call that is
    // still taking the last units may be refused here; its retry finds the reservation.
    const shortage = await this.shortage(counted, items);
    if (shortage && !(await this.reservations.find(input.reference))) throw shortage;
    return this.uow.run(async (tx, events) => {
      if (!(await this.reservations.insertIfNew(tx, { reference: input.reference, country: input.country, expiresAt }))) {
        const existing = (await this.reservations.find(input.reference, tx))!;
        assertSameDemand(existing, demand);
        return existing;
      }
      const stillShort = await this.shortage(counted, items, tx);
      if (stillShort) throw stillShort;
      // A backorder may land on an active location that never had the SKU: its row is created before any lock is
      // taken (as every use case does), so the locks below stay in one order.
      const backordered = counted.filter((line) => items.get(line.sku)!.backorderAllowed);
      if (backordered.length > 0) {
        const active = await this.locations.listActive(tx);
        await this.levels.ensure(tx, backordered.flatMap((line) => active.map((location) => ({ sku: line.sku, locationId: location.id }))));
      }
      const locked = await this.levels.lockBySkus(tx, counted.map((l) => l.sku));
      const planned = counted.flatMap((line) => this.plan(line, items.get(line.sku)!, locked, input.country));
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

  /**
   * The refusal of a line the committed totals already cannot cover, read without waiting for any row lock: the
   * totals are a state the stock had during this call, so refusing on them is an answer the call could have got
   * had it run at that moment. A sold-out hot SKU then costs no lock wait per refused call; what passes is decided
   * again under the locks.
   */
  private async shortage(lines: readonly StockLine[], items: ReadonlyMap<string, StockItem>, tx?: Transaction): Promise<FailedPreconditionError | undefined> {
    const strict = lines.filter((line) => !items.get(line.sku)!.backorderAllowed);
    if (strict.length === 0) return undefined;
    const totals = await this.levels.totals(strict.map((l) => l.sku), tx);
    for (const line of strict) {
      const available = Math.max(0, totals.get(line.sku)!.available);
      if (available < line.quantity) return insufficient(line, available);
    }
    return undefined;
  }

  /** Where `line` is taken from, or FAILED_PRECONDITION naming the SKU when its locations cannot cover it. */
  private plan(line: StockLine, item: StockItem, locked: readonly StockLevel[], country: string): PlannedAllocation[] {
    const candidates: Candidate[] = locked
      .filter((l) => l.sku === line.sku && l.locationActive)
      // A backorder-only row (created below, never received) is a last resort for the backorder.
      .map((l) => ({ ...l, stocked: l.onHand > 0 || l.reserved > 0 }));
    const result = allocate(line.sku, line.quantity, candidates, country, item.backorderAllowed);
    if (!result.ok) throw insufficient(line, result.available);
    return result.allocations;
  }
}

/** A repeated reference must ask for the same quantities; anything else is a different reservation. */
function assertSameDemand(existing: Reservation, demand: readonly StockLine[]): void {
  const held = reservedQuantities(existing);
  const same = held.size === demand.length && demand.every((line) => held.get(line.sku) === line.quantity);
  if (!same) throw new AlreadyExistsError(`reference ${existing.reference} was reserved with other lines`, 'reference');
}

function insufficient(line: StockLine, available: number): FailedPreconditionError {
  const message = `sku ${line.sku}: requested ${line.quantity}, available ${available}`;
  return new FailedPreconditionError(`insufficient stock for ${message}`, [{ field: 'lines', message }]);
}
