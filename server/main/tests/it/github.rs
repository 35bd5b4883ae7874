//! Providers as data: GitHub (OAuth2 and its REST API, never authoritative for an address) and
//! a generic OpenID Connect provider authoritative for its own domain, beside Google, each
//! against a fake the test controls.

use crate::support::{
    TestApp,
    accounts::{json, path, session_cookie},
    github::{GitHubUser, MockGitHub},
    oidc::{MockProvider, Person, Tamper, started_for},
};
use app::api::providers::{DisconnectProvider, ProviderConnections};
use reqwest::{Response, StatusCode, header};

const EXISTS: &str = "An account with this email exists. Sign in with your password to connect GitHub.";

fn location(res: &Response) -> String {
    res.headers().get(header::LOCATION).expect("a redirect").to_str().unwrap().to_owned()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.state.pool).await.unwrap()
}

async fn body_has(res: Response, text: &str) {
    let body = res.text().await.unwrap();
    assert!(body.contains(text), "expected {text:?} in the page");
}

/// A whole GitHub sign-in for `user`: the callback's response.
async fn sign_in_with_github(app: &TestApp, github: &MockGitHub, user: GitHubUser) -> Response {
    let res = app.bare.get(app.url("/auth/github?next=/account")).send().await.unwrap();
    let attempt = started_for(&res, "github");
    let code = github.approve(&attempt.authorize, user);
    app.provider_callback("github", &code, &attempt.state, &[&attempt.cookie]).await
}

#[tokio::test]
async fn github_signs_up_and_in_by_its_numeric_id_and_names_itself() {
    let github = MockGitHub::start().await;
    let app = TestApp::spawn_with_github(&github).await;
    let login = app.get("/login").await.text().await.unwrap();
    assert!(login.contains("Continue with GitHub") && login.contains("href=\"/auth/github\""));
    assert!(!login.contains("Continue with Google"), "only configured providers");

    let res =
        sign_in_with_github(&app, &github, GitHubUser::new(583231, "octocat", "Grace@Example.com")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account");
    let cookie = session_cookie(&res).expect("signed in");
    assert!(app.is_signed_in(&cookie).await);
    let (issuer, subject, email): (String, String, String) =
        sqlx::query_as("SELECT issuer, subject, email FROM user_identities")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(
        (issuer.as_str(), subject.as_str()),
        (github.url.as_str(), "583231"),
        "keyed by the numeric id"
    );
    assert_eq!(email, "grace@example.com");
    let verified: bool = sqlx::query_scalar("SELECT email_verified_at IS NOT NULL FROM users")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(verified, "GitHub verified the primary address");

    // The login was renamed (and may be reused by someone else): the id still finds the account.
    let again =
        sign_in_with_github(&app, &github, GitHubUser::new(583231, "octo-renamed", "grace@example.com"))
            .await;
    assert!(session_cookie(&again).is_some());
    assert_eq!(count(&app, "SELECT count(*) FROM users").await, 1);
    let methods: Vec<String> =
        sqlx::query_scalar("SELECT sign_in_method FROM sessions").fetch_all(&app.state.pool).await.unwrap();
    assert_eq!(methods, ["github", "github"]);
    let devices = app.get_with("/account/security", &cookie).await.text().await.unwrap();
    assert!(devices.contains(">GitHub<"), "the device list names the provider");
    let detail: Vec<String> =
        sqlx::query_scalar("SELECT detail FROM security_events WHERE kind = 'signed_in'")
            .fetch_all(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(detail, ["GitHub", "GitHub"], "the trail names the provider");
}

#[tokio::test]
async fn github_never_links_silently_and_needs_a_verified_primary_address() {
    let github = MockGitHub::start().await;
    let app = TestApp::spawn_with_github(&github).await;
    app.sign_up("ada@example.com").await; // verified by the helper

    // Someone whose GitHub lists the address verified still does not get into the account.
    let res = sign_in_with_github(&app, &github, GitHubUser::new(1, "mallory", "ada@example.com")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    body_has(res, EXISTS).await;
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 0);

    // Verified but not primary, or primary but unverified: no address to go by.
    let mut user = GitHubUser::new(2, "nobody", "n@example.com");
    user.emails = vec![("n@example.com".into(), true, false), ("other@example.com".into(), false, true)];
    let res = sign_in_with_github(&app, &github, user).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    body_has(res, "Your GitHub account has no verified email address.").await;
    assert_eq!(count(&app, "SELECT count(*) FROM users").await, 1, "no account was made");
}

#[tokio::test]
async fn a_github_attempt_is_single_use_bound_to_its_browser_and_to_github() {
    let github = MockGitHub::start().await;
    let google = MockProvider::start().await;
    let api = format!("{}/api", github.url);
    let app = TestApp::spawn_with(&[
        ("GITHUB_CLIENT_ID", crate::support::github::CLIENT_ID),
        ("GITHUB_CLIENT_SECRET", crate::support::github::CLIENT_SECRET),
        ("GITHUB_URL", &github.url),
        ("GITHUB_API_URL", &api),
        ("GOOGLE_CLIENT_ID", crate::support::oidc::CLIENT_ID),
        ("GOOGLE_CLIENT_SECRET", crate::support::oidc::CLIENT_SECRET),
        ("GOOGLE_ISSUER_URL", &google.issuer),
    ])
    .await;
    let login = app.get("/login").await.text().await.unwrap();
    let (g, h) = (login.find("Continue with Google").unwrap(), login.find("Continue with GitHub").unwrap());
    assert!(g < h, "buttons in the configured order");

    let res = app.bare.get(app.url("/auth/github")).send().await.unwrap();
    let attempt = started_for(&res, "github");
    let code = github.approve(&attempt.authorize, GitHubUser::new(7, "grace", "grace@example.com"));
    // Another browser (no flow cookie) cannot finish it.
    let res = app.provider_callback("github", &code, &attempt.state, &[]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    body_has(res, server::i18n::tr(server::i18n::Lang::En, server::oidc::messages::EXPIRED)).await;
    // Google's route cannot finish GitHub's attempt, even with both cookies.
    let google_cookie = attempt.cookie.replace("github_flow", "google_flow");
    let res = app.provider_callback("google", &code, &attempt.state, &[&google_cookie]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    // The browser that started it can, once.
    let res = app.bare.get(app.url("/auth/github")).send().await.unwrap();
    let attempt = started_for(&res, "github");
    let code = github.approve(&attempt.authorize, GitHubUser::new(7, "grace", "grace@example.com"));
    let res = app.provider_callback("github", &code, &attempt.state, &[&attempt.cookie]).await;
    assert!(session_cookie(&res).is_some());
    let replay = app.provider_callback("github", &code, &attempt.state, &[&attempt.cookie]).await;
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    assert!(session_cookie(&replay).is_none(), "a replayed callback signs nobody in");

    // GitHub down: its own words, never a 500.
    github.stop();
    let res = app.bare.get(app.url("/auth/github")).send().await.unwrap();
    let attempt = started_for(&res, "github");
    let res = app.provider_callback("github", "any", &attempt.state, &[&attempt.cookie]).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    body_has(res, "GitHub is unavailable right now.").await;
    assert_eq!(app.get("/auth/gitlab").await.status(), StatusCode::NOT_FOUND, "unknown providers");
}

#[tokio::test]
async fn github_connects_to_a_signed_in_account_and_disconnects() {
    let github = MockGitHub::start().await;
    let app = TestApp::spawn_with_github(&github).await;
    let session = app.sign_up("ada@example.com").await;
    let res = app
        .bare
        .post(app.url("/auth/github/connect"))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::COOKIE, &session)
        .send()
        .await
        .unwrap();
    let attempt = started_for(&res, "github");
    let code = github.approve(&attempt.authorize, GitHubUser::new(42, "ada", "ada@users.noreply.example"));
    let res = app.provider_callback("github", &code, &attempt.state, &[&attempt.cookie, &session]).await;
    assert_eq!(location(&res), "/account/security?github=connected");
    let page = app.get_with("/account/security?github=connected", &session).await.text().await.unwrap();
    assert!(page.contains("GitHub is now connected."));
    let connections = json(app.call(path::<ProviderConnections>(), &[], Some(&session)).await).await;
    assert_eq!(connections[0]["provider"]["label"], "GitHub");
    assert_eq!(connections[0]["email"], "ada@users.noreply.example");
    let told: i64 =
        count(&app, "SELECT count(*) FROM outbox WHERE subject LIKE 'GitHub was connected%'").await;
    assert_eq!(told, 1, "the owner is told");

    // Now the account signs in with GitHub too.
    let res = sign_in_with_github(&app, &github, GitHubUser::new(42, "ada", "whatever@example.com")).await;
    assert!(session_cookie(&res).is_some());

    let res = app.call(path::<DisconnectProvider>(), &[("provider", "github")], Some(&session)).await;
    assert!(res.status().is_success());
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 0);
    let kinds: Vec<String> = sqlx::query_scalar(
        "SELECT kind || ':' || detail FROM security_events WHERE kind LIKE 'provider_%' ORDER BY id",
    )
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(
        kinds,
        ["provider_connected:GitHub: ada@users.noreply.example", "provider_disconnected:GitHub"]
    );
    let res = app.call(path::<DisconnectProvider>(), &[("provider", "gitlab")], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_generic_provider_links_silently_only_for_its_own_domain() {
    let idp = MockProvider::start().await;
    let app = TestApp::spawn_with(&[
        ("OIDC_PROVIDERS", "acme"),
        ("OIDC_ACME_ISSUER", &idp.issuer),
        ("OIDC_ACME_CLIENT_ID", crate::support::oidc::CLIENT_ID),
        ("OIDC_ACME_CLIENT_SECRET", crate::support::oidc::CLIENT_SECRET),
        ("OIDC_ACME_LABEL", "Acme SSO"),
        ("OIDC_ACME_AUTHORITATIVE_DOMAINS", "acme.example"),
    ])
    .await;
    assert!(app.get("/signup").await.text().await.unwrap().contains("Continue with Acme SSO"));
    app.sign_up("ada@acme.example").await;
    app.sign_up("bob@gmail.com").await;
    let sign_in = |person: Person| async {
        let res = app.bare.get(app.url("/auth/acme")).send().await.unwrap();
        let attempt = started_for(&res, "acme");
        let code = idp.approve(&attempt.authorize, person, Tamper::None);
        app.provider_callback("acme", &code, &attempt.state, &[&attempt.cookie]).await
    };
    let res = sign_in(Person::new("acme-ada", "ada@acme.example")).await;
    assert!(session_cookie(&res).is_some(), "authoritative for acme.example: links and signs in");
    // Not Google: gmail.com is not its to vouch for.
    let res = sign_in(Person::new("acme-bob", "bob@gmail.com")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    body_has(res, "Sign in with your password to connect Acme SSO.").await;
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 1);
    let res = app.get("/login?acme=cancelled").await;
    body_has(res, "Acme SSO sign-in was cancelled.").await;
}
