-- Points accounts, the append-only ledger whose sum is the balance, the earned lots that expiry and
-- redemption consume oldest first, checkout redemptions, referrals and the spend that decides the tier.
-- +goose Up
CREATE TABLE accounts (
  customer_id    text PRIMARY KEY CHECK (char_length(customer_id) BETWEEN 1 AND 200),
  -- A cache of SUM(ledger_entries.points), written in the same transaction as every entry; the CHECK is the
  -- last line of defence behind the row lock that serialises an account's changes.
  balance        bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
  referral_code  text NOT NULL,
  referred_by    text REFERENCES accounts (customer_id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT accounts_referral_code_key UNIQUE (referral_code),
  CONSTRAINT accounts_not_self_referred CHECK (referred_by IS NULL OR referred_by <> customer_id)
);

CREATE TABLE ledger_entries (
  id                bigserial PRIMARY KEY,
  customer_id       text NOT NULL REFERENCES accounts (customer_id),
  kind              text NOT NULL CHECK (kind IN ('earn', 'redeem', 'expire', 'reverse', 'adjust')),
  -- Signed: earn > 0; redeem and expire < 0; reverse and adjust either way.
  points            bigint NOT NULL CHECK (points <> 0),
  balance_after     bigint NOT NULL CHECK (balance_after >= 0),
  -- What caused the entry, unique where given: `order:<id>:earn`, `signup`, `redeem:<reference>` ... so an
  -- event delivered twice, or a retried call, writes its entry once.
  dedupe_key        text,
  order_id          text,
  reverses_entry_id bigint REFERENCES ledger_entries (id),
  reason            text NOT NULL DEFAULT '',
  created_at        timestamptz NOT NULL,
  CONSTRAINT ledger_entries_dedupe_key UNIQUE (customer_id, dedupe_key)
);

CREATE INDEX ledger_entries_customer_idx ON ledger_entries (customer_id, id);
CREATE INDEX ledger_entries_order_idx ON ledger_entries (order_id) WHERE order_id IS NOT NULL;

-- Every credit opens a lot with its own expiry; debits take from lots oldest first (FIFO).
CREATE TABLE point_lots (
  id          bigserial PRIMARY KEY,
  customer_id text NOT NULL REFERENCES accounts (customer_id),
  entry_id    bigint NOT NULL REFERENCES ledger_entries (id),
  points      bigint NOT NULL CHECK (points > 0),
  remaining   bigint NOT NULL CHECK (remaining >= 0 AND remaining <= points),
  earned_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);

CREATE INDEX point_lots_open_idx ON point_lots (customer_id, earned_at, id) WHERE remaining > 0;
CREATE INDEX point_lots_due_idx ON point_lots (expires_at) WHERE remaining > 0;

-- Which lots a debit took from, so a released redemption gives the very same points (and expiry) back.
CREATE TABLE lot_consumptions (
  entry_id bigint NOT NULL REFERENCES ledger_entries (id),
  lot_id   bigint NOT NULL REFERENCES point_lots (id),
  points   bigint NOT NULL CHECK (points > 0),
  PRIMARY KEY (entry_id, lot_id)
);

CREATE TABLE redemptions (
  reference       text PRIMARY KEY CHECK (char_length(reference) BETWEEN 1 AND 200),
  customer_id     text NOT NULL REFERENCES accounts (customer_id),
  points          bigint NOT NULL CHECK (points > 0),
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  currency        char(3) NOT NULL,
  status          text NOT NULL CHECK (status IN ('reserved', 'committed', 'released')),
  redeem_entry_id bigint NOT NULL REFERENCES ledger_entries (id),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);

-- Order totals (and refunds, negative) in the program currency: the rolling 12-month sum decides the tier.
CREATE TABLE spend_records (
  id           bigserial PRIMARY KEY,
  customer_id  text NOT NULL REFERENCES accounts (customer_id),
  order_id     text NOT NULL,
  amount_minor bigint NOT NULL,
  dedupe_key   text NOT NULL,
  occurred_at  timestamptz NOT NULL,
  CONSTRAINT spend_records_dedupe_key UNIQUE (dedupe_key)
);

CREATE INDEX spend_records_customer_idx ON spend_records (customer_id, occurred_at);

-- +goose Down
DROP TABLE spend_records;
DROP TABLE redemptions;
DROP TABLE lot_consumptions;
DROP TABLE point_lots;
DROP TABLE ledger_entries;
DROP TABLE accounts;
