//! What the integration tests (`server/main/tests`) reach below the services for: a link or a
//! queued mail made directly, and one clean-up step run on demand. Hidden from the docs; `app`
//! never uses it (`scripts/check-table-owners.sh` keeps it out of `app/src`).

pub use crate::{
    email_codes::prune as prune_email_codes,
    email_tokens::{LinkToken, Purpose, create as create_link, prune as prune_email_tokens},
    mail::outbox::{EXPIRED as OUTBOX_EXPIRED, enqueue, prune as prune_outbox},
    passkeys::ceremony::prune as prune_passkey_ceremonies,
    profile::Profiles,
    session::store::delete_stale as delete_stale_sessions,
};
