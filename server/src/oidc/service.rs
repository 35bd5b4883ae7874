//! Starting and finishing a sign-in with any configured provider, and connecting or
//! disconnecting one on an account. Account linking never trusts an address the provider has
//! not verified, never links silently where the provider is not authoritative for the address,
//! and never attaches a provider to an account whose own address is unverified (someone could
//! have registered it in advance to take over the real owner's sign-in).

use std::sync::Arc;

use axum::http::{HeaderMap, HeaderValue};
use sqlx::PgPool;
use uuid::Uuid;

use super::{
    flow_cookie::FLOW_TTL,
    flows::{self, Flow},
    identities,
    messages::EXPIRED,
    provider::Provider,
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
    /// Apple's `user` (JSON with the person's name), sent with the first sign-in only.
    pub user: Option<String>,
}

/// The name in Apple's `user` field, `{"name": {"firstName": …, "lastName": …}}`.
fn name_from_user(user: Option<&str>) -> Option<String> {
    let user: serde_json::Value = serde_json::from_str(user.filter(|u| u.len() <= 2048)?).ok()?;
    let part = |key: &str| user.get("name")?.get(key)?.as_str().map(str::trim).map(str::to_owned);
    let full = [part("firstName"), part("lastName")].into_iter().flatten().collect::<Vec<_>>().join(" ");
    (!full.trim().is_empty()).then(|| full.trim().to_owned())
}

#[derive(Debug)]
pub enum Finished {
    /// A session was created; go to `next`.
    SignedIn { user_id: Uuid, token: SessionToken, next: String, created: bool },
    /// The account has two-step verification on: continue to the code step with this pending
    /// sign-in's token.
    NeedsCode { pending: SessionToken },
    /// The provider is now connected to the signed-in account.
    Linked { user_id: Uuid },
    /// The signed-in account's own identity at the provider confirmed who is at this device;
    /// go on to `next`.
    Reconfirmed { next: String },
    /// The person cancelled at the provider; go back to `back`, which shows why.
    Cancelled { back: String },
}

/// A configured provider as pages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderInfo {
    pub id: String,
    pub label: String,
}

/// Sign-in with every configured provider (none configured: no buttons, routes answer 404).
#[derive(Clone)]
pub struct SignInWith {
    pub(super) inner: Arc<Inner>,
}

pub(super) struct Inner {
    pub(super) providers: Vec<Provider>,
    /// Every provider's origin, space-separated, for the pages' `form-action`.
    origins: String,
    pub(super) pool: PgPool,
    pub(super) sessions: Sessions,
    pub(super) profiles: Profiles,
    pub(super) outbox: Outbox,
}

/// The verified facts about the person who signed in that we act on.
pub(crate) struct Identity {
    pub(crate) subject: String,
    pub(crate) email: EmailAddress,
    pub(crate) name: Option<String>,
    pub(crate) picture: Option<String>,
    /// The hosted domain (`hd`) of a Google Workspace account.
    pub(crate) hosted_domain: Option<String>,
    /// Microsoft's `xms_edov`: the address's domain owner verified it.
    pub(crate) owner_verified: bool,
}

impl SignInWith {
    pub fn new(
        config: &Config,
        pool: PgPool,
        sessions: Sessions,
        profiles: Profiles,
        outbox: Outbox,
    ) -> Result<Self, ServiceError> {
        let secret = config.secret_key.as_bytes();
        let providers = config
            .providers
            .iter()
            .map(|p| Provider::new(p, &config.service_domain, secret, config.is_production()))
            .collect::<Result<Vec<_>, _>>()?;
        let mut origins: Vec<&str> = providers.iter().map(|p| p.origin.as_str()).collect();
        origins.dedup();
        let origins = origins.join(" ");
        Ok(Self { inner: Arc::new(Inner { providers, origins, pool, sessions, profiles, outbox }) })
    }

    /// The configured providers, in button order.
    pub fn list(&self) -> Vec<ProviderInfo> {
        self.inner
            .providers
            .iter()
            .map(|p| ProviderInfo { id: p.id.to_string(), label: p.label.clone() })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.inner.providers.is_empty()
    }

    /// The providers' origins, where the browser is sent to sign in.
    pub fn origins(&self) -> &str {
        &self.inner.origins
    }

    pub(crate) fn provider(&self, id: &str) -> Result<&Provider, ServiceError> {
        self.inner.providers.iter().find(|p| p.id.as_str() == id).ok_or(ServiceError::NotFound)
    }

    /// The cookie that ends `id`'s attempt in this browser.
    pub fn clear_cookie(&self, id: &str) -> Option<HeaderValue> {
        self.provider(id).ok().map(|p| p.cookie.clear())
    }

    /// Begins an attempt: PKCE, `state` (and `nonce`) are fresh; `link_user` connects the
    /// provider to that (signed-in) account instead of signing in.
    pub async fn start(
        &self,
        id: &str,
        next: String,
        link_user: Option<Uuid>,
    ) -> Result<Started, ServiceError> {
        let provider = self.provider(id)?;
        let (authorize, nonce) = provider.authorize().await?;
        let flow = Flow {
            provider: provider.id.to_string(),
            pkce_verifier: authorize.pkce_verifier,
            nonce,
            next,
            link_user_id: link_user,
        };
        flows::insert(&self.inner.pool, &authorize.state, &flow, FLOW_TTL).await?;
        Ok(Started { location: authorize.url, cookie: provider.cookie.set(&authorize.state) })
    }

    /// Finishes an attempt from the provider's redirect. `current_user` is the session's user,
    /// if any: a connect attempt must finish in the account that started it.
    pub async fn finish(
        &self,
        id: &str,
        headers: &HeaderMap,
        params: CallbackParams,
        current_user: Option<Uuid>,
        client_info: &ClientInfo,
    ) -> Result<Finished, ServiceError> {
        let provider = self.provider(id)?;
        let expired = ServiceError::BadRequest(EXPIRED);
        let bound = match (provider.cookie.state(headers), params.state.as_deref()) {
            (Some(cookie), Some(query)) if flows::state_hash(&cookie) == flows::state_hash(query) => {
                Some(cookie)
            }
            _ => None,
        };
        let flow = match &bound {
            Some(state) => flows::take(&self.inner.pool, state).await?,
            None => None,
        }
        // Started with another provider: its code means nothing here.
        .filter(|flow| flow.provider == provider.id.as_str());
        if let Some(error) = params.error.as_deref() {
            let back = match flow.as_ref().and_then(|f| f.link_user_id) {
                Some(_) => format!("/account/security?{id}=cancelled"),
                None => format!("/login?{id}=cancelled"),
            };
            return match error {
                "access_denied" => Ok(Finished::Cancelled { back }),
                "temporarily_unavailable" | "server_error" => Err(provider.messages.unavailable()),
                other => {
                    // Debug-formatted: the value comes from the URL, and escaping keeps a crafted
                    // `%0A` from forging a log line.
                    tracing::warn!(error = ?other.chars().take(64).collect::<String>(), "the provider returned an error");
                    Err(provider.messages.rejected())
                }
            };
        }
        let Some(flow) = flow else { return Err(expired) };
        if flow.link_user_id.is_some() && flow.link_user_id != current_user {
            return Err(expired);
        }
        let Some(code) = params.code.filter(|c| !c.is_empty() && c.len() <= 2048) else {
            return Err(provider.messages.rejected());
        };
        let identity = provider.identity(code, &flow, name_from_user(params.user.as_deref())).await?;
        match flow.link_user_id {
            Some(user_id)
                if identities::user_for(&self.inner.pool, &provider.issuer, &identity.subject).await?
                    == Some(user_id) =>
            {
                Ok(Finished::Reconfirmed { next: flow.next })
            }
            Some(user_id) => self.link(provider, user_id, &identity, client_info).await,
            None => self.sign_in(provider, identity, flow.next, client_info).await,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn apples_user_field_names_the_person() {
        let user =
            r#"{"name":{"firstName":"Ada","lastName":"Lovelace"},"email":"x@privaterelay.appleid.com"}"#;
        assert_eq!(super::name_from_user(Some(user)).as_deref(), Some("Ada Lovelace"));
        assert_eq!(super::name_from_user(Some(r#"{"name":{"firstName":" "}}"#)), None);
        assert_eq!(super::name_from_user(Some("not json")), None);
        assert_eq!(super::name_from_user(None), None);
    }
}
