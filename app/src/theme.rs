//! Light or dark. A first visit follows `prefers-color-scheme` (CSS alone, so nothing flashes);
//! a choice is kept in the `theme` cookie, which the server reads to render `<html data-theme>`.
//! The cookie is not HttpOnly: the toggle island writes it too, without a round trip.

pub const COOKIE: &str = "theme";
const MAX_AGE_SECS: u64 = 365 * 24 * 3600;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "light" => Some(Self::Light),
            "dark" => Some(Self::Dark),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    /// The `Set-Cookie` / `document.cookie` value that keeps this choice for a year.
    pub fn cookie(self, secure: bool) -> String {
        let secure = if secure { "; Secure" } else { "" };
        format!("{COOKIE}={}; Path=/; Max-Age={MAX_AGE_SECS}; SameSite=Lax{secure}", self.as_str())
    }
}

/// The theme the person chose, from this request's cookie; `None` follows the system.
#[cfg(feature = "ssr")]
pub fn chosen() -> Option<Theme> {
    crate::api::ssr::with_request(|p| {
        server::http::cookies::read_cookie(&p.headers, COOKIE).and_then(Theme::parse)
    })
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_light_and_dark_parse() {
        assert_eq!(Theme::parse("dark"), Some(Theme::Dark));
        assert_eq!(Theme::parse("light").map(Theme::as_str), Some("light"));
        assert_eq!(Theme::parse("DARK\"><script>"), None);
        assert_eq!(Theme::Dark.cookie(true), "theme=dark; Path=/; Max-Age=31536000; SameSite=Lax; Secure");
    }
}
