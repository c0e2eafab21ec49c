// Builders for test data, all through the real gRPC API as staff: base prices, price lists with their prices,
// tax regions, and a cart calculation with sensible defaults.
import { PriceListType, TaxRounding, type CalculatePricesResponse, type PriceTier } from '@ecommerce/proto/pricing/v1/pricing';
import type { Harness } from './harness.js';

type Tiers = number | Array<Partial<PriceTier>>;

const tiersOf = (tiers: Tiers): PriceTier[] =>
  (typeof tiers === 'number' ? [{ minQuantity: 1, amountMinor: tiers }] : tiers).map((t) => ({ minQuantity: 1, maxQuantity: 0, amountMinor: 0, ...t }));

export async function setBasePrice(h: Harness, sku: string, tiers: Tiers, currency = 'EUR'): Promise<void> {
  await h.call('setBasePrice', { sku, currency, tiers: tiersOf(tiers) });
}

export interface ListSpec {
  type: 'sale' | 'override';
  customerGroups?: string[];
  countries?: string[];
  channels?: string[];
  startTime?: Date;
  endTime?: Date;
  /** false leaves the list in draft. */
  activate?: boolean;
  prices: Array<{ sku: string; tiers: Tiers; currency?: string }>;
}

/** Creates the list, sets its prices and (by default) activates it; returns its id. */
export async function createPriceList(h: Harness, spec: ListSpec): Promise<string> {
  const { priceList } = await h.call('createPriceList', {
    name: `${spec.type} list`,
    type: spec.type === 'sale' ? PriceListType.PRICE_LIST_TYPE_SALE : PriceListType.PRICE_LIST_TYPE_OVERRIDE,
    customerGroups: spec.customerGroups ?? [],
    countries: spec.countries ?? [],
    channels: spec.channels ?? [],
    ...(spec.startTime ? { startTime: spec.startTime } : {}),
    ...(spec.endTime ? { endTime: spec.endTime } : {}),
  });
  const id = priceList!.id;
  for (const price of spec.prices) {
    await h.call('setPriceListPrice', { priceListId: id, sku: price.sku, currency: price.currency ?? 'EUR', tiers: tiersOf(price.tiers) });
  }
  if (spec.activate !== false) await h.call('activatePriceList', { id });
  return id;
}

export async function setTaxRegion(
  h: Harness,
  region: { country: string; province?: string; inclusive: boolean; perTotal?: boolean; rates: Array<{ name: string; rateBps: number; taxClass?: string }> },
): Promise<void> {
  await h.call('setTaxRegion', {
    country: region.country,
    province: region.province ?? '',
    name: `${region.country}${region.province ? `-${region.province}` : ''}`,
    pricesIncludeTax: region.inclusive,
    rounding: region.perTotal ? TaxRounding.TAX_ROUNDING_PER_TOTAL : TaxRounding.TAX_ROUNDING_PER_LINE,
    rates: region.rates.map((r) => ({ taxClass: 'standard', ...r })),
  });
}

export interface CartSpec {
  currency?: string;
  country?: string;
  province?: string;
  customerGroups?: string[];
  channel?: string;
}

/** CalculatePrices as an anonymous caller (anyone may calculate). */
export function calculate(h: Harness, lines: Array<{ sku: string; quantity?: number }>, cart: CartSpec = {}): Promise<CalculatePricesResponse> {
  return h.call(
    'calculatePrices',
    {
      currency: cart.currency ?? 'EUR',
      country: cart.country ?? '',
      province: cart.province ?? '',
      customerGroups: cart.customerGroups ?? [],
      channel: cart.channel ?? '',
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity ?? 1 })),
    },
    null,
  );
}
