//! Clean-up every instance runs in the background. Each statement deletes only rows nobody can
//! use any more, so instances running it at the same time do no harm.

use std::time::Duration;

use sqlx::PgPool;

use crate::{email_codes, email_tokens, mail::outbox, passkeys, profile::Profiles, session::Sessions, trail};

/// Every 5 minutes, expired passkey ceremonies (they last 5 minutes) and accounts whose
/// deletion grace is over; every hour, stale
/// sessions, security events past their 90 days, links expired over a day ago, sign-in codes
/// made over a day ago and mails sent (or given up on) long ago.
pub(crate) fn spawn(pool: PgPool, sessions: Sessions, profiles: Profiles) {
    tokio::spawn(async move {
        // The first round one period after start, not at once: a starting instance has enough to
        // do, and a test's rows are not cleaned up under it.
        let period = Duration::from_secs(300);
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        for round in 0u64.. {
            tick.tick().await;
            let ceremonies = passkeys::ceremony::prune(&pool).await;
            report("expired passkey ceremonies", ceremonies, Every::FiveMinutes);
            // Each one is also a mail and a log line of its own (`account deleted`).
            report("accounts past their deletion grace", profiles.delete_due().await, Every::Hour);
            if round % 12 != 0 {
                continue;
            }
            report("stale sessions", sessions.delete_stale().await, Every::Hour);
            report("security events past their 90 days", trail::prune(&pool).await, Every::Hour);
            report("expired email links", email_tokens::prune(&pool).await, Every::Hour);
            report("day-old sign-in codes", email_codes::prune(&pool).await, Every::Hour);
            report("old mails", outbox::prune(&pool).await, Every::Hour);
        }
    });
}

/// How often a clean-up runs: the hourly ones log what they removed at `info` (an operator sees
/// retention at work); the five-minute one only at `debug`, where it would otherwise flood.
#[derive(Clone, Copy, PartialEq)]
enum Every {
    FiveMinutes,
    Hour,
}

fn report(what: &str, removed: Result<u64, impl std::fmt::Display>, every: Every) {
    match removed {
        Ok(n) if n > 0 && every == Every::Hour => tracing::info!(removed = n, "removed {what}"),
        Ok(n) if n > 0 => tracing::debug!(removed = n, "removed {what}"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "removing {what} failed"),
    }
}
