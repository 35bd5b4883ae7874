//! A software passkey (an authenticator in the test): P-256 keys from `ring`, "none"
//! attestation, and the JSON forms browsers send (`PublicKeyCredential.toJSON()`).

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD as B64};
use ring::{
    digest::{SHA256, digest},
    rand::{SecureRandom, SystemRandom},
    signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair},
};
use serde_json::{Value, json};

pub struct SoftPasskey {
    origin: String,
    rp_id: String,
    key: EcdsaKeyPair,
    pub credential_id: Vec<u8>,
    user_handle: Option<String>,
    pub counter: u32,
}

/// CBOR: a byte or text string header, or a small (negative) integer.
fn header(major: u8, len: usize, out: &mut Vec<u8>) {
    match len {
        0..=23 => out.push(major << 5 | len as u8),
        24..=255 => out.extend([major << 5 | 24, len as u8]),
        _ => {
            out.push(major << 5 | 25);
            out.extend((len as u16).to_be_bytes());
        }
    }
}

fn bytes(b: &[u8], out: &mut Vec<u8>) {
    header(2, b.len(), out);
    out.extend_from_slice(b);
}

fn text(s: &str, out: &mut Vec<u8>) {
    header(3, s.len(), out);
    out.extend_from_slice(s.as_bytes());
}

impl SoftPasskey {
    /// An authenticator for the site at `origin` (its host is the relying party id).
    pub fn new(origin: &str) -> Self {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        let key = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng).unwrap();
        let mut credential_id = vec![0u8; 16];
        rng.fill(&mut credential_id).unwrap();
        let rp_id = url::Url::parse(origin).unwrap().host_str().unwrap().to_owned();
        Self { origin: origin.to_owned(), rp_id, key, credential_id, user_handle: None, counter: 0 }
    }

    /// Answers as if the page asking were at `origin` (a phishing page relaying our challenge);
    /// the relying party the key belongs to stays the same.
    pub fn set_origin(&mut self, origin: &str) {
        origin.clone_into(&mut self.origin);
    }

    fn client_data(&self, kind: &str, challenge: &str) -> Vec<u8> {
        json!({ "type": kind, "challenge": challenge, "origin": self.origin, "crossOrigin": false })
            .to_string()
            .into_bytes()
    }

    /// Relying party hash, flags (user present + verified, + attested data) and counter.
    fn auth_data_head(&self, attested: bool) -> Vec<u8> {
        let mut data = digest(&SHA256, self.rp_id.as_bytes()).as_ref().to_vec();
        data.push(if attested { 0x45 } else { 0x05 });
        data.extend(self.counter.to_be_bytes());
        data
    }

    /// The answer to `navigator.credentials.create` for the server's options (JSON).
    pub fn create(&mut self, options: &str) -> String {
        let options: Value = serde_json::from_str(options).unwrap();
        let public_key = &options["publicKey"];
        let challenge = public_key["challenge"].as_str().unwrap();
        self.user_handle = Some(public_key["user"]["id"].as_str().unwrap().to_owned());
        let client_data = self.client_data("webauthn.create", challenge);

        let point = self.key.public_key().as_ref();
        let mut cose = vec![0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21];
        bytes(&point[1..33], &mut cose);
        cose.push(0x22);
        bytes(&point[33..65], &mut cose);
        let mut auth_data = self.auth_data_head(true);
        auth_data.extend([0u8; 16]);
        auth_data.extend((self.credential_id.len() as u16).to_be_bytes());
        auth_data.extend(&self.credential_id);
        auth_data.extend(cose);

        let mut attestation = vec![0xA3];
        text("fmt", &mut attestation);
        text("none", &mut attestation);
        text("attStmt", &mut attestation);
        attestation.push(0xA0);
        text("authData", &mut attestation);
        bytes(&auth_data, &mut attestation);

        let id = B64.encode(&self.credential_id);
        json!({
            "id": id, "rawId": id, "type": "public-key",
            "response": {
                "attestationObject": B64.encode(attestation),
                "clientDataJSON": B64.encode(client_data),
                "transports": ["internal"],
            },
            "clientExtensionResults": {},
        })
        .to_string()
    }

    /// The answer to `navigator.credentials.get`: signs the challenge, counting up.
    pub fn get(&mut self, options: &str) -> String {
        let options: Value = serde_json::from_str(options).unwrap();
        let challenge = options["publicKey"]["challenge"].as_str().unwrap();
        self.counter += 1;
        self.assert(challenge)
    }

    /// An assertion for `challenge` with the current counter (a clone would not count up).
    pub fn assert(&self, challenge: &str) -> String {
        let client_data = self.client_data("webauthn.get", challenge);
        let auth_data = self.auth_data_head(false);
        let mut signed = auth_data.clone();
        signed.extend(digest(&SHA256, &client_data).as_ref());
        let signature = self.key.sign(&SystemRandom::new(), &signed).unwrap();
        let id = B64.encode(&self.credential_id);
        json!({
            "id": id, "rawId": id, "type": "public-key",
            "response": {
                "authenticatorData": B64.encode(auth_data),
                "clientDataJSON": B64.encode(client_data),
                "signature": B64.encode(signature.as_ref()),
                "userHandle": self.user_handle.clone().expect("created first"),
            },
            "clientExtensionResults": {},
        })
        .to_string()
    }
}

/// The challenge of options JSON (to replay an assertion against it).
pub fn challenge(options: &str) -> String {
    let options: Value = serde_json::from_str(options).unwrap();
    options["publicKey"]["challenge"].as_str().unwrap().to_owned()
}
