// Shipping zones and their options as the domain sees them, and which zone a destination belongs to.
import { compilePostcodePattern, postcodeMatches } from './postcode-pattern.js';

export const OPTION_KINDS = ['flat', 'weight_tiered', 'pickup'] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];

export interface WeightTier {
  /** Parcels up to this weight, inclusive. */
  maxWeightGrams: number;
  amountMinor: number;
}

export interface ShippingOption {
  id: string;
  zoneId: string;
  name: string;
  kind: OptionKind;
  currency: string;
  /** The price of flat and pickup options; 0 for weight_tiered. */
  amountMinor: number;
  /** weight_tiered only, by maxWeightGrams ascending. */
  weightTiers: WeightTier[];
  /** 0 = never free. */
  freeOverMinor: number;
  minDays: number;
  maxDays: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface Zone {
  id: string;
  name: string;
  countries: string[];
  provinces: string[];
  postcodePatterns: string[];
  active: boolean;
  options: ShippingOption[];
  createdAt: Date;
  updatedAt: Date;
}

export type NewZone = Pick<Zone, 'name' | 'countries' | 'provinces' | 'postcodePatterns'>;
export type ZoneChanges = Partial<Pick<Zone, 'name' | 'countries' | 'provinces' | 'postcodePatterns' | 'active'>>;
export type NewOption = Omit<ShippingOption, 'id' | 'active' | 'createdAt' | 'updatedAt'>;
export type OptionChanges = Partial<Pick<ShippingOption, 'name' | 'amountMinor' | 'weightTiers' | 'freeOverMinor' | 'minDays' | 'maxDays' | 'active'>>;

export interface Destination {
  country: string;
  province: string;
  postcode: string;
}

/** A zone covers a destination when its country is listed and, where set, its province and postcode match. */
export function zoneCovers(zone: Zone, destination: Destination): boolean {
  const country = destination.country.toUpperCase();
  const province = destination.province.trim().toUpperCase();
  if (!zone.countries.includes(country)) return false;
  if (zone.provinces.length > 0 && !zone.provinces.includes(province)) return false;
  if (zone.postcodePatterns.length === 0) return true;
  return zone.postcodePatterns.some((p) => postcodeMatches(compilePostcodePattern(p), destination.postcode));
}

/** A postcode rule is narrower than a province rule, which is narrower than a whole country. */
export function zoneSpecificity(zone: Zone): number {
  return (zone.postcodePatterns.length > 0 ? 2 : 0) + (zone.provinces.length > 0 ? 1 : 0);
}

/**
 * The one zone that serves a destination: among the active zones covering it, the most specific, and among
 * equally specific ones the oldest (so adding a zone never silently takes over an established one).
 */
export function selectZone(zones: Zone[], destination: Destination): Zone | undefined {
  let best: Zone | undefined;
  for (const zone of zones) {
    if (!zone.active || !zoneCovers(zone, destination)) continue;
    if (!best || zoneSpecificity(zone) > zoneSpecificity(best)) best = zone;
    else if (zoneSpecificity(zone) === zoneSpecificity(best) && zone.createdAt < best.createdAt) best = zone;
  }
  return best;
}
