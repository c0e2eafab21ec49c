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
  // bigint columns: strings or numbers depending on the driver's parser, numbers inside json_agg.
  amount_minor: string | number;
  weight_tiers: WeightTier[];
  free_over_minor: string | number;
  min_days: number;
  max_days: number;
  active: boolean;
  // Dates inside json_agg arrive as ISO strings.
  created_at: Date | string;
  updated_at: Date | string;
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
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
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
