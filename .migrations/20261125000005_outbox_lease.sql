-- The outbox worker claims one row at a time with a short lease and commits each outcome on
-- its own, so no transaction stays open across an SMTP exchange and a database error after a
-- send can repeat at most that one mail. A lease that runs out (its worker died mid-send)
-- makes the row claimable again by any instance.
ALTER TABLE outbox ADD COLUMN locked_until timestamptz;
