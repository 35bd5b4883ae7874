-- Two-step verification with an authenticator app (RFC 6238) and recovery codes.
CREATE TABLE two_step (
    user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- AES-256-GCM under a key derived from SECRET_KEY, bound to user_id: nonce || ciphertext || tag.
    secret_sealed bytea NOT NULL,
    -- NULL while being set up: on only after a correct code.
    enabled_at timestamptz,
    -- The newest time step a code was accepted for: each code works once.
    last_step bigint NOT NULL DEFAULT 0,
    -- Recovery codes still to be shown once (sealed), until the person says they saved them.
    fresh_codes_sealed bytea,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE recovery_codes (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash bytea NOT NULL,
    used_at timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- A sign-in that passed its first step and waits for a code: not a session.
CREATE TABLE pending_sign_ins (
    id bytea PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    method text NOT NULL,
    next text NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- How each device signed in (password, password+code, google, google+code).
ALTER TABLE sessions ADD COLUMN sign_in_method text NOT NULL DEFAULT 'password';
