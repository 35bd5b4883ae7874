//! An OpenID Connect provider as discovered from its issuer URL. Discovery (metadata and signing
//! keys) is cached for a few minutes, so a sign-in costs one round trip to the provider rather
//! than three; a failed discovery is not cached, so the next attempt tries again.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use openidconnect::{
    AuthType, AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    RequestTokenError, Scope, TokenResponse,
    core::{CoreClient, CoreIdTokenClaims, CoreJsonWebKeySet, CoreProviderMetadata, CoreResponseType},
    reqwest,
};
use tokio::sync::Mutex;

use super::{
    apple_secret::AppleSecret, authority::ExtraClaims, flows::Flow, github::Authorize, messages::Messages,
    service::Identity,
};
use crate::{domain::EmailAddress, error::ServiceError};

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

/// Microsoft's personal accounts (outlook.com, hotmail.com …): one tenant, whose addresses
/// Microsoft has verified.
const CONSUMER_TENANT: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";

/// Microsoft's tenants. Identities are keyed by tenant and object id (`<tid>:<oid>`), never by
/// the `email` claim, which a tenant's administrator can set to any address ("nOAuth"); the
/// address is taken only when its domain owner verified it (`xms_edov`) or it is a personal
/// account's. With a multi-tenant endpoint (`common`, `organizations`, `consumers`) discovery
/// names no single issuer, so each token's `iss` must be `<base_url>/<its tid>/v2.0`.
pub struct Tenancy {
    pub base_url: String,
    pub multi: bool,
}

/// What sets a provider apart from a plain OpenID Connect one.
pub enum Flavor {
    Standard,
    Microsoft(Tenancy),
    /// The answer is posted back (`form_post`), the scopes are `name email`, and the client
    /// secret is a JWT made afresh with each client.
    Apple(Box<AppleSecret>),
}

/// Built by [`super::provider::Provider::new`].
pub struct Discovery {
    pub(super) issuer: IssuerUrl,
    pub(super) client_id: ClientId,
    pub(super) client_secret: ClientSecret,
    pub(super) redirect: RedirectUrl,
    pub(super) http: reqwest::Client,
    pub(super) messages: &'static Messages,
    pub(super) flavor: Flavor,
    pub(super) cached: Mutex<Option<(Instant, Arc<Client>)>>,
}

impl Discovery {
    /// Multi-tenant discovery: the document's issuer is a template (`{tenantid}`), so it is read
    /// without the issuer check the library makes; tokens are checked one by one instead.
    async fn discover_multi_tenant(&self) -> Result<CoreProviderMetadata, String> {
        let url = format!("{}/.well-known/openid-configuration", self.issuer.as_str());
        let response = self.http.get(url).send().await.map_err(|e| e.to_string())?;
        let body = response
            .error_for_status()
            .map_err(|e| e.to_string())?
            .bytes()
            .await
            .map_err(|e| e.to_string())?;
        let metadata: CoreProviderMetadata = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
        let jwks = CoreJsonWebKeySet::fetch_async(metadata.jwks_uri(), &self.http)
            .await
            .map_err(|e| e.to_string())?;
        Ok(metadata.set_jwks(jwks))
    }

    /// The client for the provider's current metadata and keys.
    pub async fn client(&self) -> Result<Arc<Client>, ServiceError> {
        let mut cached = self.cached.lock().await;
        if let Some((at, client)) = cached.as_ref()
            && at.elapsed() < DISCOVERY_TTL
        {
            return Ok(client.clone());
        }
        let metadata = match &self.flavor {
            Flavor::Microsoft(tenancy) if tenancy.multi => self.discover_multi_tenant().await,
            _ => CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
                .await
                .map_err(|e| e.to_string()),
        }
        .map_err(|e| {
            tracing::warn!(error = %e, issuer = %self.issuer.as_str(), "OpenID Connect discovery failed");
            self.messages.unavailable()
        })?;
        let (secret, auth_type) = match &self.flavor {
            Flavor::Apple(apple) => (ClientSecret::new(apple.make()?), AuthType::RequestBody),
            _ => (self.client_secret.clone(), AuthType::BasicAuth),
        };
        let client = Arc::new(
            CoreClient::from_provider_metadata(metadata, self.client_id.clone(), Some(secret))
                .set_auth_type(auth_type)
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

    /// Where to send the browser: the code flow with `openid email profile`, PKCE (S256), and a
    /// fresh `state` and `nonce`.
    pub async fn authorize(&self) -> Result<(Authorize, String), ServiceError> {
        let client = self.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .set_pkce_challenge(challenge);
        let (url, state, nonce) = match self.flavor {
            Flavor::Apple(_) => request
                .add_scope(Scope::new("name".into()))
                .add_extra_param("response_mode", "form_post")
                .url(),
            _ => request.add_scope(Scope::new("profile".into())).url(),
        };
        let authorize = Authorize {
            url: url.to_string(),
            state: state.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        };
        Ok((authorize, nonce.secret().clone()))
    }

    /// Exchanges the code (with the PKCE verifier) and verifies the ID token: signature
    /// against the provider's keys, issuer, audience, expiry and nonce.
    /// `name` is the name the provider sent beside the code (Apple, on the first sign-in only),
    /// used when the ID token carries none.
    pub async fn identity(
        &self,
        code: String,
        flow: &Flow,
        name: Option<String>,
    ) -> Result<Identity, ServiceError> {
        let messages = self.messages;
        let client = self.client().await?;
        let response = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| ServiceError::Internal(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(r) => {
                    tracing::warn!(error = %r.error(), "the provider refused the authorization code");
                    messages.rejected()
                }
                other => {
                    tracing::warn!(error = %other, "the token request failed");
                    messages.unavailable()
                }
            })?;
        let id_token = response.id_token().ok_or_else(|| {
            tracing::warn!("the token response had no ID token");
            messages.rejected()
        })?;
        let nonce = Nonce::new(flow.nonce.clone());
        let multi_tenant = matches!(&self.flavor, Flavor::Microsoft(t) if t.multi);
        let verify = |client: &Client| -> Result<CoreIdTokenClaims, String> {
            // Multi-tenant: the issuer is checked against the token's own tenant below.
            let verifier = client.id_token_verifier().require_issuer_match(!multi_tenant);
            id_token.claims(&verifier, &nonce).cloned().map_err(|e| e.to_string())
        };
        let claims = match verify(&client) {
            Ok(claims) => claims,
            // The provider may have rotated its keys since we cached them: look once more.
            Err(_) => verify(self.refresh().await?.as_ref()).map_err(|reason| {
                tracing::warn!(%reason, "an ID token failed verification");
                messages.rejected()
            })?,
        };
        let extra = ExtraClaims::read(&id_token.to_string());
        let rejected = |why: &str| {
            tracing::warn!(why, "an ID token was refused");
            messages.rejected()
        };
        let (subject, email_verified) = match &self.flavor {
            Flavor::Standard | Flavor::Apple(_) => {
                (claims.subject().as_str().to_owned(), claims.email_verified() == Some(true))
            }
            Flavor::Microsoft(tenancy) => {
                let (Some(tid), Some(oid)) = (&extra.tid, &extra.oid) else {
                    return Err(rejected("no tenant or object id"));
                };
                if extra.iss.as_deref() != Some(format!("{}/{tid}/v2.0", tenancy.base_url).as_str()) {
                    return Err(rejected("the issuer is not the token's own tenant"));
                }
                (format!("{tid}:{oid}"), extra.xms_edov || tid == CONSUMER_TENANT)
            }
        };
        if !email_verified {
            return Err(messages.email_unverified());
        }
        let email = claims
            .email()
            .and_then(|e| EmailAddress::parse(e.as_str()).ok())
            .ok_or_else(|| messages.email_unverified())?;
        if subject.is_empty() || subject.len() > 255 || subject.chars().any(char::is_control) {
            tracing::warn!("an ID token had an unusable subject");
            return Err(messages.rejected());
        }
        Ok(Identity {
            subject,
            email,
            name: claims.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned()).or(name),
            picture: claims.picture().and_then(|p| p.get(None)).map(|p| p.as_str().to_owned()),
            hosted_domain: extra.hd,
            owner_verified: extra.xms_edov,
        })
    }
}
