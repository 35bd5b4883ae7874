//! Single-use tokens sent by mail. 32 random bytes travel in the link (base64url); only their
//! SHA-256 is stored, with a purpose and an expiry. Using one marks it used in the same
//! transaction as the change it authorises.
//!
//! A "This wasn't me" token ([`Purpose::NotMe`]) rides in every security notice. It survives
//! [`void_all`]: an intruder's password change must not disarm the owner's way to throw them out.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::{
    digest,
    rand::{SecureRandom, SystemRandom},
};
use sqlx::PgConnection;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Verify,
    Reset,
    Change,
    /// The "This wasn't me" link of a notice: signs out everywhere and mails a reset link.
    NotMe,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Self::Verify => "verify",
            Self::Reset => "reset",
            Self::Change => "change",
            Self::NotMe => "not_me",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "reset" => Self::Reset,
            "change" => Self::Change,
            "not_me" => Self::NotMe,
            _ => Self::Verify,
        }
    }

    pub fn ttl_secs(self) -> f64 {
        match self {
            Self::Reset => 3600.0,
            Self::Verify | Self::Change => 24.0 * 3600.0,
            // A notice may be read days later; the link still only ends sessions and mails the
            // account's own address.
            Self::NotMe => 7.0 * 24.0 * 3600.0,
        }
    }
}

/// A redeemable token's owner and, for an email change, the new address.
#[derive(Debug, Clone)]
pub struct Redeemed {
    pub user_id: Uuid,
    pub purpose: Purpose,
    pub new_email: Option<String>,
    /// For a "This wasn't me" link: the device its notice names, and the notice's subject.
    pub device_id: Option<Uuid>,
    pub notice: Option<String>,
}

fn hash(token: &str) -> Option<Vec<u8>> {
    let raw = URL_SAFE_NO_PAD.decode(token.trim()).ok().filter(|b| b.len() == 32)?;
    Some(digest::digest(&digest::SHA256, &raw).as_ref().to_vec())
}

/// A freshly made token: the secret for the link, and how long the link works (the outbox
/// drops a mail whose link expired before it could be sent).
#[derive(Debug, Clone)]
pub struct LinkToken {
    pub secret: String,
    pub ttl_secs: f64,
}

/// Creates a token and returns the string for the link.
pub async fn create(
    conn: &mut PgConnection,
    user_id: Uuid,
    purpose: Purpose,
    new_email: Option<&str>,
) -> Result<LinkToken, sqlx::Error> {
    insert(conn, user_id, purpose, new_email, None, None).await
}

/// Creates the "This wasn't me" token of the notice `subject`, naming `device_id` if any.
pub async fn create_not_me(
    conn: &mut PgConnection,
    user_id: Uuid,
    device_id: Option<Uuid>,
    subject: &str,
) -> Result<LinkToken, sqlx::Error> {
    insert(conn, user_id, Purpose::NotMe, None, device_id, Some(subject)).await
}

async fn insert(
    conn: &mut PgConnection,
    user_id: Uuid,
    purpose: Purpose,
    new_email: Option<&str>,
    device_id: Option<Uuid>,
    notice: Option<&str>,
) -> Result<LinkToken, sqlx::Error> {
    let mut raw = [0u8; 32];
    SystemRandom::new().fill(&mut raw).expect("the system random source works");
    let id = digest::digest(&digest::SHA256, &raw).as_ref().to_vec();
    sqlx::query!(
        "INSERT INTO email_tokens (id, user_id, purpose, new_email, device_id, notice, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))",
        id,
        user_id,
        purpose.as_str(),
        new_email,
        device_id,
        notice,
        purpose.ttl_secs(),
    )
    .execute(conn)
    .await?;
    Ok(LinkToken { secret: URL_SAFE_NO_PAD.encode(raw), ttl_secs: purpose.ttl_secs() })
}

/// Marks every unused token of this purpose used: a newer link or a password change voids older ones.
pub async fn void(conn: &mut PgConnection, user_id: Uuid, purpose: Purpose) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE email_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL",
        user_id,
        purpose.as_str(),
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks every unused token of the account used but the "This wasn't me" ones: a password
/// change or reset ends every way in that a mailed link may still offer (an attacker's pending
/// email change included). "This wasn't me" links are no way in (they only end sessions and
/// mail the account's address), and an intruder who changes the password must not void them.
pub async fn void_all(conn: &mut PgConnection, user_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE email_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL AND purpose <> 'not_me'",
        user_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// The live token's details without using it (to show a form only for a valid link).
pub async fn peek(
    conn: &mut PgConnection,
    token: &str,
    purposes: &[Purpose],
) -> Result<Option<Redeemed>, sqlx::Error> {
    find(conn, token, purposes, false).await
}

/// Uses the token: `None` when unknown, tampered, expired, already used or of another purpose.
pub async fn redeem(
    conn: &mut PgConnection,
    token: &str,
    purposes: &[Purpose],
) -> Result<Option<Redeemed>, sqlx::Error> {
    find(conn, token, purposes, true).await
}

/// A live token's row, as [`find`] reads or spends it.
struct TokenRow {
    user_id: Uuid,
    purpose: String,
    new_email: Option<String>,
    device_id: Option<Uuid>,
    notice: Option<String>,
}

async fn find(
    conn: &mut PgConnection,
    token: &str,
    purposes: &[Purpose],
    consume: bool,
) -> Result<Option<Redeemed>, sqlx::Error> {
    let Some(id) = hash(token) else { return Ok(None) };
    let names: Vec<String> = purposes.iter().map(|p| p.as_str().to_owned()).collect();
    let row = if consume {
        sqlx::query_as!(
            TokenRow,
            "UPDATE email_tokens SET used_at = now() WHERE id = $1 AND purpose = ANY($2) AND used_at IS NULL \
             AND expires_at > now() RETURNING user_id, purpose, new_email, device_id, notice",
            id,
            &names,
        )
        .fetch_optional(conn)
        .await?
    } else {
        sqlx::query_as!(
            TokenRow,
            "SELECT user_id, purpose, new_email, device_id, notice FROM email_tokens WHERE id = $1 AND purpose = ANY($2) \
             AND used_at IS NULL AND expires_at > now()",
            id,
            &names,
        )
        .fetch_optional(conn)
        .await?
    };
    Ok(row.map(|r| Redeemed {
        user_id: r.user_id,
        purpose: Purpose::parse(&r.purpose),
        new_email: r.new_email,
        device_id: r.device_id,
        notice: r.notice,
    }))
}

/// Deletes links that expired over a day ago. Nothing reads them any more: a link past its
/// expiry is refused, and the sending limits count links created within the last day at most.
pub async fn prune(db: impl sqlx::PgExecutor<'_>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM email_tokens WHERE expires_at < now() - interval '1 day'")
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// Tokens of this purpose created for the user within the last `secs` seconds.
pub async fn recent(
    conn: &mut PgConnection,
    user_id: Uuid,
    purpose: Purpose,
    secs: f64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        "SELECT count(*) AS \"count!\" FROM email_tokens WHERE user_id = $1 AND purpose = $2 \
         AND created_at > now() - make_interval(secs => $3)",
        user_id,
        purpose.as_str(),
        secs,
    )
    .fetch_one(conn)
    .await
}
