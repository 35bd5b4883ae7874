-- What happened to an account's security, for its owner to see on the security page and for
-- support to find. Written in the transaction of the change; kept 90 days. `detail` never
-- holds a secret, a token or a link.
CREATE TABLE security_events (
    id      bigserial PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind    text NOT NULL,
    at      timestamptz NOT NULL DEFAULT now(),
    ip      inet,
    device  text NOT NULL DEFAULT '',
    detail  text NOT NULL DEFAULT ''
);

CREATE INDEX security_events_user_idx ON security_events (user_id, at DESC);
CREATE INDEX security_events_at_idx ON security_events (at);
