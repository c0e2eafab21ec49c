// The one SQL statement of a search: the visible products matching the text (full-text with weights A name,
// B brand, C description; when the words as typed find nothing, trigram closeness of the name, for typos)
// materialised once, then the page of hits with every filter, the total, and each requested facet's counts with
// every filter but its own (so choosing a brand still shows the other brands' counts). Exported for the
// benchmark, which runs the same SQL through pg.
import { PRICE_RANGES, queryTerms, RATING_FLOORS, type FacetName, type SearchQuery } from '../biz/search-query.js';
import { join, raw, sql, type Sql } from './sql-fragment.js';

interface Filter {
  /** The facet this filter narrows; its own facet is counted without it. */
  facet: string;
  where: Sql;
}

function filtersOf(q: SearchQuery): Filter[] {
  const filters: Filter[] = [];
  if (q.categoryId) filters.push({ facet: 'category', where: raw('m.category_id IN (SELECT id FROM subtree)') });
  if (q.brandIds.length > 0) filters.push({ facet: 'brand', where: sql`m.brand_id = ANY(${q.brandIds}::uuid[])` });
  for (const a of q.attributes) filters.push({ facet: `attribute.${a.key}`, where: sql`jsonb_exists_any(m.attributes -> ${a.key}, ${a.values}::text[])` });
  if (q.minPriceMinor !== null) filters.push({ facet: 'price', where: sql`m.price >= ${q.minPriceMinor}` });
  if (q.maxPriceMinor !== null) filters.push({ facet: 'price', where: sql`m.price < ${q.maxPriceMinor}` });
  if (q.inStockOnly) filters.push({ facet: 'in_stock', where: raw('m.in_stock') });
  if (q.minRating !== null) filters.push({ facet: 'rating', where: sql`m.rating >= ${q.minRating}` });
  return filters;
}

function whereAll(filters: Filter[], except?: string): Sql {
  const parts = filters.filter((f) => f.facet !== except).map((f) => f.where);
  return parts.length === 0 ? raw('true') : join(parts, ' AND ');
}

const priceRange = join(
  PRICE_RANGES.map(([from, to]) => (to === null ? raw(`WHEN m.price >= ${from} THEN '${from}-'`) : raw(`WHEN m.price < ${to} THEN '${from}-${to}'`))),
  ' ',
);

function facetQuery(name: FacetName, filters: Filter[]): Sql {
  const where = whereAll(filters, name);
  const head = sql`SELECT ${name}::text AS facet`;
  switch (name) {
    case 'category':
      return sql`(${head}, t.ancestor::text AS value, min(c.name) AS label, count(*)::int AS count
        FROM matched m JOIN tree t ON t.id = m.category_id JOIN categories c ON c.id = t.ancestor
        WHERE ${where} GROUP BY t.ancestor ORDER BY count DESC, value LIMIT 100)`;
    case 'brand':
      return sql`(${head}, m.brand_id::text AS value, min(m.brand_name) AS label, count(*)::int AS count
        FROM matched m WHERE m.brand_id IS NOT NULL AND ${where} GROUP BY m.brand_id ORDER BY count DESC, value LIMIT 100)`;
    case 'price':
      return sql`(${head}, r.value, r.value AS label, count(*)::int AS count
        FROM matched m CROSS JOIN LATERAL (SELECT CASE ${priceRange} END AS value) r
        WHERE m.price IS NOT NULL AND ${where} GROUP BY r.value)`;
    case 'in_stock':
      return sql`(${head}, m.in_stock::text AS value, m.in_stock::text AS label, count(*)::int AS count
        FROM matched m WHERE ${where} GROUP BY m.in_stock)`;
    case 'rating':
      return sql`(${head}, f.floor::text AS value, f.floor::text AS label, count(*)::int AS count
        FROM matched m JOIN (VALUES ${raw(RATING_FLOORS.map((r) => `(${r})`).join(', '))}) f(floor) ON m.rating >= f.floor
        WHERE ${where} GROUP BY f.floor)`;
    default: {
      const key = name.slice('attribute.'.length);
      return sql`(${head}, v.value, v.value AS label, count(*)::int AS count
        FROM matched m CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(m.attributes -> ${key}) = 'array' THEN m.attributes -> ${key} END) v(value)
        WHERE ${where} GROUP BY v.value ORDER BY count DESC, value LIMIT 100)`;
    }
  }
}

function orderBy(q: SearchQuery): Sql {
  switch (q.sort) {
    case 'relevance':
      return raw('m.score DESC, m.created_at DESC, m.id');
    case 'newest':
      return raw('m.created_at DESC, m.id');
    case 'price_asc':
      return raw('m.price ASC NULLS LAST, m.id');
    case 'price_desc':
      return raw('m.price DESC NULLS LAST, m.id');
  }
}

const VISIBLE = "status = 'active' AND NOT deleted";

/** How close a query must be to a name to count as a misspelling of it (pg_trgm scores, 0 to 1). */
const TYPO = { similarity: 0.3, wordSimilarity: 0.5 } as const;

const COLUMNS = 'id, sku, slug, name, description, brand_id, brand_name, category_id, attributes, created_at';

/**
 * The visible products a text matches, with their score. The words as typed come first: every word as a prefix of
 * a word of the weighted document (name A, brand B, description C), ranked by ts_rank. Only when that finds
 * nothing does typo tolerance take over: names whose trigrams are close to the query ("blu mgu" -> "Blue mug"),
 * ranked by closeness. The fallback is an uncorrelated NOT EXISTS, so PostgreSQL evaluates it once and skips the
 * costly similarity scan whenever the words matched (measured: that scan was most of a query's time).
 */
function candidates(q: SearchQuery): Sql {
  const visible = raw(`${COLUMNS} FROM products WHERE status = 'active' AND NOT deleted`);
  if (q.text === '') return sql`SELECT 0::float8 AS score, ${visible}`;
  const close = sql`(similarity(name, ${q.text}) >= ${TYPO.similarity} OR word_similarity(${q.text}, name) >= ${TYPO.wordSimilarity})`;
  const byCloseness = sql`SELECT word_similarity(${q.text}, name)::float8 AS score, ${visible} AND ${close}`;
  const terms = queryTerms(q.text);
  if (terms.length === 0) return byCloseness;
  const tsquery = sql`to_tsquery('simple', ${terms.map((t) => `${t}:*`).join(' & ')})`;
  return sql`SELECT ts_rank(document, ${tsquery})::float8 AS score, ${visible} AND document @@ ${tsquery}
    UNION ALL
    ${byCloseness} AND NOT EXISTS (SELECT 1 FROM products WHERE status = 'active' AND NOT deleted AND document @@ ${tsquery})`;
}

export function buildSearchSql(q: SearchQuery): Sql {
  const filters = filtersOf(q);
  const ctes: Sql[] = [];
  if (q.categoryId) {
    ctes.push(sql`subtree(id) AS (SELECT ${q.categoryId}::uuid UNION SELECT c.id FROM subtree s JOIN categories c ON c.parent_id = s.id AND NOT c.deleted)`);
  }
  if (q.facets.includes('category')) {
    ctes.push(raw(`tree(ancestor, id) AS (SELECT id, id FROM categories WHERE NOT deleted
      UNION SELECT t.ancestor, c.id FROM tree t JOIN categories c ON c.parent_id = t.id AND NOT c.deleted)`));
  }
  // Prices, stock and ratings are looked up per candidate (index lookups): a join would read those whole tables
  // whenever the planner overestimates the candidates, which it does for the typo branch.
  ctes.push(sql`matched AS MATERIALIZED (
    SELECT c.*,
           (SELECT amount_minor FROM prices WHERE sku = c.sku AND currency = ${q.currency}) AS price,
           coalesce((SELECT in_stock FROM stock WHERE sku = c.sku), false) AS in_stock,
           coalesce((SELECT average FROM ratings WHERE product_id = c.id), 0)::float8 AS rating,
           coalesce((SELECT count FROM ratings WHERE product_id = c.id), 0) AS rating_count
    FROM (${candidates(q)}) c)`);
  ctes.push(sql`hits AS (
    SELECT m.*, row_number() OVER (ORDER BY ${orderBy(q)}) AS position FROM matched m WHERE ${whereAll(filters)}
    ORDER BY ${orderBy(q)} LIMIT ${q.limit} OFFSET ${q.offset})`);
  const facets = q.facets.length === 0 ? raw(`'[]'::json`) : sql`(SELECT coalesce(json_agg(f), '[]'::json) FROM (${join(q.facets.map((name) => facetQuery(name, filters)), ' UNION ALL ')}) f)`;
  return sql`WITH RECURSIVE ${join(ctes, ',\n')}
    SELECT (SELECT coalesce(json_agg(h ORDER BY h.position), '[]'::json) FROM hits h) AS hits,
           (SELECT count(*)::int FROM matched m WHERE ${whereAll(filters)}) AS total,
           ${facets} AS facets`;
}
