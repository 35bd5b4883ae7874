//! Recovery codes: ten per account, shown once, stored as HMACs (50 random bits each, so a
//! keyed hash is enough), each good for one sign-in.

use ring::{
    hmac,
    rand::{SecureRandom, SystemRandom},
};

use crate::domain::typed_code::characters;
use crate::domain::typed_code::normalise;

pub const COUNT: usize = 10;

#[derive(Clone)]
pub struct CodeKey(hmac::Key);

impl CodeKey {
    pub fn new(secret_key: &[u8]) -> Self {
        let derived = hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, secret_key), b"recovery code key");
        Self(hmac::Key::new(hmac::HMAC_SHA256, derived.as_ref()))
    }

    pub fn hash(&self, code: &str) -> Vec<u8> {
        hmac::sign(&self.0, normalise(code).as_bytes()).as_ref().to_vec()
    }
}

/// "abcde-fghjk": ten characters in two groups.
pub fn generate() -> Vec<String> {
    let rng = SystemRandom::new();
    (0..COUNT)
        .map(|_| {
            let mut bytes = [0u8; 10];
            rng.fill(&mut bytes).expect("the system random source works");
            let chars = characters(&bytes);
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_typable_and_hash_alike_however_typed() {
        let codes = generate();
        assert_eq!(codes.len(), COUNT);
        assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), COUNT);
        assert!(codes.iter().all(|c| c.len() == 11 && c.as_bytes()[5] == b'-'));
        let key = CodeKey::new(b"key");
        let code = &codes[0];
        assert_eq!(key.hash(code), key.hash(&format!(" {} ", code.to_uppercase().replace('-', " "))));
        assert_ne!(key.hash(code), CodeKey::new(b"other").hash(code));
    }
}
