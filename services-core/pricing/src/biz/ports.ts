// What the use cases need: storage behind interfaces, the clock, and the unit of work in which a use case's writes
// and the events it decides commit together. data/ implements these; tests may bind others.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { PriceList, PriceListStatus, PriceListType, Targeting } from './price-list.js';
import type { PriceTier } from './price-tiers.js';
import type { TaxClass, TaxRegion } from './tax.js';

/** Which price a set of tiers belongs to: a base price (priceListId undefined) or a price list's. */
export interface PriceKey {
  sku: string;
  currency: string;
  priceListId: string | undefined;
}

export interface StoredPrice extends PriceKey {
  tiers: PriceTier[];
  updatedAt: Date;
}

export interface PriceHistoryEntry extends PriceKey {
  tiers: PriceTier[];
  changedBy: string;
  changedAt: Date;
}

export interface Page {
  page: number;
  pageSize: number;
}

export interface PriceRepository {
  /** Replaces every tier of `key` (serialised per key) and appends the change to the history; returns the change time. */
  replaceTiers(tx: Transaction, key: PriceKey, tiers: readonly PriceTier[], changedBy: string): Promise<Date>;
  basePrices(sku: string): Promise<StoredPrice[]>;
  listPrices(priceListId: string): Promise<StoredPrice[]>;
  history(sku: string, currency: string | undefined, page: Page): Promise<{ entries: PriceHistoryEntry[]; total: number }>;
}

export interface NewPriceList extends Targeting {
  name: string;
  type: PriceListType;
  startsAt: Date | undefined;
  endsAt: Date | undefined;
}

export type PriceListChanges = Partial<Pick<PriceList, 'name' | 'startsAt' | 'endsAt' | 'customerGroups' | 'countries' | 'channels' | 'status'>>;

export interface PriceListRepository {
  create(tx: Transaction, list: NewPriceList): Promise<PriceList>;
  /** The list locked for the rest of the transaction, or undefined. */
  lock(tx: Transaction, id: string): Promise<PriceList | undefined>;
  update(tx: Transaction, id: string, changes: PriceListChanges): Promise<PriceList>;
  skus(tx: Transaction, id: string): Promise<string[]>;
  get(id: string): Promise<PriceList | undefined>;
  list(filter: { status?: PriceListStatus }, page: Page): Promise<{ lists: PriceList[]; total: number }>;
}

export interface TaxRepository {
  createClass(tx: Transaction, taxClass: TaxClass): Promise<TaxClass>;
  listClasses(): Promise<TaxClass[]>;
  /** The codes among `codes` that exist. */
  existingClasses(tx: Transaction, codes: readonly string[]): Promise<Set<string>>;
  assignClass(tx: Transaction, sku: string, taxClass: string): Promise<void>;
  /** Creates or replaces the region of (country, province) with exactly `region.rates`. */
  saveRegion(tx: Transaction, region: Omit<TaxRegion, 'updatedAt'>): Promise<TaxRegion>;
  listRegions(): Promise<TaxRegion[]>;
}

export interface CatalogSkuRepository {
  /** Records what the catalog last said about a product: its SKU and whether it may be sold. */
  save(tx: Transaction, product: { productId: string; sku: string; sellable: boolean }): Promise<void>;
  markUnsellable(tx: Transaction, productId: string, sku: string): Promise<void>;
}

/** One tier of a base or list price as CalculatePrices reads it. */
export interface PriceRow {
  sku: string;
  priceListId: string | undefined;
  minQuantity: number;
  maxQuantity: number | undefined;
  amountMinor: number;
}

/** What selection needs of a list: its type, status, window and targeting. */
export type ApplicableList = Pick<PriceList, 'id' | 'type' | 'status' | 'startsAt' | 'endsAt' | 'customerGroups' | 'countries' | 'channels'>;

/** Everything CalculatePrices needs for one cart, read in one go. */
export interface CartPricingData {
  prices: PriceRow[];
  /** Active lists that price at least one of the SKUs (window and targeting still to check), by id. */
  lists: Map<string, ApplicableList>;
  taxClassBySku: Map<string, string>;
  unsellableSkus: Set<string>;
  regions: TaxRegion[];
}

export interface CartPricingReader {
  read(skus: readonly string[], currency: string, country: string): Promise<CartPricingData>;
}

export interface Clock {
  now(): Date;
}

/** The service may emit its own event types only (`pricing.*`). */
export type PricingEventType = EmittableBy<EventCatalog, 'pricing'>;
export type PricingUnitOfWork = UnitOfWork<EventCatalog, PricingEventType>;
export type PricingEvents = EventRecorder<EventCatalog, PricingEventType>;

export const PRICE_REPOSITORY = Symbol.for('pricing.PriceRepository');
export const PRICE_LIST_REPOSITORY = Symbol.for('pricing.PriceListRepository');
export const TAX_REPOSITORY = Symbol.for('pricing.TaxRepository');
export const CATALOG_SKU_REPOSITORY = Symbol.for('pricing.CatalogSkuRepository');
export const CART_PRICING_READER = Symbol.for('pricing.CartPricingReader');
export const CLOCK = Symbol.for('pricing.Clock');
export const UNIT_OF_WORK = Symbol.for('pricing.UnitOfWork');
