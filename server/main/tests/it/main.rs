//! The integration tests, one binary: each module spawns the app (or two instances) against
//! the real services the test command starts (Postgres, MailDev, s3s-fs, the OpenID Connect
//! fake), with a fresh database per test. One binary links Leptos once instead of once per file.

mod support;

mod admin;
mod admin_console;
mod apple;
mod data_export;
mod deletion;
mod email;
mod email_codes;
mod embedded_postgres;
mod foundation;
mod github;
mod google;
mod hardening;
mod languages;
mod microsoft;
mod outbox;
mod passkeys;
mod profile;
mod providers;
mod scale_out;
mod sessions;
mod two_step;
