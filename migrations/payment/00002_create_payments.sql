-- Payments, every provider call made for them, and the provider webhook events already applied.
-- +goose Up
CREATE TABLE payments (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id           text NOT NULL CHECK (char_length(order_id) BETWEEN 1 AND 100),
  customer_id        text NOT NULL DEFAULT '' CHECK (char_length(customer_id) <= 100),
  provider           text NOT NULL,
  -- The client's key of the authorization; a second request with it answers this payment (per provider, like the
  -- provider's own idempotency keys).
  idempotency_key    text NOT NULL,
  -- sha256 of what was asked (order, customer, amount, currency, payment method): the same key with another request is refused.
  request_hash       text NOT NULL,
  status             text NOT NULL DEFAULT 'pending' CHECK (status IN (
    'pending', 'requires_action', 'authorized', 'partially_captured', 'captured', 'canceled', 'failed', 'partially_refunded', 'refunded')),
  currency           char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
  authorized_minor   bigint NOT NULL DEFAULT 0 CHECK (authorized_minor BETWEEN 0 AND amount_minor),
  captured_minor     bigint NOT NULL DEFAULT 0 CHECK (captured_minor BETWEEN 0 AND authorized_minor),
  refunded_minor     bigint NOT NULL DEFAULT 0 CHECK (refunded_minor BETWEEN 0 AND captured_minor),
  provider_reference text,
  failure_code       text NOT NULL DEFAULT '',
  next_action_url    text NOT NULL DEFAULT '',
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payments_provider_idempotency_key_key UNIQUE (provider, idempotency_key),
  CONSTRAINT payments_provider_reference_key UNIQUE (provider, provider_reference)
);

CREATE INDEX payments_order_id_idx ON payments (order_id, created_at);

CREATE TABLE payment_transactions (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  payment_id         uuid NOT NULL REFERENCES payments (id),
  provider           text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('authorize', 'capture', 'void', 'refund')),
  amount_minor       bigint NOT NULL CHECK (amount_minor >= 0),
  outcome            text NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'requires_action', 'error')),
  source             text NOT NULL CHECK (source IN ('api', 'webhook')),
  -- The client's key for api calls; NULL for what a webhook reported.
  idempotency_key    text,
  request_hash       text,
  provider_reference text NOT NULL DEFAULT '',
  failure_code       text NOT NULL DEFAULT '',
  reason             text NOT NULL DEFAULT '',
  created_at         timestamptz NOT NULL DEFAULT now()
);

-- One answered call per client key and provider. A call that never got an answer (outcome `error`) does not hold
-- the key, so a retry with it calls the provider again, which replays by the same key.
CREATE UNIQUE INDEX payment_transactions_provider_idempotency_key_key
  ON payment_transactions (provider, idempotency_key) WHERE idempotency_key IS NOT NULL AND outcome <> 'error';
CREATE INDEX payment_transactions_payment_id_idx ON payment_transactions (payment_id, created_at);

-- Provider webhook events already applied: a redelivered event changes nothing.
CREATE TABLE payment_webhook_events (
  provider    text NOT NULL,
  event_id    text NOT NULL,
  event_type  text NOT NULL,
  payment_id  uuid REFERENCES payments (id),
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, event_id)
);

-- +goose Down
DROP TABLE payment_webhook_events;
DROP TABLE payment_transactions;
DROP TABLE payments;
