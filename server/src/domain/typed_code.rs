//! Codes a person reads from one screen and types into another (recovery codes, sign-in codes
//! by mail): Crockford's base32, so nothing reads alike, and typed however the reader likes.

/// Crockford's base32: no I, L, O or U to misread.
pub const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// `bytes.len()` characters of [`ALPHABET`], one per byte (its low five bits).
pub fn characters(bytes: &[u8]) -> String {
    bytes.iter().map(|b| ALPHABET[usize::from(b & 31)] as char).collect()
}

/// Case, spaces and dashes do not matter; letters people confuse map to the digit.
pub fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_lowercase() {
            'o' => '0',
            'i' | 'l' => '1',
            other => other,
        })
        .collect()
}
