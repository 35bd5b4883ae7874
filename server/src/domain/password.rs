use std::fmt;

use crate::error::ServiceError;

pub const PASSWORD_MIN_LEN: usize = 12;
pub const PASSWORD_MAX_LEN: usize = 128;

/// A password that satisfies the sign-up rules (ASVS 2.1.1): 12 to 128 characters and a zxcvbn score of at
/// least 3, judged with the account's email so "ada@example.com2024" is not accepted for Ada.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str, field: &'static str, user_inputs: &[&str]) -> Result<Self, ServiceError> {
        let len = raw.chars().count();
        if len < PASSWORD_MIN_LEN {
            return Err(ServiceError::invalid(field, "Use at least 12 characters"));
        }
        if len > PASSWORD_MAX_LEN {
            return Err(ServiceError::invalid(field, "Use at most 128 characters"));
        }
        let score = zxcvbn::zxcvbn(raw, user_inputs).score();
        if (score as u8) < 3 {
            return Err(ServiceError::invalid(field, "This password is too easy to guess"));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_length_and_strength_rules() {
        let msg = |raw: &str| NewPassword::parse(raw, "password", &[]).unwrap_err().user_message();
        assert_eq!(msg("short"), "Use at least 12 characters");
        assert_eq!(msg("tenletters1"), "Use at least 12 characters", "11 characters");
        assert_eq!(msg("password1234"), "This password is too easy to guess");
        assert_eq!(msg(&"x".repeat(129)), "Use at most 128 characters");
        assert!(NewPassword::parse("correct horse battery staple", "password", &[]).is_ok());
        assert!(
            !format!("{:?}", NewPassword::parse("correct horse battery staple", "p", &[]).unwrap())
                .contains("horse")
        );
    }
}
