// biz objects <-> ts-proto messages; the only place that knows both.
import * as pb from '@ecommerce/proto/pricing/v1/pricing';
import type { PricedCart } from '../biz/calculate-prices.js';
import type { PriceList, PriceListStatus } from '../biz/price-list.js';
import type { PriceTier } from '../biz/price-tiers.js';
import type { PriceHistoryEntry, StoredPrice } from '../biz/ports.js';
import type { TaxRegion, TaxRounding } from '../biz/tax.js';

export function tierToProto(tier: PriceTier): pb.PriceTier {
  return { minQuantity: tier.minQuantity, maxQuantity: tier.maxQuantity ?? 0, amountMinor: tier.amountMinor };
}

export function basePriceToProto(price: StoredPrice): pb.BasePrice {
  return { sku: price.sku, currency: price.currency, tiers: price.tiers.map(tierToProto), updateTime: price.updatedAt };
}

export function listPriceToProto(price: StoredPrice): pb.PriceListPrice {
  return { sku: price.sku, currency: price.currency, tiers: price.tiers.map(tierToProto) };
}

export function historyEntryToProto(entry: PriceHistoryEntry): pb.PriceHistoryEntry {
  return {
    sku: entry.sku,
    currency: entry.currency,
    priceListId: entry.priceListId ?? '',
    tiers: entry.tiers.map(tierToProto),
    changedBy: entry.changedBy,
    changeTime: entry.changedAt,
  };
}

export const listTypeFromProto = (type: pb.PriceListType) => (type === pb.PriceListType.PRICE_LIST_TYPE_OVERRIDE ? 'override' : 'sale');

const STATUS_TO_PROTO: Record<PriceListStatus, pb.PriceListStatus> = {
  draft: pb.PriceListStatus.PRICE_LIST_STATUS_DRAFT,
  active: pb.PriceListStatus.PRICE_LIST_STATUS_ACTIVE,
};

export function statusFromProto(status: pb.PriceListStatus): PriceListStatus | undefined {
  if (status === pb.PriceListStatus.PRICE_LIST_STATUS_DRAFT) return 'draft';
  return status === pb.PriceListStatus.PRICE_LIST_STATUS_ACTIVE ? 'active' : undefined;
}

export function priceListToProto(list: PriceList, prices: StoredPrice[] = []): pb.PriceList {
  return {
    id: list.id,
    name: list.name,
    type: list.type === 'override' ? pb.PriceListType.PRICE_LIST_TYPE_OVERRIDE : pb.PriceListType.PRICE_LIST_TYPE_SALE,
    status: STATUS_TO_PROTO[list.status],
    startTime: list.startsAt,
    endTime: list.endsAt,
    customerGroups: list.customerGroups,
    countries: list.countries,
    channels: list.channels,
    createTime: list.createdAt,
    updateTime: list.updatedAt,
    prices: prices.map(listPriceToProto),
  };
}

export const roundingFromProto = (rounding: pb.TaxRounding): TaxRounding => (rounding === pb.TaxRounding.TAX_ROUNDING_PER_TOTAL ? 'total' : 'line');

export function taxRegionToProto(region: TaxRegion): pb.TaxRegion {
  return {
    country: region.country,
    province: region.province,
    name: region.name,
    pricesIncludeTax: region.pricesIncludeTax,
    rounding: region.rounding === 'total' ? pb.TaxRounding.TAX_ROUNDING_PER_TOTAL : pb.TaxRounding.TAX_ROUNDING_PER_LINE,
    rates: region.rates,
    updateTime: region.updatedAt,
  };
}

export function pricedCartToProto(cart: PricedCart): pb.CalculatePricesResponse {
  return {
    currency: cart.currency,
    taxInclusive: cart.taxInclusive,
    lines: cart.lines.map((l) => ({
      sku: l.sku,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      originalUnitPriceMinor: l.originalUnitPriceMinor,
      priceListId: l.priceListId,
      subtotalMinor: l.subtotalMinor,
      taxLines: l.taxLines,
      taxMinor: l.taxMinor,
      totalMinor: l.totalMinor,
    })),
    subtotalMinor: cart.subtotalMinor,
    taxMinor: cart.taxMinor,
    totalMinor: cart.totalMinor,
    taxLines: cart.taxLines,
  };
}
