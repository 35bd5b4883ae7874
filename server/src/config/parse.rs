//! Parsers for single values. Secrets are never echoed back in errors.

use std::{net::SocketAddr, str::FromStr, time::Duration};

use super::ConfigError;

fn quoted(value: &str) -> String {
    format!("{value:?}")
}

pub fn socket(name: &'static str, value: Option<String>, default: &str) -> Result<SocketAddr, ConfigError> {
    let value = value.unwrap_or_else(|| default.to_owned());
    value
        .parse()
        .map_err(|_| ConfigError::new(name, quoted(&value), "an address and port such as 127.0.0.1:3000"))
}

pub fn duration(name: &'static str, value: Option<String>, default: &str) -> Result<Duration, ConfigError> {
    let value = value.unwrap_or_else(|| default.to_owned());
    match humantime::parse_duration(&value) {
        Ok(d) if !d.is_zero() => Ok(d),
        _ => Err(ConfigError::new(name, quoted(&value), "a positive duration such as 8h, 30m or 30days")),
    }
}

/// A duration of at least `min`.
pub fn duration_at_least(
    name: &'static str,
    value: Option<String>,
    default: &str,
    min: Duration,
) -> Result<Duration, ConfigError> {
    let shown = value.clone().unwrap_or_else(|| default.to_owned());
    match duration(name, value, default)? {
        d if d >= min => Ok(d),
        _ => Err(ConfigError::new(
            name,
            quoted(&shown),
            format!("a duration of at least {}", humantime::format_duration(min)),
        )),
    }
}

pub fn number<T: FromStr + PartialOrd + std::fmt::Display + Copy>(
    name: &'static str,
    value: Option<String>,
    default: T,
    min: T,
) -> Result<T, ConfigError> {
    let Some(value) = value else {
        return Ok(default);
    };
    match value.parse::<T>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(ConfigError::new(name, quoted(&value), format!("a whole number of at least {min}"))),
    }
}

/// An http(s) URL with a host and no path, returned without a trailing slash.
pub fn base_url(name: &'static str, value: Option<String>, default: &str) -> Result<String, ConfigError> {
    let value = value.unwrap_or_else(|| default.to_owned());
    let trimmed = value.trim_end_matches('/');
    let rest = trimmed.strip_prefix("https://").or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ']) => Ok(trimmed.to_owned()),
        _ => Err(ConfigError::new(
            name,
            quoted(&value),
            "a base URL such as https://example.com (scheme and host, no path)",
        )),
    }
}

/// A `postgres://` or `postgresql://` URL. Only the scheme is echoed: the rest may hold a password.
pub fn database_url(name: &'static str, value: Option<String>) -> Result<Option<String>, ConfigError> {
    match value {
        None => Ok(None),
        Some(v) if v.starts_with("postgres://") || v.starts_with("postgresql://") => Ok(Some(v)),
        Some(v) => {
            let scheme = v.split_once("://").map(|(s, _)| s).unwrap_or("(no scheme)");
            Err(ConfigError::new(
                name,
                format!("a URL with scheme {scheme:?}"),
                "postgres://user:password@host:port/database, or unset for the embedded database",
            ))
        }
    }
}

/// The host part of a base URL, for default addresses such as `noreply@host`.
pub fn host_of(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map(|(_, r)| r).unwrap_or(base_url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    if authority.starts_with('[') {
        return authority.split_once(']').map(|(h, _)| &h[1..]).unwrap_or(authority);
    }
    authority.split(':').next().unwrap_or(authority)
}

/// An absolute http(s) URL that may carry a path (e.g. an OpenID issuer), without trailing slash.
pub fn absolute_url(
    name: impl Into<std::borrow::Cow<'static, str>>,
    value: Option<String>,
    default: &str,
) -> Result<String, ConfigError> {
    let value = value.unwrap_or_else(|| default.to_owned());
    let trimmed = value.trim_end_matches('/');
    let ok = (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
        && !host_of(trimmed).is_empty()
        && !trimmed.contains([' ', '?', '#']);
    if ok {
        Ok(trimmed.to_owned())
    } else {
        Err(ConfigError::new(name, quoted(&value), "an absolute URL such as https://accounts.google.com"))
    }
}

/// The public Have I Been Pwned passwords API, the default on https.
pub const PUBLIC_PWNED_PASSWORDS: &str = "https://api.pwnedpasswords.com";

/// `PWNED_PASSWORDS_URL`: unset means the public API in production (https) and off otherwise;
/// set but empty means off; anything else must be an absolute http(s) URL (a path is allowed,
/// for a mirror behind a proxy).
pub fn pwned_passwords_url(value: Option<String>, production: bool) -> Result<Option<String>, ConfigError> {
    match value.map(|v| v.trim().to_owned()) {
        None if production => Ok(Some(PUBLIC_PWNED_PASSWORDS.to_owned())),
        None => Ok(None),
        Some(v) if v.is_empty() => Ok(None),
        Some(v) => absolute_url("PWNED_PASSWORDS_URL", Some(v), "").map(Some),
    }
}
