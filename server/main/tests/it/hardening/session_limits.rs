//! Sessions end: an absolute lifetime, a configurable renewal window, reuse of a renewed
//! token ends the device, and a database outage is a 503 rather than a silent sign-out.

use reqwest::StatusCode;

use crate::support::{
    TestApp,
    accounts::{clears_session, session_cookie},
};

fn email(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

async fn sql(app: &TestApp, statement: &str) {
    sqlx::query(statement).execute(&app.state.pool).await.unwrap();
    app.state.sessions.caches.clear();
}

#[tokio::test]
async fn a_device_signs_in_again_after_the_absolute_lifetime_whatever_renewals_happened() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_up(&email("max")).await;

    // 89 days after the first sign-in and close to expiry: renewed, but only up to day 90.
    sql(
        &app,
        "UPDATE sessions SET created_at = now() - interval '89 days', expires_at = now() + interval '1 hour'",
    )
    .await;
    let res = app.get_with("/account", &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    let renewed = session_cookie(&res).expect("the session is renewed");
    let over: bool = sqlx::query_scalar(
        "SELECT bool_or(expires_at > created_at + interval '90 days') FROM sessions WHERE replaced_by IS NULL",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert!(!over, "a renewal never reaches past the absolute lifetime");

    // Day 91: signed out, even with an expiry still in the future.
    sql(&app, "UPDATE sessions SET created_at = now() - interval '91 days', expires_at = now() + interval '20 days'").await;
    let res = app.get_with("/account", &renewed).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "a session past its absolute lifetime ends");
    assert!(clears_session(&res));
}

#[tokio::test]
async fn the_renewal_window_is_configurable() {
    let app = TestApp::spawn_with(&[("SESSION_RENEWAL_WINDOW", "1day")]).await;
    let cookie = app.sign_up(&email("window")).await;
    sql(&app, "UPDATE sessions SET expires_at = now() - interval '2 days'").await;
    assert!(!app.is_signed_in(&cookie).await, "two days past expiry is outside a one-day window");

    let cookie = app.sign_up(&email("window2")).await;
    sql(&app, "UPDATE sessions SET expires_at = now() - interval '12 hours' WHERE replaced_by IS NULL").await;
    assert!(app.is_signed_in(&cookie).await, "half a day past expiry is renewed");
}

#[tokio::test]
async fn reuse_of_a_renewed_token_after_its_grace_ends_the_device() {
    let app = TestApp::spawn().await;
    let stolen = app.sign_up(&email("reuse")).await;
    sql(&app, "UPDATE sessions SET expires_at = now() + interval '1 hour'").await;
    let res = app.get_with("/account", &stolen).await;
    let owners = session_cookie(&res).expect("renewed");
    assert!(app.is_signed_in(&owners).await);

    // Long after the grace period, the old cookie comes back (a copy taken before renewal).
    sql(
        &app,
        "UPDATE sessions SET retired_until = now() - interval '1 second' WHERE replaced_by IS NOT NULL",
    )
    .await;
    assert!(!app.is_signed_in(&stolen).await);
    assert!(
        !app.is_signed_in(&owners).await,
        "the device's session ended: thief and owner cannot both keep it"
    );
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sessions").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn retired_tokens_outlive_the_hourly_cleanup_so_reuse_is_still_seen() {
    let app = TestApp::spawn().await;
    let stolen = app.sign_up(&email("cleanup")).await;
    sql(&app, "UPDATE sessions SET expires_at = now() + interval '1 hour'").await;
    let owners = session_cookie(&app.get_with("/account", &stolen).await).expect("renewed");
    sql(&app, "UPDATE sessions SET retired_until = now() - interval '1 hour' WHERE replaced_by IS NOT NULL")
        .await;
    server::test_support::delete_stale_sessions(&app.state.pool, 7.0 * 86400.0).await.unwrap();
    assert!(!app.is_signed_in(&stolen).await);
    assert!(!app.is_signed_in(&owners).await, "reuse is recognised after cleanup ran");
}

#[tokio::test]
async fn every_response_has_a_request_id_the_client_cannot_choose() {
    let app = TestApp::spawn().await;
    let res = app.bare.get(app.url("/login")).header("x-request-id", "forged-id").send().await.unwrap();
    let id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_ne!(id, "forged-id");
    let other = app.get("/login").await.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_ne!(id, other, "one id per request");
}

#[tokio::test]
async fn a_database_outage_is_a_503_never_a_sign_out() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_up(&email("outage")).await;
    app.state.sessions.caches.clear();
    app.state.pool.close().await;
    for path in ["/account", "/account/security", "/"] {
        let res = app.get_with(path, &cookie).await;
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert!(!clears_session(&res), "{path}: the cookie is kept");
        assert_eq!(res.headers()["cache-control"], "no-store");
        let id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
        let body = res.text().await.unwrap();
        assert!(
            body.contains(&format!("Reference: <code>{id}</code>")),
            "support can find the log line: {body}"
        );
        assert!(
            body.contains("We can&#39;t reach our database right now. Please try again in a moment."),
            "{body}"
        );
    }
}
