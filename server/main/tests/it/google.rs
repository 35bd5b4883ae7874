//! Google sign-in (OpenID Connect) against a provider the test controls: account creation and
//! linking rules, ID token verification, single-use state bound to the browser, cancellation,
//! and the provider being down. Browser flows against a real provider are in end2end/.

use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie, set_cookie},
    oidc::{MockProvider, Person, Tamper},
};
use app::api::providers::{DisconnectProvider, ProviderConnections};
use reqwest::{Response, StatusCode, header};
use server::{
    i18n::{Lang, tr},
    oidc::messages,
};

/// A started attempt: the browser's flow cookie and the provider URL it was sent to.
struct Attempt {
    cookie: String,
    authorize: url::Url,
    state: String,
}

fn location(res: &Response) -> String {
    res.headers().get(header::LOCATION).expect("a redirect").to_str().unwrap().to_owned()
}

fn started(res: Response) -> Attempt {
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let authorize = url::Url::parse(&location(&res)).unwrap();
    let state = authorize.query_pairs().find(|(k, _)| k == "state").unwrap().1.into_owned();
    let cookie = set_cookie(&res, "google_flow").expect("the flow cookie");
    Attempt { cookie, authorize, state }
}

async fn begin(app: &TestApp, next: &str) -> Attempt {
    started(app.bare.get(app.url(&format!("/auth/google?next={next}"))).send().await.unwrap())
}

async fn begin_connect(app: &TestApp, session: &str) -> Attempt {
    let res = app
        .bare
        .post(app.url("/auth/google/connect"))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::COOKIE, session)
        .send()
        .await
        .unwrap();
    started(res)
}

async fn callback(app: &TestApp, query: &str, cookies: &[&str]) -> Response {
    let mut req = app.bare.get(app.url(&format!("/auth/google/callback?{query}")));
    if !cookies.is_empty() {
        req = req.header(header::COOKIE, cookies.join("; "));
    }
    req.send().await.unwrap()
}

/// Runs a whole attempt for `person` and returns the callback's response.
async fn sign_in_as(app: &TestApp, provider: &MockProvider, person: Person, tamper: Tamper) -> Response {
    let attempt = begin(app, "/account").await;
    let code = provider.approve(&attempt.authorize, person, tamper);
    callback(app, &format!("code={code}&state={}", attempt.state), &[&attempt.cookie]).await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.state.pool).await.unwrap()
}

async fn body_has(res: Response, text: &str) {
    let body = res.text().await.unwrap();
    assert!(body.contains(text), "expected {text:?} in the page");
}

#[tokio::test]
async fn a_new_person_gets_an_account_and_comes_back_to_it() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let person = Person { with_picture: true, ..Person::new("sub-ada", "Ada@Example.com") };

    let res = sign_in_as(&app, &provider, person.clone(), Tamper::None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account", "back to where the person was going");
    let cookie = session_cookie(&res).expect("a session like a password sign-in");
    assert_eq!(
        set_cookie(&res, "google_flow").as_deref(),
        Some("google_flow="),
        "the flow cookie is cleared"
    );
    assert!(app.is_signed_in(&cookie).await);

    let (verified, has_password, name, avatar): (bool, bool, Option<String>, Option<String>) =
        sqlx::query_as(
            "SELECT email_verified_at IS NOT NULL, password_hash IS NOT NULL, display_name, avatar_key \
         FROM users WHERE email = 'ada@example.com'",
        )
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(verified && !has_password, "verified by Google, no password");
    assert_eq!(name.as_deref(), Some("Ada Lovelace"));
    let avatar = avatar.expect("the picture was copied into our storage");
    let small = app.get(&app.state.profiles.avatar_url(&avatar, server::profile::avatar::SMALL)).await;
    assert_eq!(small.status(), StatusCode::OK);
    assert_eq!(small.headers()[header::CONTENT_TYPE], "image/jpeg");

    let again = sign_in_as(&app, &provider, person, Tamper::None).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert!(session_cookie(&again).is_some());
    assert_eq!(count(&app, "SELECT count(*) FROM users").await, 1, "the same account");
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 1);
    assert_eq!(count(&app, "SELECT count(*) FROM sessions").await, 2, "one session per sign-in");
}

#[tokio::test]
async fn links_a_verified_account_but_never_an_unverified_one() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    // Google is authoritative for gmail.com (see tests/hardening/google_links.rs for the rest).
    app.sign_up("grace@gmail.com").await; // verified by the helper
    let res = sign_in_as(&app, &provider, Person::new("sub-grace", "grace@gmail.com"), Tamper::None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(session_cookie(&res).is_some());
    let linked: i64 = count(
        &app,
        "SELECT count(*) FROM user_identities i JOIN users u ON u.id = i.user_id WHERE u.email = 'grace@gmail.com'",
    )
    .await;
    assert_eq!(linked, 1, "linked to the existing account");
    assert_eq!(count(&app, "SELECT count(*) FROM users").await, 1);

    // Someone registered the address first and never verified it: Google must not sign into it.
    let res = app
        .call(
            path::<app::api::auth::SignUp>(),
            &[("email", "mallory-target@example.com"), ("password", PASSWORD)],
            None,
        )
        .await;
    assert!(res.status().is_success());
    let res =
        sign_in_as(&app, &provider, Person::new("sub-victim", "mallory-target@example.com"), Tamper::None)
            .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(session_cookie(&res).is_none());
    body_has(res, messages::ACCOUNT_EXISTS).await;
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 1, "nothing linked");
}

#[tokio::test]
async fn id_tokens_that_fail_verification_are_refused() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    for tamper in [
        Tamper::WrongSignature,
        Tamper::WrongAudience,
        Tamper::WrongIssuer,
        Tamper::WrongNonce,
        Tamper::Expired,
    ] {
        let res = sign_in_as(&app, &provider, Person::new("sub-x", "x@example.com"), tamper).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{tamper:?}");
        assert!(session_cookie(&res).is_none(), "{tamper:?}");
        body_has(res, messages::REJECTED).await;
    }
    let unverified = Person { email_verified: false, ..Person::new("sub-y", "y@example.com") };
    let res = sign_in_as(&app, &provider, unverified, Tamper::None).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    body_has(res, messages::EMAIL_UNVERIFIED).await;
    assert_eq!(count(&app, "SELECT count(*) FROM users").await, 0, "nothing was created");
    assert_eq!(count(&app, "SELECT count(*) FROM sessions").await, 0);
}

#[tokio::test]
async fn state_is_single_use_and_bound_to_the_browser() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let person = Person::new("sub-state", "state@example.com");

    // Without state, or without the browser's cookie, or with another attempt's cookie.
    let attempt = begin(&app, "/").await;
    let code = provider.approve(&attempt.authorize, person.clone(), Tamper::None);
    for (query, cookies) in [
        (format!("code={code}"), vec![attempt.cookie.as_str()]),
        (format!("code={code}&state={}", attempt.state), vec![]),
        (format!("code={code}&state={}", attempt.state), vec!["google_flow=forged.AAAA"]),
    ] {
        let res = callback(&app, &query, &cookies).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{query} {cookies:?}");
        body_has(res, tr(Lang::En, messages::EXPIRED)).await;
    }
    let other = begin(&app, "/").await;
    let res = callback(&app, &format!("code={code}&state={}", attempt.state), &[&other.cookie]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "another attempt's cookie");

    // The real thing works once; replaying it does not.
    let query = format!("code={code}&state={}", attempt.state);
    let res = callback(&app, &query, &[&attempt.cookie]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let replay = callback(&app, &query, &[&attempt.cookie]).await;
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    assert!(session_cookie(&replay).is_none());
    body_has(replay, tr(Lang::En, messages::EXPIRED)).await;
    assert_eq!(provider.token_requests(), 1, "refused attempts never reach the provider");
}

#[tokio::test]
async fn cancelling_at_the_provider_returns_to_sign_in() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let attempt = begin(&app, "/").await;
    let res =
        callback(&app, &format!("error=access_denied&state={}", attempt.state), &[&attempt.cookie]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login?google=cancelled");
    body_has(app.get("/login?google=cancelled").await, messages::CANCELLED).await;
    // The attempt is used up.
    let code = provider.approve(&attempt.authorize, Person::new("s", "s@example.com"), Tamper::None);
    let res = callback(&app, &format!("code={code}&state={}", attempt.state), &[&attempt.cookie]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_provider_that_is_down_is_reported_not_a_server_error() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    // Down between the start and the callback: the code exchange fails.
    let attempt = begin(&app, "/").await;
    let code = provider.approve(&attempt.authorize, Person::new("s", "s@example.com"), Tamper::None);
    provider.stop();
    let res = callback(&app, &format!("code={code}&state={}", attempt.state), &[&attempt.cookie]).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    body_has(res, messages::UNAVAILABLE).await;

    // Down before the start: discovery fails and the person is sent back with the reason.
    let down = MockProvider::start().await;
    down.stop();
    let app = TestApp::spawn_with_google(&down).await;
    let res = app.bare.get(app.url("/auth/google?next=/account")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login?google=unavailable&next=/account");
    body_has(app.get("/login?google=unavailable").await, messages::UNAVAILABLE).await;
}

#[tokio::test]
async fn without_configuration_there_is_no_google() {
    let app = TestApp::spawn().await;
    assert_eq!(app.get("/auth/google").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get("/auth/google/callback?code=x&state=y").await.status(), StatusCode::NOT_FOUND);
    let login = app.get("/login").await.text().await.unwrap();
    assert!(login.contains("Sign in") && !login.contains("Continue with Google"));

    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let login = app.get("/login").await.text().await.unwrap();
    assert!(login.contains("Continue with Google"));
}

#[tokio::test]
async fn connect_and_disconnect_from_the_security_page() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let session = app.sign_up("linus@example.com").await;

    let attempt = begin_connect(&app, &session).await;
    let code =
        provider.approve(&attempt.authorize, Person::new("sub-linus", "linus.t@gmail.example"), Tamper::None);
    let res =
        callback(&app, &format!("code={code}&state={}", attempt.state), &[&attempt.cookie, &session]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account/security?google=connected");
    let status = json(app.call(path::<ProviderConnections>(), &[], Some(&session)).await).await;
    assert_eq!(status[0]["provider"]["id"], "google");
    assert_eq!(status[0]["email"], "linus.t@gmail.example");

    // Another account cannot take the same Google identity.
    let other = app.sign_up("other@example.com").await;
    let attempt = begin_connect(&app, &other).await;
    let code =
        provider.approve(&attempt.authorize, Person::new("sub-linus", "linus.t@gmail.example"), Tamper::None);
    let res =
        callback(&app, &format!("code={code}&state={}", attempt.state), &[&attempt.cookie, &other]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    body_has(res, messages::LINKED_ELSEWHERE).await;

    // A connect attempt finishes only in the account that started it.
    let attempt = begin_connect(&app, &other).await;
    let code = provider.approve(&attempt.authorize, Person::new("sub-z", "z@gmail.example"), Tamper::None);
    let res = callback(&app, &format!("code={code}&state={}", attempt.state), &[&attempt.cookie]).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    let res = app.call(path::<DisconnectProvider>(), &[("provider", "google")], Some(&session)).await;
    assert!(res.status().is_success());
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 0);

    // An account made with Google has no password: Google is its only way in.
    let res = sign_in_as(&app, &provider, Person::new("sub-new", "new@example.com"), Tamper::None).await;
    let google_only = session_cookie(&res).unwrap();
    let res = app.call(path::<DisconnectProvider>(), &[("provider", "google")], Some(&google_only)).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(json(res).await["message"], messages::NEEDS_PASSWORD);
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 1);
}
