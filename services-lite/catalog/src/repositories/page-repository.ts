import { withConstraintErrors, type ConstraintErrors } from '@ecommerce/common/db';
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import { offsetOf, type Page } from '@ecommerce/common/models';
import type { Knex } from 'knex';
import { resolvePublication } from '../rules/page-publication.js';
import type { CmsPage, CreatePage, ListPages, UpdatePage } from '../schemas/page.js';
import { definedOnly } from './rows.js';

interface PageRow {
  id: string;
  slug: string;
  title: string;
  body: string;
  status: CmsPage['status'];
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const WRITE_ERRORS: ConstraintErrors = {
  pages_slug_key: () => new AlreadyExistsError('a page with this slug already exists', 'slug'),
};

export class PageRepository {
  constructor(
    private readonly db: Knex,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(query: ListPages): Promise<Page<CmsPage>> {
    const filtered = this.db<PageRow>('pages').modify((qb) => {
      if (query.status) qb.where('status', query.status);
    });
    const [rows, [count]] = await Promise.all([
      filtered.clone().select('*').orderBy([{ column: 'slug' }]).limit(query.limit).offset(offsetOf(query)),
      filtered.clone().count<Array<{ count: number }>>({ count: '*' }),
    ]);
    return { items: (rows as PageRow[]).map(toPage), total: count!.count };
  }

  async get(id: string): Promise<CmsPage> {
    const row = await this.db<PageRow>('pages').where({ id }).first();
    if (!row) throw new NotFoundError('page', id);
    return toPage(row);
  }

  /** What the public may read: published, and its publication time has come (by the database clock). */
  async getPublishedBySlug(slug: string): Promise<CmsPage> {
    const row = await this.db<PageRow>('pages')
      .where({ slug, status: 'published' })
      .where('published_at', '<=', this.db.fn.now())
      .first();
    if (!row) throw new NotFoundError('page', slug);
    return toPage(row);
  }

  async create(input: CreatePage): Promise<CmsPage> {
    const publication = resolvePublication(null, input, this.clock());
    const [row] = await withConstraintErrors(WRITE_ERRORS, () =>
      this.db<PageRow>('pages')
        .insert({ slug: input.slug, title: input.title, body: input.body, status: publication.status, published_at: publication.publishedAt })
        .returning('*'),
    );
    return toPage(row!);
  }

  async update(id: string, patch: UpdatePage): Promise<CmsPage> {
    return withConstraintErrors(WRITE_ERRORS, () =>
      this.db.transaction(async (trx) => {
        // Locked so the publication rule sees the state it is changing, not one a concurrent edit replaced.
        const current = await trx<PageRow>('pages').where({ id }).forUpdate().first();
        if (!current) throw new NotFoundError('page', id);
        const publication = resolvePublication({ status: current.status, publishedAt: current.published_at }, patch, this.clock());
        const changes = definedOnly({ slug: patch.slug, title: patch.title, body: patch.body });
        const [row] = await trx<PageRow>('pages')
          .where({ id })
          .update({ ...changes, status: publication.status, published_at: publication.publishedAt })
          .returning('*');
        return toPage(row!);
      }),
    );
  }

  async delete(id: string): Promise<void> {
    const count = await this.db('pages').where({ id }).delete();
    if (count === 0) throw new NotFoundError('page', id);
  }
}

function toPage(row: PageRow): CmsPage {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    body: row.body,
    status: row.status,
    publishedAt: row.published_at === null ? null : row.published_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
