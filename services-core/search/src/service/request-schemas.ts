// Shapes every request must have before a use case sees it (and before any SQL: a 1 MB query stops here); zod
// paths are the ts-proto (camelCase) names, which parseProtoRequest reports in the proto's snake_case.
import { z } from 'zod';
import { SearchSort } from '@ecommerce/proto/search/v1/search';
import { SEARCH_LIMITS } from '../biz/search-query.js';

const uuid = z.uuid({ message: 'must be a UUID' });
const maxChars = (n: number) => z.string().max(n, `must be at most ${n} characters`);
const minor = z.number().int().min(0, 'must not be negative').max(1e12, 'must be at most 1000000000000');

export const searchProductsRequest = z
  .object({
    query: maxChars(SEARCH_LIMITS.queryMaxLength).trim(),
    currency: z.union([z.literal(''), z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')]),
    categoryId: z.union([z.literal(''), uuid]),
    brandIds: z.array(uuid).max(SEARCH_LIMITS.maxBrands, `must hold at most ${SEARCH_LIMITS.maxBrands} ids`),
    attributes: z.array(maxChars(200)).max(SEARCH_LIMITS.maxAttributes, `must hold at most ${SEARCH_LIMITS.maxAttributes} filters`),
    minPriceMinor: minor,
    maxPriceMinor: minor,
    inStockOnly: z.boolean(),
    minRating: z.number().int().min(0, 'must be between 0 and 5').max(5, 'must be between 0 and 5'),
    facets: z.array(maxChars(110)).max(SEARCH_LIMITS.maxFacets, `must hold at most ${SEARCH_LIMITS.maxFacets} facets`),
    sort: z.union(
      [
        z.literal(SearchSort.SEARCH_SORT_UNSPECIFIED),
        z.literal(SearchSort.SEARCH_SORT_RELEVANCE),
        z.literal(SearchSort.SEARCH_SORT_PRICE_ASC),
        z.literal(SearchSort.SEARCH_SORT_PRICE_DESC),
        z.literal(SearchSort.SEARCH_SORT_NEWEST),
      ],
      { message: 'must be one of SEARCH_SORT_RELEVANCE, SEARCH_SORT_PRICE_ASC, SEARCH_SORT_PRICE_DESC, SEARCH_SORT_NEWEST' },
    ),
    pageSize: z.number().int().min(0, 'must be between 0 and 100').max(SEARCH_LIMITS.pageSizeMax, 'must be between 0 and 100'),
    pageToken: maxChars(64),
  })
  .superRefine((r, ctx) => {
    if (r.query === '' && r.categoryId === '') {
      ctx.addIssue({ code: 'custom', path: ['query'], message: 'must not be empty (give a query, or a category_id to browse)' });
    }
    const needsCurrency = r.minPriceMinor > 0 || r.maxPriceMinor > 0 || r.facets.includes('price') || r.sort === SearchSort.SEARCH_SORT_PRICE_ASC || r.sort === SearchSort.SEARCH_SORT_PRICE_DESC;
    if (needsCurrency && r.currency === '') ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required for a price filter, facet or sort' });
    if (r.maxPriceMinor > 0 && r.maxPriceMinor <= r.minPriceMinor) ctx.addIssue({ code: 'custom', path: ['maxPriceMinor'], message: 'must be greater than min_price_minor' });
  });

export const autocompleteRequest = z.object({
  prefix: maxChars(SEARCH_LIMITS.prefixMaxLength).trim().min(1, 'must not be empty'),
  limit: z.number().int().min(0, 'must be between 0 and 20').max(SEARCH_LIMITS.autocompleteMax, 'must be between 0 and 20'),
});

export const rebuildIndexRequest = z.object({});
