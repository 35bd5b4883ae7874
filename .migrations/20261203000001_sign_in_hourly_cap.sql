-- Failed attempts in the current hour, whatever the decay of `failures`: at most 100 an hour
-- per key (ASVS 2.2.1), counted until a correct password clears the row.
ALTER TABLE sign_in_throttle
    ADD COLUMN window_started_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN window_failures int NOT NULL DEFAULT 0;
