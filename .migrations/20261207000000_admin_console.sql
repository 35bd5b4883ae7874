-- Who may use the admin console: granted and revoked with `accounts-server users grant-admin`.
ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin'));

-- The console's search: a prefix of the address, the username or the display name, any case,
-- newest accounts first (keyset on created_at, id).
CREATE INDEX users_email_prefix ON users (email text_pattern_ops);
CREATE INDEX users_username_prefix ON users (lower(username) text_pattern_ops) WHERE username IS NOT NULL;
CREATE INDEX users_display_name_prefix ON users (lower(display_name) text_pattern_ops) WHERE display_name IS NOT NULL;
CREATE INDEX users_newest ON users (created_at DESC, id DESC);
CREATE INDEX users_admins ON users (id) WHERE role = 'admin';

-- Every action taken from the admin console: who, on whom, what, why. Rows name people by id
-- and by the address they had, so deleting an account keeps its audit. The app only inserts and
-- reads: a trigger refuses any change or deletion, whoever asks.
CREATE TABLE admin_audit (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor_id     uuid NOT NULL,
    actor_email  text NOT NULL,
    action       text NOT NULL,
    target_id    uuid,
    target_email text,
    reason       text NOT NULL,
    request_id   text
);
CREATE INDEX admin_audit_at ON admin_audit (at DESC, id DESC);
CREATE INDEX admin_audit_actor ON admin_audit (actor_email text_pattern_ops, at DESC);
CREATE INDEX admin_audit_target ON admin_audit (target_email text_pattern_ops, at DESC);

CREATE FUNCTION admin_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'admin_audit rows are never changed or deleted';
END;
$$;
CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON admin_audit
    FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_is_append_only();
