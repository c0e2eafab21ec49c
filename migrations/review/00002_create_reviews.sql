-- Reviews, their helpful votes, and each product's rating over its approved reviews. The rating row is moved in
-- the transaction of the change that moves it (see services-core/review/README.md, "The rating").
-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
-- +goose StatementEnd

CREATE TABLE reviews (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id        uuid NOT NULL,
  -- The auth service's subject of the author.
  customer_id       text NOT NULL,
  rating            smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title             text NOT NULL DEFAULT '' CHECK (char_length(title) <= 150),
  body              text NOT NULL DEFAULT '' CHECK (char_length(body) <= 5000),
  image_urls        text[] NOT NULL DEFAULT '{}' CHECK (cardinality(image_urls) <= 6),
  status            text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'flagged')),
  moderation_reason text NOT NULL DEFAULT '',
  -- Empty when the rules decided.
  moderated_by      text NOT NULL DEFAULT '',
  verified_purchase boolean NOT NULL DEFAULT false,
  helpful_count     integer NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
  reply_body        text CHECK (char_length(reply_body) BETWEEN 1 AND 2000),
  reply_author_id   text,
  reply_created_at  timestamptz,
  reply_updated_at  timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  -- One review per customer per product: a second submission edits the first.
  CONSTRAINT reviews_customer_product_key UNIQUE (customer_id, product_id),
  CONSTRAINT reviews_title_needs_body CHECK (title = '' OR body <> ''),
  CONSTRAINT reviews_reply_complete CHECK ((reply_body IS NULL) = (reply_author_id IS NULL))
);

CREATE TRIGGER reviews_set_updated_at BEFORE UPDATE ON reviews
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A product's public list, whatever the sort, reads only its approved reviews.
CREATE INDEX reviews_product_approved_idx ON reviews (product_id, created_at DESC) WHERE status = 'approved';
-- The moderation queue, oldest first.
CREATE INDEX reviews_status_created_idx ON reviews (status, created_at, id);

-- One helpful vote per customer per review: the primary key is what makes concurrent votes count once.
CREATE TABLE review_votes (
  review_id   uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  customer_id text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (review_id, customer_id)
);

-- Approved reviews only. rating_sum and the five counts are integers, so the average is exact (sum / count).
CREATE TABLE product_ratings (
  product_id   uuid PRIMARY KEY,
  review_count integer NOT NULL DEFAULT 0 CHECK (review_count >= 0),
  rating_sum   bigint NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
  count_1      integer NOT NULL DEFAULT 0 CHECK (count_1 >= 0),
  count_2      integer NOT NULL DEFAULT 0 CHECK (count_2 >= 0),
  count_3      integer NOT NULL DEFAULT 0 CHECK (count_3 >= 0),
  count_4      integer NOT NULL DEFAULT 0 CHECK (count_4 >= 0),
  count_5      integer NOT NULL DEFAULT 0 CHECK (count_5 >= 0),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT product_ratings_count_matches CHECK (review_count = count_1 + count_2 + count_3 + count_4 + count_5),
  CONSTRAINT product_ratings_sum_matches CHECK (rating_sum = count_1 + 2 * count_2 + 3 * count_3 + 4 * count_4 + 5 * count_5)
);

CREATE TRIGGER product_ratings_set_updated_at BEFORE UPDATE ON product_ratings
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- +goose Down
DROP TABLE product_ratings;
DROP TABLE review_votes;
DROP TABLE reviews;
DROP FUNCTION set_updated_at();
