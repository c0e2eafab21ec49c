// Rows of shipping_zones and shipping_options and their mapping to the domain types.
import type { ShippingOption, WeightTier, Zone } from '../biz/zone.js';

export interface ZoneRow {
  id: string;
  name: string;
  countries: string[];
  provinces: string[];
  postcode_patterns: string[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface OptionRow {
  id: string;
  zone_id: string;
  name: string;
  kind: ShippingOption['kind'];
  currency: string;
  // bigint columns arrive as strings from pg.
  amount_minor: string;
  weight_tiers: WeightTier[];
  free_over_minor: string;
  min_days: number;
  max_days: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export function toOption(row: OptionRow): ShippingOption {
  return {
    id: row.id,
    zoneId: row.zone_id,
    name: row.name,
    kind: row.kind,
    currency: row.currency,
    amountMinor: Number(row.amount_minor),
    weightTiers: row.weight_tiers,
    freeOverMinor: Number(row.free_over_minor),
    minDays: row.min_days,
    maxDays: row.max_days,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toZone(row: ZoneRow, options: ShippingOption[]): Zone {
  return {
    id: row.id,
    name: row.name,
    countries: row.countries,
    provinces: row.provinces,
    postcodePatterns: row.postcode_patterns,
    active: row.active,
    options: options.filter((o) => o.zoneId === row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
