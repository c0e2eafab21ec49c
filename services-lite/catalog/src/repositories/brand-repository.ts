import { withConstraintErrors, type ConstraintErrors } from '@ecommerce/common/db';
import { AlreadyExistsError, FailedPreconditionError, NotFoundError } from '@ecommerce/common/errors';
import { offsetOf, type Page, type Pagination } from '@ecommerce/common/models';
import type { Knex } from 'knex';
import type { Brand, CreateBrand, UpdateBrand } from '../schemas/brand.js';
import { definedOnly } from './rows.js';

interface BrandRow {
  id: string;
  name: string;
  slug: string;
  description: string;
  created_at: Date;
  updated_at: Date;
}

const WRITE_ERRORS: ConstraintErrors = {
  brands_slug_key: () => new AlreadyExistsError('a brand with this slug already exists', 'slug'),
};

const DELETE_ERRORS: ConstraintErrors = {
  products_brand_id_fkey: () => new FailedPreconditionError('the brand still has products; reassign them first'),
};

export class BrandRepository {
  constructor(private readonly db: Knex) {}

  async list(page: Pagination): Promise<Page<Brand>> {
    const [rows, [count]] = await Promise.all([
      this.db<BrandRow>('brands').select('*').orderBy([{ column: 'name' }, { column: 'id' }]).limit(page.limit).offset(offsetOf(page)),
      this.db('brands').count<Array<{ count: number }>>({ count: '*' }),
    ]);
    return { items: rows.map(toBrand), total: count!.count };
  }

  async get(id: string): Promise<Brand> {
    const row = await this.db<BrandRow>('brands').where({ id }).first();
    if (!row) throw new NotFoundError('brand', id);
    return toBrand(row);
  }

  async create(input: CreateBrand): Promise<Brand> {
    const [row] = await withConstraintErrors(WRITE_ERRORS, () => this.db<BrandRow>('brands').insert(input).returning('*'));
    return toBrand(row!);
  }

  async update(id: string, patch: UpdateBrand): Promise<Brand> {
    const changes = definedOnly(patch);
    if (Object.keys(changes).length === 0) return this.get(id);
    const [row] = await withConstraintErrors(WRITE_ERRORS, () =>
      this.db<BrandRow>('brands').where({ id }).update(changes).returning('*'),
    );
    if (!row) throw new NotFoundError('brand', id);
    return toBrand(row);
  }

  async delete(id: string): Promise<void> {
    const count = await withConstraintErrors(DELETE_ERRORS, () => this.db('brands').where({ id }).delete());
    if (count === 0) throw new NotFoundError('brand', id);
  }
}

function toBrand(row: BrandRow): Brand {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
