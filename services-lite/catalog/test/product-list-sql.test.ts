// The written-out list SQL: bindings in placeholder order, the default order, and only whitelisted sort columns.
import { describe, expect, it } from 'vitest';
import { productListStatements } from '../src/repositories/product-list-sql.js';
import { listProductsQuery } from '../src/schemas/product.js';

const statements = (query: Record<string, string>) => productListStatements(listProductsQuery.parse(query));
const placeholders = (sql: string) => sql.split('?').length - 1;

describe('productListStatements', () => {
  it('lists live products newest first, with one binding per placeholder', () => {
    const { page, count } = statements({ page: '3', limit: '10' });
    expect(page.sql).toMatch(/WHERE "deleted_at" IS NULL ORDER BY "created_at" DESC, "id" ASC LIMIT \? OFFSET \?$/);
    expect(page.bindings).toEqual([10, 20]);
    expect(count.sql).toBe('SELECT count(*) AS "count" FROM "products" WHERE "deleted_at" IS NULL');
    expect(count.bindings).toEqual([]);
  });

  it('binds every filter and the text query in placeholder order, relevance first without a sort', () => {
    const category = '0b6f1f36-5d5c-4d2f-9b4e-0c7c1c1f2a11';
    const brand = '7d1c9a52-3a5e-4a8e-bb0b-8f3f2a9c4d22';
    const { page, count } = statements({ category, brand, status: 'active', q: '50%' });
    expect(page.bindings).toEqual([category, brand, 'active', '50%', '%50\\%%', '%50\\%%', '50%', 20, 0]);
    expect(placeholders(page.sql)).toBe(page.bindings.length);
    expect(page.sql).toContain('ORDER BY word_similarity(?, name) DESC, "created_at" DESC, "id" ASC');
    expect(count.bindings).toEqual(page.bindings.slice(0, 6));
    expect(placeholders(count.sql)).toBe(count.bindings.length);
  });

  it('orders by the requested keys and lists deleted products when asked', () => {
    const { page } = statements({ sort: '-updated_at,name', deleted: 'true' });
    expect(page.sql).toContain('WHERE "deleted_at" IS NOT NULL ORDER BY "updated_at" DESC, "name" ASC, "id" ASC');
  });

  it('refuses a sort column outside the whitelist', () => {
    const query = { ...listProductsQuery.parse({}), sort: [{ column: 'name; DROP TABLE products', direction: 'asc' as const }] };
    expect(() => productListStatements(query)).toThrow(/not a sortable column/);
  });
});
