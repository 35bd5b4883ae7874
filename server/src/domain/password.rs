use std::fmt;

use crate::error::ServiceError;

pub const PASSWORD_MIN_LEN: usize = 12;
pub const PASSWORD_MAX_LEN: usize = 128;

/// The lowest zxcvbn score a new password may have.
const MIN_SCORE: u8 = 3;

/// How a candidate password fares against the rules: the one judgement behind both the refusal
/// of a new password and the strength meter on the forms, so the two cannot disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    TooShort,
    TooLong,
    /// Below the minimum score: refused.
    Weak,
    /// The minimum score: accepted.
    Fair,
    /// The best score.
    Strong,
}

impl Strength {
    /// Judges `raw` (12 to 128 characters, zxcvbn score at least 3), with `user_inputs` (the
    /// parts of the account's email) counted as known words.
    pub fn of(raw: &str, user_inputs: &[&str]) -> Self {
        let len = raw.chars().count();
        if len < PASSWORD_MIN_LEN {
            return Self::TooShort;
        }
        if len > PASSWORD_MAX_LEN {
            return Self::TooLong;
        }
        match zxcvbn::zxcvbn(raw, user_inputs).score() as u8 {
            s if s < MIN_SCORE => Self::Weak,
            s if s == MIN_SCORE => Self::Fair,
            _ => Self::Strong,
        }
    }

    pub fn is_accepted(self) -> bool {
        matches!(self, Self::Fair | Self::Strong)
    }

    /// The word the meter shows.
    pub fn word(self) -> &'static str {
        match self {
            Self::TooShort => "Too short",
            Self::TooLong => "Too long",
            Self::Weak => "Weak",
            Self::Fair => "Fair",
            Self::Strong => "Strong",
        }
    }

    /// The message (id) a refused password gets on its field.
    fn refusal(self) -> Option<&'static str> {
        match self {
            Self::TooShort => Some("err-password-too-short"),
            Self::TooLong => Some("err-password-too-long"),
            Self::Weak => Some("err-password-weak"),
            Self::Fair | Self::Strong => None,
        }
    }
}

/// The parts of an email address, which zxcvbn counts as known words: a password made of the
/// account's own address is easy to guess for whoever knows it.
pub fn user_inputs(email: &str) -> Vec<&str> {
    email.split(['@', '.']).filter(|part| !part.is_empty()).collect()
}

/// A password that satisfies the sign-up rules (ASVS 2.1.1): 12 to 128 characters and a zxcvbn score of at
/// least 3, judged with the account's email so "ada@example.com2024" is not accepted for Ada.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str, field: &'static str, user_inputs: &[&str]) -> Result<Self, ServiceError> {
        match Strength::of(raw, user_inputs).refusal() {
            Some(message) => Err(ServiceError::invalid(field, message)),
            None => Ok(Self(raw.to_owned())),
        }
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
    use crate::i18n::Lang;

    #[test]
    fn applies_length_and_strength_rules() {
        let msg = |raw: &str| NewPassword::parse(raw, "password", &[]).unwrap_err().user_message(Lang::En);
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

    #[test]
    fn the_meter_words_follow_the_rule() {
        let word = |raw: &str| Strength::of(raw, &[]).word();
        assert_eq!(word("short"), "Too short");
        assert_eq!(word("password1234"), "Weak");
        assert_eq!(word("correct horse battery staple"), "Strong");
        assert_eq!(word(&"x".repeat(129)), "Too long");
        // Strong as random letters, weak for the account whose address they are.
        let mine = user_inputs("qzxvbtrwplk@example.com");
        assert_eq!(Strength::of("qzxvbtrwplkexample", &mine), Strength::Weak);
        assert_eq!(Strength::of("qzxvbtrwplkexample", &user_inputs("ada@example.com")), Strength::Strong);
        for raw in ["password1234", "correct horse battery staple", "Tr0ub4dor&3xyz", "short"] {
            let strength = Strength::of(raw, &[]);
            assert_eq!(strength.is_accepted(), NewPassword::parse(raw, "p", &[]).is_ok(), "{raw}");
        }
    }
}
