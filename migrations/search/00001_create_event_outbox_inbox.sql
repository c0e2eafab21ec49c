-- Transactional outbox and consumer inbox of @ecommerce/common/events (template: migrations/README.md).
-- +goose Up
CREATE TABLE outbox_events (
  id              bigserial PRIMARY KEY,
  event_id        text NOT NULL,
  topic           text NOT NULL,
  event_key       text NOT NULL,
  event_type      text NOT NULL,
  -- The whole CloudEvent (attributes, data as proto-JSON, traceparent of the writing request).
  envelope        jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error      text,
  CONSTRAINT outbox_events_event_id_key UNIQUE (event_id)
);

-- The relay's claim and its per-key order check read only unsent rows.
CREATE INDEX outbox_events_pending_idx ON outbox_events (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_events_pending_key_idx ON outbox_events (topic, event_key, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_events_sent_at_idx ON outbox_events (sent_at) WHERE sent_at IS NOT NULL;

-- +goose StatementBegin
CREATE FUNCTION outbox_events_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Delivered at commit, once per transaction: the relay wakes instead of waiting for its poll.
  PERFORM pg_notify('outbox_' || TG_TABLE_SCHEMA, '');
  RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_events_notify();

CREATE TABLE inbox_events (
  consumer_group text NOT NULL,
  event_id       text NOT NULL,
  event_type     text NOT NULL,
  processed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);

CREATE INDEX inbox_events_processed_at_idx ON inbox_events (processed_at);

-- +goose Down
DROP TABLE inbox_events;
DROP TRIGGER outbox_events_notify ON outbox_events;
DROP FUNCTION outbox_events_notify();
DROP TABLE outbox_events;
