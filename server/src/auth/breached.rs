//! Refuses new passwords that appear in known breaches (ASVS 2.1.7), asking a Have I Been
//! Pwned-style range API with k-anonymity: only the first five hex characters of the password's
//! SHA-1 leave the process, and the answer is padded so its size says nothing either.
//!
//! Availability comes first: when the API is unreachable, slow or failing, the password is
//! accepted and a warning logged. The warning names neither the password nor its hash or prefix.

use std::time::Duration;

use sha1::{Digest, Sha1};

use crate::{domain::NewPassword, error::ServiceError};

pub const BREACHED: &str = "err-password-breached";

/// The longest a sign-up, reset or change waits for the range API.
pub const TIMEOUT: Duration = Duration::from_secs(2);

/// A range answer is about 40 KB with padding; beyond this the answer is not one.
const MAX_ANSWER_BYTES: usize = 1 << 20;

#[derive(Clone)]
pub struct BreachedPasswords {
    /// The API's base URL and the client that asks it; `None` when the check is off.
    api: Option<(String, reqwest::Client)>,
}

impl BreachedPasswords {
    /// `base_url` is `PWNED_PASSWORDS_URL` (`None`: off).
    pub fn new(base_url: Option<&str>) -> Self {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(TIMEOUT)
            // Following redirects would let an answer steer our requests elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent("accounts-server")
            .build();
        let api = match (base_url, client) {
            (None, _) => None,
            (Some(url), Ok(client)) => Some((url.trim_end_matches('/').to_owned(), client)),
            (Some(_), Err(e)) => {
                tracing::warn!(error = %e, "breached-password check off: no HTTP client");
                None
            }
        };
        Self { api }
    }

    /// Refuses `password` on `field` when the range API lists it with a count above zero.
    pub async fn refuse_if_breached(
        &self,
        password: &NewPassword,
        field: &'static str,
    ) -> Result<(), ServiceError> {
        let Some((base, client)) = &self.api else { return Ok(()) };
        let (prefix, suffix) = range_key(password.expose());
        match lookup(client, &format!("{base}/range/{prefix}"), &suffix).await {
            Ok(true) => {
                metrics::counter!("breached_password_checks_total", "outcome" => "breached").increment(1);
                Err(ServiceError::invalid(field, BREACHED))
            }
            Ok(false) => {
                metrics::counter!("breached_password_checks_total", "outcome" => "clean").increment(1);
                Ok(())
            }
            Err(reason) => {
                metrics::counter!("breached_password_checks_total", "outcome" => "unavailable").increment(1);
                tracing::warn!(%reason, "breached-password check unavailable; password accepted");
                Ok(())
            }
        }
    }
}

/// The uppercase hex SHA-1 of `password`, split into the 5-character prefix that is sent and
/// the 35-character suffix that is looked for in the answer.
fn range_key(password: &str) -> (String, String) {
    let hex: String = Sha1::digest(password.as_bytes()).iter().map(|b| format!("{b:02X}")).collect();
    let (prefix, suffix) = hex.split_at(5);
    (prefix.to_owned(), suffix.to_owned())
}

/// Asks the range at `url` whether `suffix` is listed. The error is a reason fit for the log:
/// it never holds the URL (whose last segment is the prefix).
async fn lookup(client: &reqwest::Client, url: &str, suffix: &str) -> Result<bool, String> {
    let describe = |e: reqwest::Error| {
        let kind = if e.is_timeout() { "timed out" } else { "request failed" };
        format!("{kind}: {}", e.without_url())
    };
    let mut answer = client.get(url).header("Add-Padding", "true").send().await.map_err(describe)?;
    if !answer.status().is_success() {
        return Err(format!("answered {}", answer.status()));
    }
    let mut body = Vec::new();
    while let Some(chunk) = answer.chunk().await.map_err(describe)? {
        if body.len() + chunk.len() > MAX_ANSWER_BYTES {
            return Err("answer too large".to_owned());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(is_listed(&String::from_utf8_lossy(&body), suffix))
}

/// True when a `SUFFIX:COUNT` line names `suffix` with a count above zero (padding lines
/// have count 0).
fn is_listed(answer: &str, suffix: &str) -> bool {
    answer.lines().filter_map(|line| line.trim().split_once(':')).any(|(listed, count)| {
        listed.eq_ignore_ascii_case(suffix) && count.trim().parse::<u64>().is_ok_and(|n| n > 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_sha1_into_prefix_and_suffix() {
        // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
        let (prefix, suffix) = range_key("password");
        assert_eq!(prefix, "5BAA6");
        assert_eq!(suffix, "1E4C9B93F3F0682250B6CF8331B7EE68FD8");
    }

    #[test]
    fn reads_counts_and_ignores_padding() {
        let suffix = "1E4C9B93F3F0682250B6CF8331B7EE68FD8";
        let answer = "0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n1e4c9b93f3f0682250b6cf8331b7ee68fd8:3\r\n";
        assert!(is_listed(answer, suffix), "case does not matter");
        assert!(!is_listed(&format!("{suffix}:0\r\nAAAA:5"), suffix), "padding is not a breach");
        assert!(!is_listed("", suffix));
        assert!(!is_listed(&format!("{suffix}:many"), suffix));
        assert!(is_listed(&format!("AAAA:1\n{suffix}:12"), suffix), "last line without CRLF");
    }
}
