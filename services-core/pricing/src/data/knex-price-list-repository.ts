// Price lists in PostgreSQL.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { PriceList, PriceListStatus } from '../biz/price-list.js';
import type { NewPriceList, Page, PriceListChanges, PriceListRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { priceListFromRow, type PriceListRow } from './rows.js';

@injectable()
export class KnexPriceListRepository implements PriceListRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(tx: Transaction, list: NewPriceList): Promise<PriceList> {
    const [row] = await knexTransaction(tx)('price_lists')
      .insert({
        name: list.name,
        type: list.type,
        starts_at: list.startsAt ?? null,
        ends_at: list.endsAt ?? null,
        customer_groups: list.customerGroups,
        countries: list.countries,
        channels: list.channels,
      })
      .returning<PriceListRow[]>('*');
    return priceListFromRow(row!);
  }

  async lock(tx: Transaction, id: string): Promise<PriceList | undefined> {
    const row = await knexTransaction(tx)<PriceListRow>('price_lists').where({ id }).forUpdate().first();
    return row ? priceListFromRow(row) : undefined;
  }

  async update(tx: Transaction, id: string, changes: PriceListChanges): Promise<PriceList> {
    // `in` rather than `!== undefined`: clearing a bound is an explicit undefined, stored as NULL.
    const columns: Record<string, unknown> = { updated_at: knexTransaction(tx).fn.now() };
    if (changes.name !== undefined) columns.name = changes.name;
    if (changes.status !== undefined) columns.status = changes.status;
    if ('startsAt' in changes) columns.starts_at = changes.startsAt ?? null;
    if ('endsAt' in changes) columns.ends_at = changes.endsAt ?? null;
    if (changes.customerGroups !== undefined) columns.customer_groups = changes.customerGroups;
    if (changes.countries !== undefined) columns.countries = changes.countries;
    if (changes.channels !== undefined) columns.channels = changes.channels;
    const [row] = await knexTransaction(tx)('price_lists').where({ id }).update(columns).returning<PriceListRow[]>('*');
    return priceListFromRow(row!);
  }

  async skus(tx: Transaction, id: string): Promise<string[]> {
    const rows = await knexTransaction(tx)('prices').where({ price_list_id: id }).distinct('sku').orderBy('sku');
    return rows.map((r: { sku: string }) => r.sku);
  }

  async get(id: string): Promise<PriceList | undefined> {
    const row = await this.db<PriceListRow>('price_lists').where({ id }).first();
    return row ? priceListFromRow(row) : undefined;
  }

  async list(filter: { status?: PriceListStatus }, page: Page): Promise<{ lists: PriceList[]; total: number }> {
    const query = this.db('price_lists').modify((q) => (filter.status ? q.where({ status: filter.status }) : q));
    const [rows, [count]] = await Promise.all([
      query
        .clone()
        .orderBy([
          { column: 'created_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize)
        .select<PriceListRow[]>('*'),
      query.clone().count<Array<{ count: string }>>({ count: '*' }),
    ]);
    return { lists: rows.map(priceListFromRow), total: Number(count?.count ?? 0) };
  }
}
