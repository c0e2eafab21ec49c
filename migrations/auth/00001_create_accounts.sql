-- Accounts (customer and staff credentials), their MFA recovery codes, and the updated_at trigger function.
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

CREATE TABLE accounts (
  -- A staff account reuses the user service's user id, so one id names the person everywhere.
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email               text NOT NULL,
  type                text NOT NULL,
  -- argon2id PHC string; NULL for an invited staff member who has not set a password yet.
  password_hash       text,
  email_verified_at   timestamptz,
  failed_attempts     integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  -- Base32 TOTP secret; enrolment is pending until mfa_enabled_at is set.
  mfa_secret          text,
  mfa_enabled_at      timestamptz,
  -- Last accepted TOTP time step: a code is accepted once, never replayed.
  mfa_last_step       bigint,
  password_changed_at timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT accounts_type_check CHECK (type IN ('customer', 'staff')),
  CONSTRAINT accounts_failed_attempts_check CHECK (failed_attempts >= 0)
);

-- One account per address whatever its case: Ann@x.com and ann@x.com are the same person.
CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));

CREATE TRIGGER accounts_set_updated_at BEFORE UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE mfa_recovery_codes (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- SHA-256 of the code: codes are random, so a slow hash adds nothing.
  code_hash  text NOT NULL,
  used_at    timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, code_hash)
);

-- +goose Down
DROP TABLE mfa_recovery_codes;
DROP TABLE accounts;
DROP FUNCTION set_updated_at();
