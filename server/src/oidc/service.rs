//! Starting and finishing a Google sign-in, and connecting or disconnecting Google on an
//! account. Account linking never trusts an address the provider has not verified, and never
//! attaches Google to an account whose own address is unverified (someone could have
//! registered it in advance to take over the real owner's Google sign-in).

use std::sync::Arc;

use axum::http::{HeaderMap, HeaderValue};
use openidconnect::{
    AuthenticationFlow, AuthorizationCode, CsrfToken, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    RequestTokenError, Scope, TokenResponse,
    core::{CoreIdTokenClaims, CoreResponseType},
};
use sqlx::PgPool;
use uuid::Uuid;

use super::{
    authority,
    flow_cookie::{FLOW_TTL, FlowCookie},
    flows::{self, Flow},
    identities, messages,
    provider::{Client, Provider},
};
use crate::{
    config::Config,
    domain::EmailAddress,
    error::ServiceError,
    mail::Outbox,
    profile::Profiles,
    session::{ClientInfo, SessionToken, Sessions},
};

/// Where to send the browser to begin, and the cookie that binds the attempt to it.
pub struct Started {
    pub location: String,
    pub cookie: HeaderValue,
}

/// The query of the provider's redirect back to us.
#[derive(Debug, Default, Clone)]
pub struct CallbackParams {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
}

#[derive(Debug)]
pub enum Finished {
    /// A session was created; go to `next`.
    SignedIn { user_id: Uuid, token: SessionToken, next: String, created: bool },
    /// The account has two-step verification on: continue to the code step with this pending
    /// sign-in's token.
    NeedsCode { pending: SessionToken },
    /// Google is now connected to the signed-in account.
    Linked { user_id: Uuid },
    /// The signed-in account's own Google confirmed who is at this device; go on to `next`.
    Reconfirmed { next: String },
    /// The person cancelled at the provider; go back to `back`, which shows why.
    Cancelled { back: String },
}

#[derive(Clone)]
pub struct GoogleSignIn {
    pub(super) inner: Arc<Inner>,
}

pub(super) struct Inner {
    pub(super) provider: Provider,
    /// Identities are keyed by (issuer, subject).
    pub(super) issuer: String,
    pub(super) cookie: FlowCookie,
    pub(super) pool: PgPool,
    pub(super) sessions: Sessions,
    pub(super) profiles: Profiles,
    pub(super) outbox: Outbox,
}

/// The verified facts from an ID token that we act on.
pub(super) struct Identity {
    pub(super) subject: String,
    pub(super) email: EmailAddress,
    pub(super) name: Option<String>,
    pub(super) picture: Option<String>,
    /// The hosted domain (`hd`) of a Google Workspace account.
    pub(super) hosted_domain: Option<String>,
}

impl GoogleSignIn {
    /// `None` when Google sign-in is not configured.
    pub fn new(
        config: &Config,
        pool: PgPool,
        sessions: Sessions,
        profiles: Profiles,
        outbox: Outbox,
    ) -> Result<Option<Self>, ServiceError> {
        let Some(google) = &config.google else { return Ok(None) };
        let redirect = format!("{}/auth/google/callback", config.service_domain);
        let inner = Inner {
            provider: Provider::new(google, redirect)?,
            issuer: google.issuer_url.clone(),
            cookie: FlowCookie::new(config.secret_key.as_bytes(), config.is_production()),
            pool,
            sessions,
            profiles,
            outbox,
        };
        Ok(Some(Self { inner: Arc::new(inner) }))
    }

    /// The provider's origin, where the browser is sent to sign in.
    pub fn origin(&self) -> String {
        self.inner.provider.origin()
    }

    pub fn cookie(&self) -> &FlowCookie {
        &self.inner.cookie
    }

    /// Begins an attempt: PKCE, `state` and `nonce` are fresh; `link_user` connects Google to
    /// that (signed-in) account instead of signing in.
    pub async fn start(&self, next: String, link_user: Option<Uuid>) -> Result<Started, ServiceError> {
        let client = self.inner.provider.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let flow = Flow {
            pkce_verifier: verifier.secret().clone(),
            nonce: nonce.secret().clone(),
            next,
            link_user_id: link_user,
        };
        flows::insert(&self.inner.pool, state.secret(), &flow, FLOW_TTL).await?;
        Ok(Started { location: url.to_string(), cookie: self.inner.cookie.set(state.secret()) })
    }

    /// Finishes an attempt from the provider's redirect. `current_user` is the session's user,
    /// if any: a connect attempt must finish in the account that started it.
    pub async fn finish(
        &self,
        headers: &HeaderMap,
        params: CallbackParams,
        current_user: Option<Uuid>,
        client_info: &ClientInfo,
    ) -> Result<Finished, ServiceError> {
        let expired = ServiceError::BadRequest(messages::EXPIRED);
        let bound = match (self.inner.cookie.state(headers), params.state.as_deref()) {
            (Some(cookie), Some(query)) if flows::state_hash(&cookie) == flows::state_hash(query) => {
                Some(cookie)
            }
            _ => None,
        };
        let flow = match &bound {
            Some(state) => flows::take(&self.inner.pool, state).await?,
            None => None,
        };
        if let Some(error) = params.error.as_deref() {
            let back = match flow.as_ref().and_then(|f| f.link_user_id) {
                Some(_) => "/account/security?google=cancelled".to_owned(),
                None => "/login?google=cancelled".to_owned(),
            };
            return match error {
                "access_denied" => Ok(Finished::Cancelled { back }),
                "temporarily_unavailable" | "server_error" => {
                    Err(ServiceError::Unavailable(messages::UNAVAILABLE))
                }
                other => {
                    // Debug-formatted: the value comes from the URL, and escaping keeps a crafted
                    // `%0A` from forging a log line.
                    tracing::warn!(error = ?other.chars().take(64).collect::<String>(), "the provider returned an error");
                    Err(ServiceError::BadRequest(messages::REJECTED))
                }
            };
        }
        let Some(flow) = flow else { return Err(expired) };
        if flow.link_user_id.is_some() && flow.link_user_id != current_user {
            return Err(expired);
        }
        let Some(code) = params.code.filter(|c| !c.is_empty() && c.len() <= 2048) else {
            return Err(ServiceError::BadRequest(messages::REJECTED));
        };
        let identity = self.verified_identity(code, &flow).await?;
        match flow.link_user_id {
            Some(user_id)
                if identities::user_for(&self.inner.pool, &self.inner.issuer, &identity.subject).await?
                    == Some(user_id) =>
            {
                Ok(Finished::Reconfirmed { next: flow.next })
            }
            Some(user_id) => self.link(user_id, &identity, client_info).await,
            None => self.sign_in(identity, flow.next, client_info).await,
        }
    }

    /// Exchanges the code (with the PKCE verifier) and verifies the ID token: signature
    /// against the provider's keys, issuer, audience, expiry and nonce.
    async fn verified_identity(&self, code: String, flow: &Flow) -> Result<Identity, ServiceError> {
        let provider = &self.inner.provider;
        let client = provider.client().await?;
        let response = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| ServiceError::Internal(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone()))
            .request_async(&provider.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(r) => {
                    tracing::warn!(error = %r.error(), "the provider refused the authorization code");
                    ServiceError::BadRequest(messages::REJECTED)
                }
                other => {
                    tracing::warn!(error = %other, "the token request failed");
                    ServiceError::Unavailable(messages::UNAVAILABLE)
                }
            })?;
        let id_token = response.id_token().ok_or_else(|| {
            tracing::warn!("the token response had no ID token");
            ServiceError::BadRequest(messages::REJECTED)
        })?;
        let nonce = Nonce::new(flow.nonce.clone());
        let verify = |client: &Client| -> Result<CoreIdTokenClaims, String> {
            id_token.claims(&client.id_token_verifier(), &nonce).cloned().map_err(|e| e.to_string())
        };
        let claims = match verify(&client) {
            Ok(claims) => claims,
            // The provider may have rotated its keys since we cached them: look once more.
            Err(_) => verify(provider.refresh().await?.as_ref()).map_err(|reason| {
                tracing::warn!(%reason, "an ID token failed verification");
                ServiceError::BadRequest(messages::REJECTED)
            })?,
        };
        if claims.email_verified() != Some(true) {
            return Err(ServiceError::BadRequest(messages::EMAIL_UNVERIFIED));
        }
        let email = claims
            .email()
            .and_then(|e| EmailAddress::parse(e.as_str()).ok())
            .ok_or(ServiceError::BadRequest(messages::EMAIL_UNVERIFIED))?;
        let subject = claims.subject().as_str().to_owned();
        if subject.is_empty() || subject.len() > 255 || subject.chars().any(char::is_control) {
            tracing::warn!("an ID token had an unusable subject");
            return Err(ServiceError::BadRequest(messages::REJECTED));
        }
        Ok(Identity {
            subject,
            email,
            name: claims.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned()),
            picture: claims.picture().and_then(|p| p.get(None)).map(|p| p.as_str().to_owned()),
            hosted_domain: authority::hosted_domain(&id_token.to_string()),
        })
    }
}
