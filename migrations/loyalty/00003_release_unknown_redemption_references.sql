-- A release of a reference that reserved nothing leaves a tombstone (status released, no customer), so a reserve
-- of that reference arriving late (a retried call overtaken by the saga's compensation) is refused instead of
-- holding points that no one will ever commit or release.
-- +goose Up
ALTER TABLE redemptions
  ALTER COLUMN customer_id DROP NOT NULL,
  ALTER COLUMN points DROP NOT NULL,
  ALTER COLUMN amount_minor DROP NOT NULL,
  ALTER COLUMN currency DROP NOT NULL,
  ALTER COLUMN redeem_entry_id DROP NOT NULL,
  ADD CONSTRAINT redemptions_tombstone_check CHECK (
    (customer_id IS NOT NULL AND points IS NOT NULL AND amount_minor IS NOT NULL AND currency IS NOT NULL AND redeem_entry_id IS NOT NULL)
    OR (customer_id IS NULL AND points IS NULL AND amount_minor IS NULL AND currency IS NULL AND redeem_entry_id IS NULL AND status = 'released')
  );

-- +goose Down
DELETE FROM redemptions WHERE customer_id IS NULL;
ALTER TABLE redemptions
  DROP CONSTRAINT redemptions_tombstone_check,
  ALTER COLUMN customer_id SET NOT NULL,
  ALTER COLUMN points SET NOT NULL,
  ALTER COLUMN amount_minor SET NOT NULL,
  ALTER COLUMN currency SET NOT NULL,
  ALTER COLUMN redeem_entry_id SET NOT NULL;
