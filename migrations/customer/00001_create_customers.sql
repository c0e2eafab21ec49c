-- Customer profiles (id = the auth account id) and their addresses.
-- +goose Up
CREATE TABLE customers (
  id                uuid PRIMARY KEY,
  email             text NOT NULL,
  first_name        text,
  last_name         text,
  phone             text,
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deleted')),
  -- Lifetime spend in minor units of `currency`: an input of the spend-based segments.
  total_spent_minor bigint NOT NULL DEFAULT 0 CHECK (total_spent_minor >= 0),
  currency          char(3) NOT NULL DEFAULT 'EUR',
  registered_at     timestamptz NOT NULL DEFAULT now(),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  deleted_at        timestamptz,
  anonymised_at     timestamptz,
  CONSTRAINT customers_deleted_status CHECK ((status = 'deleted') = (deleted_at IS NOT NULL))
);

CREATE INDEX customers_email_idx ON customers (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX customers_registered_at_idx ON customers (registered_at, id);

CREATE TABLE addresses (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id         uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  label               text,
  recipient           text NOT NULL,
  line1               text NOT NULL,
  line2               text,
  city                text NOT NULL,
  region              text,
  postal_code         text NOT NULL,
  country             char(2) NOT NULL,
  phone               text,
  is_default_shipping boolean NOT NULL DEFAULT false,
  is_default_billing  boolean NOT NULL DEFAULT false,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX addresses_customer_idx ON addresses (customer_id, created_at);
-- The database, not the code, guarantees at most one default of each kind per customer.
CREATE UNIQUE INDEX addresses_one_default_shipping ON addresses (customer_id) WHERE is_default_shipping;
CREATE UNIQUE INDEX addresses_one_default_billing ON addresses (customer_id) WHERE is_default_billing;

-- +goose Down
DROP TABLE addresses;
DROP TABLE customers;
