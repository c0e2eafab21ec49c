// Tax classes, regions with their rates, and SKU classes in PostgreSQL.
import { inject, injectable } from 'inversify';
import { withConstraintErrors, type Knex } from '@ecommerce/common/db';
import { AlreadyExistsError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { TaxRepository } from '../biz/ports.js';
import type { TaxClass, TaxRegion } from '../biz/tax.js';
import { TOKENS } from '../tokens.js';

interface RegionRow {
  id: string;
  country: string;
  province: string;
  name: string;
  prices_include_tax: boolean;
  rounding: TaxRegion['rounding'];
  updated_at: Date;
}

interface RateRow {
  tax_region_id: string;
  tax_class: string;
  name: string;
  rate_bps: number;
}

@injectable()
export class KnexTaxRepository implements TaxRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async createClass(tx: Transaction, taxClass: TaxClass): Promise<TaxClass> {
    const known = { tax_classes_pkey: () => new AlreadyExistsError(`tax class ${taxClass.code} already exists`, 'code') };
    await withConstraintErrors(known, () => knexTransaction(tx)('tax_classes').insert({ code: taxClass.code, name: taxClass.name }));
    return taxClass;
  }

  async listClasses(): Promise<TaxClass[]> {
    return this.db('tax_classes').orderBy('code').select('code', 'name');
  }

  async existingClasses(tx: Transaction, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await knexTransaction(tx)('tax_classes').whereIn('code', [...new Set(codes)]).select('code');
    return new Set(rows.map((r: { code: string }) => r.code));
  }

  async assignClass(tx: Transaction, sku: string, taxClass: string): Promise<void> {
    await knexTransaction(tx)('sku_tax_classes')
      .insert({ sku, tax_class: taxClass })
      .onConflict('sku')
      .merge({ tax_class: taxClass, updated_at: knexTransaction(tx).fn.now() });
  }

  async saveRegion(tx: Transaction, region: Omit<TaxRegion, 'updatedAt'>): Promise<TaxRegion> {
    const trx = knexTransaction(tx);
    const columns = { name: region.name, prices_include_tax: region.pricesIncludeTax, rounding: region.rounding, updated_at: trx.fn.now() };
    const [row] = await trx('tax_regions')
      .insert({ country: region.country, province: region.province, ...columns })
      .onConflict(['country', 'province'])
      .merge(columns)
      .returning<RegionRow[]>('*');
    await trx('tax_rates').where({ tax_region_id: row!.id }).delete();
    if (region.rates.length > 0) {
      await trx('tax_rates').insert(region.rates.map((r, position) => ({ tax_region_id: row!.id, tax_class: r.taxClass, name: r.name, rate_bps: r.rateBps, position })));
    }
    return regionFromRows(row!, region.rates.map((r) => ({ tax_region_id: row!.id, tax_class: r.taxClass, name: r.name, rate_bps: r.rateBps })));
  }

  async listRegions(): Promise<TaxRegion[]> {
    return readRegions(this.db, undefined);
  }
}

/** Regions (of one country, or all) with their rates in position order, in one query (CalculatePrices' hot path). */
export async function readRegions(db: Knex, country: string | undefined): Promise<TaxRegion[]> {
  const rows: Array<RegionRow & { rate_class: string | null; rate_name: string | null; rate_bps: number | null }> = await db('tax_regions as r')
    .leftJoin('tax_rates as t', 't.tax_region_id', 'r.id')
    .modify((q) => (country === undefined ? q : q.where('r.country', country)))
    .orderBy(['r.country', 'r.province', 't.position'])
    .select('r.*', 't.tax_class as rate_class', 't.name as rate_name', 't.rate_bps');
  const regions = new Map<string, { row: RegionRow; rates: RateRow[] }>();
  for (const row of rows) {
    const entry = regions.get(row.id) ?? { row, rates: [] };
    if (row.rate_name !== null) entry.rates.push({ tax_region_id: row.id, tax_class: row.rate_class!, name: row.rate_name, rate_bps: row.rate_bps! });
    regions.set(row.id, entry);
  }
  return [...regions.values()].map(({ row, rates }) => regionFromRows(row, rates));
}

function regionFromRows(row: RegionRow, rates: RateRow[]): TaxRegion {
  return {
    country: row.country,
    province: row.province,
    name: row.name,
    pricesIncludeTax: row.prices_include_tax,
    rounding: row.rounding,
    rates: rates.map((r) => ({ name: r.name, rateBps: r.rate_bps, taxClass: r.tax_class })),
    updatedAt: row.updated_at,
  };
}
