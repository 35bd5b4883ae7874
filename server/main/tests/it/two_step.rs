//! Two-step verification: set-up needs a correct code, sign-in then stops half-way until a
//! code or a recovery code, codes work once, guesses are limited, and turning it off needs a
//! recent sign-in and a code.

use crate::support::{
    TestApp,
    accounts::{PASSWORD, field_error, json, path, session_cookie, set_cookie},
};
use app::api::{
    auth::{CurrentUser, SignOut},
    two_step::{
        PendingSignIn, RecoveryCodesSaved, RegenerateRecoveryCodes, TurnOffTwoStep, TurnOnTwoStep,
        TwoStepSetup, TwoStepStatus, VerifySignIn,
    },
};
use reqwest::{StatusCode, header};
use serde_json::Value;

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

/// The code an authenticator app shows for the key on the set-up page, `steps` steps ahead.
fn code(secret: &str, steps: u64) -> String {
    let raw = totp_rs::Secret::try_from_base32(secret.replace(' ', "")).unwrap();
    let totp = totp_rs::Builder::new().with_secret(raw.as_bytes().to_vec()).build().unwrap();
    totp.generate(now() + 30 * steps).to_string()
}

async fn setup_secret(app: &TestApp, cookie: &str) -> String {
    let res = app.call(path::<TwoStepSetup>(), &[], Some(cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    let body = json(res).await;
    assert!(body["qr_svg"].as_str().unwrap().contains("<svg"), "a QR code drawn on the server");
    body["secret"].as_str().unwrap().to_owned()
}

/// Signs up and turns two-step on; returns the session cookie (still valid) and the key.
async fn with_two_step(app: &TestApp, email: &str) -> (String, String) {
    let cookie = app.sign_up(email).await;
    let secret = setup_secret(app, &cookie).await;
    let res = app.call(path::<TurnOnTwoStep>(), &[("code", &code(&secret, 0))], Some(&cookie)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    (cookie, secret)
}

/// A password sign-in that stops at the code step: the `two_step` cookie, and no session.
async fn first_step(app: &TestApp, email: &str) -> String {
    let res = app.sign_in(email, PASSWORD).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert!(session_cookie(&res).is_none(), "a session before the code");
    set_cookie(&res, "two_step").expect("the pending sign-in's cookie")
}

async fn status(app: &TestApp, cookie: &str) -> Value {
    json(app.call(path::<TwoStepStatus>(), &[], Some(cookie)).await).await
}

#[tokio::test]
async fn turning_on_needs_a_correct_code_and_ends_the_other_devices() {
    let app = TestApp::spawn().await;
    let email = address("on");
    let cookie = app.sign_up(&email).await;
    let other = session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();
    let secret = setup_secret(&app, &cookie).await;
    assert_eq!(setup_secret(&app, &cookie).await, secret, "a reload shows the same key");

    let res = app.call(path::<TurnOnTwoStep>(), &[("code", "000000")], Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&json(res).await, "code").unwrap().starts_with("That code is not right"));
    assert_eq!(status(&app, &cookie).await["enabled"], false);

    let res = app.call(path::<TurnOnTwoStep>(), &[("code", &code(&secret, 0))], Some(&cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(json(res).await.as_array().unwrap().len(), 10, "recovery codes shown once");
    let now_on = status(&app, &cookie).await;
    assert_eq!(now_on["enabled"], true);
    assert!(app.is_signed_in(&cookie).await, "this device stays signed in");
    assert!(!app.is_signed_in(&other).await, "the other devices are signed out");

    // At rest the key is sealed, not stored as is.
    let raw = totp_rs::Secret::try_from_base32(secret.replace(' ', "")).unwrap();
    let sealed: Vec<u8> =
        sqlx::query_scalar("SELECT secret_sealed FROM two_step").fetch_one(&app.state.pool).await.unwrap();
    assert!(
        !sealed.windows(raw.as_bytes().len()).any(|w| w == raw.as_bytes()),
        "the key is stored in the clear"
    );

    app.call(path::<RecoveryCodesSaved>(), &[], Some(&cookie)).await;
    let saved = status(&app, &cookie).await;
    assert!(saved["fresh_codes"].is_null(), "codes are not shown again");
    assert_eq!(saved["codes_left"], 10);
    let kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM security_events ORDER BY id")
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
    assert!(kinds.contains(&"two_step_enabled".to_owned()), "{kinds:?}");
}

#[tokio::test]
async fn a_password_sign_in_waits_for_a_code_that_works_once() {
    let app = TestApp::spawn().await;
    let email = address("code");
    let (cookie, secret) = with_two_step(&app, &email).await;
    app.call(path::<SignOut>(), &[], Some(&cookie)).await;

    // The stolen password alone gets a half-way cookie that nothing treats as signed in.
    let pending = first_step(&app, &email).await;
    assert_eq!(json(app.call(path::<CurrentUser>(), &[], Some(&pending)).await).await, Value::Null);
    let res = app.get_with("/account", &pending).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "no page treats the code step as signed in");
    assert!(res.headers()[header::LOCATION].to_str().unwrap().starts_with("/login"));
    assert_eq!(json(app.call(path::<PendingSignIn>(), &[], Some(&pending)).await).await, true);
    let page = app.get_with("/login/verify", &pending).await.text().await.unwrap();
    assert!(page.contains("Enter the 6-digit code from your authenticator app"));

    let res = app.call(path::<VerifySignIn>(), &[("code", "123456")], Some(&pending)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(session_cookie(&res).is_none());

    // The code the app shows now (the set-up used the previous step's slot or this one).
    let fresh = code(&secret, 1);
    let res = app.call(path::<VerifySignIn>(), &[("code", &fresh)], Some(&pending)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let session = session_cookie(&res).expect("signed in after the code");
    assert!(app.is_signed_in(&session).await);
    let method: String = sqlx::query_scalar("SELECT sign_in_method FROM sessions WHERE replaced_by IS NULL")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(method, "password+code");

    // The same code again, on a new first step: refused (replay).
    let again = first_step(&app, &email).await;
    let res = app.call(path::<VerifySignIn>(), &[("code", &fresh)], Some(&again)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "a code works once");
    // The finished first step cannot be finished twice either.
    let res = app.call(path::<VerifySignIn>(), &[("code", &code(&secret, 1))], Some(&pending)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn recovery_codes_work_once_each_and_are_recorded() {
    let app = TestApp::spawn().await;
    let email = address("recovery");
    let cookie = app.sign_up(&email).await;
    let secret = setup_secret(&app, &cookie).await;
    let res = app.call(path::<TurnOnTwoStep>(), &[("code", &code(&secret, 0))], Some(&cookie)).await;
    let codes: Vec<String> =
        json(res).await.as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect();

    let pending = first_step(&app, &email).await;
    let typed = codes[0].to_uppercase().replace('-', " ");
    let res = app.call(path::<VerifySignIn>(), &[("recovery_code", &typed)], Some(&pending)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert!(session_cookie(&res).is_some());

    let pending = first_step(&app, &email).await;
    let res = app.call(path::<VerifySignIn>(), &[("recovery_code", &codes[0])], Some(&pending)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "a recovery code works once");
    assert!(field_error(&json(res).await, "recovery_code").is_some());
    assert_eq!(status(&app, &cookie).await["codes_left"], 9);
    let used: i64 =
        sqlx::query_scalar("SELECT count(*) FROM security_events WHERE kind = 'recovery_code_used'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(used, 1);
}

#[tokio::test]
async fn guessing_codes_locks_the_code_step() {
    let app = TestApp::spawn().await;
    let email = address("guess");
    let (_, secret) = with_two_step(&app, &email).await;
    let pending = first_step(&app, &email).await;
    let mut statuses = Vec::new();
    for guess in 0..10 {
        let res = app.call(path::<VerifySignIn>(), &[("code", &format!("{guess:06}"))], Some(&pending)).await;
        statuses.push(res.status());
    }
    assert_eq!(
        statuses.last(),
        Some(&StatusCode::BAD_REQUEST),
        "ten wrong codes end the sign-in: {statuses:?}"
    );
    let pending = first_step(&app, &email).await;
    let res = app.call(path::<VerifySignIn>(), &[("code", &code(&secret, 1))], Some(&pending)).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "locked even for the right code");
}

#[tokio::test]
async fn an_expired_or_forged_code_step_signs_nobody_in() {
    let app = TestApp::spawn().await;
    let email = address("expired");
    let (_, secret) = with_two_step(&app, &email).await;
    let pending = first_step(&app, &email).await;
    sqlx::query("UPDATE pending_sign_ins SET expires_at = now() - interval '1 second'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let res = app.call(path::<VerifySignIn>(), &[("code", &code(&secret, 1))], Some(&pending)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json(res).await["message"], "This sign-in has expired. Sign in again.");
    let page = app.get_with("/login/verify", &pending).await.text().await.unwrap();
    assert!(page.contains("This sign-in has expired."));

    let forged = "two_step=bm90LWEtdG9rZW4";
    let res = app.call(path::<VerifySignIn>(), &[("code", &code(&secret, 1))], Some(forged)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn turning_off_needs_a_recent_sign_in_and_a_code() {
    let app = TestApp::spawn().await;
    let email = address("off");
    let (cookie, secret) = with_two_step(&app, &email).await;
    sqlx::query("UPDATE sessions SET authenticated_at = now() - interval '1 hour'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();
    let res = app.call(path::<TurnOffTwoStep>(), &[("code", &code(&secret, 1))], Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "a stale session confirms first");
    let res = app.call(path::<RegenerateRecoveryCodes>(), &[], Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    sqlx::query("UPDATE sessions SET authenticated_at = now()").execute(&app.state.pool).await.unwrap();
    app.state.sessions.caches.clear();
    let res = app.call(path::<TurnOffTwoStep>(), &[("code", "000000")], Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "and a current code");
    let res = app.call(path::<TurnOffTwoStep>(), &[("code", &code(&secret, 1))], Some(&cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(status(&app, &cookie).await["enabled"], false);
    let res = app.sign_in(&email, PASSWORD).await;
    assert!(session_cookie(&res).is_some(), "the password alone signs in again");
}

#[tokio::test]
async fn a_google_sign_in_also_waits_for_the_code() {
    use crate::support::oidc::{MockProvider, Person, Tamper, started};
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let email = format!("{}@gmail.com", crate::support::unique_name("g2s"));
    let google_sign_in = || async {
        let attempt = started(&app.bare.get(app.url("/auth/google?next=/account")).send().await.unwrap());
        let code = provider.approve(&attempt.authorize, Person::new("sub-2s", &email), Tamper::None);
        app.google_callback(&code, &attempt.state, &[&attempt.cookie]).await
    };
    let first = session_cookie(&google_sign_in().await).expect("a new account, signed in");
    let secret = setup_secret(&app, &first).await;
    let res = app.call(path::<TurnOnTwoStep>(), &[("code", &code(&secret, 0))], Some(&first)).await;
    assert!(res.status().is_success(), "{}", res.status());

    let res = google_sign_in().await;
    assert!(session_cookie(&res).is_none(), "Google alone does not sign in any more");
    assert_eq!(res.headers()[header::LOCATION], "/login/verify");
    let pending = set_cookie(&res, "two_step").expect("the pending sign-in's cookie");
    let res = app.call(path::<VerifySignIn>(), &[("code", &code(&secret, 1))], Some(&pending)).await;
    assert!(session_cookie(&res).is_some(), "{}", res.status());
    let methods: Vec<String> = sqlx::query_scalar(
        "SELECT sign_in_method FROM sessions WHERE replaced_by IS NULL ORDER BY created_at",
    )
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(methods.last().map(String::as_str), Some("google+code"));
}

#[tokio::test]
async fn set_up_pages_opened_at_once_show_the_same_key() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_up(&address("race")).await;
    let keys = futures::future::join_all((0..8).map(|_| setup_secret(&app, &cookie))).await;
    assert!(keys.iter().all(|k| k == &keys[0]), "{keys:?}");
    let res = app.call(path::<TurnOnTwoStep>(), &[("code", &code(&keys[0], 0))], Some(&cookie)).await;
    assert!(res.status().is_success(), "the key shown is the key stored: {}", res.status());
}
