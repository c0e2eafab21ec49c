-- Products. Prices are not here: the pricing service owns them, keyed by SKU.
--
-- SKU and slug stay unique across soft-deleted rows too (plain UNIQUE, not partial indexes): other
-- services keep history keyed by SKU, so a deleted product's SKU is never handed to a new product,
-- and restoring a soft-deleted product can never collide with a newer one.
-- +goose Up
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE products (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sku         text NOT NULL,
  slug        text NOT NULL,
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  brand_id    uuid,
  category_id uuid,
  attributes  jsonb NOT NULL DEFAULT '{}',
  images      jsonb NOT NULL DEFAULT '[]',
  status      text NOT NULL DEFAULT 'draft',
  -- 'simple' configuration: product names mix languages and brand words that stemming would mangle.
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', name || ' ' || description)) STORED,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz,
  CONSTRAINT products_sku_key UNIQUE (sku),
  CONSTRAINT products_slug_key UNIQUE (slug),
  CONSTRAINT products_brand_id_fkey FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE RESTRICT,
  CONSTRAINT products_category_id_fkey FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE RESTRICT,
  CONSTRAINT products_status_check CHECK (status IN ('draft', 'active', 'archived')),
  CONSTRAINT products_attributes_is_object CHECK (jsonb_typeof(attributes) = 'object'),
  CONSTRAINT products_images_is_array CHECK (jsonb_typeof(images) = 'array')
);

-- Listing reads only live rows; partial indexes keep soft-deleted ones out of the way.
CREATE INDEX products_live_created_at_idx ON products (created_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX products_live_category_idx ON products (category_id) WHERE deleted_at IS NULL;
CREATE INDEX products_live_brand_idx ON products (brand_id) WHERE deleted_at IS NULL;
CREATE INDEX products_search_vector_idx ON products USING gin (search_vector);
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops);
CREATE INDEX products_description_trgm_idx ON products USING gin (description gin_trgm_ops);

CREATE TRIGGER products_set_updated_at BEFORE UPDATE ON products
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- +goose Down
DROP TABLE products;
-- pg_trgm lives in the shared public schema and other services' search relies on it: it stays.
