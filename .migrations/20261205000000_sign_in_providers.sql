-- Sign-in providers as data: an attempt in flight names the provider it was started with, so a
-- callback on another provider's route cannot finish it. Attempts started before were Google's.
ALTER TABLE oidc_flows ADD COLUMN provider text NOT NULL DEFAULT 'google';
ALTER TABLE oidc_flows ALTER COLUMN provider DROP DEFAULT;

-- "Google connected" becomes "<provider> connected": the trail keeps one kind per change and
-- names the provider in the detail ("Google: ada@gmail.com").
UPDATE security_events SET kind = 'provider_connected', detail = 'Google: ' || detail
    WHERE kind = 'google_connected';
UPDATE security_events SET kind = 'provider_disconnected', detail = 'Google'
    WHERE kind = 'google_disconnected';
