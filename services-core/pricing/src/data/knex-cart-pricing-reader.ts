// Reads everything CalculatePrices needs for a cart with four queries run side by side (no transaction: a
// calculation is a read of committed prices, and each query is consistent on its own).
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import type { CartPricingData, CartPricingReader } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { readRegions } from './knex-tax-repository.js';
import { priceListFromRow, type PriceListRow, type PriceTierRow } from './rows.js';

@injectable()
export class KnexCartPricingReader implements CartPricingReader {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async read(skus: readonly string[], currency: string, country: string): Promise<CartPricingData> {
    const skuList = [...skus];
    const [priceRows, listRows, classRows, unsellableRows, regions] = await Promise.all([
      // Base tiers, and tiers of active lists only: drafts never price anything.
      this.db<PriceTierRow>('prices as p')
        .leftJoin('price_lists as l', 'l.id', 'p.price_list_id')
        .whereIn('p.sku', skuList)
        .andWhere('p.currency', currency)
        .andWhere((q) => q.whereNull('p.price_list_id').orWhere('l.status', 'active'))
        .select('p.sku', 'p.price_list_id', 'p.min_quantity', 'p.max_quantity', 'p.amount_minor'),
      this.db<PriceListRow>('price_lists')
        .where({ status: 'active' })
        .whereIn('id', this.db('prices').distinct('price_list_id').whereIn('sku', skuList).andWhere({ currency }).whereNotNull('price_list_id'))
        .select('*'),
      this.db('sku_tax_classes').whereIn('sku', skuList).select('sku', 'tax_class'),
      this.db('catalog_skus').whereIn('sku', skuList).andWhere({ sellable: false }).distinct('sku'),
      country ? readRegions(this.db, country) : Promise.resolve([]),
    ]);
    return {
      prices: priceRows.map((r) => ({
        sku: r.sku,
        priceListId: r.price_list_id ?? undefined,
        minQuantity: r.min_quantity,
        maxQuantity: r.max_quantity ?? undefined,
        amountMinor: Number(r.amount_minor),
      })),
      lists: listRows.map(priceListFromRow),
      taxClassBySku: new Map(classRows.map((r: { sku: string; tax_class: string }) => [r.sku, r.tax_class])),
      unsellableSkus: new Set(unsellableRows.map((r: { sku: string }) => r.sku)),
      regions,
    };
  }
}
