//! A started ceremony: the challenge state in Postgres (5 minutes, single use), found through a
//! signed `webauthn` cookie, so a ceremony may start on one instance and finish on another.
//! Expired rows are removed by the sessions' background work ([`prune`]), not by each start.

use sqlx::{PgExecutor, PgPool};
use uuid::Uuid;

use crate::session::{SessionToken, TokenHash};

pub const COOKIE: &str = "webauthn";
pub const TTL: std::time::Duration = std::time::Duration::from_secs(300);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Register,
    SignIn,
    /// "Confirm it's you" with one of the signed-in account's passkeys.
    Confirm,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::SignIn => "sign_in",
            Self::Confirm => "confirm",
        }
    }
}

pub struct Started {
    pub user_id: Option<Uuid>,
    pub state: String,
    pub next: Option<String>,
}

/// Stores `state` (JSON) and returns the token for the cookie.
pub async fn begin(
    db: impl PgExecutor<'_>,
    kind: Kind,
    user_id: Option<Uuid>,
    state: &str,
    next: Option<&str>,
) -> Result<SessionToken, sqlx::Error> {
    let token = SessionToken::generate();
    sqlx::query!(
        "INSERT INTO webauthn_ceremonies (id, kind, user_id, state, next, expires_at) \
         VALUES ($1, $2, $3, $4::text::jsonb, $5, now() + make_interval(secs => $6))",
        &token.hash().0[..],
        kind.as_str(),
        user_id,
        state,
        next,
        TTL.as_secs_f64(),
    )
    .execute(db)
    .await?;
    Ok(token)
}

/// Ends the ceremony and returns its state: a challenge answers once.
pub async fn take(
    db: impl PgExecutor<'_>,
    id: &TokenHash,
    kind: Kind,
) -> Result<Option<Started>, sqlx::Error> {
    sqlx::query_as!(
        Started,
        "DELETE FROM webauthn_ceremonies WHERE id = $1 AND kind = $2 AND expires_at > now() \
         RETURNING user_id, state::text AS \"state!\", next",
        &id.0[..],
        kind.as_str(),
    )
    .fetch_optional(db)
    .await
}

/// Unexpired sign-in ceremonies (nobody signed in yet), counted up to `limit`: the work is
/// bounded by the limit however many rows there are.
pub async fn count_anonymous(db: impl PgExecutor<'_>, limit: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT count(*) AS \"rows!\" FROM (SELECT 1 FROM webauthn_ceremonies \
           WHERE expires_at > now() AND user_id IS NULL LIMIT $1) AS unexpired",
        limit
    )
    .fetch_one(db)
    .await
}

/// Rows deleted per statement by [`prune`]: short statements, few locks held at once.
const PRUNE_BATCH: i64 = 1000;

/// Removes expired ceremonies, a batch at a time (found through the `expires_at` index);
/// returns how many.
pub async fn prune(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let mut removed = 0;
    loop {
        let done = sqlx::query!(
            "DELETE FROM webauthn_ceremonies WHERE id IN \
               (SELECT id FROM webauthn_ceremonies WHERE expires_at <= now() LIMIT $1)",
            PRUNE_BATCH
        )
        .execute(pool)
        .await?
        .rows_affected();
        removed += done;
        if done < PRUNE_BATCH as u64 {
            return Ok(removed);
        }
    }
}
