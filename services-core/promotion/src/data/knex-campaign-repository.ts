// Campaigns in PostgreSQL. Writes run in the unit of work's transaction; the use cases decide the events.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Campaign, CampaignDefinition } from '../biz/campaign.js';
import type { CampaignRepository, Page, PageRequest } from '../biz/ports.js';
import type { ActivationStatus } from '../biz/promotion.js';
import { TOKENS } from '../tokens.js';
import { campaignColumns, toCampaign, type CampaignRow } from './rows.js';

@injectable()
export class KnexCampaignRepository implements CampaignRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(tx: Transaction, definition: CampaignDefinition): Promise<Campaign> {
    const [row] = await knexTransaction(tx)('campaigns').insert(campaignColumns(definition)).returning<CampaignRow[]>('*');
    return toCampaign(row!);
  }

  async update(tx: Transaction, id: string, definition: CampaignDefinition): Promise<Campaign> {
    const trx = knexTransaction(tx);
    const [row] = await trx('campaigns').where({ id }).update({ ...campaignColumns(definition), updated_at: trx.fn.now() }).returning<CampaignRow[]>('*');
    if (!row) throw new NotFoundError('campaign', id);
    return toCampaign(row);
  }

  async setStatus(tx: Transaction, id: string, status: ActivationStatus): Promise<Campaign> {
    const trx = knexTransaction(tx);
    const [row] = await trx('campaigns').where({ id }).update({ status, updated_at: trx.fn.now() }).returning<CampaignRow[]>('*');
    if (!row) throw new NotFoundError('campaign', id);
    return toCampaign(row);
  }

  async get(id: string, tx?: Transaction, lock = false): Promise<Campaign> {
    const query = (tx ? knexTransaction(tx) : this.db)('campaigns').where({ id });
    const row = await (lock ? query.forUpdate() : query).first<CampaignRow | undefined>();
    if (!row) throw new NotFoundError('campaign', id);
    return toCampaign(row);
  }

  async list(page: PageRequest): Promise<Page<Campaign>> {
    const [count] = await this.db('campaigns').count<{ total: number }[]>({ total: '*' });
    const rows = await this.db('campaigns').orderBy([{ column: 'created_at' }, { column: 'id' }]).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
    return { items: (rows as CampaignRow[]).map(toCampaign), total: Number(count?.total ?? 0) };
  }

  async findByIds(ids: string[], tx?: Transaction): Promise<Campaign[]> {
    if (ids.length === 0) return [];
    const rows = await (tx ? knexTransaction(tx) : this.db)('campaigns').whereIn('id', [...new Set(ids)]);
    return (rows as CampaignRow[]).map(toCampaign);
  }
}
