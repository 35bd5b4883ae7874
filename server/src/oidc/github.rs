//! GitHub's OAuth2 sign-in: no ID token, so who signed in is read from its REST API with the
//! access token: the account's numeric id (stable; the login can be renamed and reused) from
//! `/user`, and the address from `/user/emails`, primary and verified only. GitHub is never
//! authoritative for an address (see `authority`).

use openidconnect::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, OAuth2TokenResponse, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope, TokenUrl, reqwest,
};
use serde::Deserialize;

use super::{messages::Messages, service::Identity};
use crate::{domain::EmailAddress, error::ServiceError};

type Client = oauth2::basic::BasicClient<
    oauth2::EndpointSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointNotSet,
    oauth2::EndpointSet,
>;

pub struct GitHub {
    client: Client,
    api_url: String,
    http: reqwest::Client,
    messages: &'static Messages,
}

/// Where to send the browser, and what the callback needs.
pub struct Authorize {
    pub url: String,
    pub state: String,
    pub pkce_verifier: String,
}

#[derive(Deserialize)]
struct User {
    id: u64,
    name: Option<String>,
    avatar_url: Option<String>,
}

#[derive(Deserialize)]
struct Email {
    email: String,
    primary: bool,
    verified: bool,
}

impl GitHub {
    pub fn new(
        web_url: &str,
        api_url: &str,
        client_id: ClientId,
        client_secret: ClientSecret,
        redirect: RedirectUrl,
        http: reqwest::Client,
        messages: &'static Messages,
    ) -> Result<Self, ServiceError> {
        let internal = |e: &dyn std::fmt::Display| ServiceError::Internal(e.to_string());
        let client = oauth2::basic::BasicClient::new(client_id)
            .set_client_secret(client_secret)
            .set_auth_type(oauth2::AuthType::RequestBody)
            .set_auth_uri(AuthUrl::new(format!("{web_url}/login/oauth/authorize")).map_err(|e| internal(&e))?)
            .set_token_uri(
                TokenUrl::new(format!("{web_url}/login/oauth/access_token")).map_err(|e| internal(&e))?,
            )
            .set_redirect_uri(redirect);
        Ok(Self { client, api_url: api_url.to_owned(), http, messages })
    }

    pub fn authorize(&self) -> Authorize {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state) = self
            .client
            .authorize_url(CsrfToken::new_random)
            .add_scope(Scope::new("read:user".into()))
            .add_scope(Scope::new("user:email".into()))
            .set_pkce_challenge(challenge)
            .url();
        Authorize {
            url: url.to_string(),
            state: state.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        }
    }

    /// Exchanges the code (with the PKCE verifier), then reads the person from the API.
    pub async fn identity(&self, code: String, pkce_verifier: &str) -> Result<Identity, ServiceError> {
        let token = self
            .client
            .exchange_code(AuthorizationCode::new(code))
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                // GitHub answers a bad code with 200 and an error body, which does not parse.
                RequestTokenError::ServerResponse(_) | RequestTokenError::Parse(..) => {
                    tracing::warn!(error = %e, "GitHub refused the authorization code");
                    self.messages.rejected()
                }
                other => {
                    tracing::warn!(error = %other, "the GitHub token request failed");
                    self.messages.unavailable()
                }
            })?;
        let access = token.access_token().secret();
        let user: User = self.get(access, "/user").await?;
        let emails: Vec<Email> = self.get(access, "/user/emails").await?;
        let email = emails
            .iter()
            .find(|e| e.primary && e.verified)
            .and_then(|e| EmailAddress::parse(&e.email).ok())
            .ok_or_else(|| self.messages.email_unverified())?;
        Ok(Identity {
            subject: user.id.to_string(),
            email,
            name: user.name.filter(|n| !n.trim().is_empty()),
            picture: user.avatar_url,
            hosted_domain: None,
            owner_verified: false,
        })
    }

    async fn get<T: for<'de> Deserialize<'de>>(&self, access: &str, path: &str) -> Result<T, ServiceError> {
        let unavailable = |e: &dyn std::fmt::Display| {
            tracing::warn!(error = %e, path, "a GitHub API request failed");
            self.messages.unavailable()
        };
        let response = self
            .http
            .get(format!("{}{path}", self.api_url))
            .bearer_auth(access)
            .header(reqwest::header::ACCEPT, "application/vnd.github+json")
            .header(reqwest::header::USER_AGENT, "accounts")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .send()
            .await
            .map_err(|e| unavailable(&e))?;
        let status = response.status();
        if status.is_client_error() {
            tracing::warn!(%status, path, "GitHub refused the access token");
            return Err(self.messages.rejected());
        }
        if !status.is_success() {
            return Err(unavailable(&status));
        }
        let body = response.bytes().await.map_err(|e| unavailable(&e))?;
        serde_json::from_slice(&body).map_err(|e| {
            tracing::warn!(error = %e, path, "GitHub answered something unexpected");
            self.messages.rejected()
        })
    }
}
