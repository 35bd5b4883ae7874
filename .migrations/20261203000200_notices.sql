-- Only mails a stranger can cause (reset links, verification mails, the confirmation sent to a
-- new address) count against an address's hourly budget; security notices are never dropped.
-- Rows queued by code that does not know the column count, as all rows did before.
ALTER TABLE outbox ADD COLUMN capped boolean NOT NULL DEFAULT true;
UPDATE outbox SET capped = false WHERE link_expires_at IS NULL;
CREATE INDEX outbox_capped_address_idx ON outbox (to_address, created_at) WHERE capped;
DROP INDEX outbox_to_address_idx;

-- "This wasn't me" links, one per notice mail: what the notice was about (its subject) and,
-- for a new sign-in, the device it names.
ALTER TABLE email_tokens DROP CONSTRAINT email_tokens_purpose_check;
ALTER TABLE email_tokens ADD CONSTRAINT email_tokens_purpose_check
    CHECK (purpose IN ('verify', 'reset', 'change', 'not_me'));
ALTER TABLE email_tokens ADD COLUMN device_id uuid, ADD COLUMN notice text;
