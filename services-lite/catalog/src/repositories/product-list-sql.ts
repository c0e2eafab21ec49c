// The SQL of a product list page and of its total, written out rather than built per request: the query builder
// cost more CPU than the database round trips it produced. Column names come only from the sort whitelist.
import { offsetOf } from '@ecommerce/common/models';
import type { ListProducts } from '../schemas/product.js';
import { DEFAULT_PRODUCT_SORT } from '../schemas/product-sort.js';
import { escapeLike } from './rows.js';

export interface Statement {
  sql: string;
  bindings: Array<string | number>;
}

/** Every column but the generated search vector, which is an index aid and not part of the API. */
export const PRODUCT_COLUMNS = [
  'id', 'sku', 'slug', 'name', 'description', 'brand_id', 'category_id',
  'attributes', 'images', 'status', 'created_at', 'updated_at', 'deleted_at',
] as const;

const SELECT_COLUMNS = PRODUCT_COLUMNS.map((c) => `"${c}"`).join(', ');

/** Products of a category and of every category below it. */
export const IN_CATEGORY_SUBTREE_SQL = `category_id IN (
  WITH RECURSIVE subtree AS (
    SELECT id FROM categories WHERE id = ?
    UNION
    SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id
  )
  SELECT id FROM subtree)`;

/** Sortable columns (the schema's whitelist maps API fields onto these). */
const SORT_COLUMNS = new Set(['name', 'sku', 'created_at', 'updated_at']);

export function productListStatements(query: ListProducts): { page: Statement; count: Statement } {
  const where = whereClause(query);
  const order: string[] = [];
  const orderBindings: string[] = [];
  if (!query.sort && query.q) {
    // A text query without an explicit sort lists the closest names first.
    order.push('word_similarity(?, name) DESC');
    orderBindings.push(query.q);
  }
  for (const key of query.sort ?? DEFAULT_PRODUCT_SORT) {
    if (!SORT_COLUMNS.has(key.column)) throw new Error(`not a sortable column: ${key.column}`);
    order.push(`"${key.column}" ${key.direction === 'desc' ? 'DESC' : 'ASC'}`);
  }
  order.push('"id" ASC'); // a total order, so pages never repeat or skip rows
  return {
    page: {
      sql: `SELECT ${SELECT_COLUMNS} FROM "products" WHERE ${where.sql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
      bindings: [...where.bindings, ...orderBindings, query.limit, offsetOf(query)],
    },
    count: { sql: `SELECT count(*) AS "count" FROM "products" WHERE ${where.sql}`, bindings: where.bindings },
  };
}

function whereClause(query: ListProducts): Statement {
  const conditions = [query.deleted ? '"deleted_at" IS NOT NULL' : '"deleted_at" IS NULL'];
  const bindings: string[] = [];
  if (query.category) {
    conditions.push(IN_CATEGORY_SUBTREE_SQL);
    bindings.push(query.category);
  }
  if (query.brand) {
    conditions.push('"brand_id" = ?');
    bindings.push(query.brand);
  }
  if (query.status) {
    conditions.push('"status" = ?');
    bindings.push(query.status);
  }
  if (query.q) {
    // Full-text finds whole words anywhere; the trigram-indexed ILIKE finds fragments ("blu" in "Bluetooth").
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(`(search_vector @@ websearch_to_tsquery('simple', ?) OR name ILIKE ? OR description ILIKE ?)`);
    bindings.push(query.q, pattern, pattern);
  }
  return { sql: conditions.join(' AND '), bindings };
}
