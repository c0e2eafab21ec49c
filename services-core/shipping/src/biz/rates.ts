// Pricing a parcel with a shipping option, and the quote a destination gets. Pure integer arithmetic: prices
// are set in minor units and only compared or chosen, never multiplied, so no rounding ever happens.
import { selectZone, type Destination, type ShippingOption, type Zone } from './zone.js';

/** Upper bound of a parcel weight (100 t), inside JS safe integers. */
export const MAX_WEIGHT_GRAMS = 100_000_000;

export interface Parcel {
  weightGrams: number;
  subtotalMinor: number;
  currency: string;
}

export interface RateQuote {
  optionId: string;
  zoneId: string;
  name: string;
  kind: ShippingOption['kind'];
  amountMinor: number;
  currency: string;
  minDays: number;
  maxDays: number;
}

/**
 * The option's price for the parcel, or undefined when the option cannot carry it: another currency, or a
 * weight above its last tier. Free when the subtotal reaches `freeOverMinor` (if set).
 */
export function priceOption(option: ShippingOption, parcel: Parcel): number | undefined {
  if (!option.active || option.currency !== parcel.currency) return undefined;
  let price = option.amountMinor;
  if (option.kind === 'weight_tiered') {
    const tier = option.weightTiers.find((t) => parcel.weightGrams <= t.maxWeightGrams);
    if (!tier) return undefined;
    price = tier.amountMinor;
  }
  if (option.freeOverMinor > 0 && parcel.subtotalMinor >= option.freeOverMinor) return 0;
  return price;
}

/** The eligible options of the zone serving the destination, cheapest first (then fastest, then by name). */
export function quoteRates(zones: Zone[], destination: Destination, parcel: Parcel): RateQuote[] {
  const zone = selectZone(zones, destination);
  if (!zone) return [];
  const quotes: RateQuote[] = [];
  for (const option of zone.options) {
    const amountMinor = priceOption(option, parcel);
    if (amountMinor === undefined) continue;
    const { id: optionId, name, kind, currency, minDays, maxDays } = option;
    quotes.push({ optionId, zoneId: zone.id, name, kind, amountMinor, currency, minDays, maxDays });
  }
  return quotes.sort((a, b) => a.amountMinor - b.amountMinor || a.minDays - b.minDays || a.name.localeCompare(b.name));
}
