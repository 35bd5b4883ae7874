-- Passkeys (WebAuthn discoverable credentials) and the ceremonies that make and use them.
CREATE TABLE passkeys (
    -- The credential id the authenticator chose.
    id bytea PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name text NOT NULL,
    -- webauthn-rs's Passkey: public key, algorithm, signature counter, backup flags.
    passkey jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);
CREATE INDEX passkeys_user_idx ON passkeys (user_id);

-- A started registration or sign-in: its challenge state, single use, 5 minutes, found through
-- the signed `webauthn` cookie, so it may finish on another instance than the one it began on.
CREATE TABLE webauthn_ceremonies (
    id bytea PRIMARY KEY,
    kind text NOT NULL,
    -- The account adding a passkey; NULL for a sign-in (the passkey says whose it is).
    user_id uuid REFERENCES users (id) ON DELETE CASCADE,
    state jsonb NOT NULL,
    next text,
    expires_at timestamptz NOT NULL
);
