//! A small OpenID Connect provider inside the test process, for the checks a real provider will
//! not help with: it signs ID tokens with keys and claims the test chooses (wrong key, audience,
//! issuer, nonce, expired), checks PKCE at its token endpoint, and can be stopped mid-flow.
//! Browser tests use a real provider (npm `oidc-provider`, started by scripts/test.sh).

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
use openidconnect::{
    AdditionalClaims, Audience, EndUserEmail, EndUserName, EndUserPictureUrl, IdToken, IdTokenClaims,
    IssuerUrl, JsonWebKeyId, LocalizedClaim, Nonce, PrivateSigningKey, StandardClaims, SubjectIdentifier,
    core::{
        CoreGenderClaim, CoreJsonWebKeySet, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
        CoreRsaPrivateSigningKey,
    },
};

/// Google's `hd` claim (hosted domain of a Workspace account), absent for consumer accounts;
/// Microsoft's tenant and object ids and `xms_edov`.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct HostedDomain {
    #[serde(skip_serializing_if = "Option::is_none")]
    hd: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    oid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    xms_edov: Option<bool>,
}

impl AdditionalClaims for HostedDomain {}

type GoogleIdToken =
    IdToken<HostedDomain, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;
use serde_json::json;
use tokio::task::JoinHandle;

pub use super::flow::{Started, started, started_for};

pub const CLIENT_ID: &str = "accounts-test";
pub const CLIENT_SECRET: &str = "accounts-test-secret";
const KEY: &str = include_str!("oidc_key.pem");
/// Another key published under the same key id: tokens it signs must fail verification.
const OTHER_KEY: &str = include_str!("oidc_other_key.pem");

/// How the next ID token is made wrong, if at all.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tamper {
    None,
    WrongSignature,
    WrongAudience,
    WrongIssuer,
    WrongNonce,
    Expired,
}

/// The person who signs in at the provider.
#[derive(Clone, Debug)]
pub struct Person {
    pub subject: String,
    pub email: String,
    pub email_verified: bool,
    pub name: Option<String>,
    pub with_picture: bool,
    /// The `hd` claim, for a Google Workspace account.
    pub hosted_domain: Option<String>,
    /// Microsoft: the tenant (its issuer is `<base>/<tid>/v2.0`, and then no `email_verified`
    /// is sent, as Microsoft sends none), the object id and `xms_edov`.
    pub tid: Option<String>,
    pub oid: Option<String>,
    pub xms_edov: Option<bool>,
}

impl Person {
    pub fn new(subject: &str, email: &str) -> Self {
        Self {
            subject: subject.into(),
            email: email.into(),
            email_verified: true,
            name: Some("Ada Lovelace".into()),
            with_picture: false,
            hosted_domain: None,
            tid: None,
            oid: None,
            xms_edov: None,
        }
    }
}

struct Grant {
    person: Person,
    nonce: String,
    challenge: String,
    tamper: Tamper,
}

#[derive(Default)]
struct Inner {
    grants: HashMap<String, Grant>,
    token_requests: usize,
}

#[derive(Clone)]
struct Shared {
    issuer: String,
    /// Microsoft-shaped: discovery under `/<tenant>/v2.0` with a `{tenantid}` issuer template.
    microsoft: bool,
    /// Apple-shaped: the client secret comes in the body, an ES256 JWT this public key verifies.
    apple_key: Option<Vec<u8>>,
    inner: Arc<Mutex<Inner>>,
}

pub struct MockProvider {
    pub issuer: String,
    shared: Shared,
    task: JoinHandle<()>,
}

fn key(pem: &str) -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new("test-key".into()))).expect("test key")
}

impl MockProvider {
    pub async fn start() -> Self {
        Self::start_shaped(false, None).await
    }

    /// Microsoft's identity platform: `issuer` is then the authority host (`MICROSOFT_URL`).
    pub async fn start_microsoft() -> Self {
        Self::start_shaped(true, None).await
    }

    /// Sign in with Apple, trusting client secrets signed by `public_key` (see `support::apple`).
    pub async fn start_apple(public_key: Vec<u8>) -> Self {
        Self::start_shaped(false, Some(public_key)).await
    }

    async fn start_shaped(microsoft: bool, apple_key: Option<Vec<u8>>) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let issuer = format!("http://{addr}");
        let shared = Shared { issuer: issuer.clone(), microsoft, apple_key, inner: Arc::default() };
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/{tenant}/v2.0/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/token", post(token))
            .route("/picture.png", get(picture))
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, router).await.unwrap();
        });
        Self { issuer, shared, task }
    }

    /// Stops answering: the provider is down.
    pub fn stop(&self) {
        self.task.abort();
    }

    /// Plays the provider's part after the person approves: records a code for the request
    /// in `authorize_url` and returns it.
    pub fn approve(&self, authorize_url: &url::Url, person: Person, tamper: Tamper) -> String {
        let param = |name: &str| {
            authorize_url
                .query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        };
        assert_eq!(param("client_id"), CLIENT_ID);
        assert_eq!(param("code_challenge_method"), "S256", "PKCE with S256");
        assert!(param("scope").split(' ').any(|s| s == "openid"));
        let code = format!("code-{}", super::unique_name("c"));
        let grant = Grant { person, nonce: param("nonce"), challenge: param("code_challenge"), tamper };
        self.shared.inner.lock().unwrap().grants.insert(code.clone(), grant);
        code
    }

    pub fn token_requests(&self) -> usize {
        self.shared.inner.lock().unwrap().token_requests
    }
}

impl Drop for MockProvider {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn discovery(State(s): State<Shared>) -> Json<serde_json::Value> {
    let i = &s.issuer;
    let issuer = if s.microsoft { format!("{i}/{{tenantid}}/v2.0") } else { i.clone() };
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{i}/authorize"),
        "token_endpoint": format!("{i}/token"),
        "jwks_uri": format!("{i}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
        "scopes_supported": ["openid", "email", "profile"],
        "claims_supported": ["sub", "email", "email_verified", "name", "picture"],
    }))
}

async fn jwks() -> Json<CoreJsonWebKeySet> {
    Json(CoreJsonWebKeySet::new(vec![key(KEY).as_verification_key()]))
}

async fn picture() -> Response {
    let img = image::RgbImage::from_pixel(32, 32, image::Rgb([200, 40, 40]));
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    ([(header::CONTENT_TYPE, "image/png")], png).into_response()
}

fn oauth_error(code: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({ "error": code }))).into_response()
}

async fn token(
    State(s): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"))
    );
    let client_ok = match &s.apple_key {
        Some(key) => {
            form.get("client_id").map(String::as_str) == Some(CLIENT_ID)
                && super::apple::secret_is_valid(
                    key,
                    form.get("client_secret").map_or("", String::as_str),
                    &s.issuer,
                )
        }
        None => headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) == Some(basic.as_str()),
    };
    if !client_ok {
        return (StatusCode::UNAUTHORIZED, Json(json!({ "error": "invalid_client" }))).into_response();
    }
    let mut inner = s.inner.lock().unwrap();
    inner.token_requests += 1;
    let Some(grant) = form.get("code").and_then(|c| inner.grants.remove(c)) else {
        return oauth_error("invalid_grant");
    };
    let verifier = form.get("code_verifier").cloned().unwrap_or_default();
    let challenge = URL_SAFE_NO_PAD.encode(ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes()));
    if challenge != grant.challenge {
        return oauth_error("invalid_grant");
    }
    let now = chrono::Utc::now();
    let (issued, expires) = match grant.tamper {
        Tamper::Expired => (now - chrono::Duration::hours(2), now - chrono::Duration::hours(1)),
        _ => (now, now + chrono::Duration::minutes(5)),
    };
    let issuer = match (&grant.person.tid, grant.tamper) {
        (_, Tamper::WrongIssuer) => "https://evil.example".into(),
        (Some(tid), _) => format!("{}/{tid}/v2.0", s.issuer),
        (None, _) => s.issuer.clone(),
    };
    let audience = if grant.tamper == Tamper::WrongAudience { "someone-else" } else { CLIENT_ID };
    let nonce = if grant.tamper == Tamper::WrongNonce { "not-the-nonce".into() } else { grant.nonce.clone() };
    let p = &grant.person;
    let mut standard = StandardClaims::new(SubjectIdentifier::new(p.subject.clone()))
        .set_email(Some(EndUserEmail::new(p.email.clone())))
        .set_email_verified(p.tid.is_none().then_some(p.email_verified))
        .set_name(p.name.clone().map(|n| LocalizedClaim::from(EndUserName::new(n))));
    if p.with_picture {
        standard = standard.set_picture(Some(LocalizedClaim::from(EndUserPictureUrl::new(format!(
            "{}/picture.png",
            s.issuer
        )))));
    }
    let claims = IdTokenClaims::new(
        IssuerUrl::new(issuer).unwrap(),
        vec![Audience::new(audience.into())],
        expires,
        issued,
        standard,
        HostedDomain {
            hd: p.hosted_domain.clone(),
            tid: p.tid.clone(),
            oid: p.oid.clone(),
            xms_edov: p.xms_edov,
        },
    )
    .set_nonce(Some(Nonce::new(nonce)));
    let signer = key(if grant.tamper == Tamper::WrongSignature { OTHER_KEY } else { KEY });
    let id_token =
        GoogleIdToken::new(claims, &signer, CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256, None, None)
            .unwrap();
    Json(json!({
        "access_token": "test-access-token",
        "token_type": "Bearer",
        "expires_in": 300,
        "id_token": id_token.to_string(),
    }))
    .into_response()
}
