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
pub fn vouches_for(authority: &Authority, email: &EmailAddress, hosted_domain: Option<&str>) -> bool {
    let Some((_, domain)) = email.as_str().rsplit_once('@') else { return false };
    match authority {
        Authority::Google => {
            CONSUMER_DOMAINS.contains(&domain)
                || hosted_domain.is_some_and(|hd| hd.eq_ignore_ascii_case(domain))
        }
        Authority::Domains(domains) => domains.iter().any(|d| d.eq_ignore_ascii_case(domain)),
        Authority::Never => false,
    }
}

/// The `hd` claim of an ID token whose signature has already been verified (the claims type
/// we verify with does not carry it, so it is read from the same verified payload).
pub fn hosted_domain(compact_jwt: &str) -> Option<String> {
    let payload = compact_jwt.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    let claims: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    claims.get("hd")?.as_str().map(|hd| hd.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(s: &str) -> EmailAddress {
        EmailAddress::parse(s).unwrap()
    }

    #[test]
    fn only_gmail_or_a_matching_hosted_domain_vouches_for_google() {
        let google = Authority::Google;
        assert!(vouches_for(&google, &email("ada@gmail.com"), None));
        assert!(vouches_for(&google, &email("ada@googlemail.com"), None));
        assert!(vouches_for(&google, &email("ada@acme.example"), Some("acme.example")));
        assert!(!vouches_for(&google, &email("ada@acme.example"), None));
        assert!(!vouches_for(&google, &email("ada@acme.example"), Some("other.example")));
        assert!(!vouches_for(&google, &email("ada@gmail.com.evil.example"), None));
    }

    #[test]
    fn other_providers_vouch_for_their_domains_or_never() {
        let acme = Authority::Domains(vec!["acme.example".into()]);
        assert!(vouches_for(&acme, &email("ada@acme.example"), None));
        assert!(!vouches_for(&acme, &email("ada@sub.acme.example"), None));
        assert!(!vouches_for(&acme, &email("ada@gmail.com"), None), "Google's domains are Google's");
        assert!(!vouches_for(&Authority::Never, &email("ada@gmail.com"), Some("gmail.com")));
    }

    #[test]
    fn reads_hd_from_the_payload() {
        let payload = URL_SAFE_NO_PAD.encode(br#"{"sub":"1","hd":"Acme.Example"}"#);
        assert_eq!(hosted_domain(&format!("h.{payload}.s")).as_deref(), Some("acme.example"));
        let none = URL_SAFE_NO_PAD.encode(br#"{"sub":"1"}"#);
        assert_eq!(hosted_domain(&format!("h.{none}.s")), None);
        assert_eq!(hosted_domain("garbage"), None);
    }
}
