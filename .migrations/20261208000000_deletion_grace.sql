-- "Delete account" with a grace period (ACCOUNT_DELETION_GRACE): the account is unusable from
-- the request on, and deleted for good by the background work once this time has passed,
-- unless its owner signs in and keeps it.
ALTER TABLE users ADD COLUMN deletion_due_at timestamptz;
CREATE INDEX users_deletion_due ON users (deletion_due_at) WHERE deletion_due_at IS NOT NULL;
