-- Accounts and the sessions that keep them signed in.

CREATE TABLE users (
    id                uuid PRIMARY KEY,
    email             text NOT NULL UNIQUE,            -- normalised: trimmed, lower-cased
    email_verified_at timestamptz,
    username          text,
    display_name      text,
    password_hash     text,                            -- NULL for accounts made through Google
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_email_normalised CHECK (email = lower(btrim(email)))
);

CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- A session is found by the SHA-256 of its token; the token itself is never stored.
-- Renewal inserts a successor row for the same device and retires the old one: during a
-- short grace its hash still resolves to the successor, so concurrent requests all succeed.
CREATE TABLE sessions (
    id            bytea PRIMARY KEY CHECK (length(id) = 32),
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    device_id     uuid NOT NULL,
    user_agent    text NOT NULL DEFAULT '',
    ip            inet,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    replaced_by   bytea,
    retired_until timestamptz
);

CREATE INDEX sessions_user_id_idx ON sessions (user_id);
CREATE INDEX sessions_device_idx ON sessions (user_id, device_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- Consecutive failed sign-ins per account; survives restarts and spans instances.
CREATE TABLE login_throttle (
    user_id      uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    failures     int NOT NULL,
    locked_until timestamptz
);
