//! Until the address is verified, the account publishes nothing and makes us mail no one (#18):
//! each action is called directly with an unverified session, as a script would.

use app::api::{
    auth::SignUp,
    email::{ChangeEmail, ResendVerification},
    profile::UpdateProfile,
    security::ChangePassword,
};
use reqwest::{StatusCode, header, multipart};

use super::recovery::address;
use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie},
    oidc::MockProvider,
};

const UNVERIFIED: &str = "Verify your email address first.";

async fn unverified_session(app: &TestApp) -> String {
    let res =
        app.call(path::<SignUp>(), &[("email", &address("unproved")), ("password", PASSWORD)], None).await;
    session_cookie(&res).expect("signed in, address not verified")
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.state.pool).await.unwrap()
}

#[tokio::test]
async fn an_unverified_account_cannot_publish_a_profile_or_username() {
    let app = TestApp::spawn().await;
    let cookie = unverified_session(&app).await;
    let res = app
        .call(
            path::<UpdateProfile>(),
            &[("display_name", "Someone Famous"), ("username", "famous"), ("bio", "Official account")],
            Some(&cookie),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body = json(res).await;
    assert_eq!(body["message"], UNVERIFIED);
    assert_eq!(body["code"], "unverified", "the form offers to resend the link");
    assert_eq!(
        count(&app, "SELECT count(*) FROM users WHERE username IS NOT NULL OR display_name IS NOT NULL")
            .await,
        0
    );
}

#[tokio::test]
async fn an_unverified_account_cannot_upload_an_avatar() {
    let app = TestApp::spawn().await;
    let cookie = unverified_session(&app).await;
    let img = image::RgbaImage::from_pixel(8, 8, image::Rgba([1, 2, 3, 255]));
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    let form =
        multipart::Form::new().part("avatar", multipart::Part::bytes(png.into_inner()).file_name("a.png"));
    let res = app
        .bare
        .post(app.url("/account/avatar"))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::COOKIE, &cookie)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(res).await["error"], UNVERIFIED);
    assert_eq!(count(&app, "SELECT count(*) FROM users WHERE avatar_key IS NOT NULL").await, 0);
}

#[tokio::test]
async fn an_unverified_account_cannot_request_an_email_change() {
    let app = TestApp::spawn().await;
    let cookie = unverified_session(&app).await;
    let res = app
        .call(
            path::<ChangeEmail>(),
            &[("new_email", &address("target")), ("email_password", PASSWORD)],
            Some(&cookie),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(res).await["message"], UNVERIFIED);
    assert_eq!(count(&app, "SELECT count(*) FROM email_tokens WHERE purpose = 'change'").await, 0);
    assert_eq!(
        count(&app, "SELECT count(*) FROM outbox WHERE subject LIKE 'Confirm your new email%'").await,
        0
    );
}

#[tokio::test]
async fn an_unverified_account_cannot_connect_google() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let cookie = unverified_session(&app).await;
    let res = app
        .bare
        .post(app.url("/auth/google/connect"))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/verify-email", "sent where the link can be resent");
    assert_eq!(count(&app, "SELECT count(*) FROM oidc_flows").await, 0);
}

#[tokio::test]
async fn resending_and_changing_the_password_stay_allowed() {
    let app = TestApp::spawn().await;
    let cookie = unverified_session(&app).await;
    sqlx::query("UPDATE email_tokens SET created_at = now() - interval '2 minutes'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let res = app.call(path::<ResendVerification>(), &[], Some(&cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    let res = app
        .call(
            path::<ChangePassword>(),
            &[("current_password", PASSWORD), ("new_password", "another fine passphrase")],
            Some(&cookie),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
}
