-- Shipments (outbound parcels and return parcels), their lines and tracking history, and per order the
-- quantities ordered: the ledger a shipment may never exceed.
-- +goose Up

-- One row per order: the row every shipment of the order locks (FOR UPDATE), so two concurrent shipments
-- for the same order are checked one after the other.
CREATE TABLE shipping_orders (
  order_id   text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- What the order holds per line, recorded by its first shipment.
CREATE TABLE shipping_order_lines (
  order_id      text NOT NULL REFERENCES shipping_orders (order_id),
  order_line_id text NOT NULL,
  sku           text NOT NULL,
  quantity      integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, order_line_id)
);

CREATE TABLE shipments (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id           text NOT NULL REFERENCES shipping_orders (order_id),
  -- outbound: to the customer; return: back to the warehouse (an RMA), return_of = the outbound shipment.
  direction          text NOT NULL CHECK (direction IN ('outbound', 'return')),
  return_of          uuid REFERENCES shipments (id),
  status             text NOT NULL CHECK (status IN ('pending', 'label_created', 'shipped', 'in_transit', 'delivered', 'returned', 'canceled')),
  option_id          uuid REFERENCES shipping_options (id),
  destination        jsonb NOT NULL,
  weight_grams       bigint NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
  reason             text NOT NULL DEFAULT '',
  -- The caller's retry key: the same reference answers the same shipment.
  reference          text UNIQUE,
  carrier            text NOT NULL DEFAULT '',
  tracking_number    text,
  label_url          text,
  label_created_at   timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((direction = 'return') = (return_of IS NOT NULL))
);

CREATE INDEX shipments_order_idx ON shipments (order_id);
CREATE INDEX shipments_return_of_idx ON shipments (return_of) WHERE return_of IS NOT NULL;
-- The tracking poll reads the parcels a carrier still moves.
CREATE INDEX shipments_tracked_idx ON shipments (label_created_at) WHERE status IN ('label_created', 'shipped', 'in_transit');

CREATE TABLE shipment_lines (
  shipment_id   uuid NOT NULL REFERENCES shipments (id),
  order_line_id text NOT NULL,
  sku           text NOT NULL,
  quantity      integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (shipment_id, order_line_id)
);

-- Every status a shipment reached, with when and why (staff action or carrier scan).
CREATE TABLE shipment_status_history (
  id          bigserial PRIMARY KEY,
  shipment_id uuid NOT NULL REFERENCES shipments (id),
  status      text NOT NULL,
  occurred_at timestamptz NOT NULL,
  description text NOT NULL DEFAULT ''
);

CREATE INDEX shipment_status_history_shipment_idx ON shipment_status_history (shipment_id, id);

-- +goose Down
DROP TABLE shipment_status_history;
DROP TABLE shipment_lines;
DROP TABLE shipments;
DROP TABLE shipping_order_lines;
DROP TABLE shipping_orders;
