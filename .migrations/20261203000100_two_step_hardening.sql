-- Two-step hardening: a set-up key belongs to the device that drew it and lives 10 minutes;
-- code guesses count per account without decay; recovery codes are never kept for display.

-- A key being set up (first set-up, or a new authenticator replacing the current one). One per
-- account: a set-up from another device, or after expires_at, draws a new key.
CREATE TABLE two_step_setups (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    device_id uuid NOT NULL,
    -- Sealed like two_step.secret_sealed.
    secret_sealed bytea NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Unfinished set-ups from before: their keys may have been seen by anyone who had a session.
DELETE FROM two_step WHERE enabled_at IS NULL;

-- Recovery codes are shown once, in the answer that made them.
ALTER TABLE two_step DROP COLUMN fresh_codes_sealed;

-- Wrong codes (app or recovery) in a row, per account. No decay: only a correct code (or an
-- operator's reset) clears the row.
CREATE TABLE code_guesses (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    failures integer NOT NULL,
    locked_until timestamptz
);
