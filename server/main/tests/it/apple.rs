//! Sign in with Apple against an Apple-shaped fake: the answer posted back from Apple's site
//! (`form_post`) while every other cross-site POST stays refused, the client secret an ES256
//! JWT the fake verifies, the name that arrives only with the first answer, and Apple vouching
//! only for its relay addresses.

use crate::support::{
    TestApp,
    accounts::session_cookie,
    apple::AppleKey,
    oidc::{MockProvider, Person, Started, Tamper, started_for},
};
use reqwest::{Response, StatusCode, header};

const APPLE_SITE: &str = "https://appleid.apple.com";

async fn begin(app: &TestApp) -> Started {
    let res = app.bare.get(app.url("/auth/apple")).send().await.unwrap();
    started_for(&res, "apple")
}

/// Apple posts the answer from its own site (no cookie of ours: a cross-site POST), then the
/// browser follows the redirect to the callback page with the flow cookie.
async fn posted_back(app: &TestApp, attempt: &Started, code: &str, user: Option<&str>) -> Response {
    let mut form = vec![("code", code), ("state", attempt.state.as_str())];
    if let Some(user) = user {
        form.push(("user", user));
    }
    let res = app
        .bare
        .post(app.url("/auth/apple/callback"))
        .header(header::ORIGIN, APPLE_SITE)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "the posted answer goes on to the callback page");
    let to = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert!(to.starts_with("/auth/apple/callback?code="), "{to}");
    app.bare.get(app.url(&to)).header(header::COOKIE, &attempt.cookie).send().await.unwrap()
}

#[tokio::test]
async fn apple_posts_its_answer_back_and_the_name_comes_with_the_first_one() {
    let key = AppleKey::generate();
    let apple = MockProvider::start_apple(key.public.clone()).await;
    let app = TestApp::spawn_with_apple(&apple, &key).await;
    assert!(app.get("/signup").await.text().await.unwrap().contains("Continue with Apple"));

    let attempt = begin(&app).await;
    let param = |k: &str| attempt.authorize.query_pairs().find(|(n, _)| n == k).map(|(_, v)| v.into_owned());
    assert_eq!(param("response_mode").as_deref(), Some("form_post"));
    assert!(param("scope").unwrap().split(' ').any(|s| s == "name"));
    let hidden = Person { name: None, ..Person::new("000123.apple", "k7x2@privaterelay.appleid.com") };
    let code = apple.approve(&attempt.authorize, hidden.clone(), Tamper::None);
    let user =
        r#"{"name":{"firstName":"Ada","lastName":"Lovelace"},"email":"k7x2@privaterelay.appleid.com"}"#;
    let res = posted_back(&app, &attempt, &code, Some(user)).await;
    assert!(session_cookie(&res).is_some(), "{}", res.status());
    let name: Option<String> =
        sqlx::query_scalar("SELECT display_name FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(name.as_deref(), Some("Ada Lovelace"), "the name Apple sends once");

    // The next sign-in comes without a name: the account keeps the one it has.
    let attempt = begin(&app).await;
    let code = apple.approve(&attempt.authorize, hidden, Tamper::None);
    assert!(session_cookie(&posted_back(&app, &attempt, &code, None).await).is_some());
    let users: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(users, 1);

    // Only that path may be posted from Apple's site; the rest of the CSRF guard stands.
    let res = app
        .bare
        .post(app.url("/auth/apple/connect"))
        .header(header::ORIGIN, APPLE_SITE)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res =
        app.bare.post(app.url("/api/sign_out")).header(header::ORIGIN, APPLE_SITE).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Posted back without the browser's flow cookie, nobody is signed in.
    let attempt = begin(&app).await;
    let code = apple.approve(
        &attempt.authorize,
        Person::new("000999.apple", "z@privaterelay.appleid.com"),
        Tamper::None,
    );
    let stranger = Started { cookie: "apple_flow=".into(), ..attempt };
    let res = posted_back(&app, &stranger, &code, None).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_client_secret_signed_with_another_key_is_refused() {
    let key = AppleKey::generate();
    let apple = MockProvider::start_apple(AppleKey::generate().public).await;
    let app = TestApp::spawn_with_apple(&apple, &key).await;
    let attempt = begin(&app).await;
    let code = apple.approve(
        &attempt.authorize,
        Person::new("000124.apple", "b@privaterelay.appleid.com"),
        Tamper::None,
    );
    let res = posted_back(&app, &attempt, &code, None).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.unwrap().contains("Apple sign-in failed. Please try again."));
}

#[tokio::test]
async fn apple_vouches_only_for_its_relay_addresses() {
    let key = AppleKey::generate();
    let apple = MockProvider::start_apple(key.public.clone()).await;
    let app = TestApp::spawn_with_apple(&apple, &key).await;
    app.sign_up("q9@privaterelay.appleid.com").await;
    app.sign_up("ada@example.com").await;
    let attempt = begin(&app).await;
    let code = apple.approve(
        &attempt.authorize,
        Person::new("000125.apple", "q9@privaterelay.appleid.com"),
        Tamper::None,
    );
    assert!(
        session_cookie(&posted_back(&app, &attempt, &code, None).await).is_some(),
        "a relay address links"
    );
    let attempt = begin(&app).await;
    let code =
        apple.approve(&attempt.authorize, Person::new("000126.apple", "ada@example.com"), Tamper::None);
    let res = posted_back(&app, &attempt, &code, None).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("Sign in with your password to connect Apple."));
}
