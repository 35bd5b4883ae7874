-- Counting the mails each address got in the last hour (at most 5 are sent).
CREATE INDEX outbox_to_address_idx ON outbox (to_address, created_at);
