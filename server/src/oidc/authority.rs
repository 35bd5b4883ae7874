//! When a provider's word on an address is enough to sign in to an existing account with it
//! (the configured [`Authority`]). Google documents that it is authoritative for `@gmail.com` /
//! `@googlemail.com` addresses, and for a Google Workspace address whose ID token carries `hd`
//! equal to the address's domain; a company's own provider for its domains. For any other
//! address a verified email only says the provider checked it once: linking on it would let
//! whoever controls that account at the provider sign in to ours, so we refuse and the owner
//! connects the provider from the security page after signing in.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

use crate::{config::Authority, domain::EmailAddress};

const CONSUMER_DOMAINS: [&str; 2] = ["gmail.com", "googlemail.com"];

/// True when the provider is authoritative for `email` (see the module documentation).
/// `hosted_domain` is Google's `hd`; `owner_verified` Microsoft's `xms_edov`.
pub fn vouches_for(
    authority: &Authority,
    email: &EmailAddress,
    hosted_domain: Option<&str>,
    owner_verified: bool,
) -> bool {
    let Some((_, domain)) = email.as_str().rsplit_once('@') else { return false };
    match authority {
        Authority::Google => {
            CONSUMER_DOMAINS.contains(&domain)
                || hosted_domain.is_some_and(|hd| hd.eq_ignore_ascii_case(domain))
        }
        Authority::Domains(domains) => domains.iter().any(|d| d.eq_ignore_ascii_case(domain)),
        Authority::Microsoft => owner_verified,
        Authority::Never => false,
    }
}

/// Claims some providers add that the claims type we verify with does not carry, read from the
/// same payload after its signature was verified.
#[derive(Debug, Default)]
pub struct ExtraClaims {
    /// Google Workspace's hosted domain.
    pub hd: Option<String>,
    /// Microsoft's tenant and object ids (stable per tenant, unlike the mutable `email`).
    pub tid: Option<String>,
    pub oid: Option<String>,
    /// Microsoft: the address's domain owner verified it.
    pub xms_edov: bool,
    pub iss: Option<String>,
}

impl ExtraClaims {
    pub fn read(compact_jwt: &str) -> Self {
        let claims = (|| {
            let payload = compact_jwt.split('.').nth(1)?;
            let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
            serde_json::from_slice::<serde_json::Value>(&bytes).ok()
        })()
        .unwrap_or_default();
        let text = |name: &str| claims.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        let xms_edov = match claims.get("xms_edov") {
            Some(serde_json::Value::Bool(b)) => *b,
            Some(serde_json::Value::String(s)) => s == "true" || s == "1",
            Some(serde_json::Value::Number(n)) => n.as_u64() == Some(1),
            _ => false,
        };
        Self {
            hd: text("hd").map(|hd| hd.to_ascii_lowercase()),
            tid: text("tid"),
            oid: text("oid"),
            xms_edov,
            iss: text("iss"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(s: &str) -> EmailAddress {
        EmailAddress::parse(s).unwrap()
    }

    #[test]
    fn only_gmail_or_a_matching_hosted_domain_vouches_for_google() {
        let google = |e: &str, hd: Option<&str>| vouches_for(&Authority::Google, &email(e), hd, false);
        assert!(google("ada@gmail.com", None));
        assert!(google("ada@googlemail.com", None));
        assert!(google("ada@acme.example", Some("acme.example")));
        assert!(!google("ada@acme.example", None));
        assert!(!google("ada@acme.example", Some("other.example")));
        assert!(!google("ada@gmail.com.evil.example", None));
    }

    #[test]
    fn other_providers_vouch_for_their_domains_or_never() {
        let acme = Authority::Domains(vec!["acme.example".into()]);
        assert!(vouches_for(&acme, &email("ada@acme.example"), None, false));
        assert!(!vouches_for(&acme, &email("ada@sub.acme.example"), None, false));
        assert!(!vouches_for(&acme, &email("ada@gmail.com"), None, false), "Google's domains are Google's");
        assert!(!vouches_for(&Authority::Never, &email("ada@gmail.com"), Some("gmail.com"), true));
        assert!(vouches_for(&Authority::Microsoft, &email("ada@contoso.example"), None, true));
        assert!(
            !vouches_for(&Authority::Microsoft, &email("ada@gmail.com"), None, false),
            "never on email alone"
        );
    }

    #[test]
    fn reads_extra_claims_from_the_payload() {
        let payload =
            URL_SAFE_NO_PAD.encode(br#"{"sub":"1","hd":"Acme.Example","tid":"t","oid":"o","xms_edov":true}"#);
        let extra = ExtraClaims::read(&format!("h.{payload}.s"));
        assert_eq!(extra.hd.as_deref(), Some("acme.example"));
        assert_eq!(
            (extra.tid.as_deref(), extra.oid.as_deref(), extra.xms_edov),
            (Some("t"), Some("o"), true)
        );
        let none = URL_SAFE_NO_PAD.encode(br#"{"sub":"1","xms_edov":"false"}"#);
        let extra = ExtraClaims::read(&format!("h.{none}.s"));
        assert_eq!((extra.hd, extra.xms_edov), (None, false));
        assert!(ExtraClaims::read("garbage").tid.is_none());
    }
}
