//! Driving two-step verification as a person with an authenticator app does.

use reqwest::Response;
use serde_json::Value;

use super::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie, set_cookie},
};

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

fn code_at(secret: &str, at: u64) -> String {
    let raw = totp_rs::Secret::try_from_base32(secret.replace(' ', "")).unwrap();
    let totp = totp_rs::Builder::new().with_secret(raw.as_bytes().to_vec()).build().unwrap();
    totp.generate(at).to_string()
}

/// The code an authenticator app shows for `secret` (as the set-up page shows it), `steps`
/// thirty-second steps ahead.
pub fn code(secret: &str, steps: u64) -> String {
    code_at(secret, now() + 30 * steps)
}

/// A six-digit code that `secret` accepts at no step near now.
pub fn wrong_code(secret: &str, seed: u32) -> String {
    let good: Vec<String> = (0..5).map(|s| code_at(secret, now() + 30 * s - 60)).collect();
    let mut n = seed.wrapping_mul(7919) % 1_000_000;
    loop {
        let guess = format!("{n:06}");
        if !good.contains(&guess) {
            return guess;
        }
        n = (n + 1) % 1_000_000;
    }
}

/// The key the set-up page shows this session (or the failed answer).
pub async fn setup(app: &TestApp, cookie: &str) -> Response {
    app.call(path::<app::api::two_step::TwoStepSetup>(), &[], Some(cookie)).await
}

pub async fn setup_secret(app: &TestApp, cookie: &str) -> String {
    let res = setup(app, cookie).await;
    assert!(res.status().is_success(), "{}", res.status());
    json(res).await["secret"].as_str().unwrap().to_owned()
}

pub async fn turn_on(app: &TestApp, cookie: &str, code: &str) -> Response {
    app.call(path::<app::api::two_step::TurnOnTwoStep>(), &[("code", code)], Some(cookie)).await
}

/// Signs up and turns two-step on: the session cookie, the key, and the answer to turning on.
pub async fn with_two_step(app: &TestApp, email: &str) -> (String, String, Value) {
    let cookie = app.sign_up(email).await;
    let secret = setup_secret(app, &cookie).await;
    let res = turn_on(app, &cookie, &code(&secret, 0)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let body = res.text().await.unwrap();
    (cookie, secret, serde_json::from_str(&body).unwrap_or(Value::Null))
}

/// A password sign-in that stops at the code step: the `two_step` cookie.
pub async fn first_step(app: &TestApp, email: &str) -> String {
    let res = app.sign_in(email, PASSWORD).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert!(session_cookie(&res).is_none(), "a session before the code");
    set_cookie(&res, "two_step").expect("the pending sign-in's cookie")
}

/// The code step of a sign-in with an app code.
pub async fn verify(app: &TestApp, pending: &str, code: &str) -> Response {
    app.call(path::<app::api::two_step::VerifySignIn>(), &[("code", code)], Some(pending)).await
}

/// The code step of a sign-in with a recovery code.
pub async fn verify_recovery(app: &TestApp, pending: &str, code: &str) -> Response {
    app.call(path::<app::api::two_step::VerifySignIn>(), &[("recovery_code", code)], Some(pending)).await
}

/// Security events of `kind` recorded so far.
pub async fn events(app: &TestApp, kind: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM security_events WHERE kind = $1")
        .bind(kind)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

/// Moves this app's sessions' last proof of identity `minutes` into the past.
pub async fn age_sign_in(app: &TestApp, minutes: i32) {
    sqlx::query("UPDATE sessions SET authenticated_at = now() - make_interval(mins => $1)")
        .bind(minutes)
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();
}
