//! "Recent sign-in": sensitive changes on a device that has not proved who it is within 10
//! minutes are sent to "Confirm your password to continue" first, then carry on.

use app::api::{providers::DisconnectProvider, security::ConfirmPassword};
use reqwest::{Response, StatusCode, header};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, field_error, json, path, session_cookie, set_cookie},
    oidc::{MockProvider, Person, Tamper, started},
    two_step::age_sign_in,
};

fn location(res: &Response) -> String {
    res.headers().get(header::LOCATION).expect("a redirect").to_str().unwrap().to_owned()
}

async fn post_connect(app: &TestApp, session: &str, next: Option<&str>) -> Response {
    let mut req = app
        .bare
        .post(app.url("/auth/google/connect"))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::COOKIE, session);
    if let Some(next) = next {
        req = req.form(&[("next", next)]);
    }
    req.send().await.unwrap()
}

async fn link_google(app: &TestApp, issuer: &str, email: &str, subject: &str) {
    sqlx::query(
        "INSERT INTO user_identities (issuer, subject, user_id, email) SELECT $3, $1, id, $2 FROM users WHERE email = $2",
    )
    .bind(subject)
    .bind(email)
    .bind(issuer)
    .execute(&app.state.pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn a_stale_session_confirms_its_password_before_disconnecting_google() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let email = "recent-disconnect@example.com";
    let session = app.sign_up(email).await;
    link_google(&app, &provider.issuer, email, "sub-recent").await;
    age_sign_in(&app, 11).await;

    // A stolen cookie, hours old, cannot remove the owner's way in.
    let res = app.call(path::<DisconnectProvider>(), &[("provider", "google")], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(res).await["message"], "Confirm your password to continue");
    let linked: i64 =
        sqlx::query_scalar("SELECT count(*) FROM user_identities").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(linked, 1);

    let page = app.get_with("/account/confirm?next=/account/security", &session).await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains("Confirm your password to continue") && page.contains("name=\"next\""));

    let wrong = app
        .call(
            path::<ConfirmPassword>(),
            &[("password", "not my password"), ("next", "/account/security")],
            Some(&session),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_error(&json(wrong).await, "password").as_deref(),
        Some("Your current password is incorrect")
    );
    let ok = app
        .call(
            path::<ConfirmPassword>(),
            &[("password", PASSWORD), ("next", "/account/security")],
            Some(&session),
        )
        .await;
    assert!(ok.status().is_success() || ok.status().is_redirection(), "{}", ok.status());

    let res = app.call(path::<DisconnectProvider>(), &[("provider", "google")], Some(&session)).await;
    assert!(res.status().is_success(), "{}", res.status());
    let linked: i64 =
        sqlx::query_scalar("SELECT count(*) FROM user_identities").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(linked, 0, "after confirming, the change carries on");
    let told: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM outbox WHERE to_address = $1 AND subject LIKE 'Google was disconnected%'",
    )
    .bind(email)
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(told, 1, "the owner is told Google was disconnected");
}

#[tokio::test]
async fn connecting_google_on_a_stale_session_asks_for_the_password_first() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let session = app.sign_up("recent-connect@example.com").await;
    let fresh = post_connect(&app, &session, None).await;
    assert_eq!(fresh.status(), StatusCode::SEE_OTHER);
    assert!(location(&fresh).starts_with(&provider.issuer), "a fresh sign-in goes straight to the provider");

    age_sign_in(&app, 11).await;
    let stale = post_connect(&app, &session, None).await;
    assert_eq!(stale.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&stale), "/account/confirm?next=/account/security");
    assert!(set_cookie(&stale, "google_flow").is_none(), "no attempt was started");
}

#[tokio::test]
async fn renewal_does_not_make_a_sign_in_recent() {
    let app = TestApp::spawn().await;
    let session = app.sign_up("recent-renew@example.com").await;
    sqlx::query("UPDATE sessions SET authenticated_at = now() - interval '1 day', expires_at = now() + interval '1 hour'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();
    let renewed = session_cookie(&app.get_with("/account", &session).await).expect("renewed");
    assert!(app.is_signed_in(&renewed).await);
    let recent: bool = sqlx::query_scalar(
        "SELECT authenticated_at > now() - interval '10 minutes' FROM sessions WHERE replaced_by IS NULL",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert!(!recent, "the renewed session keeps the old sign-in time");
}

#[tokio::test]
async fn an_account_without_a_password_reconfirms_with_google_and_carries_on() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    // An account made with Google.
    let attempt = started(&app.bare.get(app.url("/auth/google?next=/account")).send().await.unwrap());
    let code =
        provider.approve(&attempt.authorize, Person::new("sub-only", "only@example.com"), Tamper::None);
    let res = app.google_callback(&code, &attempt.state, &[&attempt.cookie]).await;
    let session = session_cookie(&res).expect("signed in with Google");
    age_sign_in(&app, 11).await;

    let page = app.get_with("/account/confirm?next=/account/security", &session).await.text().await.unwrap();
    let action = format!("action=\"{}\"", path::<app::api::providers::ReconfirmWithProvider>());
    assert!(page.contains("Continue with Google") && page.contains(&action), "{page}");
    let attempt = started(&post_connect(&app, &session, Some("/account/security#delete")).await);
    let code =
        provider.approve(&attempt.authorize, Person::new("sub-only", "only@example.com"), Tamper::None);
    let res = app.google_callback(&code, &attempt.state, &[&attempt.cookie, &session]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account/security#delete", "carries on where it was going");
    let recent: bool =
        sqlx::query_scalar("SELECT authenticated_at > now() - interval '1 minute' FROM sessions")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert!(recent, "the device counts as freshly signed in");
    let devices: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sessions").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(devices, 1, "no second session for the same device");
}

#[tokio::test]
async fn without_a_password_an_email_change_or_deletion_needs_a_recent_sign_in() {
    let app = TestApp::spawn().await;
    let email = format!("{}@example.com", crate::support::unique_name("nopass"));
    let session = app.sign_up(&email).await;
    // An account that signs in with Google or a passkey only: no password to re-confirm with.
    sqlx::query("UPDATE users SET password_hash = NULL").execute(&app.state.pool).await.unwrap();
    age_sign_in(&app, 11).await;

    let change = [("new_email", "elsewhere@example.com"), ("email_password", "")];
    let res = app.call(path::<app::api::email::ChangeEmail>(), &change, Some(&session)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "a stale cookie asked for an email change");
    let planted: i64 = sqlx::query_scalar("SELECT count(*) FROM email_tokens WHERE purpose = 'change'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(planted, 0);

    let res = app.call(path::<app::api::profile::DeleteAccount>(), &[("password", "")], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "a stale cookie deleted the account");
    assert!(field_error(&json(res).await, "password").unwrap().starts_with("Sign in again"));
    assert!(app.is_signed_in(&session).await, "the account is still there");

    age_sign_in(&app, 1).await;
    let res = app.call(path::<app::api::profile::DeleteAccount>(), &[("password", "")], Some(&session)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(left, 0, "a fresh sign-in deletes it");
}
