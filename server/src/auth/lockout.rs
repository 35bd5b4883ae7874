//! Lockout after failed password attempts. Guesses at a known account share one count,
//! [`account`], whichever identifier (email or username) was typed; an identifier no account
//! has is counted under its normalised self. Both go through the same statements and get the
//! same answers, so the lock tells nobody who has an account.
//!
//! Each attempt is counted *before* the password is checked, in one statement that also
//! refuses while locked, so parallel guesses cannot slip past the check; a correct password
//! then clears the count. Counts live in Postgres (restarts and instances share them) under
//! an HMAC of the identifier, so a password typed into the wrong field is not stored readable.

use std::time::Duration;

use ring::hmac;
use sqlx::PgExecutor;
use uuid::Uuid;

use crate::error::ServiceError;

/// Attempts allowed before each further one on an identifier waits a growing delay.
pub const FREE_FAILURES: i32 = 5;
/// The longest lock, and the quiet time after which the count starts again.
pub const MAX_LOCK_MINUTES: f64 = 15.0;
/// Failed attempts one key may make in an hour, whatever the quiet times between them: a
/// guesser who waits out every lock still stops here until the hour is over.
pub const MAX_FAILURES_PER_HOUR: i32 = 100;

/// What a reserved attempt found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reserved {
    /// Attempts counted in the current window, this one included.
    pub attempts: i32,
    /// True when this attempt started a lock (the next ones wait).
    pub locks: bool,
}

#[derive(Clone)]
pub struct Lockout {
    key: hmac::Key,
}

/// Trimmed and lower-cased: emails are stored that way and usernames compare case-insensitively.
pub fn normalise(identifier: &str) -> String {
    identifier.trim().to_lowercase()
}

/// The key all guesses at one account share, by email or by username.
pub fn account(user_id: Uuid) -> String {
    format!("account:{user_id}")
}

pub fn minutes_until(wait: Duration) -> u64 {
    wait.as_secs().div_ceil(60).max(1)
}

impl Lockout {
    pub fn new(secret: &[u8]) -> Self {
        let derived = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, secret), b"sign-in lockout key");
        Self { key: hmac::Key::new(hmac::HMAC_SHA256, derived.as_ref()) }
    }

    fn key_of(&self, identifier: &str) -> Vec<u8> {
        hmac::sign(&self.key, normalise(identifier).as_bytes()).as_ref().to_vec()
    }

    /// Counts one attempt on `identifier`, or refuses with the time left while it is locked.
    /// From the fifth attempt in a window on, each one locks the identifier for 1, 2, 4, 8, then
    /// at most 15 minutes; 15 quiet minutes start the count again. The hundredth attempt in an
    /// hour locks until that hour is over, however quiet the guesser was.
    pub async fn reserve(
        &self,
        db: impl PgExecutor<'_> + Copy,
        identifier: &str,
    ) -> Result<Reserved, ServiceError> {
        let key = self.key_of(identifier);
        let row = sqlx::query!(
            "INSERT INTO sign_in_throttle AS t (key, failures, last_failure_at, locked_until, window_started_at, window_failures) \
             VALUES ($1, 1, now(), NULL, now(), 1) \
             ON CONFLICT (key) DO UPDATE SET \
               failures = CASE WHEN t.last_failure_at < now() - make_interval(secs => 60 * $3::float8) THEN 1 ELSE t.failures + 1 END, \
               last_failure_at = now(), \
               window_started_at = CASE WHEN t.window_started_at < now() - interval '1 hour' THEN now() ELSE t.window_started_at END, \
               window_failures = CASE WHEN t.window_started_at < now() - interval '1 hour' THEN 1 ELSE t.window_failures + 1 END, \
               locked_until = CASE \
                 WHEN t.window_started_at >= now() - interval '1 hour' AND t.window_failures + 1 >= $4 \
                   THEN t.window_started_at + interval '1 hour' \
                 WHEN t.last_failure_at >= now() - make_interval(secs => 60 * $3::float8) AND t.failures + 1 >= $2 \
                   THEN now() + make_interval(secs => 60 * LEAST($3::float8, power(2, t.failures + 1 - $2))) \
                 ELSE NULL END \
             WHERE t.locked_until IS NULL OR t.locked_until <= now() \
             RETURNING failures, locked_until IS NOT NULL AS \"locks!\"",
            &key,
            FREE_FAILURES,
            MAX_LOCK_MINUTES,
            MAX_FAILURES_PER_HOUR,
        )
        .fetch_optional(db)
        .await?;
        if let Some(row) = row {
            return Ok(Reserved { attempts: row.failures, locks: row.locks });
        }
        let secs: f64 = sqlx::query_scalar!(
            "SELECT coalesce(EXTRACT(EPOCH FROM locked_until - now())::float8, 0) AS \"secs!\" \
             FROM sign_in_throttle WHERE key = $1",
            &key
        )
        .fetch_optional(db)
        .await?
        .unwrap_or(0.0);
        Err(ServiceError::RateLimited { minutes: minutes_until(Duration::from_secs_f64(secs.max(0.0))) })
    }

    /// A correct password (or a completed reset) ends the count for these identifiers.
    pub async fn clear(&self, db: impl PgExecutor<'_>, identifiers: &[&str]) -> Result<(), ServiceError> {
        let keys: Vec<Vec<u8>> = identifiers.iter().map(|i| self.key_of(i)).collect();
        sqlx::query!("DELETE FROM sign_in_throttle WHERE key = ANY($1)", &keys).execute(db).await?;
        Ok(())
    }

    /// Drops counts that no longer matter (quiet for the window, not locked, hour over).
    pub async fn prune(&self, db: impl PgExecutor<'_>) -> Result<u64, sqlx::Error> {
        let done = sqlx::query!(
            "DELETE FROM sign_in_throttle WHERE last_failure_at < now() - make_interval(secs => 60 * $1::float8) \
             AND (locked_until IS NULL OR locked_until < now()) \
             AND window_started_at < now() - interval '1 hour'",
            MAX_LOCK_MINUTES
        )
        .execute(db)
        .await?;
        Ok(done.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_spaces_and_hide_the_identifier() {
        let lockout = Lockout::new(&[7; 32]);
        assert_eq!(lockout.key_of(" Ada@Example.com "), lockout.key_of("ada@example.com"));
        assert_ne!(lockout.key_of("ada@example.com"), lockout.key_of("bob@example.com"));
        assert_ne!(Lockout::new(&[8; 32]).key_of("ada@example.com"), lockout.key_of("ada@example.com"));
        assert!(!String::from_utf8_lossy(&lockout.key_of("ada@example.com")).contains("ada"));
    }
}
