-- The example aggregate of the notification service (replace with the service's own tables).
-- +goose Up
CREATE TABLE examples (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE examples;
