-- The idempotency keys of partial commits. Commit of "everything still held" is idempotent by itself, but two
-- partial shipments of one unit each are two legitimate calls: a retried one (the same `idempotency-key`
-- metadata) must not sell twice. The key is recorded in the commit's own transaction, so the check and the
-- effect cannot come apart.
-- +goose Up
CREATE TABLE reservation_commits (
  reference       text NOT NULL REFERENCES reservations (reference),
  idempotency_key text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
  -- The summed lines of the request, sorted by SKU: the same key with other lines is refused.
  lines           jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reference, idempotency_key)
);

-- +goose Down
DROP TABLE reservation_commits;
