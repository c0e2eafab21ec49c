// Products: cached reads, and writes that decide their catalog.product events and make every cached product
// read stale once they have committed.
import type { Page } from '@ecommerce/common/models';
import type { ProductCache } from '../cache/product-cache.js';
import type { ProductRepository } from '../repositories/product-repository.js';
import type { CreateProduct, ListProducts, Product, UpdateProduct } from '../schemas/product.js';
import { changedFields, productEvents, type CatalogUnitOfWork } from './catalog-events.js';

export class ManageProductsUseCase {
  constructor(
    private readonly products: ProductRepository,
    private readonly uow: CatalogUnitOfWork,
    private readonly cache: ProductCache,
  ) {}

  get(id: string): Promise<Product> {
    return this.cache.read('id', id, () => this.products.get(id));
  }

  getBySlug(slug: string): Promise<Product> {
    return this.cache.read('slug', slug, () => this.products.getBySlug(slug));
  }

  list(query: ListProducts): Promise<Page<Product>> {
    return this.cache.read('list', query, () => this.products.list(query));
  }

  async create(input: CreateProduct): Promise<Product> {
    return this.committed(
      this.uow.run(async (tx, events) => {
        const product = await this.products.create(tx, input);
        productEvents.created(events, product);
        return product;
      }),
    );
  }

  /** A patch that names no field changes nothing: no write, no event. */
  async update(id: string, patch: UpdateProduct): Promise<Product> {
    const fields = changedFields(patch);
    if (fields.length === 0) return this.products.get(id);
    return this.committed(
      this.uow.run(async (tx, events) => {
        const product = await this.products.update(tx, id, patch);
        productEvents.updated(events, product, fields);
        return product;
      }),
    );
  }

  /** Soft delete: the product stops being served, its SKU stays reserved. */
  async delete(id: string): Promise<void> {
    await this.committed(
      this.uow.run(async (tx, events) => {
        productEvents.deleted(events, await this.products.softDelete(tx, id));
      }),
    );
  }

  /** Brings a soft-deleted product back; restoring a live product changes nothing and returns it. */
  async restore(id: string): Promise<Product> {
    return this.committed(
      this.uow.run(async (tx, events) => {
        const current = await this.products.getForUpdate(tx, id);
        if (current.deletedAt === null) return current;
        const product = await this.products.restore(tx, id);
        productEvents.restored(events, product);
        return product;
      }),
    );
  }

  /** After the commit, not inside the transaction: bumped earlier, a reader could cache the old rows under the new generation. */
  private async committed<T>(write: Promise<T>): Promise<T> {
    const result = await write;
    await this.cache.invalidate();
    return result;
  }
}
