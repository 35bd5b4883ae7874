-- Public profile fields, the avatar's object key prefix, and a record of deleted accounts.

ALTER TABLE users
    ADD COLUMN bio        text,
    ADD COLUMN avatar_key text;   -- objects "<avatar_key>-256.jpg" and "<avatar_key>-64.jpg"

CREATE TABLE deleted_users (
    id         uuid PRIMARY KEY,
    email      text NOT NULL,
    deleted_at timestamptz NOT NULL DEFAULT now()
);
