// proto <-> biz for searches: the validated request to a SearchQuery (facet names, attribute filters and the page
// token checked on the way), and the result to the proto's messages.
import { SearchSort, type ProductHit as PbHit, type SearchProductsResponse } from '@ecommerce/proto/search/v1/search';
import type { z } from 'zod';
import { assertFacetNames, decodePageToken, groupAttributeFilters, SEARCH_LIMITS, type SearchQuery, type SortOrder } from '../biz/search-query.js';
import type { ProductHit, SearchResult } from '../biz/search-result.js';
import type { searchProductsRequest } from './request-schemas.js';

const SORTS: Record<number, SortOrder> = {
  [SearchSort.SEARCH_SORT_RELEVANCE]: 'relevance',
  [SearchSort.SEARCH_SORT_PRICE_ASC]: 'price_asc',
  [SearchSort.SEARCH_SORT_PRICE_DESC]: 'price_desc',
  [SearchSort.SEARCH_SORT_NEWEST]: 'newest',
};

export function toSearchQuery(r: z.infer<typeof searchProductsRequest>): SearchQuery {
  return {
    text: r.query,
    currency: r.currency || null,
    categoryId: r.categoryId || null,
    brandIds: [...new Set(r.brandIds)],
    attributes: groupAttributeFilters(r.attributes),
    minPriceMinor: r.minPriceMinor > 0 ? r.minPriceMinor : null,
    maxPriceMinor: r.maxPriceMinor > 0 ? r.maxPriceMinor : null,
    inStockOnly: r.inStockOnly,
    minRating: r.minRating > 0 ? r.minRating : null,
    facets: assertFacetNames(r.facets),
    sort: SORTS[r.sort] ?? (r.query === '' ? 'newest' : 'relevance'),
    limit: r.pageSize || SEARCH_LIMITS.pageSizeDefault,
    offset: decodePageToken(r.pageToken),
  };
}

function toPbHit(h: ProductHit, currency: string | null): PbHit {
  return {
    id: h.id,
    sku: h.sku,
    slug: h.slug,
    name: h.name,
    brandId: h.brandId ?? '',
    brandName: h.brandName,
    categoryId: h.categoryId ?? '',
    description: h.description,
    price: currency && h.priceMinor !== null ? { currency, amountMinor: h.priceMinor } : undefined,
    inStock: h.inStock,
    ratingAverage: h.ratingAverage,
    ratingCount: h.ratingCount,
    createTime: h.createdAt,
    score: h.score,
  };
}

export function toSearchResponse(result: SearchResult & { nextPageToken: string }, currency: string | null): SearchProductsResponse {
  return {
    products: result.hits.map((h) => toPbHit(h, currency)),
    facets: result.facets.map((f) => ({ name: f.name, values: f.values.map((v) => ({ value: v.value, label: v.label, count: v.count })) })),
    total: result.total,
    nextPageToken: result.nextPageToken,
  };
}
