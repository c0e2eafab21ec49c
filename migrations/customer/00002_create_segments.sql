-- Rule-based segments: each segment holds rule rows, and a customer belongs to it when every rule matches.
-- Membership (customer_segments) is kept by triggers, re-evaluated whenever an input changes: the customer row,
-- their addresses (country of the default shipping address), or the rules themselves.
-- +goose Up
CREATE TABLE segments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  description text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT segments_name_key UNIQUE (name)
);

CREATE TABLE segment_rules (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  segment_id      uuid NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('shipping_country', 'min_total_spent', 'registered_between')),
  country         char(2),
  min_spent_minor bigint CHECK (min_spent_minor >= 0),
  currency        char(3),
  registered_from timestamptz,
  registered_to   timestamptz,
  CONSTRAINT segment_rules_shape CHECK (
    (kind = 'shipping_country' AND country IS NOT NULL)
    OR (kind = 'min_total_spent' AND min_spent_minor IS NOT NULL AND currency IS NOT NULL)
    OR (kind = 'registered_between' AND (registered_from IS NOT NULL OR registered_to IS NOT NULL))
  )
);

CREATE INDEX segment_rules_segment_idx ON segment_rules (segment_id);

CREATE TABLE customer_segments (
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  segment_id  uuid NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (segment_id, customer_id)
);

CREATE INDEX customer_segments_customer_idx ON customer_segments (customer_id);

-- +goose StatementBegin
CREATE FUNCTION segment_rule_matches(r segment_rules, c customers) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE r.kind
    WHEN 'shipping_country' THEN EXISTS (
      SELECT 1 FROM addresses a WHERE a.customer_id = c.id AND a.is_default_shipping AND a.country = r.country)
    WHEN 'min_total_spent' THEN c.currency = r.currency AND c.total_spent_minor >= r.min_spent_minor
    WHEN 'registered_between' THEN (r.registered_from IS NULL OR c.registered_at >= r.registered_from)
                               AND (r.registered_to IS NULL OR c.registered_at < r.registered_to)
    ELSE false
  END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
-- A segment without rules matches nobody (an empty rule set is a segment being built, not "everyone");
-- deleted customers belong to no segment.
CREATE FUNCTION segment_matches(p_segment uuid, c customers) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT c.deleted_at IS NULL
     AND EXISTS (SELECT 1 FROM segment_rules r WHERE r.segment_id = p_segment)
     AND NOT EXISTS (SELECT 1 FROM segment_rules r WHERE r.segment_id = p_segment AND NOT segment_rule_matches(r, c));
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION refresh_customer_segments(p_customer uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  c customers;
BEGIN
  SELECT * INTO c FROM customers WHERE id = p_customer;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  DELETE FROM customer_segments cs
   WHERE cs.customer_id = p_customer AND NOT segment_matches(cs.segment_id, c);
  INSERT INTO customer_segments (customer_id, segment_id)
  SELECT p_customer, s.id FROM segments s WHERE segment_matches(s.id, c)
  ON CONFLICT DO NOTHING;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION refresh_segment_members(p_segment uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customer_segments cs
   USING customers c
   WHERE cs.segment_id = p_segment AND c.id = cs.customer_id AND NOT segment_matches(p_segment, c);
  INSERT INTO customer_segments (customer_id, segment_id)
  SELECT c.id, p_segment FROM customers c WHERE segment_matches(p_segment, c)
  ON CONFLICT DO NOTHING;
END;
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION customers_segments_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_customer_segments(NEW.id);
  RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER customers_segments AFTER INSERT OR UPDATE OF total_spent_minor, currency, registered_at, deleted_at
  ON customers FOR EACH ROW EXECUTE FUNCTION customers_segments_trigger();

-- +goose StatementBegin
CREATE FUNCTION addresses_segments_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM refresh_customer_segments(OLD.customer_id);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.customer_id <> OLD.customer_id) THEN
    PERFORM refresh_customer_segments(NEW.customer_id);
  END IF;
  RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER addresses_segments AFTER INSERT OR UPDATE OR DELETE ON addresses
  FOR EACH ROW EXECUTE FUNCTION addresses_segments_trigger();

-- +goose StatementBegin
CREATE FUNCTION segment_rules_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM refresh_segment_members(OLD.segment_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM refresh_segment_members(NEW.segment_id);
  END IF;
  RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER segment_rules_segments AFTER INSERT OR UPDATE OR DELETE ON segment_rules
  FOR EACH ROW EXECUTE FUNCTION segment_rules_trigger();

-- +goose Down
DROP TRIGGER segment_rules_segments ON segment_rules;
DROP FUNCTION segment_rules_trigger();
DROP TRIGGER addresses_segments ON addresses;
DROP FUNCTION addresses_segments_trigger();
DROP TRIGGER customers_segments ON customers;
DROP FUNCTION customers_segments_trigger();
DROP FUNCTION refresh_segment_members(uuid);
DROP FUNCTION refresh_customer_segments(uuid);
DROP FUNCTION segment_matches(uuid, customers);
DROP FUNCTION segment_rule_matches(segment_rules, customers);
DROP TABLE customer_segments;
DROP TABLE segment_rules;
DROP TABLE segments;
