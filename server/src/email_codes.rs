//! Sign-in codes sent by mail. A mail carries a link token (32 random bytes) and the code made
//! from it under a key derived from `SECRET_KEY`; the row keeps the token's SHA-256, the code's
//! HMAC and the SHA-256 of the token in the asking browser's signed cookie, never the code. One
//! live row per address: asking again ends the previous one. Ended rows stay a day, so the
//! hourly limit per address counts them; then [`prune`] deletes them.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::{
    digest, hmac,
    rand::{SecureRandom, SystemRandom},
};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

use crate::domain::typed_code;

/// How long a code works.
pub const TTL: std::time::Duration = std::time::Duration::from_secs(600);
/// Checks one code allows; the last wrong one ends it.
pub const MAX_ATTEMPTS: i16 = 5;
/// Codes mailed to one address per hour (used, replaced or not).
pub const PER_ADDRESS_PER_HOUR: i64 = 5;

/// Keys for making a code from a link token and for storing it.
#[derive(Clone)]
pub struct CodeKeys {
    from_link: hmac::Key,
    stored: hmac::Key,
}

impl CodeKeys {
    pub fn new(secret_key: &[u8]) -> Self {
        let derive = |label: &[u8]| {
            let derived = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, secret_key), label);
            hmac::Key::new(hmac::HMAC_SHA256, derived.as_ref())
        };
        Self { from_link: derive(b"email code from link"), stored: derive(b"email code key") }
    }

    /// The code a link token stands for, as the mail shows it: `KX4R-7PLM`.
    pub fn code_of(&self, link: &str) -> Option<String> {
        let raw = decode(link)?;
        let chars = typed_code::characters(&hmac::sign(&self.from_link, &raw).as_ref()[..8]);
        Some(format!("{}-{}", &chars[..4], &chars[4..]).to_uppercase())
    }

    fn hash(&self, code: &str) -> Vec<u8> {
        hmac::sign(&self.stored, typed_code::normalise(code).as_bytes()).as_ref().to_vec()
    }

    /// True when `typed` is the code stored as `code_hash` (compared in constant time).
    pub fn matches(&self, typed: &str, code_hash: &[u8]) -> bool {
        hmac::verify(&self.stored, typed_code::normalise(typed).as_bytes(), code_hash).is_ok()
    }
}

fn decode(link: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(link.trim()).ok().filter(|b| b.len() == 32)
}

fn link_id(link: &str) -> Option<Vec<u8>> {
    decode(link).map(|raw| digest::digest(&digest::SHA256, &raw).as_ref().to_vec())
}

/// A code just made: the link token and the code, for the mail only.
pub struct Issued {
    pub link: String,
    pub code: String,
}

/// What a live code is for and whom.
#[derive(Debug, Clone)]
pub struct Live {
    pub id: Vec<u8>,
    pub address: String,
    pub user_id: Option<Uuid>,
    pub code_hash: Vec<u8>,
    pub browser_hash: Vec<u8>,
    pub next: String,
}

impl Live {
    /// `browser`: the SHA-256 of the token in the request's cookie.
    pub fn asked_by(&self, browser: &[u8]) -> bool {
        self.browser_hash == browser
    }
}

/// Ends the address's live code and makes a new one for the browser `browser`.
pub async fn issue(
    conn: &mut PgConnection,
    keys: &CodeKeys,
    address: &str,
    user_id: Option<Uuid>,
    browser: &[u8],
    next: &str,
) -> Result<Issued, sqlx::Error> {
    sqlx::query!("UPDATE email_codes SET ended_at = now() WHERE address = $1 AND ended_at IS NULL", address)
        .execute(&mut *conn)
        .await?;
    let mut raw = [0u8; 32];
    SystemRandom::new().fill(&mut raw).expect("the system random source works");
    let link = URL_SAFE_NO_PAD.encode(raw);
    let code = keys.code_of(&link).expect("a fresh token decodes");
    let id = digest::digest(&digest::SHA256, &raw);
    sqlx::query!(
        "INSERT INTO email_codes (id, address, user_id, code_hash, browser_hash, next, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))",
        id.as_ref(),
        address,
        user_id,
        keys.hash(&code),
        browser,
        next,
        TTL.as_secs_f64(),
    )
    .execute(conn)
    .await?;
    Ok(Issued { link, code })
}

/// Codes made for `address` in the last hour, counted under a lock on the address held until
/// the transaction ends, so requests at once cannot all pass the limit.
pub async fn issued_last_hour(conn: &mut PgConnection, address: &str) -> Result<i64, sqlx::Error> {
    sqlx::query!("SELECT pg_advisory_xact_lock(hashtextextended('email_codes:' || $1, 0))", address)
        .execute(&mut *conn)
        .await?;
    sqlx::query_scalar!(
        "SELECT count(*) AS \"n!\" FROM email_codes WHERE address = $1 AND created_at > now() - interval '1 hour'",
        address
    )
    .fetch_one(conn)
    .await
}

/// The live code this browser asked for, if any.
pub async fn for_browser(db: impl PgExecutor<'_>, browser: &[u8]) -> Result<Option<Live>, sqlx::Error> {
    sqlx::query_as!(
        Live,
        "SELECT id, address, user_id, code_hash, browser_hash, next FROM email_codes \
         WHERE browser_hash = $1 AND ended_at IS NULL AND expires_at > now()",
        browser
    )
    .fetch_optional(db)
    .await
}

/// The live code a mail's link stands for, if any.
pub async fn for_link(db: impl PgExecutor<'_>, link: &str) -> Result<Option<Live>, sqlx::Error> {
    let Some(id) = link_id(link) else { return Ok(None) };
    sqlx::query_as!(
        Live,
        "SELECT id, address, user_id, code_hash, browser_hash, next FROM email_codes \
         WHERE id = $1 AND ended_at IS NULL AND expires_at > now()",
        id
    )
    .fetch_optional(db)
    .await
}

/// Counts one check of the code before it is made, so parallel guesses cannot slip past the
/// limit; `None` when the code has ended or has no checks left. Returns the checks made.
pub async fn attempt(db: impl PgExecutor<'_>, id: &[u8]) -> Result<Option<i16>, sqlx::Error> {
    sqlx::query_scalar!(
        "UPDATE email_codes SET attempts = attempts + 1 \
         WHERE id = $1 AND ended_at IS NULL AND expires_at > now() AND attempts < $2 RETURNING attempts",
        id,
        MAX_ATTEMPTS
    )
    .fetch_optional(db)
    .await
}

/// Ends the code: used, or spent by wrong guesses. False when it had ended already.
pub async fn end(db: impl PgExecutor<'_>, id: &[u8]) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE email_codes SET ended_at = now() WHERE id = $1 AND ended_at IS NULL AND expires_at > now()",
        id
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes rows older than a day (the hourly limit needs only the last hour's).
pub async fn prune(db: impl PgExecutor<'_>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query!("DELETE FROM email_codes WHERE created_at < now() - interval '1 day'")
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_stands_for_one_readable_code_that_matches_however_typed() {
        let keys = CodeKeys::new(b"key");
        let link = URL_SAFE_NO_PAD.encode([7u8; 32]);
        let code = keys.code_of(&link).unwrap();
        assert_eq!(code.len(), 9);
        assert_eq!(code.as_bytes()[4], b'-');
        assert!(code.chars().all(|c| c == '-' || !"ILOU".contains(c)), "{code}");
        assert!(keys.matches(&code.to_lowercase().replace('-', " "), &keys.hash(&code)));
        assert!(!keys.matches("AAAA-AAAA", &keys.hash(&code)));
        assert_ne!(CodeKeys::new(b"other").code_of(&link), Some(code));
        assert_eq!(keys.code_of("short"), None);
    }
}
