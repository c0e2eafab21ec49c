-- Tax classes, regions with their rates, and the class of each SKU.
-- +goose Up
CREATE TABLE tax_classes (
  code       text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A SKU never assigned a class is taxed as `standard`.
INSERT INTO tax_classes (code, name) VALUES ('standard', 'Standard rate');

CREATE TABLE tax_regions (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  country            char(2) NOT NULL,
  -- '' = the whole country.
  province           text NOT NULL DEFAULT '',
  name               text NOT NULL,
  prices_include_tax boolean NOT NULL,
  rounding           text NOT NULL DEFAULT 'line' CHECK (rounding IN ('line', 'total')),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tax_regions_place_key UNIQUE (country, province)
);

CREATE TABLE tax_rates (
  id            bigserial PRIMARY KEY,
  tax_region_id uuid NOT NULL REFERENCES tax_regions (id) ON DELETE CASCADE,
  tax_class     text NOT NULL REFERENCES tax_classes (code),
  name          text NOT NULL,
  rate_bps      integer NOT NULL CHECK (rate_bps BETWEEN 0 AND 10000),
  position      integer NOT NULL
);

CREATE INDEX tax_rates_region_idx ON tax_rates (tax_region_id, position);

CREATE TABLE sku_tax_classes (
  sku        text PRIMARY KEY,
  tax_class  text NOT NULL REFERENCES tax_classes (code),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE sku_tax_classes;
DROP TABLE tax_rates;
DROP TABLE tax_regions;
DROP TABLE tax_classes;
