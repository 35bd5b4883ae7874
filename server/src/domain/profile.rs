//! Profile fields as people type them, checked once at the edge.

use crate::error::ServiceError;

/// 1–50 characters after trimming, no control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> Result<Self, ServiceError> {
        let name = raw.trim();
        let len = name.chars().count();
        if len == 0 {
            return Err(ServiceError::invalid("display_name", "err-display-name-empty"));
        }
        if len > 50 {
            return Err(ServiceError::invalid("display_name", "err-display-name-too-long"));
        }
        if name.chars().any(char::is_control) {
            return Err(ServiceError::invalid("display_name", "err-display-name-control"));
        }
        Ok(Self(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Names that would be confused with pages or staff.
const RESERVED: &[&str] = &[
    "admin",
    "administrator",
    "account",
    "accounts",
    "api",
    "auth",
    "login",
    "logout",
    "signup",
    "signin",
    "settings",
    "security",
    "support",
    "help",
    "root",
    "system",
    "media",
    "static",
    "pkg",
    "u",
    "user",
    "users",
    "me",
    "null",
    "undefined",
    "www",
    "mail",
    "noreply",
    "verify",
    "reset",
    "healthz",
    "readyz",
];

/// 3–30 of a–z, 0–9 and `_`; stored as typed in lower case, unique ignoring case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, ServiceError> {
        let name = raw.trim().to_ascii_lowercase();
        let len = name.chars().count();
        if !(3..=30).contains(&len)
            || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(ServiceError::invalid("username", "err-username-format"));
        }
        if RESERVED.contains(&name.as_str()) {
            return Err(ServiceError::invalid("username", "err-username-reserved"));
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// At most 280 characters; control characters other than line breaks removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bio(String);

impl Bio {
    pub fn parse(raw: &str) -> Result<Self, ServiceError> {
        let bio: String = raw.trim().chars().filter(|c| !c.is_control() || *c == '\n').collect();
        if bio.chars().count() > 280 {
            return Err(ServiceError::invalid("bio", "err-bio-too-long"));
        }
        Ok(Self(bio))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names() {
        assert_eq!(DisplayName::parse("  Ada Lovelace ").unwrap().as_str(), "Ada Lovelace");
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse(&"x".repeat(51)).is_err());
        assert!(DisplayName::parse("bad\u{7}name").is_err());
        assert!(DisplayName::parse(&"é".repeat(50)).is_ok());
    }

    #[test]
    fn usernames() {
        assert_eq!(Username::parse("Ada_1815").unwrap().as_str(), "ada_1815");
        for bad in ["ab", "has space", "dash-name", &"a".repeat(31), "émile"] {
            assert_eq!(
                Username::parse(bad).unwrap_err().user_message(crate::i18n::Lang::En),
                "Use 3 to 30 letters, digits or underscores",
                "{bad}"
            );
        }
        assert_eq!(
            Username::parse("Admin").unwrap_err().user_message(crate::i18n::Lang::En),
            "That username is reserved"
        );
    }

    #[test]
    fn bios() {
        assert_eq!(Bio::parse(" hello\nworld\u{0} ").unwrap().as_str(), "hello\nworld");
        assert!(Bio::parse(&"x".repeat(281)).is_err());
    }
}
