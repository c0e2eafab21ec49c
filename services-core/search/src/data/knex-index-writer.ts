// The index's writes in PostgreSQL: each one upsert whose WHERE keeps a stored row that is newer than the entry
// (by source_time), so events applied late or twice, and a rebuild racing the events, never move data backwards.
import { injectable } from 'inversify';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { BrandEntry, CategoryEntry, PriceEntry, ProductEntry, RatingEntry, StockEntry } from '../biz/index-entry.js';
import type { IndexWriter } from '../biz/ports.js';

@injectable()
export class KnexIndexWriter implements IndexWriter {
  async putProduct(tx: Transaction, p: ProductEntry): Promise<void> {
    await knexTransaction(tx).raw(
      `INSERT INTO products AS t (id, sku, slug, name, description, brand_id, brand_name, category_id, attributes, status, deleted, created_at, source_time)
       VALUES (?, ?, ?, ?, ?, ?, coalesce((SELECT name FROM brands WHERE id = ?), ''), ?, ?, ?, false, ?, ?)
       ON CONFLICT (id) DO UPDATE SET
         sku = excluded.sku, slug = excluded.slug, name = excluded.name, description = excluded.description,
         brand_id = excluded.brand_id, brand_name = excluded.brand_name, category_id = excluded.category_id,
         attributes = excluded.attributes, status = excluded.status, deleted = false,
         created_at = excluded.created_at, source_time = excluded.source_time
       WHERE t.source_time <= excluded.source_time`,
      [p.id, p.sku, p.slug, p.name, p.description, p.brandId, p.brandId, p.categoryId, JSON.stringify(p.attributes), p.status, p.createdAt, p.sourceTime],
    );
  }

  async deleteProduct(tx: Transaction, productId: string, at: Date): Promise<void> {
    // A deletion that arrives before the product's creation still leaves a tombstone the older snapshot cannot pass.
    await knexTransaction(tx).raw(
      `INSERT INTO products AS t (id, sku, name, status, deleted, created_at, source_time)
       VALUES (?, '', '', 'archived', true, ?, ?)
       ON CONFLICT (id) DO UPDATE SET deleted = true, source_time = excluded.source_time
       WHERE t.source_time <= excluded.source_time`,
      [productId, at, at],
    );
  }

  async putCategory(tx: Transaction, c: CategoryEntry): Promise<void> {
    await knexTransaction(tx).raw(
      `INSERT INTO categories AS t (id, parent_id, name, deleted, source_time) VALUES (?, ?, ?, false, ?)
       ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name, deleted = false, source_time = excluded.source_time
       WHERE t.source_time <= excluded.source_time`,
      [c.id, c.parentId, c.name, c.sourceTime],
    );
  }

  async deleteCategory(tx: Transaction, categoryId: string, at: Date): Promise<void> {
    await knexTransaction(tx).raw(
      `INSERT INTO categories AS t (id, parent_id, name, deleted, source_time) VALUES (?, NULL, '', true, ?)
       ON CONFLICT (id) DO UPDATE SET deleted = true, source_time = excluded.source_time
       WHERE t.source_time <= excluded.source_time`,
      [categoryId, at],
    );
  }

  async putBrand(tx: Transaction, b: BrandEntry): Promise<void> {
    const db = knexTransaction(tx);
    const { rowCount } = await db.raw(
      `INSERT INTO brands AS t (id, name, source_time) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, source_time = excluded.source_time
       WHERE t.source_time <= excluded.source_time`,
      [b.id, b.name, b.sourceTime],
    );
    // The products' text carries the brand's name (weight B), so a renamed brand is searchable by its new name.
    if (rowCount > 0) await db('products').where({ brand_id: b.id }).whereNot({ brand_name: b.name }).update({ brand_name: b.name });
  }

  async hasBrand(tx: Transaction, brandId: string): Promise<boolean> {
    return (await knexTransaction(tx)('brands').where({ id: brandId }).first('id')) !== undefined;
  }

  async putPrice(tx: Transaction, p: PriceEntry): Promise<void> {
    await knexTransaction(tx).raw(
      `INSERT INTO prices AS t (sku, currency, amount_minor, source_time) VALUES (?, ?, ?, ?)
       ON CONFLICT (sku, currency) DO UPDATE SET amount_minor = excluded.amount_minor, source_time = excluded.source_time
       WHERE t.source_time <= excluded.source_time`,
      [p.sku, p.currency, p.amountMinor, p.sourceTime],
    );
  }

  async putStock(tx: Transaction, s: StockEntry): Promise<void> {
    await knexTransaction(tx).raw(
      `INSERT INTO stock AS t (sku, in_stock, source_time) VALUES (?, ?, ?)
       ON CONFLICT (sku) DO UPDATE SET in_stock = excluded.in_stock, source_time = excluded.source_time
       WHERE t.source_time <= excluded.source_time`,
      [s.sku, s.inStock, s.sourceTime],
    );
  }

  async putRating(tx: Transaction, r: RatingEntry): Promise<void> {
    await knexTransaction(tx).raw(
      `INSERT INTO ratings AS t (product_id, average, count, source_time) VALUES (?, ?, ?, ?)
       ON CONFLICT (product_id) DO UPDATE SET average = excluded.average, count = excluded.count, source_time = excluded.source_time
       WHERE t.source_time <= excluded.source_time`,
      [r.productId, r.average, r.count, r.sourceTime],
    );
  }

  async deleteProductsExcept(tx: Transaction, keep: string[], at: Date): Promise<number> {
    const { rowCount } = await knexTransaction(tx).raw(
      `UPDATE products SET deleted = true, source_time = ?
       WHERE NOT deleted AND source_time < ? AND NOT (id = ANY(?::uuid[]))`,
      [at, at, keep],
    );
    return rowCount as number;
  }
}
