-- Access-token signing keys, in the database so every auth instance signs with and serves the same keys.
-- +goose Up
CREATE TABLE signing_keys (
  kid         text PRIMARY KEY,
  algorithm   text NOT NULL,
  public_jwk  jsonb NOT NULL,
  private_jwk jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- Set when a newer key takes over signing; the key is still served until its last token has expired.
  retired_at  timestamptz
);

-- At most one key signs at a time.
CREATE UNIQUE INDEX signing_keys_one_active_idx ON signing_keys ((true)) WHERE retired_at IS NULL;

-- +goose Down
DROP TABLE signing_keys;
