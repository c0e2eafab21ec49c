-- Carts (guest and customer), orders with their lines and status history (DESIGN.md section 11).
-- Money is bigint minor units beside a currency; times are timestamptz (UTC).
-- +goose Up
CREATE TABLE carts (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- NULL for a guest cart, which is reached by its token instead (only its sha256 is kept).
  customer_id         text,
  token_hash          text,
  status              text NOT NULL DEFAULT 'active'
                      CHECK (status IN ('active', 'checking_out', 'converted', 'merged', 'expired')),
  country             text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  currency            text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  coupon_codes        text[] NOT NULL DEFAULT '{}',
  refused_codes       jsonb NOT NULL DEFAULT '[]',
  applied_promotions  jsonb NOT NULL DEFAULT '[]',
  shipping_address    jsonb,
  shipping_options    jsonb NOT NULL DEFAULT '[]',
  shipping_option_id  text,
  shipping_minor      bigint NOT NULL DEFAULT 0,
  shipping_discount_minor bigint NOT NULL DEFAULT 0,
  tax_inclusive       boolean NOT NULL DEFAULT false,
  -- While a checkout holds the cart: another checkout waits until this passes (a crashed one lets go by itself).
  checkout_until      timestamptz,
  expires_at          timestamptz NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((customer_id IS NULL) <> (token_hash IS NULL))
);

-- One open cart per customer: CreateCart answers the existing one.
CREATE UNIQUE INDEX carts_customer_open_idx ON carts (customer_id) WHERE status IN ('active', 'checking_out');
CREATE INDEX carts_expires_at_idx ON carts (expires_at) WHERE status = 'active';

CREATE TABLE cart_lines (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cart_id           uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  sku               text NOT NULL,
  quantity          integer NOT NULL CHECK (quantity BETWEEN 1 AND 999),
  -- Snapshot of pricing and promotion at the last change of the cart.
  unit_price_minor  bigint NOT NULL DEFAULT 0,
  subtotal_minor    bigint NOT NULL DEFAULT 0,
  discount_minor    bigint NOT NULL DEFAULT 0,
  tax_minor         bigint NOT NULL DEFAULT 0,
  total_minor       bigint NOT NULL DEFAULT 0,
  adjustments       jsonb NOT NULL DEFAULT '[]',
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cart_id, sku)
);

CREATE TABLE orders (
  id                  uuid PRIMARY KEY,
  cart_id             uuid NOT NULL REFERENCES carts (id),
  -- The client's key for this checkout: the same key on the same cart answers this order.
  checkout_key        text NOT NULL,
  saga_id             text NOT NULL,
  customer_id         text,
  status              text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'confirmed', 'completed', 'cancelled', 'failed', 'returned')),
  payment_status      text NOT NULL DEFAULT 'none'
                      CHECK (payment_status IN ('none', 'authorized', 'partially_captured', 'captured', 'voided', 'partially_refunded', 'refunded', 'failed')),
  fulfillment_status  text NOT NULL DEFAULT 'unfulfilled'
                      CHECK (fulfillment_status IN ('unfulfilled', 'partially_shipped', 'shipped', 'returned')),
  status_reason       text NOT NULL DEFAULT '',
  currency            text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  country             text NOT NULL,
  shipping_address    jsonb,
  shipping_option_id  text,
  subtotal_minor      bigint NOT NULL,
  discount_minor      bigint NOT NULL,
  shipping_minor      bigint NOT NULL,
  tax_minor           bigint NOT NULL,
  total_minor         bigint NOT NULL CHECK (total_minor >= 0),
  coupon_codes        text[] NOT NULL DEFAULT '{}',
  applied_promotions  jsonb NOT NULL DEFAULT '[]',
  payment_id          text,
  captured_minor      bigint NOT NULL DEFAULT 0,
  refunded_minor      bigint NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cart_id, checkout_key)
);

-- At most one order per cart that is not failed: a second checkout of a placed cart is refused.
CREATE UNIQUE INDEX orders_cart_live_idx ON orders (cart_id) WHERE status <> 'failed';
CREATE INDEX orders_customer_idx ON orders (customer_id, created_at DESC, id DESC);
CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC);

CREATE TABLE order_lines (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id           uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position           integer NOT NULL,
  sku                text NOT NULL,
  quantity           integer NOT NULL CHECK (quantity > 0),
  unit_price_minor   bigint NOT NULL,
  subtotal_minor     bigint NOT NULL,
  discount_minor     bigint NOT NULL,
  tax_minor          bigint NOT NULL,
  total_minor        bigint NOT NULL,
  shipped_quantity   integer NOT NULL DEFAULT 0 CHECK (shipped_quantity BETWEEN 0 AND quantity),
  returned_quantity  integer NOT NULL DEFAULT 0 CHECK (returned_quantity BETWEEN 0 AND shipped_quantity),
  UNIQUE (order_id, position)
);

CREATE TABLE order_status_history (
  id          bigserial PRIMARY KEY,
  order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  field       text NOT NULL CHECK (field IN ('status', 'payment_status', 'fulfillment_status')),
  from_value  text NOT NULL,
  to_value    text NOT NULL,
  actor       text NOT NULL,
  reason      text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, id);

-- +goose Down
DROP TABLE order_status_history;
DROP TABLE order_lines;
DROP TABLE orders;
DROP TABLE cart_lines;
DROP TABLE carts;
