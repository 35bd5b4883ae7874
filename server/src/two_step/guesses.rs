//! Wrong codes per account, app codes and recovery codes alike, at the sign-in code step and
//! wherever a signed-in person proves the second factor (turning on or off, re-confirming).
//!
//! Each attempt is counted *before* the code is checked, in one statement that also refuses
//! while the account is locked, so parallel guesses cannot slip past; a correct code deletes the
//! count. Unlike password failures the count does not decay with time: someone who has the
//! password and keeps guessing codes only ever gets [`FREE`] tries, then one per lock, and each
//! lock is twice as long as the last (at most [`MAX_LOCK_MINUTES`]).

use std::time::Duration;

use sqlx::PgExecutor;
use uuid::Uuid;

use crate::{auth::lockout::minutes_until, error::ServiceError};

/// Wrong codes in a row before the account's code entry locks.
pub const FREE: i32 = 10;
/// The wrong code in a row that mails the owner: their password is known.
pub const NOTICE_AT: i32 = 5;
pub const MAX_LOCK_MINUTES: f64 = 60.0;

/// An attempt that may go on to be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reserved {
    /// Wrong codes in a row if this one is wrong too.
    pub failures: i32,
    /// This attempt started a lock: if it is wrong, the next ones wait.
    pub locks: bool,
}

/// Counts one attempt for `user_id`, or refuses with the time left while locked. From the
/// [`FREE`]th attempt on, each one locks the account's code entry for 1, 2, 4 … minutes.
pub async fn reserve(db: impl PgExecutor<'_> + Copy, user_id: Uuid) -> Result<Reserved, ServiceError> {
    let row = sqlx::query!(
        "INSERT INTO code_guesses AS g (user_id, failures, locked_until) VALUES ($1, 1, NULL) \
         ON CONFLICT (user_id) DO UPDATE SET failures = g.failures + 1, \
           locked_until = CASE WHEN g.failures + 1 >= $2 \
             THEN now() + make_interval(secs => 60 * LEAST($3::float8, power(2, g.failures + 1 - $2))) \
             ELSE NULL END \
         WHERE g.locked_until IS NULL OR g.locked_until <= now() \
         RETURNING failures, locked_until IS NOT NULL AS \"locks!\"",
        user_id,
        FREE,
        MAX_LOCK_MINUTES,
    )
    .fetch_optional(db)
    .await?;
    if let Some(row) = row {
        return Ok(Reserved { failures: row.failures, locks: row.locks });
    }
    let secs: f64 = sqlx::query_scalar!(
        "SELECT coalesce(EXTRACT(EPOCH FROM locked_until - now())::float8, 0) AS \"secs!\" \
         FROM code_guesses WHERE user_id = $1",
        user_id
    )
    .fetch_optional(db)
    .await?
    .unwrap_or(0.0);
    tracing::warn!(target: "security", %user_id, "code attempt refused: code entry is locked");
    Err(ServiceError::RateLimited { minutes: minutes_until(Duration::from_secs_f64(secs.max(0.0))) })
}

/// A correct code (or an operator's reset) ends the count.
pub async fn clear(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM code_guesses WHERE user_id = $1", user_id).execute(db).await?;
    Ok(())
}
