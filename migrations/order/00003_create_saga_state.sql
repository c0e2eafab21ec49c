-- Saga state and step log of @ecommerce/common/saga (template: migrations/README.md).
-- +goose Up
CREATE TABLE saga_instances (
  saga_id     text PRIMARY KEY,
  saga_name   text NOT NULL,
  status      text NOT NULL DEFAULT 'running'
              CHECK (status IN ('running', 'compensating', 'completed', 'compensated', 'failed')),
  input       jsonb NOT NULL,
  -- Why the saga compensated, or why its compensation gave up (status failed).
  error       text,
  -- The orchestrator instance driving the saga: its database session holds an advisory lock on this id,
  -- so when that process dies the lock goes with it and another instance may resume the saga.
  owner_id    integer,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- Start-up resume reads only unfinished sagas; housekeeping prunes finished ones by age.
CREATE INDEX saga_instances_unfinished_idx ON saga_instances (created_at) WHERE status IN ('running', 'compensating');
CREATE INDEX saga_instances_finished_at_idx ON saga_instances (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE saga_steps (
  saga_id    text NOT NULL REFERENCES saga_instances (saga_id) ON DELETE CASCADE,
  step_name  text NOT NULL,
  position   integer NOT NULL,
  -- invoking: called (or about to be) but not known to be done; a resumed saga calls it again with the same key.
  status     text NOT NULL CHECK (status IN ('invoking', 'done', 'failed', 'compensating', 'compensated')),
  output     jsonb,
  error      text,
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (saga_id, step_name)
);

-- +goose Down
DROP TABLE saga_steps;
DROP TABLE saga_instances;
