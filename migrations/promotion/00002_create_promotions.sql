-- Campaigns, promotions, coupon codes and checkout usage. Uses are counted on the rows that carry the limits
-- (`uses`, `amount_used_minor`), raised only by conditional updates under row locks, so concurrent checkouts
-- can never count past a limit; `customer_usage` holds the per-customer counters the same way. A limit may be
-- lowered below the uses already counted (staff stopping a promotion early): it then refuses every new use.
-- +goose Up
CREATE TABLE campaigns (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  description         text NOT NULL DEFAULT '',
  status              text NOT NULL DEFAULT 'inactive' CHECK (status IN ('active', 'inactive')),
  starts_at           timestamptz,
  ends_at             timestamptz,
  budget_uses         integer NOT NULL DEFAULT 0 CHECK (budget_uses >= 0),
  budget_amount_minor bigint NOT NULL DEFAULT 0 CHECK (budget_amount_minor >= 0),
  currency            text CHECK (currency ~ '^[A-Z]{3}$'),
  uses_per_customer   integer NOT NULL DEFAULT 0 CHECK (uses_per_customer >= 0),
  uses                integer NOT NULL DEFAULT 0 CHECK (uses >= 0),
  amount_used_minor   bigint NOT NULL DEFAULT 0 CHECK (amount_used_minor >= 0),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT campaigns_window_check CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at),
  CONSTRAINT campaigns_amount_budget_currency_check CHECK (budget_amount_minor = 0 OR currency IS NOT NULL)
);

CREATE TABLE promotions (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id              uuid REFERENCES campaigns (id),
  name                     text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  description              text NOT NULL DEFAULT '',
  status                   text NOT NULL DEFAULT 'inactive' CHECK (status IN ('active', 'inactive')),
  requires_code            boolean NOT NULL,
  discount_type            text NOT NULL CHECK (discount_type IN ('percentage', 'fixed', 'free_shipping', 'buy_x_get_y')),
  target                   text NOT NULL CHECK (target IN ('items', 'shipping', 'order')),
  allocation               text NOT NULL CHECK (allocation IN ('per_item', 'across')),
  percentage_bps           integer NOT NULL DEFAULT 0 CHECK (percentage_bps BETWEEN 0 AND 10000),
  amount_minor             bigint NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
  currency                 text CHECK (currency ~ '^[A-Z]{3}$'),
  max_quantity             integer NOT NULL DEFAULT 0 CHECK (max_quantity >= 0),
  buy_quantity             integer NOT NULL DEFAULT 0 CHECK (buy_quantity >= 0),
  get_quantity             integer NOT NULL DEFAULT 0 CHECK (get_quantity >= 0),
  min_subtotal_minor       bigint NOT NULL DEFAULT 0 CHECK (min_subtotal_minor >= 0),
  product_ids              text[] NOT NULL DEFAULT '{}',
  category_ids             text[] NOT NULL DEFAULT '{}',
  brand_ids                text[] NOT NULL DEFAULT '{}',
  customer_groups          text[] NOT NULL DEFAULT '{}',
  starts_at                timestamptz,
  ends_at                  timestamptz,
  exclusive                boolean NOT NULL DEFAULT false,
  priority                 integer NOT NULL DEFAULT 0,
  usage_limit              integer NOT NULL DEFAULT 0 CHECK (usage_limit >= 0),
  usage_limit_per_customer integer NOT NULL DEFAULT 0 CHECK (usage_limit_per_customer >= 0),
  uses                     integer NOT NULL DEFAULT 0 CHECK (uses >= 0),
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT promotions_window_check CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
);

-- EvaluateCart reads every active automatic promotion on each cart change.
CREATE INDEX promotions_active_automatic_idx ON promotions (priority DESC, id) WHERE status = 'active' AND NOT requires_code;
CREATE INDEX promotions_campaign_idx ON promotions (campaign_id) WHERE campaign_id IS NOT NULL;

CREATE TABLE promotion_codes (
  code         text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{3,64}$'),
  promotion_id uuid NOT NULL REFERENCES promotions (id),
  usage_limit  integer NOT NULL DEFAULT 0 CHECK (usage_limit >= 0),
  uses         integer NOT NULL DEFAULT 0 CHECK (uses >= 0),
  batch_id     uuid,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX promotion_codes_promotion_idx ON promotion_codes (promotion_id, created_at, code);

-- Per-customer uses of a promotion or of a campaign (scope), reserved + committed.
CREATE TABLE customer_usage (
  scope       text NOT NULL CHECK (scope IN ('promotion', 'campaign')),
  scope_id    uuid NOT NULL,
  customer_id text NOT NULL,
  uses        integer NOT NULL CHECK (uses >= 0),
  PRIMARY KEY (scope, scope_id, customer_id)
);

-- One row per checkout reference: the idempotency key of ReserveUsage / CommitUsage / ReleaseUsage.
CREATE TABLE usage_reservations (
  reference   text PRIMARY KEY CHECK (char_length(reference) BETWEEN 1 AND 200),
  customer_id text NOT NULL DEFAULT '',
  status      text NOT NULL CHECK (status IN ('reserved', 'committed', 'released')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE usage_lines (
  reference    text NOT NULL REFERENCES usage_reservations (reference),
  position     integer NOT NULL,
  promotion_id uuid NOT NULL REFERENCES promotions (id),
  campaign_id  uuid REFERENCES campaigns (id),
  code         text REFERENCES promotion_codes (code),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  PRIMARY KEY (reference, position)
);

-- +goose Down
DROP TABLE usage_lines;
DROP TABLE usage_reservations;
DROP TABLE customer_usage;
DROP TABLE promotion_codes;
DROP TABLE promotions;
DROP TABLE campaigns;
