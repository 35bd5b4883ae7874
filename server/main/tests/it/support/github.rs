//! A GitHub-shaped OAuth2 server inside the test process: `/login/oauth/access_token` (checks
//! the client secret in the body and PKCE, answers a bad code with 200 and an error body, as
//! GitHub does) and the REST API's `/api/user` and `/api/user/emails` for the token it issued.

use std::{
    collections::HashMap,
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use axum::{
    Form, Json, Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde_json::json;
use tokio::task::JoinHandle;

pub const CLIENT_ID: &str = "github-test";
pub const CLIENT_SECRET: &str = "github-test-secret";

/// A GitHub account: its stable numeric id, its (renamable) login and its addresses as
/// `/user/emails` lists them: (address, primary, verified).
#[derive(Clone, Debug)]
pub struct GitHubUser {
    pub id: u64,
    pub login: String,
    pub name: Option<String>,
    pub emails: Vec<(String, bool, bool)>,
}

impl GitHubUser {
    /// One primary, verified address.
    pub fn new(id: u64, login: &str, email: &str) -> Self {
        Self {
            id,
            login: login.into(),
            name: Some("Grace Hopper".into()),
            emails: vec![(email.into(), true, true)],
        }
    }
}

#[derive(Default)]
struct Inner {
    /// Code -> (user, PKCE challenge).
    grants: HashMap<String, (GitHubUser, String)>,
    /// Access token -> user.
    tokens: HashMap<String, GitHubUser>,
}

#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Inner>>);

pub struct MockGitHub {
    /// Serves both the web endpoints and, under `/api`, the API.
    pub url: String,
    shared: Shared,
    task: JoinHandle<()>,
}

impl MockGitHub {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let shared = Shared::default();
        let router = Router::new()
            .route("/login/oauth/access_token", post(token))
            .route("/api/user", get(user))
            .route("/api/user/emails", get(emails))
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, router).await.unwrap();
        });
        Self { url: format!("http://{addr}"), shared, task }
    }

    /// Stops answering: GitHub is down.
    pub fn stop(&self) {
        self.task.abort();
    }

    /// Plays GitHub's part after the person approves: checks the authorization request and
    /// returns the code it would send back.
    pub fn approve(&self, authorize_url: &url::Url, user: GitHubUser) -> String {
        let param = |name: &str| {
            authorize_url
                .query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        };
        assert_eq!(authorize_url.path(), "/login/oauth/authorize");
        assert_eq!(param("client_id"), CLIENT_ID);
        assert_eq!(param("code_challenge_method"), "S256", "PKCE with S256");
        assert!(param("scope").split(' ').any(|s| s == "user:email"), "asks for the addresses");
        assert!(param("redirect_uri").ends_with("/auth/github/callback"));
        let code = format!("gh-{}", super::unique_name("c"));
        self.shared.0.lock().unwrap().grants.insert(code.clone(), (user, param("code_challenge")));
        code
    }
}

impl Drop for MockGitHub {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn token(State(s): State<Shared>, Form(form): Form<HashMap<String, String>>) -> Response {
    let field = |name: &str| form.get(name).cloned().unwrap_or_default();
    if field("client_id") != CLIENT_ID || field("client_secret") != CLIENT_SECRET {
        return Json(json!({ "error": "incorrect_client_credentials" })).into_response();
    }
    let mut inner = s.0.lock().unwrap();
    let Some((user, challenge)) = inner.grants.remove(&field("code")) else {
        return Json(json!({ "error": "bad_verification_code" })).into_response();
    };
    let verifier = field("code_verifier");
    if URL_SAFE_NO_PAD.encode(ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes())) != challenge {
        return Json(json!({ "error": "bad_verification_code" })).into_response();
    }
    let access = format!("gho_{}", super::unique_name("t"));
    inner.tokens.insert(access.clone(), user);
    Json(json!({ "access_token": access, "token_type": "bearer", "scope": "read:user,user:email" }))
        .into_response()
}

fn authorized(s: &Shared, headers: &HeaderMap) -> Option<GitHubUser> {
    let token = headers.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ")?;
    headers.get(header::USER_AGENT)?; // GitHub refuses requests without one
    s.0.lock().unwrap().tokens.get(token).cloned()
}

async fn user(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let Some(u) = authorized(&s, &headers) else { return StatusCode::UNAUTHORIZED.into_response() };
    Json(json!({ "id": u.id, "login": u.login, "name": u.name, "avatar_url": null })).into_response()
}

async fn emails(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let Some(u) = authorized(&s, &headers) else { return StatusCode::UNAUTHORIZED.into_response() };
    let list: Vec<_> = u
        .emails
        .iter()
        .map(|(email, primary, verified)| json!({ "email": email, "primary": primary, "verified": verified, "visibility": null }))
        .collect();
    Json(list).into_response()
}

impl super::TestApp {
    /// An app whose "GitHub" is `github`.
    pub async fn spawn_with_github(github: &MockGitHub) -> Self {
        let api = format!("{}/api", github.url);
        Self::spawn_with(&[
            ("GITHUB_CLIENT_ID", CLIENT_ID),
            ("GITHUB_CLIENT_SECRET", CLIENT_SECRET),
            ("GITHUB_URL", &github.url),
            ("GITHUB_API_URL", &api),
        ])
        .await
    }
}
