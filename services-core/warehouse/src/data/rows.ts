// Row shapes of the warehouse tables and their mapping to domain objects (no column leaves data/).
import type { Knex } from '@ecommerce/common/db';
import type { Location } from '../biz/location.js';
import type { Movement, MovementKind, StockItem, StockLevel } from '../biz/stock.js';

export interface LocationRow {
  id: string;
  code: string;
  name: string;
  address: string;
  country: string;
  priority: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export const toLocation = (r: LocationRow): Location => ({
  id: r.id,
  code: r.code,
  name: r.name,
  address: r.address,
  country: r.country,
  priority: r.priority,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface StockItemRow {
  sku: string;
  product_id: string;
  tracked: boolean;
  backorder_allowed: boolean;
  low_stock_threshold: number;
}

export const toStockItem = (r: StockItemRow): StockItem => ({
  sku: r.sku,
  productId: r.product_id,
  tracked: r.tracked,
  backorderAllowed: r.backorder_allowed,
  lowStockThreshold: r.low_stock_threshold,
});

export interface StockLevelRow {
  sku: string;
  location_id: string;
  on_hand: number;
  reserved: number;
  incoming: number;
  code: string;
  country: string;
  priority: number;
  active: boolean;
}

/** Level columns with the location columns allocation needs; `l` is stock_levels, `loc` locations. */
export const LEVEL_COLUMNS = ['l.sku', 'l.location_id', 'l.on_hand', 'l.reserved', 'l.incoming', 'loc.code', 'loc.country', 'loc.priority', 'loc.active'];

export const selectLevels = (db: Knex | Knex.Transaction) => db('stock_levels as l').join('locations as loc', 'loc.id', 'l.location_id').select(LEVEL_COLUMNS);

export const toStockLevel = (r: StockLevelRow): StockLevel => ({
  sku: r.sku,
  locationId: r.location_id,
  locationCode: r.code,
  locationCountry: r.country,
  locationPriority: r.priority,
  locationActive: r.active,
  onHand: r.on_hand,
  reserved: r.reserved,
  incoming: r.incoming,
});

export interface MovementRow {
  id: number;
  sku: string;
  location_id: string;
  kind: MovementKind;
  on_hand_delta: number;
  reserved_delta: number;
  reason: string;
  actor: string;
  reference: string;
  created_at: Date;
}

export const toMovement = (r: MovementRow): Movement => ({
  id: String(r.id),
  sku: r.sku,
  locationId: r.location_id,
  kind: r.kind,
  onHandDelta: r.on_hand_delta,
  reservedDelta: r.reserved_delta,
  reason: r.reason,
  actor: r.actor,
  reference: r.reference,
  createdAt: r.created_at,
});
