//! An idle timeout (`SESSION_IDLE_TIMEOUT`, 30 days by default): a session nobody used for
//! that long is not renewed, even inside the renewal window, and ends even before its expiry
//! when the timeout is shorter than the session's lifetime.

use crate::support::{TestApp, accounts::session_cookie};

fn email(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

/// Rewrites the sessions of `email` (`set`: an SQL assignment list) and empties the caches, as
/// if the time had passed.
async fn age(app: &TestApp, email: &str, set: &str) {
    sqlx::query(&format!(
        "UPDATE sessions SET {set} WHERE user_id = (SELECT id FROM users WHERE email = lower($1))"
    ))
    .bind(email)
    .execute(&app.state.pool)
    .await
    .unwrap();
    app.state.sessions.caches.clear();
}

#[tokio::test]
async fn a_session_unused_for_the_idle_timeout_is_not_renewed_inside_the_renewal_window() {
    let app = TestApp::spawn().await;

    // Expired a day ago (inside the 7-day window), last used 31 days ago: signed out.
    let idle = email("idle");
    let cookie = app.sign_up(&idle).await;
    age(&app, &idle, "created_at = now() - interval '40 days', expires_at = now() - interval '1 day', last_seen_at = now() - interval '31 days'").await;
    let res = app.get_with("/account", &cookie).await;
    assert_eq!(res.status(), 303, "an idle session is not renewed");
    assert!(session_cookie(&res).is_none(), "no renewed cookie");

    // The same expiry, used two days ago: renewed.
    let active = email("active");
    let cookie = app.sign_up(&active).await;
    age(&app, &active, "created_at = now() - interval '40 days', expires_at = now() - interval '1 day', last_seen_at = now() - interval '2 days'").await;
    let res = app.get_with("/account", &cookie).await;
    assert_eq!(res.status(), 200, "a session in use is renewed");
    assert!(session_cookie(&res).is_some(), "with a new cookie");
}

#[tokio::test]
async fn a_shorter_idle_timeout_ends_a_session_before_its_expiry() {
    let app = TestApp::spawn_with(&[("SESSION_IDLE_TIMEOUT", "1h")]).await;
    let idle = email("idle-short");
    let cookie = app.sign_up(&idle).await;
    age(&app, &idle, "last_seen_at = now() - interval '2 hours'").await;
    assert!(!app.is_signed_in(&cookie).await, "two hours idle with a one-hour timeout");

    let active = email("active-short");
    let cookie = app.sign_up(&active).await;
    age(&app, &active, "last_seen_at = now() - interval '30 minutes'").await;
    assert!(app.is_signed_in(&cookie).await, "half an hour idle is fine");
    // Used just now: still fine after the cache is emptied (the use was recorded).
    app.state.sessions.last_seen.flush(&app.state.pool).await.unwrap();
    app.state.sessions.caches.clear();
    assert!(app.is_signed_in(&cookie).await);
}
