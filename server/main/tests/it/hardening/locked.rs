//! An operator's lock (`accounts-server users lock`): answered before any password is checked,
//! refusing every way in (password, passkey, Google) and linking nothing, and never outrun by a
//! sign-in in flight.

use app::api::passkeys::{AddPasskey, PasskeyRegistrationOptions, PasskeySignInOptions, SignInWithPasskey};
use reqwest::{Response, StatusCode};
use sqlx::Connection;

use super::recovery::address;
use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie, set_cookie},
    oidc::{MockProvider, Person, Tamper, started},
    webauthn::SoftPasskey,
};

const LOCKED: &str = "This account is locked. Contact support to unlock it.";

async fn answer(res: Response) -> (StatusCode, String) {
    let status = res.status();
    (status, json(res).await["message"].as_str().unwrap_or_default().to_owned())
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.state.pool).await.unwrap()
}

#[tokio::test]
async fn a_locked_account_answers_before_the_password_is_checked() {
    let app = TestApp::spawn().await;
    let email = address("locked");
    app.sign_up(&email).await;
    server::admin::lock(&app.state, &email).await.unwrap();

    // A guesser must not tell a right password from a wrong one by the answer.
    let wrong = answer(app.sign_in(&email, "not the password at all").await).await;
    let right = answer(app.sign_in(&email, PASSWORD).await).await;
    assert_eq!(wrong, right, "the answer tells a right password from a wrong one");
    assert_eq!(right, (StatusCode::FORBIDDEN, LOCKED.to_owned()));
    let failures = count(&app, "SELECT count(*) FROM security_events WHERE kind = 'sign_in_failed'").await;
    assert_eq!(failures, 0, "a password was checked against a locked account");
}

#[tokio::test]
async fn a_lock_refuses_passkey_sign_ins() {
    let app = TestApp::spawn().await;
    let email = address("locked-key");
    let session = app.sign_up(&email).await;
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    let res = app.call(path::<PasskeyRegistrationOptions>(), &[], Some(&session)).await;
    let ceremony = set_cookie(&res, "webauthn").unwrap();
    let credential = key.create(json(res).await.as_str().unwrap());
    let cookies = format!("{session}; {ceremony}");
    let res =
        app.call(path::<AddPasskey>(), &[("name", "key"), ("credential", &credential)], Some(&cookies)).await;
    assert!(res.status().is_success(), "{}", res.status());
    server::admin::lock(&app.state, &email).await.unwrap();

    let res = app.call(path::<PasskeySignInOptions>(), &[("next", "/")], None).await;
    let ceremony = set_cookie(&res, "webauthn").unwrap();
    let credential = key.get(json(res).await.as_str().unwrap());
    let res = app.call(path::<SignInWithPasskey>(), &[("credential", &credential)], Some(&ceremony)).await;
    assert!(session_cookie(&res).is_none(), "a locked account signed in with a passkey");
    assert_eq!(answer(res).await, (StatusCode::FORBIDDEN, LOCKED.to_owned()));
}

#[tokio::test]
async fn a_lock_refuses_google_and_links_nothing() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    // Google vouches for gmail.com addresses: a sign-in would link this verified account.
    let email = format!("{}@gmail.com", crate::support::unique_name("locked"));
    app.sign_up(&email).await;
    server::admin::lock(&app.state, &email).await.unwrap();

    let attempt = started(&app.bare.get(app.url("/auth/google?next=/account")).send().await.unwrap());
    let code = provider.approve(&attempt.authorize, Person::new("sub-locked", &email), Tamper::None);
    let res = app.google_callback(&code, &attempt.state, &[&attempt.cookie]).await;
    assert!(session_cookie(&res).is_none(), "a locked account signed in with Google");
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 0, "Google was linked to it");

    // Linked before the lock: refused as well.
    server::admin::unlock(&app.state, &email).await.unwrap();
    let attempt = started(&app.bare.get(app.url("/auth/google?next=/account")).send().await.unwrap());
    let code = provider.approve(&attempt.authorize, Person::new("sub-locked", &email), Tamper::None);
    let res = app.google_callback(&code, &attempt.state, &[&attempt.cookie]).await;
    assert!(session_cookie(&res).is_some(), "unlocked, Google signs in and links");
    server::admin::lock(&app.state, &email).await.unwrap();
    let attempt = started(&app.bare.get(app.url("/auth/google?next=/account")).send().await.unwrap());
    let code = provider.approve(&attempt.authorize, Person::new("sub-locked", &email), Tamper::None);
    let res = app.google_callback(&code, &attempt.state, &[&attempt.cookie]).await;
    assert!(session_cookie(&res).is_none(), "a locked account signed in with its linked Google");
}

/// A lock committed while a sign-in is between its checks and its session: the sign-in must
/// not end up holding a session of a locked account.
#[tokio::test]
async fn a_sign_in_racing_a_lock_keeps_no_session() {
    let app = TestApp::spawn().await;
    let email = address("race");
    app.sign_up(&email).await;
    sqlx::query("DELETE FROM sessions").execute(&app.state.pool).await.unwrap();
    app.state.sessions.caches.clear();

    // The operator's lock, held open: the row is updated and its sessions ended, not committed.
    let mut operator = sqlx::PgConnection::connect(&app.database_url()).await.unwrap();
    let mut lock = operator.begin().await.unwrap();
    sqlx::query("UPDATE users SET locked_at = now() WHERE email = $1")
        .bind(&email)
        .execute(&mut *lock)
        .await
        .unwrap();
    sqlx::query("DELETE FROM sessions").execute(&mut *lock).await.unwrap();

    let sign_in = tokio::spawn({
        let client = app.bare.clone();
        let url = app.url(path::<app::api::auth::SignIn>());
        let origin = app.state.config.service_domain.clone();
        let email = email.clone();
        async move {
            client
                .post(url)
                .header(reqwest::header::ORIGIN, origin)
                .header(reqwest::header::ACCEPT, "application/json")
                .form(&[("identifier", email.as_str()), ("password", PASSWORD)])
                .send()
                .await
                .unwrap()
        }
    });
    // Until the sign-in waits on the lock's row, or is done (as it was before the rule).
    app.wait_for_lock_waiters(1, || sign_in.is_finished()).await;
    lock.commit().await.unwrap();
    let res = sign_in.await.unwrap();
    let status = res.status();
    let live = count(&app, "SELECT count(*) FROM sessions").await;
    assert_eq!(live, 0, "a sign-in racing the lock kept a session (answered {status})");
    assert_eq!(status, StatusCode::FORBIDDEN);
}
