//! Sign in with Apple's side of the tests: the team's key (made per test), the fake's check of
//! the ES256 client secret the app signs with it, and an app configured for it.

use base64::{
    Engine,
    engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD},
};
use ring::{
    rand::SystemRandom,
    signature::{
        ECDSA_P256_SHA256_FIXED, ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair, UnparsedPublicKey,
    },
};

use super::oidc::{CLIENT_ID, MockProvider};

pub const TEAM_ID: &str = "TEAM123456";
pub const KEY_ID: &str = "KEY7654321";

/// A P-256 key as Apple issues it (PKCS#8 PEM) and its public half.
pub struct AppleKey {
    pub pem: String,
    pub public: Vec<u8>,
}

impl AppleKey {
    pub fn generate() -> Self {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng).unwrap();
        let body = STANDARD.encode(pkcs8.as_ref());
        let lines: Vec<&str> = body.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap()).collect();
        let pem = format!("-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n", lines.join("\n"));
        Self { pem, public: pair.public_key().as_ref().to_vec() }
    }
}

/// What Apple checks of a client secret: signed by the team's key (ES256, its key id), issued
/// by the team for this client and audience, not expired.
pub fn secret_is_valid(public_key: &[u8], secret: &str, audience: &str) -> bool {
    let parts: Vec<&str> = secret.split('.').collect();
    let [header, claims, signature] = parts[..] else { return false };
    let json = |part: &str| -> Option<serde_json::Value> {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).ok()?).ok()
    };
    let (Some(header), Some(claims), Ok(signature)) =
        (json(header), json(claims), URL_SAFE_NO_PAD.decode(signature))
    else {
        return false;
    };
    let now = chrono::Utc::now().timestamp();
    header["alg"] == "ES256"
        && header["kid"] == KEY_ID
        && claims["iss"] == TEAM_ID
        && claims["sub"] == CLIENT_ID
        && claims["aud"] == audience
        && claims["exp"].as_i64().is_some_and(|exp| exp > now && exp <= now + 15_777_000)
        && UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, public_key)
            .verify(format!("{}.{}", parts[0], parts[1]).as_bytes(), &signature)
            .is_ok()
}

impl super::TestApp {
    /// An app whose "Apple" is `provider`, signing client secrets with `key`.
    pub async fn spawn_with_apple(provider: &MockProvider, key: &AppleKey) -> Self {
        Self::spawn_with(&[
            ("APPLE_CLIENT_ID", CLIENT_ID),
            ("APPLE_TEAM_ID", TEAM_ID),
            ("APPLE_KEY_ID", KEY_ID),
            ("APPLE_PRIVATE_KEY", &key.pem),
            ("APPLE_URL", &provider.issuer),
        ])
        .await
    }
}
