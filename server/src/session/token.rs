//! Session tokens, their hashes, and the signed cookie value that carries them.
//!
//! A token is 32 random bytes. The database keys sessions by SHA-256(token), so a database
//! leak yields nothing that signs anyone in. The cookie holds `base64(token).base64(tag)`
//! where tag = HMAC-SHA256(cookie key, token); a cookie whose tag fails is dropped before
//! any lookup. Renewal derives the successor token as HMAC(rotation key, token): every
//! request that still carries the old token computes the same successor, so concurrent
//! requests during a rotation all end up with the same new cookie and nothing secret is stored.

use std::fmt;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::{
    digest, hmac,
    rand::{SecureRandom, SystemRandom},
};

pub const TOKEN_LEN: usize = 32;

#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken([u8; TOKEN_LEN]);

/// SHA-256 of a token: the session's primary key.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenHash(pub [u8; 32]);

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionToken(..)")
    }
}

impl fmt::Debug for TokenHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A short prefix is enough to correlate log lines and cannot be replayed.
        write!(f, "TokenHash({:02x}{:02x}{:02x}{:02x}..)", self.0[0], self.0[1], self.0[2], self.0[3])
    }
}

impl TokenHash {
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        bytes.try_into().ok().map(Self)
    }
}

impl SessionToken {
    pub fn generate() -> Self {
        let mut bytes = [0u8; TOKEN_LEN];
        SystemRandom::new().fill(&mut bytes).expect("the system random source works");
        Self(bytes)
    }

    pub fn hash(&self) -> TokenHash {
        let d = digest::digest(&digest::SHA256, &self.0);
        TokenHash(d.as_ref().try_into().expect("SHA-256 is 32 bytes"))
    }
}

/// Keys derived from `SECRET_KEY`, one per purpose.
#[derive(Clone)]
pub struct TokenKeys {
    cookie: hmac::Key,
    rotation: hmac::Key,
}

impl TokenKeys {
    pub fn new(secret: &[u8]) -> Self {
        let root = hmac::Key::new(hmac::HMAC_SHA256, secret);
        let derive = |purpose: &[u8]| hmac::Key::new(hmac::HMAC_SHA256, hmac::sign(&root, purpose).as_ref());
        Self { cookie: derive(b"session-cookie-v1"), rotation: derive(b"session-rotation-v1") }
    }

    /// The cookie value for `token`.
    pub fn sign(&self, token: &SessionToken) -> String {
        let tag = hmac::sign(&self.cookie, &token.0);
        format!("{}.{}", URL_SAFE_NO_PAD.encode(token.0), URL_SAFE_NO_PAD.encode(tag.as_ref()))
    }

    /// The token in a cookie value, if its tag verifies; `None` for anything else.
    pub fn verify(&self, value: &str) -> Option<SessionToken> {
        let (token_b64, tag_b64) = value.split_once('.')?;
        if token_b64.len() > 64 || tag_b64.len() > 64 {
            return None;
        }
        let token: [u8; TOKEN_LEN] = URL_SAFE_NO_PAD.decode(token_b64).ok()?.try_into().ok()?;
        let tag = URL_SAFE_NO_PAD.decode(tag_b64).ok()?;
        hmac::verify(&self.cookie, &token, &tag).ok()?;
        Some(SessionToken(token))
    }

    /// The token that replaces `token` when its session is renewed.
    pub fn successor(&self, token: &SessionToken) -> SessionToken {
        let tag = hmac::sign(&self.rotation, &token.0);
        SessionToken(tag.as_ref()[..TOKEN_LEN].try_into().expect("HMAC-SHA256 is 32 bytes"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_values_round_trip_and_tampering_is_refused() {
        let keys = TokenKeys::new(b"0123456789abcdef0123456789abcdef");
        let token = SessionToken::generate();
        let value = keys.sign(&token);
        assert_eq!(keys.verify(&value), Some(token.clone()));

        let other = TokenKeys::new(b"another secret key of 32 bytes!!");
        assert_eq!(other.verify(&value), None, "a cookie signed with another key");
        let mut flipped = value.clone().into_bytes();
        flipped[3] = if flipped[3] == b'A' { b'B' } else { b'A' };
        assert_eq!(keys.verify(std::str::from_utf8(&flipped).unwrap()), None, "tampered token");
        assert_eq!(keys.verify(&value[..value.len() - 2]), None, "truncated tag");
        assert_eq!(keys.verify("garbage"), None);
        assert_eq!(keys.verify(""), None);
        assert_eq!(keys.verify(&"a.".repeat(5000)), None);
    }

    #[test]
    fn successors_are_deterministic_and_distinct() {
        let keys = TokenKeys::new(b"0123456789abcdef0123456789abcdef");
        let token = SessionToken::generate();
        assert_eq!(keys.successor(&token), keys.successor(&token));
        assert_ne!(keys.successor(&token), token);
        assert_ne!(keys.successor(&token).hash(), token.hash());
    }
}
