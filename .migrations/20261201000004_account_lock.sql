-- Set by an operator (`accounts-server users lock EMAIL`): no sign-in of any kind until unlocked.
ALTER TABLE users ADD COLUMN locked_at timestamptz;
