//! Variables that only make sense together. Setting part of a group is an error, never a
//! silent fallback to the local default.

use secrecy::SecretString;

use super::{ConfigError, parse};

/// S3-compatible object storage (`BUCKET_*`).
#[derive(Debug, Clone)]
pub struct BucketConfig {
    pub endpoint: String,
    pub name: String,
    pub region: String,
    pub access_key: String,
    pub secret_key: SecretString,
    /// Public base URL objects are served from; `None` means presigned URLs.
    pub public_url: Option<String>,
}

/// How the SMTP connection is secured (`SMTP_TLS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    StartTls,
    Implicit,
    /// Unencrypted: only accepted for a loopback host (local test servers).
    Plain,
}

/// Outgoing mail over SMTP (`SMTP_*`).
#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub password: Option<SecretString>,
    pub tls: SmtpTls,
}

type Get<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Fails when some but not all of `names` are set, naming the first missing one.
fn all_or_none(get: Get<'_>, names: &[&'static str]) -> Result<bool, ConfigError> {
    let set: Vec<bool> = names.iter().map(|n| get(n).is_some()).collect();
    if set.iter().all(|s| *s) {
        return Ok(true);
    }
    if let Some(present) = names.iter().zip(&set).find(|(_, s)| **s).map(|(n, _)| n) {
        let missing = names.iter().zip(&set).find(|(_, s)| !**s).map(|(n, _)| *n).unwrap_or(names[0]);
        return Err(ConfigError::new(
            missing,
            format!("unset while {present} is set"),
            format!("all of {} set together, or none of them", names.join(", ")),
        ));
    }
    Ok(false)
}

pub(super) fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host.trim_matches(['[', ']']).parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

pub fn bucket(get: Get<'_>) -> Result<Option<BucketConfig>, ConfigError> {
    const GROUP: [&str; 5] =
        ["BUCKET_ENDPOINT", "BUCKET_NAME", "BUCKET_REGION", "BUCKET_ACCESS_KEY", "BUCKET_SECRET_KEY"];
    if !all_or_none(get, &GROUP)? {
        if get("BUCKET_PUBLIC_URL").is_some() {
            return Err(ConfigError::new(
                "BUCKET_PUBLIC_URL",
                "set without a bucket",
                "BUCKET_ENDPOINT and the other BUCKET_* variables set too, or BUCKET_PUBLIC_URL unset",
            ));
        }
        return Ok(None);
    }
    let endpoint = parse::base_url("BUCKET_ENDPOINT", get("BUCKET_ENDPOINT"), "")?;
    let public_url = match get("BUCKET_PUBLIC_URL") {
        Some(url) => Some(parse::base_url("BUCKET_PUBLIC_URL", Some(url), "")?),
        None => None,
    };
    Ok(Some(BucketConfig {
        endpoint,
        name: get("BUCKET_NAME").unwrap_or_default(),
        region: get("BUCKET_REGION").unwrap_or_default(),
        access_key: get("BUCKET_ACCESS_KEY").unwrap_or_default(),
        secret_key: get("BUCKET_SECRET_KEY").unwrap_or_default().into(),
        public_url,
    }))
}

pub fn smtp(get: Get<'_>, noreply_email: &str) -> Result<Option<SmtpConfig>, ConfigError> {
    let Some(host_port) = get("SMTP_HOST") else {
        for dependent in ["SMTP_KEY", "SMTP_USER", "SMTP_TLS"] {
            if get(dependent).is_some() {
                return Err(ConfigError::new(
                    dependent,
                    "set while SMTP_HOST is unset",
                    "SMTP_HOST set too, or neither (mail is then written to DATA_DIR/mail)",
                ));
            }
        }
        return Ok(None);
    };
    let tls = match get("SMTP_TLS").as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("starttls") => SmtpTls::StartTls,
        Some("implicit") | Some("tls") => SmtpTls::Implicit,
        Some("plain") | Some("none") => SmtpTls::Plain,
        Some(other) => {
            return Err(ConfigError::new(
                "SMTP_TLS",
                format!("{other:?}"),
                "one of starttls (default), implicit, plain",
            ));
        }
    };
    let default_port = match tls {
        SmtpTls::Implicit => 465,
        SmtpTls::StartTls => 587,
        SmtpTls::Plain => 25,
    };
    let (host, port) = match host_port.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => match p.parse::<u16>() {
            Ok(p) if p > 0 => (h.to_owned(), p),
            _ => {
                return Err(ConfigError::new(
                    "SMTP_HOST",
                    format!("{host_port:?}"),
                    "host or host:port with a port from 1 to 65535",
                ));
            }
        },
        _ => (host_port.clone(), default_port),
    };
    if host.is_empty() || host.contains(['/', ' ']) {
        return Err(ConfigError::new(
            "SMTP_HOST",
            format!("{host_port:?}"),
            "host or host:port, e.g. smtp.example.com:587",
        ));
    }
    if tls == SmtpTls::Plain && !is_loopback(&host) {
        return Err(ConfigError::new(
            "SMTP_TLS",
            format!("plain for non-loopback host {host:?}"),
            "starttls or implicit; plain is only allowed for a loopback host",
        ));
    }
    Ok(Some(SmtpConfig {
        host,
        port,
        user: get("SMTP_USER").unwrap_or_else(|| noreply_email.to_owned()),
        password: get("SMTP_KEY").map(SecretString::from),
        tls,
    }))
}
