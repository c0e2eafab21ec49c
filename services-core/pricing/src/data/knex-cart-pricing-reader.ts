// Reads everything CalculatePrices needs for a cart in three queries run side by side (no transaction: a
// calculation reads committed prices, and each query is consistent on its own). Three, not one per table: every
// query holds a pool connection, and a cart read is the service's hot path.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import type { ApplicableList, CartPricingData, CartPricingReader, PriceRow } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { readRegions } from './knex-tax-repository.js';
import type { PriceListRow, PriceTierRow } from './rows.js';

// Only what selection needs of a list rides along on each of its price rows (every row repeats it).
const LIST_COLUMNS = ['type', 'status', 'starts_at', 'ends_at', 'customer_groups', 'countries', 'channels'] as const;

type PriceWithListRow = Pick<PriceTierRow, 'sku' | 'price_list_id' | 'min_quantity' | 'max_quantity' | 'amount_minor'> & {
  [K in (typeof LIST_COLUMNS)[number] as `list_${K}`]: PriceListRow[K];
};

interface SkuStateRow {
  sku: string;
  tax_class: string | null;
  unsellable: boolean;
}

@injectable()
export class KnexCartPricingReader implements CartPricingReader {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async read(skus: readonly string[], currency: string, country: string): Promise<CartPricingData> {
    const skuList = [...skus];
    const [priceRows, skuStates, regions] = await Promise.all([
      // Base tiers, and tiers of active lists with their list: drafts never price anything.
      this.db('prices as p')
        .leftJoin('price_lists as l', 'l.id', 'p.price_list_id')
        .whereIn('p.sku', skuList)
        .andWhere('p.currency', currency)
        .andWhere((q) => q.whereNull('p.price_list_id').orWhere('l.status', 'active'))
        .select<PriceWithListRow[]>('p.sku', 'p.price_list_id', 'p.min_quantity', 'p.max_quantity', 'p.amount_minor', ...LIST_COLUMNS.map((c) => `l.${c} as list_${c}`)),
      // Per SKU: its tax class and whether the catalog archived or deleted its product.
      this.db
        .select<SkuStateRow[]>(
          's.sku',
          this.db.raw('(SELECT tax_class FROM sku_tax_classes t WHERE t.sku = s.sku) AS tax_class'),
          this.db.raw('EXISTS (SELECT 1 FROM catalog_skus c WHERE c.sku = s.sku AND NOT c.sellable) AS unsellable'),
        )
        .from(this.db.raw('unnest(?::text[]) AS s(sku)', [skuList])),
      country ? readRegions(this.db, country) : Promise.resolve([]),
    ]);
    const prices: PriceRow[] = [];
    const lists = new Map<string, ApplicableList>();
    for (const row of priceRows) {
      prices.push({
        sku: row.sku,
        priceListId: row.price_list_id ?? undefined,
        minQuantity: row.min_quantity,
        maxQuantity: row.max_quantity ?? undefined,
        amountMinor: Number(row.amount_minor),
      });
      if (row.price_list_id && !lists.has(row.price_list_id)) {
        lists.set(row.price_list_id, {
          id: row.price_list_id,
          type: row.list_type,
          status: row.list_status,
          startsAt: row.list_starts_at ?? undefined,
          endsAt: row.list_ends_at ?? undefined,
          customerGroups: row.list_customer_groups,
          countries: row.list_countries,
          channels: row.list_channels,
        });
      }
    }
    return {
      prices,
      lists,
      taxClassBySku: new Map(skuStates.filter((s) => s.tax_class !== null).map((s) => [s.sku, s.tax_class!])),
      unsellableSkus: new Set(skuStates.filter((s) => s.unsellable).map((s) => s.sku)),
      regions,
    };
  }
}
