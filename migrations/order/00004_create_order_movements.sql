-- Shipments and returns already applied to an order, by the shipping service's id: the same shipment reported
-- again (another event id, so the inbox cannot tell) changes nothing a second time.
-- +goose Up
CREATE TABLE order_movements (
  order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('shipment', 'return')),
  movement_id text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, kind, movement_id)
);

-- +goose Down
DROP TABLE order_movements;
