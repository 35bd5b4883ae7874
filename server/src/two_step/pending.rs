//! A sign-in that passed its first step (password or Google) and waits for a code. It is a
//! short-lived row, not a session: no page and no server function treats it as signed in. The
//! browser holds a signed `two_step` cookie whose token only the row's hash matches.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::session::{SessionToken, TokenHash, store::SignInMethod};

pub const COOKIE: &str = "two_step";
/// How long the code step may take.
pub const TTL: std::time::Duration = std::time::Duration::from_secs(300);

#[derive(Debug, Clone)]
pub struct Pending {
    pub user_id: Uuid,
    pub method: SignInMethod,
    pub next: String,
}

/// A `pending_sign_ins` row as read or taken below.
struct Row {
    user_id: Uuid,
    method: String,
    next: String,
}

fn pending(row: Row) -> Pending {
    Pending { user_id: row.user_id, method: SignInMethod::parse(&row.method), next: row.next }
}

/// Records the first step; the token goes into the cookie.
pub async fn create(
    conn: &mut PgConnection,
    user_id: Uuid,
    method: &SignInMethod,
    next: &str,
) -> Result<SessionToken, sqlx::Error> {
    sqlx::query!("DELETE FROM pending_sign_ins WHERE expires_at < now()").execute(&mut *conn).await?;
    let token = SessionToken::generate();
    let method = method.as_str();
    sqlx::query!(
        "INSERT INTO pending_sign_ins (id, user_id, method, next, expires_at) \
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))",
        &token.hash().0[..],
        user_id,
        method.as_ref(),
        next,
        TTL.as_secs_f64(),
    )
    .execute(conn)
    .await?;
    Ok(token)
}

/// The live record for this token, if any.
pub async fn find(db: impl PgExecutor<'_>, id: &TokenHash) -> Result<Option<Pending>, sqlx::Error> {
    let row = sqlx::query_as!(
        Row,
        "SELECT user_id, method, next FROM pending_sign_ins WHERE id = $1 AND expires_at > now()",
        &id.0[..]
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(pending))
}

/// Ends the record: exactly one request completes a sign-in with it.
pub async fn take(conn: &mut PgConnection, id: &TokenHash) -> Result<Option<Pending>, sqlx::Error> {
    let row = sqlx::query_as!(
        Row,
        "DELETE FROM pending_sign_ins WHERE id = $1 AND expires_at > now() RETURNING user_id, method, next",
        &id.0[..]
    )
    .fetch_optional(conn)
    .await?;
    Ok(row.map(pending))
}

/// Ends every pending code step of the account (its first step no longer counts).
pub async fn end_all(db: impl PgExecutor<'_>, user_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM pending_sign_ins WHERE user_id = $1", user_id).execute(db).await?;
    Ok(())
}
