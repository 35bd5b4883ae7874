//! Sign in with Apple's client secret: not a fixed string but a short-lived JWT (ES256) the
//! service signs with the key Apple issued to the team, naming the team (`iss`), the client
//! (`sub`) and Apple (`aud`). Made when the provider's client is (re)built, at least every
//! discovery period (5 minutes), and valid for an hour: it is renewed long before it expires.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::{
    rand::SystemRandom,
    signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair},
};
use secrecy::{ExposeSecret, SecretString};

use crate::{config::p256_key_der, error::ServiceError};

/// How long each secret is valid (Apple accepts up to six months).
const LIFETIME: Duration = Duration::from_secs(3600);

pub struct AppleSecret {
    team_id: String,
    key_id: String,
    client_id: String,
    audience: String,
    key: EcdsaKeyPair,
    rng: SystemRandom,
}

impl AppleSecret {
    pub fn new(
        team_id: &str,
        key_id: &str,
        client_id: &str,
        audience: &str,
        pem: &SecretString,
    ) -> Result<Self, ServiceError> {
        let rng = SystemRandom::new();
        let der = p256_key_der(pem.expose_secret())
            .ok_or_else(|| ServiceError::Internal("APPLE_PRIVATE_KEY is not a P-256 key".into()))?;
        let key = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &der, &rng)
            .map_err(|e| ServiceError::Internal(e.to_string()))?;
        Ok(Self {
            team_id: team_id.to_owned(),
            key_id: key_id.to_owned(),
            client_id: client_id.to_owned(),
            audience: audience.to_owned(),
            key,
            rng,
        })
    }

    /// A fresh secret, valid for the next hour.
    pub fn make(&self) -> Result<String, ServiceError> {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        let header = serde_json::json!({ "alg": "ES256", "kid": self.key_id });
        let claims = serde_json::json!({
            "iss": self.team_id,
            "iat": now,
            "exp": now + LIFETIME.as_secs(),
            "aud": self.audience,
            "sub": self.client_id,
        });
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        // The FIXED encoding is JWS's: r and s, 32 bytes each.
        let signature = self
            .key
            .sign(&self.rng, signing_input.as_bytes())
            .map_err(|e| ServiceError::Internal(format!("signing Apple's client secret: {e}")))?;
        Ok(format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature.as_ref())))
    }
}
