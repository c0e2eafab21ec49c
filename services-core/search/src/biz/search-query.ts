// A search request as the use case sees it, and the rules of its parts that need no storage: which facets
// exist, the fixed price ranges, and the opaque page token (an offset, refused unless in the exact shape we write).
import { ValidationError } from '@ecommerce/common/errors';

export type SortOrder = 'relevance' | 'price_asc' | 'price_desc' | 'newest';

export const SEARCH_LIMITS = {
  queryMaxLength: 200,
  prefixMaxLength: 100,
  maxTerms: 10,
  maxBrands: 20,
  maxAttributes: 20,
  maxFacets: 10,
  pageSizeDefault: 20,
  pageSizeMax: 100,
  /** Deeper than this, a shopper refines the query instead; it also bounds the work of one page. */
  maxOffset: 10_000,
  autocompleteDefault: 8,
  autocompleteMax: 20,
} as const;

/** Price ranges of the `price` facet in minor units: [from, to), the last one open. */
export const PRICE_RANGES: ReadonlyArray<readonly [number, number | null]> = [
  [0, 1_000],
  [1_000, 2_500],
  [2_500, 5_000],
  [5_000, 10_000],
  [10_000, 25_000],
  [25_000, null],
];

/** Rating floors of the `rating` facet: "at least N". */
export const RATING_FLOORS = [4, 3, 2, 1] as const;

export type FacetName = 'category' | 'brand' | 'price' | 'in_stock' | 'rating' | `attribute.${string}`;

export interface AttributeFilter {
  key: string;
  values: string[];
}

export interface SearchQuery {
  /** Words as typed (trimmed); '' only when browsing a category. */
  text: string;
  currency: string | null;
  categoryId: string | null;
  brandIds: string[];
  attributes: AttributeFilter[];
  minPriceMinor: number | null;
  maxPriceMinor: number | null;
  inStockOnly: boolean;
  minRating: number | null;
  facets: FacetName[];
  sort: SortOrder;
  limit: number;
  offset: number;
}

const FIXED_FACETS = new Set(['category', 'brand', 'price', 'in_stock', 'rating']);
const ATTRIBUTE_KEY = /^[^\s:][^:]{0,99}$/;

/** Throws ValidationError naming `facets.<i>` for a facet that does not exist. */
export function assertFacetNames(names: string[]): FacetName[] {
  const violations = names.flatMap((name, i) => {
    if (FIXED_FACETS.has(name)) return [];
    if (name.startsWith('attribute.') && ATTRIBUTE_KEY.test(name.slice('attribute.'.length))) return [];
    return [{ field: `facets.${i}`, message: `unknown facet "${name.slice(0, 50)}"; known: category, brand, price, in_stock, rating, attribute.<key>` }];
  });
  if (violations.length > 0) throw new ValidationError(violations);
  return [...new Set(names)] as FacetName[];
}

/** `key:value` filters grouped by key (values of one key are alternatives). */
export function groupAttributeFilters(pairs: string[]): AttributeFilter[] {
  const byKey = new Map<string, string[]>();
  pairs.forEach((pair, i) => {
    const at = pair.indexOf(':');
    const key = pair.slice(0, at);
    if (at <= 0 || !ATTRIBUTE_KEY.test(key) || at === pair.length - 1) {
      throw new ValidationError([{ field: `attributes.${i}`, message: 'must be "key:value"' }]);
    }
    byKey.set(key, [...(byKey.get(key) ?? []), pair.slice(at + 1)]);
  });
  return [...byKey].map(([key, values]) => ({ key, values }));
}

/** The words of a query as full-text terms: letters and digits only, so nothing reaches to_tsquery as syntax. */
export function queryTerms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, SEARCH_LIMITS.maxTerms);
}

export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

/** The offset of a token we wrote; anything else (tampered, foreign, out of range) names `page_token`. */
export function decodePageToken(token: string): number {
  if (token === '') return 0;
  const bad = new ValidationError([{ field: 'page_token', message: 'is not a token this service issued' }]);
  if (token.length > 64 || !/^[A-Za-z0-9_-]+$/.test(token)) throw bad;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad;
  }
  const offset = (parsed as { o?: unknown } | null)?.o;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 1 || offset > SEARCH_LIMITS.maxOffset) throw bad;
  if (Object.keys(parsed as object).length !== 1) throw bad;
  return offset;
}
