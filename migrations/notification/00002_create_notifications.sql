-- The notification service's own tables: whom it can reach (fed by customer and auth events), whose order a
-- shipment belongs to (shipping events carry only the order), marketing preferences, and one record per
-- notification, whose UNIQUE (event_id, template, channel) makes a redelivered event send nothing new.
-- +goose Up
CREATE TABLE contacts (
  customer_id text PRIMARY KEY,
  email       text,
  phone       text,
  locale      text NOT NULL DEFAULT 'en',
  -- Erased (GDPR): no address is kept and nothing is sent.
  deleted_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_recipients (
  order_id    text PRIMARY KEY,
  customer_id text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE channel_preferences (
  customer_id      text NOT NULL,
  channel          text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  marketing_opt_in boolean NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, channel)
);

CREATE TABLE notifications (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id              text NOT NULL,
  event_type            text NOT NULL,
  template              text NOT NULL,
  channel               text NOT NULL CHECK (channel IN ('email', 'sms', 'push')),
  locale                text NOT NULL,
  recipient_customer_id text,
  recipient_address     text NOT NULL,
  data                  jsonb NOT NULL,
  status                text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts              integer NOT NULL DEFAULT 0,
  next_attempt_at       timestamptz,
  provider_message_id   text,
  last_error            text,
  resend_of             uuid REFERENCES notifications (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  sent_at               timestamptz,
  CONSTRAINT notifications_event_template_channel_key UNIQUE (event_id, template, channel)
);

-- The dispatcher reads only what is due.
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_recipient_idx ON notifications (recipient_customer_id, created_at DESC);
CREATE INDEX notifications_created_idx ON notifications (created_at DESC, id DESC);

-- +goose Down
DROP TABLE notifications;
DROP TABLE channel_preferences;
DROP TABLE order_recipients;
DROP TABLE contacts;
