// Coupon codes in PostgreSQL (stored upper-case; the code is the primary key, so uniqueness is the database's).
import { inject, injectable } from 'inversify';
import { withConstraintErrors, type ConstraintErrors, type Knex } from '@ecommerce/common/db';
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { PromotionCode } from '../biz/code.js';
import type { CodeRepository, Page, PageRequest } from '../biz/ports.js';
import type { Promotion } from '../biz/promotion.js';
import { TOKENS } from '../tokens.js';
import { toCode, toPromotion, type CodeRow, type PromotionRow } from './rows.js';

const WRITE_ERRORS: ConstraintErrors = {
  promotion_codes_pkey: () => new AlreadyExistsError('this code exists already', 'code'),
};

@injectable()
export class KnexCodeRepository implements CodeRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(tx: Transaction, code: { code: string; promotionId: string; usageLimit: number; batchId: string | null }): Promise<PromotionCode> {
    const [row] = await withConstraintErrors(WRITE_ERRORS, () =>
      knexTransaction(tx)('promotion_codes')
        .insert({ code: code.code, promotion_id: code.promotionId, usage_limit: code.usageLimit, batch_id: code.batchId })
        .returning<CodeRow[]>('*'),
    );
    return toCode(row!);
  }

  async createMissing(tx: Transaction, codes: string[], promotionId: string, batchId: string): Promise<PromotionCode[]> {
    const rows = await knexTransaction(tx)('promotion_codes')
      .insert(codes.map((code) => ({ code, promotion_id: promotionId, usage_limit: 1, batch_id: batchId })))
      .onConflict('code')
      .ignore()
      .returning<CodeRow[]>('*');
    return rows.map(toCode);
  }

  async get(code: string): Promise<PromotionCode> {
    const row = await this.db('promotion_codes').where({ code }).first<CodeRow | undefined>();
    if (!row) throw new NotFoundError('code', code);
    return toCode(row);
  }

  async findByCodes(codes: string[], tx?: Transaction): Promise<PromotionCode[]> {
    if (codes.length === 0) return [];
    const rows = await (tx ? knexTransaction(tx) : this.db)('promotion_codes').whereIn('code', [...new Set(codes)]);
    return (rows as CodeRow[]).map(toCode);
  }

  async findWithPromotions(codes: string[]): Promise<{ code: PromotionCode; promotion: Promotion }[]> {
    if (codes.length === 0) return [];
    const rows = await this.db('promotion_codes as c')
      .join('promotions as p', 'p.id', 'c.promotion_id')
      .whereIn('c.code', [...new Set(codes)])
      .select<(PromotionRow & { code_row: CodeRow })[]>('p.*', this.db.raw('row_to_json(c) AS code_row'));
    return rows.map((r) => ({ code: toCode({ ...r.code_row, created_at: new Date(r.code_row.created_at) }), promotion: toPromotion(r) }));
  }

  async list(filter: { promotionId: string; batchId?: string }, page: PageRequest): Promise<Page<PromotionCode>> {
    const matching = (q: Knex.QueryBuilder) => {
      q.where('promotion_id', filter.promotionId);
      if (filter.batchId) q.where('batch_id', filter.batchId);
      return q;
    };
    const [count] = await matching(this.db('promotion_codes')).count<{ total: number }[]>({ total: '*' });
    const rows = await matching(this.db('promotion_codes').select('*'))
      .orderBy([{ column: 'created_at' }, { column: 'code' }])
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize);
    return { items: (rows as CodeRow[]).map(toCode), total: Number(count?.total ?? 0) };
  }
}
