// Categories in PostgreSQL: the flat list, and the writes and tree queries the use cases ask for.
import { withConstraintErrors, type ConstraintErrors } from '@ecommerce/common/db';
import { AlreadyExistsError, FailedPreconditionError, NotFoundError, ValidationError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Knex } from 'knex';
import type { Category, CreateCategory, UpdateCategory } from '../schemas/category.js';
import { definedOnly } from './rows.js';

interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  slug: string;
  description: string;
  position: number;
  created_at: Date;
  updated_at: Date;
}

const WRITE_ERRORS: ConstraintErrors = {
  categories_slug_key: () => new AlreadyExistsError('a category with this slug already exists', 'slug'),
  categories_parent_id_fkey: () => new ValidationError([{ field: 'parentId', message: 'no such category' }]),
  categories_not_own_parent: () =>
    new FailedPreconditionError('a category cannot be its own parent', [{ field: 'parentId', message: 'is the category itself' }]),
};

const DELETE_ERRORS: ConstraintErrors = {
  categories_parent_id_fkey: () => new FailedPreconditionError('the category has subcategories; move or delete them first'),
  products_category_id_fkey: () => new FailedPreconditionError('the category still has products; move them first'),
};

const TREE_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtext('catalog.categories.tree'))";

export class CategoryRepository {
  constructor(private readonly db: Knex) {}

  async list(): Promise<Category[]> {
    const rows = await this.db<CategoryRow>('categories').select('*').orderBy([{ column: 'position' }, { column: 'name' }, { column: 'id' }]);
    return rows.map(toCategory);
  }

  async get(id: string): Promise<Category> {
    const row = await this.db<CategoryRow>('categories').where({ id }).first();
    if (!row) throw new NotFoundError('category', id);
    return toCategory(row);
  }

  /** Writes run in the caller's unit of work; which events they cause is decided by the use case, not here. */
  async create(tx: Transaction, input: CreateCategory): Promise<Category> {
    const [row] = await withConstraintErrors(WRITE_ERRORS, () =>
      knexTransaction(tx)<CategoryRow>('categories')
        .insert({ name: input.name, slug: input.slug, description: input.description, parent_id: input.parentId, position: input.position })
        .returning('*'),
    );
    return toCategory(row!);
  }

  /** Writes the given fields (none: reads the category); a new parent must have passed the tree check in `tx`. */
  async update(tx: Transaction, id: string, patch: UpdateCategory): Promise<Category> {
    const changes = definedOnly({
      name: patch.name,
      slug: patch.slug,
      description: patch.description,
      parent_id: patch.parentId,
      position: patch.position,
    });
    const query = knexTransaction(tx)<CategoryRow>('categories').where({ id });
    const [row] = await withConstraintErrors(WRITE_ERRORS, async () =>
      Object.keys(changes).length > 0 ? query.update(changes).returning('*') : query.select('*'),
    );
    if (!row) throw new NotFoundError('category', id);
    return toCategory(row);
  }

  async delete(tx: Transaction, id: string): Promise<void> {
    const count = await withConstraintErrors(DELETE_ERRORS, () => knexTransaction(tx)('categories').where({ id }).delete());
    if (count === 0) throw new NotFoundError('category', id);
  }

  /** Serialises tree moves until `tx` ends, so two concurrent moves cannot each pass the cycle check and together make a loop. */
  async lockTree(tx: Transaction): Promise<void> {
    await knexTransaction(tx).raw(TREE_LOCK_SQL);
  }

  /** Parent links from `id` up to its root, for the cycle check. Empty when `id` does not exist or is null. */
  ancestorsOf(tx: Transaction, id: string | null): Promise<Map<string, string | null>> {
    return ancestorsOf(knexTransaction(tx), id);
  }
}

async function ancestorsOf(trx: Knex.Transaction, id: string | null): Promise<Map<string, string | null>> {
  if (id === null) return new Map();
  // UNION (not UNION ALL) stops at a repeated row, so even corrupt data cannot make this loop.
  const { rows } = await trx.raw<{ rows: Array<{ id: string; parent_id: string | null }> }>(
    `WITH RECURSIVE chain AS (
       SELECT id, parent_id FROM categories WHERE id = ?
       UNION
       SELECT c.id, c.parent_id FROM categories c JOIN chain ON c.id = chain.parent_id
     )
     SELECT id, parent_id FROM chain`,
    [id],
  );
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    position: row.position,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
