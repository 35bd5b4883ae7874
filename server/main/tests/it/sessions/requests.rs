//! Requests an attacker or a broken client sends: guessing (lockout, per-IP limits), cross-site
//! posts, missing sign-in, malformed bodies; and the headers every page carries.

use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie},
};
use app::api::auth::SignUp;
use reqwest::{StatusCode, header};

use super::signed_up;

#[tokio::test]
async fn repeated_failures_lock_the_account_then_it_recovers() {
    let app = TestApp::spawn().await;
    let (email, _) = signed_up(&app).await;
    for _ in 0..5 {
        assert_eq!(app.sign_in(&email, "wrong password here").await.status(), StatusCode::UNAUTHORIZED);
    }
    let res = app.sign_in(&email, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(json(res).await["message"], "Too many attempts. Try again in 1 minute.");

    sqlx::query("UPDATE sign_in_throttle SET locked_until = now() - interval '1 second'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert!(session_cookie(&app.sign_in(&email, PASSWORD).await).is_some(), "the lock expired");
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sign_in_throttle").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(left, 0, "a success resets the counter");
}

#[tokio::test]
async fn per_ip_limits_answer_429() {
    let app =
        TestApp::spawn_with(&[("SIGN_IN_PER_IP_PER_MINUTE", "3"), ("SIGN_UP_PER_IP_PER_HOUR", "2")]).await;
    for _ in 0..3 {
        assert_eq!(
            app.sign_in("nobody@example.com", "whatever it is").await.status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let res = app.sign_in("nobody@example.com", "whatever it is").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(json(res).await["message"].as_str().unwrap().starts_with("Too many attempts. Try again in"));

    app.sign_up("one@example.com").await;
    app.sign_up("two@example.com").await;
    let res =
        app.call(path::<SignUp>(), &[("email", "three@example.com"), ("password", PASSWORD)], None).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let form = [("email", "csrf@example.com"), ("password", PASSWORD)];
    let no_origin = app.bare.post(app.url(path::<SignUp>())).form(&form).send().await.unwrap();
    assert_eq!(no_origin.status(), StatusCode::FORBIDDEN);
    let evil = app
        .bare
        .post(app.url(path::<SignUp>()))
        .header(header::ORIGIN, "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status(), StatusCode::FORBIDDEN);
    let users: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(users, 0);
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_policy() {
    let app = TestApp::spawn().await;
    let res = app.get("/login").await;
    assert_eq!(res.status(), StatusCode::OK);
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).expect("a nonce").to_owned();
    assert_eq!(res.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(res.headers()[header::REFERRER_POLICY], "strict-origin-when-cross-origin");
    let html = res.text().await.unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "inline scripts carry the nonce");
    assert!(csp.contains("style-src 'self';"), "no inline styles allowed: {csp}");

    // A signed-in page (header with the initials circle) has no inline style either.
    let cookie = app.sign_up(&format!("{}@example.com", crate::support::unique_name("csp-style"))).await;
    let page = app.get_with("/", &cookie).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("avatar initials avatar-32"), "the header shows the initials circle");
    assert!(!html.contains("style="), "pages carry no inline style attributes");
}

#[tokio::test]
async fn signed_out_visits_to_account_pages_redirect_to_sign_in() {
    let app = TestApp::spawn().await;
    for (path, location) in
        [("/account", "/login?next=/account"), ("/account/security", "/login?next=/account/security")]
    {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[header::LOCATION], location);
    }
}

#[tokio::test]
async fn malformed_requests_get_a_client_error_and_change_nothing() {
    let app = TestApp::spawn().await;
    let url = app.url(path::<SignUp>());
    let origin = app.state.config.service_domain.clone();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("application/x-www-form-urlencoded", b"".to_vec()),
        ("application/x-www-form-urlencoded", b"email=only@example.com".to_vec()),
        (
            "application/json",
            br#"{"email":"json@example.com","password":"correct horse battery staple"}"#.to_vec(),
        ),
        ("application/x-www-form-urlencoded", vec![0xff, 0xfe, 0x00, 0x25, 0x25]),
        ("text/plain", b"hello".to_vec()),
    ];
    for (content_type, body) in cases {
        let res = app
            .bare
            .post(&url)
            .header(header::ORIGIN, &origin)
            .header(header::CONTENT_TYPE, content_type)
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert!(res.status().is_client_error(), "{content_type} {body:?}: {}", res.status());
    }
    let get = app.bare.get(&url).send().await.unwrap();
    assert!(get.status().is_client_error(), "GET on a POST function: {}", get.status());
    let users: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(users, 0);
}
