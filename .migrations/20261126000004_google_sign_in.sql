-- Google (OpenID Connect) sign-in: identities linked to accounts, and sign-in attempts in flight.

-- One row per (provider, subject): `sub` is the provider's stable id for a person; the email
-- may change at the provider, so it is kept only to show which account is connected.
CREATE TABLE user_identities (
    provider   text NOT NULL,
    subject    text NOT NULL,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject),
    UNIQUE (user_id, provider)
);

-- An authorization request in flight, keyed by SHA-256 of its `state`. Deleting the row is
-- what makes a state usable once; rows live in Postgres so any instance can finish the flow.
CREATE TABLE oidc_flows (
    state_hash    bytea PRIMARY KEY CHECK (length(state_hash) = 32),
    pkce_verifier text NOT NULL,
    nonce         text NOT NULL,
    next          text NOT NULL,
    link_user_id  uuid REFERENCES users (id) ON DELETE CASCADE,
    expires_at    timestamptz NOT NULL
);

CREATE INDEX oidc_flows_expires_at_idx ON oidc_flows (expires_at);
