// What the use cases need: the index's storage (writes from events and rebuilds, reads for searches), the
// catalog's API for a rebuild, the clock, and the unit of work in which writes and the events they decide commit
// together. data/ implements these; tests may bind others.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { BrandEntry, CategoryEntry, PriceEntry, ProductEntry, RatingEntry, StockEntry } from './index-entry.js';
import type { SearchQuery } from './search-query.js';
import type { SearchResult, Suggestion } from './search-result.js';

/** Every write is an upsert that keeps the stored row when it is newer than the entry (by sourceTime). */
export interface IndexWriter {
  putProduct(tx: Transaction, product: ProductEntry): Promise<void>;
  /** Marks the product deleted as of `at`; a later snapshot (a restore) brings it back. */
  deleteProduct(tx: Transaction, productId: string, at: Date): Promise<void>;
  putCategory(tx: Transaction, category: CategoryEntry): Promise<void>;
  deleteCategory(tx: Transaction, categoryId: string, at: Date): Promise<void>;
  putBrand(tx: Transaction, brand: BrandEntry): Promise<void>;
  hasBrand(tx: Transaction, brandId: string): Promise<boolean>;
  putPrice(tx: Transaction, price: PriceEntry): Promise<void>;
  putStock(tx: Transaction, stock: StockEntry): Promise<void>;
  putRating(tx: Transaction, rating: RatingEntry): Promise<void>;
  /** Deletes (as of `at`) every live product not in `keep` whose data is older than `at`; returns how many. */
  deleteProductsExcept(tx: Transaction, keep: string[], at: Date): Promise<number>;
}

export interface IndexReader {
  search(query: SearchQuery): Promise<SearchResult>;
  autocomplete(prefix: string, limit: number): Promise<Suggestion[]>;
}

/** The catalog's API, read page by page during a rebuild. */
export interface CatalogReader {
  products(page: number, limit: number): Promise<{ items: ProductEntry[]; total: number }>;
  categories(): Promise<CategoryEntry[]>;
  brands(): Promise<BrandEntry[]>;
  /** One brand; null when the catalog has none with this id. */
  brand(id: string): Promise<BrandEntry | null>;
}

/** Where a use case reports what it could not do but did not fail for. */
export interface Warnings {
  warn(message: string): void;
}

export interface Clock {
  now(): Date;
}

/** The service may emit its own event types only (`search.*`). */
export type SearchEventType = EmittableBy<EventCatalog, 'search'>;
export type SearchUnitOfWork = UnitOfWork<EventCatalog, SearchEventType>;
export type SearchEvents = EventRecorder<EventCatalog, SearchEventType>;

export const INDEX_WRITER = Symbol.for('search.IndexWriter');
export const INDEX_READER = Symbol.for('search.IndexReader');
export const CATALOG_READER = Symbol.for('search.CatalogReader');
export const CLOCK = Symbol.for('search.Clock');
export const WARNINGS = Symbol.for('search.Warnings');
export const UNIT_OF_WORK = Symbol.for('search.UnitOfWork');
