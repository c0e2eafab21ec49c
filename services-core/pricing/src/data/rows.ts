// Table rows and their mapping to biz objects: the only place that knows column names.
import type { PriceList } from '../biz/price-list.js';
import type { PriceTier } from '../biz/price-tiers.js';

export interface PriceListRow {
  id: string;
  name: string;
  type: PriceList['type'];
  status: PriceList['status'];
  starts_at: Date | null;
  ends_at: Date | null;
  customer_groups: string[];
  countries: string[];
  channels: string[];
  created_at: Date;
  updated_at: Date;
}

export interface PriceTierRow {
  sku: string;
  currency: string;
  price_list_id: string | null;
  min_quantity: number;
  max_quantity: number | null;
  amount_minor: string | number;
  updated_at: Date;
}

export function priceListFromRow(row: PriceListRow): PriceList {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status,
    startsAt: row.starts_at ?? undefined,
    endsAt: row.ends_at ?? undefined,
    customerGroups: row.customer_groups,
    countries: row.countries,
    channels: row.channels,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function tierFromRow(row: Pick<PriceTierRow, 'min_quantity' | 'max_quantity' | 'amount_minor'>): PriceTier {
  return { minQuantity: row.min_quantity, maxQuantity: row.max_quantity ?? undefined, amountMinor: Number(row.amount_minor) };
}

/** The history keeps tiers as JSON; an unbounded tier is stored without maxQuantity. */
export function tiersToJson(tiers: readonly PriceTier[]): string {
  return JSON.stringify(tiers.map((t) => ({ minQuantity: t.minQuantity, ...(t.maxQuantity !== undefined ? { maxQuantity: t.maxQuantity } : {}), amountMinor: t.amountMinor })));
}

export function tiersFromJson(json: Array<{ minQuantity: number; maxQuantity?: number; amountMinor: number }>): PriceTier[] {
  return json.map((t) => ({ minQuantity: t.minQuantity, maxQuantity: t.maxQuantity, amountMinor: t.amountMinor }));
}
