-- Shipping zones (where a destination belongs) and the options each zone offers, with their rate rules.
-- +goose Up
CREATE TABLE shipping_zones (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name              text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  -- ISO 3166-1 alpha-2, upper case; at least one.
  countries         text[] NOT NULL CHECK (cardinality(countries) >= 1),
  -- Upper case; empty = every province of the countries.
  provinces         text[] NOT NULL DEFAULT '{}',
  -- Validated by biz/postcode-pattern.ts (exact, prefix `AB1*`, range `75000..75999`); empty = every postcode.
  postcode_patterns text[] NOT NULL DEFAULT '{}',
  active            boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX shipping_zones_countries_idx ON shipping_zones USING gin (countries);

CREATE TABLE shipping_options (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zone_id           uuid NOT NULL REFERENCES shipping_zones (id),
  name              text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  kind              text NOT NULL CHECK (kind IN ('flat', 'weight_tiered', 'pickup')),
  currency          char(3) NOT NULL,
  -- flat and pickup: the price; weight_tiered: unused (0), the tiers price it.
  amount_minor      bigint NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
  -- [{ "maxWeightGrams": n, "amountMinor": n }] sorted by maxWeightGrams, for weight_tiered only.
  weight_tiers      jsonb NOT NULL DEFAULT '[]',
  -- 0 = never free; otherwise the price is 0 when the subtotal reaches it.
  free_over_minor   bigint NOT NULL DEFAULT 0 CHECK (free_over_minor >= 0),
  min_days          integer NOT NULL CHECK (min_days >= 0),
  max_days          integer NOT NULL CHECK (max_days >= min_days),
  active            boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX shipping_options_zone_idx ON shipping_options (zone_id);

-- +goose Down
DROP TABLE shipping_options;
DROP TABLE shipping_zones;
