-- The language of the account's mails: the one its sign-up's request asked for (the `lang`
-- cookie, else Accept-Language), changed whenever its signed-in owner picks another in the
-- footer. Existing accounts get English, what their mails have been in so far.
ALTER TABLE users ADD COLUMN lang text NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'de', 'ja'));
