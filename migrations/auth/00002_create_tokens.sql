-- Refresh tokens (rotating, by family), single-use tokens (reset, verification, invitation, MFA challenge)
-- and the access-token ids revoked before they expire. Every secret token is stored as its SHA-256 only.
-- +goose Up
CREATE TABLE refresh_tokens (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- A login starts a family; each refresh adds a member and rotates the previous one.
  family_id   uuid NOT NULL,
  token_hash  text NOT NULL,
  expires_at  timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  rotated_at  timestamptz,
  revoked_at  timestamptz,
  CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash)
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_account_idx ON refresh_tokens (account_id);

CREATE TABLE one_time_tokens (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  purpose    text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT one_time_tokens_purpose_check
    CHECK (purpose IN ('password_reset', 'email_verification', 'invitation', 'mfa_challenge'))
);

CREATE INDEX one_time_tokens_account_idx ON one_time_tokens (account_id, purpose);

CREATE TABLE revoked_access_tokens (
  jti        text PRIMARY KEY,
  -- The token's own expiry: after it the row can go, the signature check refuses the token anyway.
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX revoked_access_tokens_expires_idx ON revoked_access_tokens (expires_at);

-- +goose Down
DROP TABLE revoked_access_tokens;
DROP TABLE one_time_tokens;
DROP TABLE refresh_tokens;
