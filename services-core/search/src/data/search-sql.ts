// The one SQL statement of a search: the visible products matching the text (full-text with weights A name,
// B brand, C description, or trigram similarity of the name for typos) materialised once, then the page of hits
// with every filter, the total, and each requested facet's counts with every filter but its own (so choosing a
// brand still shows the other brands' counts). Exported for the benchmark, which runs the same SQL through pg.
import { PRICE_RANGES, queryTerms, RATING_FLOORS, type FacetName, type SearchQuery } from '../biz/search-query.js';
import { empty, join, raw, sql, type Sql } from './sql-fragment.js';

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

function textMatch(q: SearchQuery): { where: Sql; score: Sql } {
  if (q.text === '') return { where: empty, score: raw('0') };
  const terms = queryTerms(q.text);
  // Every word as a prefix (`mug` finds `mugs`), all required; similarity catches what typos keep from matching.
  const tsquery = terms.length > 0 ? sql`to_tsquery('simple', ${terms.map((t) => `${t}:*`).join(' & ')})` : null;
  const fullText = tsquery ? sql`p.document @@ ${tsquery} OR ` : empty;
  const rank = tsquery ? sql`ts_rank(p.document, ${tsquery}) + ` : empty;
  return {
    where: sql` AND (${fullText}p.name % ${q.text} OR ${q.text} <% p.name)`,
    score: sql`(${rank}word_similarity(${q.text}, p.name))`,
  };
}

export function buildSearchSql(q: SearchQuery): Sql {
  const filters = filtersOf(q);
  const text = textMatch(q);
  const ctes: Sql[] = [];
  if (q.categoryId) {
    ctes.push(sql`subtree(id) AS (SELECT ${q.categoryId}::uuid UNION SELECT c.id FROM subtree s JOIN categories c ON c.parent_id = s.id AND NOT c.deleted)`);
  }
  if (q.facets.includes('category')) {
    ctes.push(raw(`tree(ancestor, id) AS (SELECT id, id FROM categories WHERE NOT deleted
      UNION SELECT t.ancestor, c.id FROM tree t JOIN categories c ON c.parent_id = t.id AND NOT c.deleted)`));
  }
  ctes.push(sql`matched AS MATERIALIZED (
    SELECT p.id, p.sku, p.slug, p.name, p.description, p.brand_id, p.brand_name, p.category_id, p.attributes, p.created_at,
           pr.amount_minor AS price, coalesce(s.in_stock, false) AS in_stock,
           coalesce(r.average, 0)::float8 AS rating, coalesce(r.count, 0) AS rating_count, ${text.score}::float8 AS score
    FROM products p
    LEFT JOIN prices pr ON pr.sku = p.sku AND pr.currency = ${q.currency}
    LEFT JOIN stock s ON s.sku = p.sku
    LEFT JOIN ratings r ON r.product_id = p.id
    WHERE p.status = 'active' AND NOT p.deleted${text.where})`);
  ctes.push(sql`hits AS (
    SELECT m.*, row_number() OVER (ORDER BY ${orderBy(q)}) AS position FROM matched m WHERE ${whereAll(filters)}
    ORDER BY ${orderBy(q)} LIMIT ${q.limit} OFFSET ${q.offset})`);
  const facets = q.facets.length === 0 ? raw(`'[]'::json`) : sql`(SELECT coalesce(json_agg(f), '[]'::json) FROM (${join(q.facets.map((name) => facetQuery(name, filters)), ' UNION ALL ')}) f)`;
  return sql`WITH RECURSIVE ${join(ctes, ',\n')}
    SELECT (SELECT coalesce(json_agg(h ORDER BY h.position), '[]'::json) FROM hits h) AS hits,
           (SELECT count(*)::int FROM matched m WHERE ${whereAll(filters)}) AS total,
           ${facets} AS facets`;
}
