// The index's reads: a search is one statement (see search-sql.ts) whose JSON columns are mapped back to the
// domain's types here; autocomplete ranks names starting with the prefix first, then names close to it.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import type { IndexReader } from '../biz/ports.js';
import { PRICE_RANGES, RATING_FLOORS, type SearchQuery } from '../biz/search-query.js';
import type { FacetCount, FacetResult, ProductHit, SearchResult, Suggestion } from '../biz/search-result.js';
import { TOKENS } from '../tokens.js';
import { buildSearchSql } from './search-sql.js';

interface HitJson {
  id: string;
  sku: string;
  slug: string;
  name: string;
  description: string;
  brand_id: string | null;
  brand_name: string;
  category_id: string | null;
  price: number | null;
  in_stock: boolean;
  rating: number;
  rating_count: number;
  created_at: string;
  score: number;
}

interface FacetJson {
  facet: string;
  value: string;
  label: string | null;
  count: number;
}

const toHit = (h: HitJson): ProductHit => ({
  id: h.id,
  sku: h.sku,
  slug: h.slug,
  name: h.name,
  description: h.description,
  brandId: h.brand_id,
  brandName: h.brand_name,
  categoryId: h.category_id,
  priceMinor: h.price === null ? null : Number(h.price),
  inStock: h.in_stock,
  ratingAverage: Number(h.rating),
  ratingCount: h.rating_count,
  createdAt: new Date(h.created_at),
  score: Number(h.score),
});

const PRICE_ORDER = PRICE_RANGES.map(([from, to]) => `${from}-${to ?? ''}`);
const RATING_ORDER = RATING_FLOORS.map(String);

/** Facets in the order asked; ranges and floors in their natural order, other values by count. */
function facetsOf(query: SearchQuery, rows: FacetJson[]): FacetResult[] {
  return query.facets.map((name) => {
    const values: FacetCount[] = rows.filter((r) => r.facet === name).map((r) => ({ value: r.value, label: r.label ?? r.value, count: r.count }));
    const fixed = name === 'price' ? PRICE_ORDER : name === 'rating' ? RATING_ORDER : null;
    if (fixed) values.sort((a, b) => fixed.indexOf(a.value) - fixed.indexOf(b.value));
    else values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { name, values };
  });
}

@injectable()
export class KnexIndexReader implements IndexReader {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const statement = buildSearchSql(query);
    const { rows } = await this.db.raw<{ rows: Array<{ hits: HitJson[]; total: number; facets: FacetJson[] }> }>(statement.text, statement.bindings as Knex.RawBinding[]);
    const row = rows[0]!;
    return { hits: row.hits.map(toHit), total: row.total, facets: facetsOf(query, row.facets) };
  }

  async autocomplete(prefix: string, limit: number): Promise<Suggestion[]> {
    const { rows } = await this.db.raw<{ rows: Array<{ id: string; name: string }> }>(
      `SELECT id, name FROM products
       WHERE status = 'active' AND NOT deleted AND (name ILIKE ? || '%' OR ? <% name)
       ORDER BY (name ILIKE ? || '%') DESC, word_similarity(?, name) DESC, name, id
       LIMIT ?`,
      [escapeLike(prefix), prefix, escapeLike(prefix), prefix, limit],
    );
    return rows.map((r) => ({ productId: r.id, name: r.name }));
  }
}

/** A prefix is matched literally: `%` and `_` typed by a shopper are not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
