-- When the link a queued mail carries stops working: such a mail is dropped instead of sent.
ALTER TABLE outbox ADD COLUMN link_expires_at timestamptz;
-- Bodies of mails that will never be sent hold no live link.
UPDATE outbox SET text_body = '', html_body = '' WHERE failed_at IS NOT NULL;
