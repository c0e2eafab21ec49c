-- Prices, price lists and the price history of the pricing service. Amounts are integer minor units of `currency`.
-- +goose Up
CREATE TABLE price_lists (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  type            text NOT NULL CHECK (type IN ('sale', 'override')),
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active')),
  starts_at       timestamptz,
  ends_at         timestamptz,
  -- Targeting: an empty array matches every customer / country / channel.
  customer_groups text[] NOT NULL DEFAULT '{}',
  countries       text[] NOT NULL DEFAULT '{}',
  channels        text[] NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT price_lists_window_check CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at)
);

CREATE INDEX price_lists_active_idx ON price_lists (id) WHERE status = 'active';
CREATE INDEX price_lists_created_idx ON price_lists (created_at DESC, id);

-- One row per quantity tier; price_list_id NULL = the base price.
CREATE TABLE prices (
  id            bigserial PRIMARY KEY,
  price_list_id uuid REFERENCES price_lists (id) ON DELETE CASCADE,
  sku           text NOT NULL CHECK (char_length(sku) BETWEEN 1 AND 100),
  currency      char(3) NOT NULL,
  min_quantity  integer NOT NULL CHECK (min_quantity >= 1),
  -- NULL = no upper bound.
  max_quantity  integer CHECK (max_quantity IS NULL OR max_quantity >= min_quantity),
  amount_minor  bigint NOT NULL CHECK (amount_minor >= 0),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT prices_tier_key UNIQUE NULLS NOT DISTINCT (sku, currency, price_list_id, min_quantity)
);

CREATE INDEX prices_list_idx ON prices (price_list_id) WHERE price_list_id IS NOT NULL;

-- Written in the same transaction as every change of `prices`.
CREATE TABLE price_history (
  id            bigserial PRIMARY KEY,
  sku           text NOT NULL,
  currency      char(3) NOT NULL,
  price_list_id uuid,
  -- The tiers after the change ([] = removed): [{minQuantity, maxQuantity, amountMinor}].
  tiers         jsonb NOT NULL,
  changed_by    text NOT NULL,
  changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX price_history_sku_idx ON price_history (sku, changed_at DESC, id DESC);

-- What the catalog says about a product's SKU: an archived (or deleted) product's SKU is not priced.
CREATE TABLE catalog_skus (
  product_id text PRIMARY KEY,
  sku        text NOT NULL,
  sellable   boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX catalog_skus_sku_idx ON catalog_skus (sku);

-- +goose Down
DROP TABLE catalog_skus;
DROP TABLE price_history;
DROP TABLE prices;
DROP TABLE price_lists;
