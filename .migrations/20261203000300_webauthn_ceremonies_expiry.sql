-- Expired ceremonies are removed in batches by background work, and the unexpired anonymous
-- ones (sign-ins started, not finished) are counted against a cap: both find rows by expiry.
CREATE INDEX webauthn_ceremonies_expires_idx ON webauthn_ceremonies (expires_at);
