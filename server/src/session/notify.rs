//! Cache invalidations shared by every instance through Postgres `LISTEN`/`NOTIFY`.
//!
//! A write that ends a session or changes a user calls [`publish`] inside its own transaction,
//! so the notification is sent exactly when the change commits (and never if it rolls back).
//! Each instance's [`listener`](super::listener) applies what arrives to its caches. The payload
//! names what changed by key only: a session's SHA-256 (already the primary key, never the
//! token) or a user id.

use sqlx::PgConnection;
use uuid::Uuid;

use super::{cache::Caches, token::TokenHash};

/// The one channel every instance listens on.
pub const CHANNEL: &str = "accounts_invalidate";

/// What another instance must forget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalidation {
    /// One session ended, rotated or renewed.
    Session(TokenHash),
    /// A user row changed or was deleted.
    User(Uuid),
    /// Every session of a user ended (and the user changed): password change or reset,
    /// account deletion.
    UserSessions(Uuid),
}

impl Invalidation {
    /// One invalidation per ended session.
    pub fn sessions(ended: &[TokenHash]) -> impl Iterator<Item = Self> + '_ {
        ended.iter().copied().map(Self::Session)
    }

    /// The compact wire form: `s:<64 hex>`, `u:<uuid>` or `a:<uuid>`.
    pub fn encode(&self) -> String {
        match self {
            Self::Session(hash) => {
                let mut out = String::with_capacity(66);
                out.push_str("s:");
                for b in hash.0 {
                    out.push_str(&format!("{b:02x}"));
                }
                out
            }
            Self::User(id) => format!("u:{id}"),
            Self::UserSessions(id) => format!("a:{id}"),
        }
    }

    /// Parses [`encode`](Self::encode)'s output; `None` for anything else.
    pub fn decode(payload: &str) -> Option<Self> {
        let (kind, key) = payload.split_once(':')?;
        match kind {
            "s" => {
                if key.len() != 64 || !key.is_ascii() {
                    return None;
                }
                let mut hash = [0u8; 32];
                for (i, byte) in hash.iter_mut().enumerate() {
                    *byte = u8::from_str_radix(&key[2 * i..2 * i + 2], 16).ok()?;
                }
                Some(Self::Session(TokenHash(hash)))
            }
            "u" => Uuid::parse_str(key).ok().map(Self::User),
            "a" => Uuid::parse_str(key).ok().map(Self::UserSessions),
            _ => None,
        }
    }

    /// Forgets the affected cache entries in this process (bumping the invalidation epoch).
    pub async fn apply(&self, caches: &Caches) {
        match self {
            Self::Session(hash) => caches.invalidate_session(hash).await,
            Self::User(id) => caches.invalidate_user(*id).await,
            Self::UserSessions(id) => {
                caches.invalidate_user_sessions(*id);
                caches.invalidate_user(*id).await;
            }
        }
    }
}

/// Queues `changes` for every instance; they go out when the caller's transaction commits.
/// Security changes call it through [`crate::session::change::Change::commit`], which also applies this
/// instance's caches after the commit (the instance hears its own notifications a moment later).
pub async fn publish(
    conn: &mut PgConnection,
    changes: impl IntoIterator<Item = Invalidation>,
) -> Result<(), sqlx::Error> {
    let payloads: Vec<String> = changes.into_iter().map(|c| c.encode()).collect();
    if payloads.is_empty() {
        return Ok(());
    }
    sqlx::query!("SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p", CHANNEL, &payloads)
        .execute(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_round_trip_and_garbage_is_refused() {
        let id = Uuid::new_v4();
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (i * 7) as u8;
        }
        for change in
            [Invalidation::Session(TokenHash(bytes)), Invalidation::User(id), Invalidation::UserSessions(id)]
        {
            let wire = change.encode();
            assert!(wire.len() <= 66, "compact: {wire}");
            assert_eq!(Invalidation::decode(&wire), Some(change));
        }
        for bad in ["", "s:", "s:zz", "x:00", "u:not-a-uuid", "s:é", &format!("s:{}", "0".repeat(63))] {
            assert_eq!(Invalidation::decode(bad), None, "{bad:?}");
        }
        assert_eq!(
            Invalidation::Session(TokenHash(bytes)).encode()[2..],
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        );
    }
}
