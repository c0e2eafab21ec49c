-- Locations, stock items, stock levels and the append-only movement ledger of the warehouse service.
-- Ledger invariant (checked by the tests after every concurrent run, and checkable at any time):
--   for every (sku, location_id): stock_levels.on_hand  = SUM(stock_movements.on_hand_delta)
--                                 stock_levels.reserved = SUM(stock_movements.reserved_delta)
-- Every change of a level writes its movement in the same transaction; movements are never updated or deleted.
-- +goose Up
CREATE TABLE locations (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code       text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
  name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  address    text NOT NULL DEFAULT '' CHECK (char_length(address) <= 500),
  country    text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  -- Lower is preferred by allocation.
  priority   integer NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 1000000),
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT locations_code_key UNIQUE (code)
);

CREATE TABLE stock_items (
  sku                 text PRIMARY KEY CHECK (char_length(sku) BETWEEN 1 AND 100),
  product_id          text NOT NULL DEFAULT '',
  tracked             boolean NOT NULL DEFAULT true,
  backorder_allowed   boolean NOT NULL DEFAULT false,
  low_stock_threshold bigint NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- One row per SKU and location; every use case locks these rows FOR UPDATE in (sku, location_id) order.
CREATE TABLE stock_levels (
  sku         text NOT NULL REFERENCES stock_items (sku),
  location_id uuid NOT NULL REFERENCES locations (id),
  on_hand     bigint NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved    bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  incoming    bigint NOT NULL DEFAULT 0 CHECK (incoming >= 0),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sku, location_id)
);

CREATE INDEX stock_levels_location_idx ON stock_levels (location_id);

CREATE TABLE stock_movements (
  id             bigserial PRIMARY KEY,
  sku            text NOT NULL,
  location_id    uuid NOT NULL,
  kind           text NOT NULL,
  on_hand_delta  bigint NOT NULL,
  reserved_delta bigint NOT NULL,
  reason         text NOT NULL DEFAULT '',
  actor          text NOT NULL,
  reference      text NOT NULL DEFAULT '',
  created_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (sku, location_id) REFERENCES stock_levels (sku, location_id),
  -- What each kind may move: only receipts, returns, adjustments, transfers and sales touch on hand.
  CONSTRAINT stock_movements_kind_check CHECK (
    (kind = 'receipt'     AND on_hand_delta > 0  AND reserved_delta = 0) OR
    (kind = 'return'      AND on_hand_delta > 0  AND reserved_delta = 0) OR
    (kind = 'adjustment'  AND on_hand_delta <> 0 AND reserved_delta = 0 AND reason <> '') OR
    (kind = 'transfer'    AND on_hand_delta <> 0 AND reserved_delta = 0) OR
    (kind = 'reservation' AND on_hand_delta = 0  AND reserved_delta > 0) OR
    (kind = 'release'     AND on_hand_delta = 0  AND reserved_delta < 0) OR
    (kind = 'sale'        AND on_hand_delta < 0  AND reserved_delta = on_hand_delta)
  )
);

CREATE INDEX stock_movements_sku_location_idx ON stock_movements (sku, location_id, id);
CREATE INDEX stock_movements_location_idx ON stock_movements (location_id, id);

-- +goose StatementBegin
CREATE FUNCTION stock_movements_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock_movements is append-only';
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION stock_movements_append_only();

CREATE TABLE reservations (
  reference  text PRIMARY KEY CHECK (char_length(reference) BETWEEN 1 AND 200),
  status     text NOT NULL CHECK (status IN ('active', 'committed', 'released', 'expired')),
  country    text NOT NULL DEFAULT '',
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The sweeper reads only active reservations past their time.
CREATE INDEX reservations_active_expiry_idx ON reservations (expires_at) WHERE status = 'active';

-- What a reservation holds where; location_id is NULL for an untracked SKU (nothing counted).
CREATE TABLE reservation_allocations (
  id          bigserial PRIMARY KEY,
  reference   text NOT NULL REFERENCES reservations (reference),
  sku         text NOT NULL REFERENCES stock_items (sku),
  location_id uuid REFERENCES locations (id),
  quantity    bigint NOT NULL CHECK (quantity > 0),
  committed   bigint NOT NULL DEFAULT 0 CHECK (committed >= 0),
  released    bigint NOT NULL DEFAULT 0 CHECK (released >= 0),
  CHECK (committed + released <= quantity),
  CONSTRAINT reservation_allocations_unique UNIQUE NULLS NOT DISTINCT (reference, sku, location_id)
);

-- +goose Down
DROP TABLE reservation_allocations;
DROP TABLE reservations;
DROP TRIGGER stock_movements_append_only ON stock_movements;
DROP FUNCTION stock_movements_append_only();
DROP TABLE stock_movements;
DROP TABLE stock_levels;
DROP TABLE stock_items;
DROP TABLE locations;
