// Products in PostgreSQL: reads with filters, text search and sorting, and the writes the use cases ask for.
import { withConstraintErrors, type ConstraintErrors } from '@ecommerce/common/db';
import { AlreadyExistsError, NotFoundError, ValidationError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import { offsetOf, type Page } from '@ecommerce/common/models';
import type { Knex } from 'knex';
import type { CreateProduct, ListProducts, Product, UpdateProduct } from '../schemas/product.js';
import { DEFAULT_PRODUCT_SORT } from '../schemas/product-sort.js';
import { definedOnly, escapeLike } from './rows.js';

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

/** Every column but the generated search vector, which is an index aid and not part of the API. */
const COLUMNS: string[] = [
  'id', 'sku', 'slug', 'name', 'description', 'brand_id', 'category_id',
  'attributes', 'images', 'status', 'created_at', 'updated_at', 'deleted_at',
];

const WRITE_ERRORS: ConstraintErrors = {
  products_sku_key: () => new AlreadyExistsError('a product with this SKU already exists', 'sku'),
  products_slug_key: () => new AlreadyExistsError('a product with this slug already exists', 'slug'),
  products_brand_id_fkey: () => new ValidationError([{ field: 'brandId', message: 'no such brand' }]),
  products_category_id_fkey: () => new ValidationError([{ field: 'categoryId', message: 'no such category' }]),
};

/** Products of a category and of every category below it. */
const IN_CATEGORY_SUBTREE_SQL = `category_id IN (
  WITH RECURSIVE subtree AS (
    SELECT id FROM categories WHERE id = ?
    UNION
    SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id
  )
  SELECT id FROM subtree)`;

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
    const filtered = this.db<ProductRow>('products').modify((qb) => applyFilters(qb, query));
    const ordered = filtered.clone().select(COLUMNS).limit(query.limit).offset(offsetOf(query));
    applyOrder(ordered, query);
    const [rows, [count]] = await Promise.all([ordered, filtered.clone().count<Array<{ count: number }>>({ count: '*' })]);
    return { items: (rows as ProductRow[]).map(toProduct), total: count!.count };
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

function applyFilters(qb: Knex.QueryBuilder, query: ListProducts): void {
  if (query.deleted) qb.whereNotNull('deleted_at');
  else qb.whereNull('deleted_at');
  if (query.category) qb.whereRaw(IN_CATEGORY_SUBTREE_SQL, [query.category]);
  if (query.brand) qb.where('brand_id', query.brand);
  if (query.status) qb.where('status', query.status);
  if (query.q) {
    const q = query.q;
    const pattern = `%${escapeLike(q)}%`;
    // Full-text finds whole words anywhere; the trigram-indexed ILIKE finds fragments ("blu" in "Bluetooth").
    qb.where((w) =>
      w
        .whereRaw(`search_vector @@ websearch_to_tsquery('simple', ?)`, [q])
        .orWhereRaw('name ILIKE ?', [pattern])
        .orWhereRaw('description ILIKE ?', [pattern]),
    );
  }
}

function applyOrder(qb: Knex.QueryBuilder, query: ListProducts): void {
  if (!query.sort && query.q) {
    // A text query without an explicit sort lists the closest names first.
    qb.orderByRaw('word_similarity(?, name) DESC', [query.q]);
  }
  for (const key of query.sort ?? DEFAULT_PRODUCT_SORT) qb.orderBy(key.column, key.direction);
  qb.orderBy('id', 'asc'); // a total order, so pages never repeat or skip rows
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
