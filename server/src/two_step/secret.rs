//! The authenticator-app secret: 20 random bytes (RFC 4226's recommendation), sealed at rest
//! with AES-256-GCM under a key derived from `SECRET_KEY` and bound to its account, and the
//! TOTP built from it (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of clock skew).

use std::sync::Arc;

use ring::{
    aead, hmac,
    rand::{SecureRandom, SystemRandom},
};
use totp_rs::{Builder, Totp};
use uuid::Uuid;

pub const SECRET_LEN: usize = 20;
const NONCE_LEN: usize = 12;

/// Seals and opens secrets; a row copied to another account does not open.
#[derive(Clone)]
pub struct Sealer {
    key: Arc<aead::LessSafeKey>,
}

impl Sealer {
    pub fn new(secret_key: &[u8]) -> Self {
        let derived =
            hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, secret_key), b"two-step secret sealing key");
        let unbound = aead::UnboundKey::new(&aead::AES_256_GCM, derived.as_ref()).expect("a 32-byte key");
        Self { key: Arc::new(aead::LessSafeKey::new(unbound)) }
    }

    /// Nonce, then ciphertext and tag.
    pub fn seal(&self, user_id: Uuid, plain: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new().fill(&mut nonce).expect("the system random source works");
        let mut sealed = plain.to_vec();
        self.key
            .seal_in_place_append_tag(
                aead::Nonce::assume_unique_for_key(nonce),
                aead::Aad::from(user_id.as_bytes()),
                &mut sealed,
            )
            .expect("sealing a short secret works");
        [nonce.as_slice(), &sealed].concat()
    }

    pub fn open(&self, user_id: Uuid, sealed: &[u8]) -> Option<Vec<u8>> {
        if sealed.len() < NONCE_LEN {
            return None;
        }
        let (nonce, rest) = sealed.split_at(NONCE_LEN);
        let nonce = aead::Nonce::try_assume_unique_for_key(nonce).ok()?;
        let mut buf = rest.to_vec();
        let plain = self.key.open_in_place(nonce, aead::Aad::from(user_id.as_bytes()), &mut buf).ok()?;
        Some(plain.to_vec())
    }
}

pub fn generate() -> [u8; SECRET_LEN] {
    let mut secret = [0u8; SECRET_LEN];
    SystemRandom::new().fill(&mut secret).expect("the system random source works");
    secret
}

/// The TOTP of `secret`, labelled for authenticator apps as `issuer: account`.
pub fn totp(secret: &[u8], issuer: &str, account: &str) -> Totp {
    Builder::new()
        .with_secret(secret.to_vec())
        .with_issuer(Some(issuer.replace(':', " ")))
        .with_account_name(account.replace(':', " "))
        .build()
        .expect("a 20-byte secret with RFC 6238 parameters")
}

/// The time step `code` matches at `now` (±1 step), if any. Spaces are ignored.
pub fn matching_step(totp: &Totp, code: &str, now: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    totp.check(&code, now)
}

/// The secret as people type it into an app: base32 in groups of four.
pub fn display(totp: &Totp) -> String {
    let text = totp.secret().to_base32();
    text.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The `otpauth://` URL as a QR code, an SVG drawn on the server (no JavaScript needed).
pub fn qr_svg(totp: &Totp) -> String {
    let url = totp.to_url().expect("issuer and account are set");
    qrcode::QrCode::new(url.as_bytes())
        .expect("an otpauth URL fits a QR code")
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_for_its_account_and_key() {
        let sealer = Sealer::new(b"a secret key of some length......");
        let user = Uuid::new_v4();
        let sealed = sealer.seal(user, b"twenty bytes secret!");
        assert_ne!(&sealed[NONCE_LEN..NONCE_LEN + 20], b"twenty bytes secret!", "not stored in the clear");
        assert_eq!(sealer.open(user, &sealed).as_deref(), Some(&b"twenty bytes secret!"[..]));
        assert_eq!(sealer.open(Uuid::new_v4(), &sealed), None, "bound to its account");
        assert_eq!(Sealer::new(b"another key").open(user, &sealed), None);
    }

    #[test]
    fn codes_match_their_step_and_one_step_either_side_only() {
        let totp = totp(&generate(), "Acme: Test", "ada@example.com");
        let now = 1_800_000_000;
        let code = totp.generate(now).to_string();
        assert_eq!(matching_step(&totp, &code, now), Some(now / 30));
        assert_eq!(matching_step(&totp, &format!("{} {}", &code[..3], &code[3..]), now), Some(now / 30));
        assert!(matching_step(&totp, &code, now + 30).is_some(), "one step of skew");
        assert_eq!(matching_step(&totp, &code, now + 90), None);
        assert_eq!(matching_step(&totp, "abcdef", now), None);
        assert!(qr_svg(&totp).starts_with("<?xml") || qr_svg(&totp).contains("<svg"));
        assert_eq!(display(&totp).replace(' ', "").len(), 32);
    }
}
