// Products in PostgreSQL: reads with filters, text search and sorting, and the writes the use cases ask for.
import { withConstraintErrors, type ConstraintErrors } from '@ecommerce/common/db';
import { AlreadyExistsError, NotFoundError, ValidationError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Page } from '@ecommerce/common/models';
import type { Knex } from 'knex';
import type { CreateProduct, ListProducts, Product, UpdateProduct } from '../schemas/product.js';
import { PRODUCT_COLUMNS, productListStatements } from './product-list-sql.js';
import { definedOnly } from './rows.js';

interface ProductRow {
  id: string;
  sku: string;
  slug: string;
  name: string;
  description: string;
  brand_id: string | null;
  category_id: string | null;
  attributes: Product['attributes'];
  images: Product['images'];
  status: Product['status'];
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

const COLUMNS: string[] = [...PRODUCT_COLUMNS];

const WRITE_ERRORS: ConstraintErrors = {
  products_sku_key: () => new AlreadyExistsError('a product with this SKU already exists', 'sku'),
  products_slug_key: () => new AlreadyExistsError('a product with this slug already exists', 'slug'),
  products_brand_id_fkey: () => new ValidationError([{ field: 'brandId', message: 'no such brand' }]),
  products_category_id_fkey: () => new ValidationError([{ field: 'categoryId', message: 'no such category' }]),
};

export class ProductRepository {
  constructor(private readonly db: Knex) {}

  /** A live product; soft-deleted ones are not found. */
  async get(id: string): Promise<Product> {
    const row: ProductRow | undefined = await this.live().where({ id }).first(COLUMNS);
    if (!row) throw new NotFoundError('product', id);
    return toProduct(row);
  }

  async getBySlug(slug: string): Promise<Product> {
    const row: ProductRow | undefined = await this.live().where({ slug }).first(COLUMNS);
    if (!row) throw new NotFoundError('product', slug);
    return toProduct(row);
  }

  async list(query: ListProducts): Promise<Page<Product>> {
    const { page, count } = productListStatements(query);
    const [rows, counted] = await Promise.all([
      this.db.raw<{ rows: ProductRow[] }>(page.sql, page.bindings),
      this.db.raw<{ rows: Array<{ count: number }> }>(count.sql, count.bindings),
    ]);
    return { items: rows.rows.map(toProduct), total: counted.rows[0]!.count };
  }

  /** Writes run in the caller's unit of work; which events they cause is decided by the use case, not here. */
  async create(tx: Transaction, input: CreateProduct): Promise<Product> {
    const [row] = await withConstraintErrors(WRITE_ERRORS, () =>
      knexTransaction(tx)<ProductRow>('products')
        .insert({
          sku: input.sku,
          slug: input.slug,
          name: input.name,
          description: input.description,
          brand_id: input.brandId,
          category_id: input.categoryId,
          ...jsonColumns(input),
          status: input.status,
        } as Partial<ProductRow>)
        .returning(COLUMNS),
    );
    return toProduct(row as ProductRow);
  }

  /** `patch` must name at least one field. */
  async update(tx: Transaction, id: string, patch: UpdateProduct): Promise<Product> {
    const changes = definedOnly({
      sku: patch.sku,
      slug: patch.slug,
      name: patch.name,
      description: patch.description,
      brand_id: patch.brandId,
      category_id: patch.categoryId,
      status: patch.status,
      ...jsonColumns(patch),
    });
    const [row] = await withConstraintErrors(WRITE_ERRORS, () =>
      knexTransaction(tx)<ProductRow>('products').whereNull('deleted_at').where({ id }).update(changes as Partial<ProductRow>).returning(COLUMNS),
    );
    if (!row) throw new NotFoundError('product', id);
    return toProduct(row as ProductRow);
  }

  async softDelete(tx: Transaction, id: string): Promise<{ id: string; sku: string; deletedAt: Date }> {
    const trx = knexTransaction(tx);
    const [row] = await trx<ProductRow>('products')
      .whereNull('deleted_at')
      .where({ id })
      .update({ deleted_at: trx.fn.now() as unknown as Date })
      .returning(['id', 'sku', 'deleted_at']);
    if (!row) throw new NotFoundError('product', id);
    return { id: row.id, sku: row.sku, deletedAt: row.deleted_at! };
  }

  /** A product live or soft-deleted, locked until the transaction ends (so a concurrent restore waits). */
  async getForUpdate(tx: Transaction, id: string): Promise<Product> {
    const row: ProductRow | undefined = await knexTransaction(tx)<ProductRow>('products').where({ id }).forUpdate().first(COLUMNS);
    if (!row) throw new NotFoundError('product', id);
    return toProduct(row);
  }

  async restore(tx: Transaction, id: string): Promise<Product> {
    const [row] = await knexTransaction(tx)<ProductRow>('products').where({ id }).update({ deleted_at: null }).returning(COLUMNS);
    if (!row) throw new NotFoundError('product', id);
    return toProduct(row as ProductRow);
  }

  private live() {
    return this.db<ProductRow>('products').whereNull('deleted_at');
  }
}

/** pg would send a JS array as a Postgres array, not JSON; serialise both JSON columns explicitly. */
function jsonColumns(input: { attributes?: Product['attributes'] | undefined; images?: Product['images'] | undefined }) {
  return definedOnly({
    attributes: input.attributes === undefined ? undefined : JSON.stringify(input.attributes),
    images: input.images === undefined ? undefined : JSON.stringify(input.images),
  });
}

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    slug: row.slug,
    name: row.name,
    description: row.description,
    brandId: row.brand_id,
    categoryId: row.category_id,
    attributes: row.attributes,
    images: row.images,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at === null ? null : row.deleted_at.toISOString(),
  };
}
