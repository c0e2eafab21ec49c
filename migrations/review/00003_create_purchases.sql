-- What the review service learns from other services' events to mark reviews verified: whose an order is
-- (order.order.placed), which SKUs of it were delivered (shipping.shipment.delivered), and which product a
-- SKU is (catalog.product.*). A purchase is a delivered SKU of a customer's order, whichever event came first.
-- +goose Up
CREATE TABLE order_customers (
  order_id    text PRIMARY KEY,
  customer_id text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE delivered_skus (
  order_id   text NOT NULL,
  sku        text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, sku)
);

CREATE TABLE purchases (
  customer_id text NOT NULL,
  sku         text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, sku)
);

CREATE TABLE product_skus (
  product_id uuid PRIMARY KEY,
  sku        text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX product_skus_sku_idx ON product_skus (sku);

-- +goose Down
DROP TABLE product_skus;
DROP TABLE purchases;
DROP TABLE delivered_skus;
DROP TABLE order_customers;
