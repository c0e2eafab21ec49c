// What the use cases need: storage behind interfaces, the clock, and the unit of work in which a use case's writes
// and the events it decides commit together. data/ implements these; tests may bind others.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Location, LocationChanges, NewLocation } from './location.js';
import type { Reservation, ReservationAllocation, ReservationStatus } from './reservation.js';
import type { Movement, MovementKind, NewMovement, StockItem, StockItemSettings, StockLevel, StockLine, StockTotals } from './stock.js';

export interface LocationRepository {
  /** A taken code -> AlreadyExistsError naming `code`. */
  create(tx: Transaction, location: NewLocation): Promise<Location>;
  /** Unknown id -> NotFoundError. */
  update(tx: Transaction, id: string, changes: LocationChanges): Promise<Location>;
  list(): Promise<Location[]>;
  /** The active ones, for allocation (a location without a level of a SKU still takes its backorders). */
  listActive(tx: Transaction): Promise<Location[]>;
  findMany(ids: string[]): Promise<Map<string, Location>>;
}

export interface StockItemRepository {
  upsert(tx: Transaction, settings: StockItemSettings): Promise<StockItem>;
  /** Creates the item with default settings unless it exists; true when created. */
  ensure(tx: Transaction, sku: string, productId: string): Promise<boolean>;
  findMany(skus: readonly string[], tx?: Transaction): Promise<Map<string, StockItem>>;
}

export interface StockLevelRepository {
  /**
   * Creates missing (sku, location) rows with zero stock, so they can be locked. Called before any level lock,
   * inserting in (sku, location_id) order, so two transactions creating rows never wait on each other in a cycle.
   */
  ensure(tx: Transaction, pairs: ReadonlyArray<{ sku: string; locationId: string }>): Promise<void>;
  /**
   * Locks every level of these SKUs (SELECT ... FOR UPDATE) in (sku, location_id) order: every use case takes
   * level locks in that one order, so two transactions never wait on each other in a cycle.
   */
  lockBySkus(tx: Transaction, skus: readonly string[]): Promise<StockLevel[]>;
  /** Applies one ledger entry: the level moves by its deltas and the movement is appended, in one statement. */
  apply(tx: Transaction, movement: NewMovement): Promise<StockLevel>;
  addIncoming(tx: Transaction, sku: string, locationId: string, delta: number): Promise<void>;
  /** Totals over active locations (a SKU without levels has zeros). */
  totals(skus: readonly string[], tx?: Transaction): Promise<Map<string, StockTotals>>;
  listBySku(sku: string): Promise<StockLevel[]>;
}

export interface MovementFilter {
  sku?: string;
  locationId?: string;
  kind?: MovementKind;
  beforeId?: string;
  limit: number;
}

export interface MovementRepository {
  list(filter: MovementFilter): Promise<Movement[]>;
}

export interface NewAllocation {
  sku: string;
  locationId: string | null;
  locationCode: string;
  quantity: number;
}

export interface ReservationRepository {
  /**
   * Inserts the reservation unless its reference exists: false then. A concurrent insert of the same reference
   * waits for the other transaction, so a rolled-back attempt leaves the reference free.
   */
  insertIfNew(tx: Transaction, reservation: { reference: string; country: string; expiresAt: Date }): Promise<boolean>;
  addAllocations(tx: Transaction, reference: string, allocations: readonly NewAllocation[]): Promise<ReservationAllocation[]>;
  /** The reservation with its allocations, locked FOR UPDATE when `tx` is given. */
  find(reference: string, tx?: Transaction): Promise<Reservation | undefined>;
  setStatus(tx: Transaction, reference: string, status: ReservationStatus): Promise<void>;
  /** Adds to an allocation's committed and released counters. */
  settle(tx: Transaction, allocation: Pick<ReservationAllocation, 'id'>, change: { committed?: number; released?: number }): Promise<void>;
  /** The summed lines a commit with this idempotency key was made for, if one was. */
  findCommitKey(tx: Transaction, reference: string, key: string): Promise<StockLine[] | undefined>;
  recordCommitKey(tx: Transaction, reference: string, key: string, lines: readonly StockLine[]): Promise<void>;
  /** References of active reservations whose time ran out at `now`, oldest first, skipping ones being changed. */
  expiredReferences(now: Date, limit: number): Promise<string[]>;
}

export interface Clock {
  now(): Date;
}

/** The service may emit its own event types only (`warehouse.*`). */
export type WarehouseEventType = EmittableBy<EventCatalog, 'warehouse'>;
export type WarehouseUnitOfWork = UnitOfWork<EventCatalog, WarehouseEventType>;
export type WarehouseEvents = EventRecorder<EventCatalog, WarehouseEventType>;

export const LOCATION_REPOSITORY = Symbol.for('warehouse.LocationRepository');
export const STOCK_ITEM_REPOSITORY = Symbol.for('warehouse.StockItemRepository');
export const STOCK_LEVEL_REPOSITORY = Symbol.for('warehouse.StockLevelRepository');
export const MOVEMENT_REPOSITORY = Symbol.for('warehouse.MovementRepository');
export const RESERVATION_REPOSITORY = Symbol.for('warehouse.ReservationRepository');
export const CLOCK = Symbol.for('warehouse.Clock');
export const UNIT_OF_WORK = Symbol.for('warehouse.UnitOfWork');
