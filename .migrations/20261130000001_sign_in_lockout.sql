-- Failed password attempts per normalised identifier typed (HMAC, never the text), whether or
-- not an account has it, so a locked identifier says nothing about who has an account.
DROP TABLE login_throttle;

CREATE TABLE sign_in_throttle (
    key             bytea PRIMARY KEY CHECK (length(key) = 32),
    failures        int NOT NULL,
    last_failure_at timestamptz NOT NULL,
    locked_until    timestamptz
);

CREATE INDEX sign_in_throttle_last_failure_idx ON sign_in_throttle (last_failure_at);
