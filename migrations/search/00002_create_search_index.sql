-- The search index: one row per product as the catalog last described it, and beside it what other services own
-- (prices per currency from pricing, stock from warehouse, ratings from review), each keyed as its events are so
-- any of them may arrive first. Every row keeps the time of the event that wrote it (`source_time`); an upsert
-- only replaces a row with data at least as new, so an older redelivered event never overwrites newer data.
-- +goose Up
-- Trigram matching (typo tolerance). The extension lives in `public` (the catalog creates it there too when the
-- services share a database), hence IF NOT EXISTS and operator classes found through the search_path.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE categories (
  id          uuid PRIMARY KEY,
  parent_id   uuid,
  name        text NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  source_time timestamptz NOT NULL
);
CREATE INDEX categories_parent_idx ON categories (parent_id) WHERE NOT deleted;

CREATE TABLE brands (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  source_time timestamptz NOT NULL
);

CREATE TABLE products (
  id          uuid PRIMARY KEY,
  sku         text NOT NULL,
  slug        text NOT NULL DEFAULT '',
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  brand_id    uuid,
  brand_name  text NOT NULL DEFAULT '',
  category_id uuid,
  -- Attribute values as text, one array per key: {"color": ["blue"], "size": ["M", "L"]}.
  attributes  jsonb NOT NULL DEFAULT '{}',
  status      text NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  source_time timestamptz NOT NULL,
  -- 'simple' configuration: names mix languages and brand words that stemming would mangle.
  document    tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', name), 'A') ||
    setweight(to_tsvector('simple', brand_name), 'B') ||
    setweight(to_tsvector('simple', description), 'C')
  ) STORED,
  CONSTRAINT products_status_check CHECK (status IN ('draft', 'active', 'archived')),
  CONSTRAINT products_attributes_is_object CHECK (jsonb_typeof(attributes) = 'object')
);
-- The text indexes cover every row: PostgreSQL does not choose a partial GIN index for these searches (measured:
-- it scanned the whole table instead), and the visibility check on the few candidates is cheap.
CREATE INDEX products_document_idx ON products USING gin (document);
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops);
-- Browsing without a query reads only what may be shown, newest first.
CREATE INDEX products_visible_created_idx ON products (created_at DESC, id) WHERE status = 'active' AND NOT deleted;
CREATE INDEX products_sku_idx ON products (sku);
CREATE INDEX products_category_idx ON products (category_id);

CREATE TABLE prices (
  sku          text NOT NULL,
  currency     text NOT NULL,
  -- NULL = the price was removed (kept so an older event cannot bring it back).
  amount_minor bigint,
  source_time  timestamptz NOT NULL,
  PRIMARY KEY (sku, currency),
  CONSTRAINT prices_amount_check CHECK (amount_minor IS NULL OR amount_minor >= 0)
);

CREATE TABLE stock (
  sku         text PRIMARY KEY,
  in_stock    boolean NOT NULL,
  source_time timestamptz NOT NULL
);

CREATE TABLE ratings (
  product_id  uuid PRIMARY KEY,
  average     numeric(3, 2) NOT NULL,
  count       integer NOT NULL,
  source_time timestamptz NOT NULL,
  CONSTRAINT ratings_count_check CHECK (count >= 0),
  CONSTRAINT ratings_average_check CHECK (average BETWEEN 0 AND 5)
);

-- +goose Down
DROP TABLE ratings;
DROP TABLE stock;
DROP TABLE prices;
DROP TABLE products;
DROP TABLE brands;
DROP TABLE categories;
