//! One configured sign-in provider: what the rest of the flow needs of it whatever its protocol
//! (where to send the browser, who came back), and its rules (authority, messages).

use std::time::Duration;

use openidconnect::{ClientId, ClientSecret, IssuerUrl, RedirectUrl, reqwest};
use secrecy::ExposeSecret;

use super::{
    apple_secret::AppleSecret,
    discovery::{Discovery, Flavor, Tenancy},
    flow_cookie::FlowCookie,
    flows::Flow,
    github::{Authorize, GitHub},
    messages::{self, Messages},
    service::Identity,
};
use crate::{
    config::{Authority, ProviderConfig, ProviderId, ProviderKind},
    error::ServiceError,
};

/// Every call to a provider gives up after this long: a hung provider must not hang sign-in.
pub const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

enum Protocol {
    Oidc(Box<Discovery>),
    GitHub(Box<GitHub>),
}

pub struct Provider {
    pub id: ProviderId,
    pub label: String,
    /// Identities are keyed by (issuer, subject): the OpenID issuer, or GitHub's web URL.
    pub issuer: String,
    pub authority: Authority,
    pub messages: &'static Messages,
    pub cookie: FlowCookie,
    pub http: reqwest::Client,
    /// The origin the browser is sent to (the page's `form-action` must allow it).
    pub origin: String,
    protocol: Protocol,
}

impl Provider {
    pub fn new(
        config: &ProviderConfig,
        service_domain: &str,
        secret: &[u8],
        secure: bool,
    ) -> Result<Self, ServiceError> {
        let internal = |e: &dyn std::fmt::Display| ServiceError::Internal(e.to_string());
        let redirect = RedirectUrl::new(format!("{service_domain}/auth/{}/callback", config.id))
            .map_err(|e| internal(&e))?;
        let http = reqwest::Client::builder()
            // Following redirects would let a response steer our requests (SSRF).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(HTTP_TIMEOUT)
            .build()
            .map_err(|e| internal(&e))?;
        let client_id = ClientId::new(config.client_id.clone());
        let client_secret = ClientSecret::new(config.client_secret.expose_secret().to_owned());
        let github = matches!(config.kind, ProviderKind::GitHub { .. });
        let messages = messages::for_label(&config.label, github);
        let oidc = |discovery_url: String, flavor: Flavor| -> Result<Protocol, ServiceError> {
            Ok(Protocol::Oidc(Box::new(Discovery {
                issuer: IssuerUrl::new(discovery_url).map_err(|e| internal(&e))?,
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
                redirect: redirect.clone(),
                http: http.clone(),
                messages,
                flavor,
                cached: Default::default(),
            })))
        };
        let (issuer, protocol) = match &config.kind {
            ProviderKind::Oidc { issuer_url } => {
                (issuer_url.clone(), oidc(issuer_url.clone(), Flavor::Standard)?)
            }
            ProviderKind::Microsoft { base_url, tenant } => {
                let multi = ["common", "organizations", "consumers"].contains(&tenant.as_str());
                let flavor = Flavor::Microsoft(Tenancy { base_url: base_url.clone(), multi });
                // Identities are keyed by `<tid>:<oid>` under the one authority host, whatever
                // the tenant setting: changing it never orphans a link.
                (base_url.clone(), oidc(format!("{base_url}/{tenant}/v2.0"), flavor)?)
            }
            ProviderKind::Apple { issuer_url, team_id, key_id, private_key } => {
                let secret =
                    AppleSecret::new(team_id, key_id, &config.client_id, issuer_url, &private_key.0)?;
                (issuer_url.clone(), oidc(issuer_url.clone(), Flavor::Apple(Box::new(secret)))?)
            }
            ProviderKind::GitHub { web_url, api_url } => {
                let github = GitHub::new(
                    web_url,
                    api_url,
                    client_id.clone(),
                    client_secret.clone(),
                    redirect.clone(),
                    http.clone(),
                    messages,
                )?;
                (web_url.clone(), Protocol::GitHub(Box::new(github)))
            }
        };
        let origin = url_origin(&issuer).ok_or_else(|| internal(&"the provider URL has no origin"))?;
        Ok(Self {
            id: config.id.clone(),
            label: config.label.clone(),
            issuer,
            authority: config.authority.clone(),
            messages,
            cookie: FlowCookie::new(secret, secure, config.id.as_str()),
            http,
            origin,
            protocol,
        })
    }

    /// True when the provider is plain http (configuration allows that only on loopback).
    pub fn is_local(&self) -> bool {
        self.origin.starts_with("http://")
    }

    /// Where to send the browser, and the nonce to expect back (empty without ID tokens).
    pub async fn authorize(&self) -> Result<(Authorize, String), ServiceError> {
        match &self.protocol {
            Protocol::Oidc(discovery) => discovery.authorize().await,
            Protocol::GitHub(github) => Ok((github.authorize(), String::new())),
        }
    }

    /// Who signed in, as the provider vouches for it; `name` as sent beside the code (Apple).
    pub async fn identity(
        &self,
        code: String,
        flow: &Flow,
        name: Option<String>,
    ) -> Result<Identity, ServiceError> {
        match &self.protocol {
            Protocol::Oidc(discovery) => discovery.identity(code, flow, name).await,
            Protocol::GitHub(github) => github.identity(code, &flow.pkce_verifier).await,
        }
    }
}

fn url_origin(url: &str) -> Option<String> {
    Some(openidconnect::url::Url::parse(url).ok()?.origin().ascii_serialization())
}
