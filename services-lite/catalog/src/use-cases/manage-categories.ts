// Categories: writes that keep the tree a tree, decide their catalog.category events, and make cached product
// reads stale where a category filter's answer may have changed.
import type { ProductCache } from '../cache/product-cache.js';
import type { CategoryRepository } from '../repositories/category-repository.js';
import { assertMoveKeepsTree } from '../rules/category-tree.js';
import type { Category, CreateCategory, UpdateCategory } from '../schemas/category.js';
import { categoryEvents, changedFields, type CatalogUnitOfWork } from './catalog-events.js';

export class ManageCategoriesUseCase {
  constructor(
    private readonly categories: CategoryRepository,
    private readonly uow: CatalogUnitOfWork,
    private readonly productCache: ProductCache,
  ) {}

  list(): Promise<Category[]> {
    return this.categories.list();
  }

  get(id: string): Promise<Category> {
    return this.categories.get(id);
  }

  /** A new category has no products yet, so cached product reads stay valid. */
  create(input: CreateCategory): Promise<Category> {
    return this.uow.run(async (tx, events) => {
      const category = await this.categories.create(tx, input);
      categoryEvents.created(events, category);
      return category;
    });
  }

  /** Also a move (a new parentId): checked against the tree in the same transaction as the write. */
  async update(id: string, patch: UpdateCategory): Promise<Category> {
    const fields = changedFields(patch);
    const category = await this.uow.run(async (tx, events) => {
      if (patch.parentId !== undefined) {
        await this.categories.lockTree(tx);
        assertMoveKeepsTree(id, patch.parentId, await this.categories.ancestorsOf(tx, patch.parentId));
      }
      const updated = await this.categories.update(tx, id, patch);
      if (fields.length > 0) categoryEvents.updated(events, updated, fields);
      return updated;
    });
    // A move changes which products a category filter (which includes subcategories) returns.
    await this.productCache.invalidate();
    return category;
  }

  /** Refused while the category has subcategories or products. */
  async delete(id: string): Promise<void> {
    await this.uow.run(async (tx, events) => {
      await this.categories.delete(tx, id);
      categoryEvents.deleted(events, id, new Date());
    });
    await this.productCache.invalidate();
  }
}
