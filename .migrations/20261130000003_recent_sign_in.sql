-- When the device last proved who it is (signed in, or re-confirmed the password or Google):
-- sensitive changes need it within 10 minutes. Renewals carry it over unchanged.
ALTER TABLE sessions ADD COLUMN authenticated_at timestamptz NOT NULL DEFAULT now();
UPDATE sessions SET authenticated_at = created_at;
