// Stock items, levels and movements: the vocabulary every stock use case shares.

/** The settings of one SKU. */
export interface StockItem {
  sku: string;
  productId: string;
  /** false: never counted, reservations always succeed. */
  tracked: boolean;
  /** true: reservations may take available below zero. */
  backorderAllowed: boolean;
  lowStockThreshold: number;
}

export type StockItemSettings = Pick<StockItem, 'sku' | 'tracked' | 'backorderAllowed' | 'lowStockThreshold'>;

/** A SKU at one location, with what allocation needs to know of the location. */
export interface StockLevel {
  sku: string;
  locationId: string;
  locationCode: string;
  locationCountry: string;
  locationPriority: number;
  locationActive: boolean;
  onHand: number;
  reserved: number;
  incoming: number;
}

export const availableAt = (level: Pick<StockLevel, 'onHand' | 'reserved'>): number => level.onHand - level.reserved;

/** A SKU's totals over active locations. */
export interface StockTotals {
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

export const MOVEMENT_KINDS = ['receipt', 'adjustment', 'reservation', 'release', 'sale', 'return', 'transfer'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * One ledger entry. The ledger is the truth: a level's on hand is the sum of its movements' onHandDelta, its
 * reserved the sum of reservedDelta; repositories change a level only by appending its movement.
 */
export interface NewMovement {
  sku: string;
  locationId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reason: string;
  actor: string;
  reference: string;
}

export interface Movement extends NewMovement {
  id: string;
  createdAt: Date;
}

/** A requested quantity of a SKU. */
export interface StockLine {
  sku: string;
  quantity: number;
}

/** Sums lines that share a SKU (two cart lines of one item are checked together), sorted by SKU. */
export function sumLines(lines: readonly StockLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([sku, quantity]) => ({ sku, quantity }));
}

/** The system actors, for movements no person asked for. */
export const SYSTEM_ACTORS = { sweeper: 'system:reservation-sweeper', catalog: 'system:catalog-events' } as const;

/** Totals over the active locations among `levels`, for each of `skus` (zeros when it has none). */
export function totalsOf(levels: readonly StockLevel[], skus: readonly string[]): Map<string, StockTotals> {
  const totals = new Map<string, StockTotals>(skus.map((sku) => [sku, { sku, onHand: 0, reserved: 0, available: 0 }]));
  for (const level of levels) {
    const total = totals.get(level.sku);
    if (!total || !level.locationActive) continue;
    total.onHand += level.onHand;
    total.reserved += level.reserved;
    total.available = total.onHand - total.reserved;
  }
  return totals;
}

/** `levels` with each of `changed` in place of the level of the same SKU and location. */
export function withChanged(levels: readonly StockLevel[], changed: readonly StockLevel[]): StockLevel[] {
  const key = (l: StockLevel) => `${l.sku}\u0000${l.locationId}`;
  const byKey = new Map(levels.map((l) => [key(l), l]));
  for (const level of changed) byKey.set(key(level), level);
  return [...byKey.values()];
}

/** The catalog's SKU format. */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const SKU_MAX_LENGTH = 64;
/** Per line and per call: far above any real order, low enough that sums stay exact integers. */
export const MAX_LINE_QUANTITY = 1_000_000;
