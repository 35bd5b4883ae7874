-- Sign-in codes sent by mail. One live row per address (asking again ends the previous one);
-- ended rows stay a day so the per-address hourly limit can count them, then the hourly
-- clean-up deletes them.
CREATE TABLE email_codes (
    -- SHA-256 of the random token in the mail's link.
    id           bytea PRIMARY KEY,
    address      text NOT NULL,
    -- NULL: no account had the address; using the code creates one.
    user_id      uuid REFERENCES users (id) ON DELETE CASCADE,
    -- HMAC of the code, under a key derived from SECRET_KEY.
    code_hash    bytea NOT NULL,
    -- SHA-256 of the token in the signed cookie of the browser that asked.
    browser_hash bytea NOT NULL,
    next         text NOT NULL DEFAULT '/',
    -- Checks made against the code (counted before each check).
    attempts     smallint NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    -- Used, replaced by a newer code, or spent by wrong guesses.
    ended_at     timestamptz
);

CREATE INDEX email_codes_address ON email_codes (address, created_at);
CREATE INDEX email_codes_browser ON email_codes (browser_hash) WHERE ended_at IS NULL;
CREATE INDEX email_codes_created ON email_codes (created_at);
