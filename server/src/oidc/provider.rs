//! The identity provider as discovered from its issuer URL. Discovery (metadata and signing
//! keys) is cached for a few minutes, so a sign-in costs one round trip to the provider rather
//! than three; a failed discovery is not cached, so the next attempt tries again.

use secrecy::ExposeSecret;
use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use openidconnect::{
    ClientId, ClientSecret, EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, RedirectUrl,
    core::{CoreClient, CoreProviderMetadata},
    reqwest,
};
use tokio::sync::Mutex;

use super::messages;
use crate::{config::GoogleConfig, error::ServiceError};

/// A client made from discovery: authorization and token endpoints set, user info maybe.
pub type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

const DISCOVERY_TTL: Duration = Duration::from_secs(300);
/// Every call to the provider gives up after this long: a hung provider must not hang sign-in.
pub const HTTP_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Provider {
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: ClientSecret,
    redirect: RedirectUrl,
    pub http: reqwest::Client,
    cached: Mutex<Option<(Instant, Arc<Client>)>>,
}

impl Provider {
    pub fn new(config: &GoogleConfig, redirect_url: String) -> Result<Self, ServiceError> {
        let internal = |e: &dyn std::fmt::Display| ServiceError::Internal(e.to_string());
        Ok(Self {
            issuer: IssuerUrl::new(config.issuer_url.clone()).map_err(|e| internal(&e))?,
            client_id: ClientId::new(config.client_id.clone()),
            client_secret: ClientSecret::new(config.client_secret.expose_secret().to_owned()),
            redirect: RedirectUrl::new(redirect_url).map_err(|e| internal(&e))?,
            http: reqwest::Client::builder()
                // Following redirects would let a response steer our requests (SSRF).
                .redirect(reqwest::redirect::Policy::none())
                .timeout(HTTP_TIMEOUT)
                .build()
                .map_err(|e| internal(&e))?,
            cached: Mutex::new(None),
        })
    }

    /// True when the issuer is plain http (configuration allows that only on loopback).
    pub fn is_local(&self) -> bool {
        self.issuer.url().scheme() == "http"
    }

    pub fn origin(&self) -> String {
        self.issuer.url().origin().ascii_serialization()
    }

    /// The client for the provider's current metadata and keys.
    pub async fn client(&self) -> Result<Arc<Client>, ServiceError> {
        let mut cached = self.cached.lock().await;
        if let Some((at, client)) = cached.as_ref()
            && at.elapsed() < DISCOVERY_TTL
        {
            return Ok(client.clone());
        }
        let metadata =
            CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http).await.map_err(|e| {
                tracing::warn!(error = %e, issuer = %self.issuer.as_str(), "OpenID Connect discovery failed");
                ServiceError::Unavailable(messages::UNAVAILABLE)
            })?;
        let client = Arc::new(
            CoreClient::from_provider_metadata(
                metadata,
                self.client_id.clone(),
                Some(self.client_secret.clone()),
            )
            .set_redirect_uri(self.redirect.clone()),
        );
        *cached = Some((Instant::now(), client.clone()));
        Ok(client)
    }

    /// Drops the cached discovery, e.g. when a token names a signing key we do not know yet.
    pub async fn refresh(&self) -> Result<Arc<Client>, ServiceError> {
        *self.cached.lock().await = None;
        self.client().await
    }
}
