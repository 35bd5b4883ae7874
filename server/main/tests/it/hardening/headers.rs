//! Transport and caching headers: HSTS on https, nothing about a person cached, a production
//! CSP that loads images only from us and the bucket, and no live-reload sockets.

use reqwest::header;

use crate::support::TestApp;

fn policy(res: &reqwest::Response) -> String {
    res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn pages_and_auth_answers_are_never_stored_and_http_has_no_hsts() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_up(&format!("{}@example.com", crate::support::unique_name("cache"))).await;
    let signed_in = app.get_with("/account", &cookie).await;
    let sign_in_page = app.get("/login").await;
    let bad_sign_in = app.sign_in("nobody@example.com", "not the password").await;
    for res in [&signed_in, &sign_in_page, &bad_sign_in] {
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store", "{}", res.url());
        assert!(res.headers().get(header::STRICT_TRANSPORT_SECURITY).is_none(), "HSTS only on https");
    }
}

#[tokio::test]
async fn production_sends_hsts_and_a_csp_without_sockets_or_foreign_images() {
    let endpoint = std::env::var("TEST_BUCKET_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:9".into());
    let app = TestApp::spawn_with(&[
        ("SERVICE_DOMAIN", "https://accounts.example.com"),
        ("BUCKET_ENDPOINT", &endpoint),
        ("BUCKET_NAME", "avatars"),
        ("BUCKET_REGION", "us-east-1"),
        ("BUCKET_ACCESS_KEY", "test-access"),
        ("BUCKET_SECRET_KEY", "test-secret"),
        ("BUCKET_PUBLIC_URL", "https://cdn.example.com"),
    ])
    .await;
    let res = app.get("/login").await;
    assert_eq!(res.status(), reqwest::StatusCode::OK);
    assert_eq!(res.headers()[header::STRICT_TRANSPORT_SECURITY], "max-age=63072000; includeSubDomains");
    let csp = policy(&res);
    assert!(csp.contains("img-src 'self' data: https://cdn.example.com;"), "{csp}");
    assert!(!csp.contains("ws:") && !csp.contains("wss:") && !csp.contains("https:;"), "{csp}");
    assert!(csp.contains("connect-src 'self';"), "{csp}");
}
