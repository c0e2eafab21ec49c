// Promotions in PostgreSQL. Writes run in the unit of work's transaction; the use cases decide the events.
import { inject, injectable } from 'inversify';
import { withConstraintErrors, type ConstraintErrors, type Knex } from '@ecommerce/common/db';
import { NotFoundError, ValidationError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Page, PageRequest, PromotionRepository } from '../biz/ports.js';
import type { ActivationStatus, Promotion, PromotionDefinition } from '../biz/promotion.js';
import { TOKENS } from '../tokens.js';
import { promotionColumns, toPromotion, type PromotionRow } from './rows.js';

const WRITE_ERRORS: ConstraintErrors = {
  promotions_campaign_id_fkey: () => new ValidationError([{ field: 'promotion.campaign_id', message: 'no such campaign' }]),
};

@injectable()
export class KnexPromotionRepository implements PromotionRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(tx: Transaction, definition: PromotionDefinition): Promise<Promotion> {
    const [row] = await withConstraintErrors(WRITE_ERRORS, () => knexTransaction(tx)('promotions').insert(promotionColumns(definition)).returning<PromotionRow[]>('*'));
    return toPromotion(row!);
  }

  async update(tx: Transaction, id: string, definition: PromotionDefinition): Promise<Promotion> {
    const trx = knexTransaction(tx);
    const [row] = await withConstraintErrors(WRITE_ERRORS, () =>
      trx('promotions').where({ id }).update({ ...promotionColumns(definition), updated_at: trx.fn.now() }).returning<PromotionRow[]>('*'),
    );
    if (!row) throw new NotFoundError('promotion', id);
    return toPromotion(row);
  }

  async setStatus(tx: Transaction, id: string, status: ActivationStatus): Promise<Promotion> {
    const trx = knexTransaction(tx);
    const [row] = await trx('promotions').where({ id }).update({ status, updated_at: trx.fn.now() }).returning<PromotionRow[]>('*');
    if (!row) throw new NotFoundError('promotion', id);
    return toPromotion(row);
  }

  async get(id: string, tx?: Transaction, lock = false): Promise<Promotion> {
    const query = (tx ? knexTransaction(tx) : this.db)('promotions').where({ id });
    const row = await (lock ? query.forUpdate() : query).first<PromotionRow | undefined>();
    if (!row) throw new NotFoundError('promotion', id);
    return toPromotion(row);
  }

  async list(filter: { status?: ActivationStatus; campaignId?: string }, page: PageRequest): Promise<Page<Promotion>> {
    const matching = (q: Knex.QueryBuilder) => {
      if (filter.status) q.where('status', filter.status);
      if (filter.campaignId) q.where('campaign_id', filter.campaignId);
      return q;
    };
    const [count] = await matching(this.db('promotions')).count<{ total: number }[]>({ total: '*' });
    const rows = await matching(this.db('promotions').select('*'))
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize);
    return { items: (rows as PromotionRow[]).map(toPromotion), total: Number(count?.total ?? 0) };
  }

  async listActiveAutomatic(): Promise<Promotion[]> {
    const rows = await this.db('promotions').where({ status: 'active', requires_code: false }).orderBy([{ column: 'priority', order: 'desc' }, { column: 'id' }]);
    return (rows as PromotionRow[]).map(toPromotion);
  }

  async findByIds(ids: string[], tx?: Transaction): Promise<Promotion[]> {
    if (ids.length === 0) return [];
    const rows = await (tx ? knexTransaction(tx) : this.db)('promotions').whereIn('id', [...new Set(ids)]);
    return (rows as PromotionRow[]).map(toPromotion);
  }
}
