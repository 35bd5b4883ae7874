-- Identities are keyed by (issuer, subject): a subject is only unique at its issuer, so a
-- changed GOOGLE_ISSUER_URL must never map another provider's subject onto an existing link.
-- Rows made before this carry the constant 'google'; the server adopts them to the configured
-- issuer at start-up (the migration cannot know it).
ALTER TABLE user_identities RENAME COLUMN provider TO issuer;
