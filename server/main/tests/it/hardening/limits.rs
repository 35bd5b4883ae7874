//! Limits where there were none: every request that inserts a row or sends mail is capped per
//! client address and per account, and no address gets more than five mails an hour that a
//! stranger can cause (links); notices are never capped (see `notices.rs`).

use app::api::email::ChangeEmail;
use reqwest::{StatusCode, header, multipart};
use server::i18n::Lang::En;

use super::recovery::address;
use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path},
    oidc::{CLIENT_ID, CLIENT_SECRET, MockProvider},
};

fn png() -> Vec<u8> {
    let img = image::RgbaImage::from_pixel(8, 8, image::Rgba([10, 200, 10, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[tokio::test]
async fn no_address_gets_more_than_five_links_an_hour() {
    let app = TestApp::spawn().await;
    let site = &app.state.email.outbox.site;
    let link = server::test_support::LinkToken { secret: "x".into(), ttl_secs: 3600.0 };
    let mut tx = app.state.pool.begin().await.unwrap();
    for _ in 0..7 {
        server::test_support::enqueue(&mut tx, &site.reset_password(En, "flooded@example.com", &link))
            .await
            .unwrap();
    }
    server::test_support::enqueue(&mut tx, &site.reset_password(En, "other@example.com", &link))
        .await
        .unwrap();
    // A notice to the flooded address is neither held back nor counted.
    server::test_support::enqueue(&mut tx, &site.provider_disconnected(En, "flooded@example.com", "Google"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let queued: Vec<(String, bool, i64)> = sqlx::query_as(
        "SELECT to_address, capped, count(*) FROM outbox GROUP BY to_address, capped ORDER BY to_address, capped",
    )
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(
        queued,
        [
            ("flooded@example.com".to_owned(), false, 1),
            ("flooded@example.com".to_owned(), true, 5),
            ("other@example.com".to_owned(), true, 1)
        ]
    );
}

#[tokio::test]
async fn email_change_requests_are_limited_per_account() {
    let app = TestApp::spawn_with_smtp().await;
    let cookie = app.sign_up(&address("changer")).await;
    let request = || async {
        let form = [("new_email", address("target")), ("email_password", PASSWORD.to_owned())];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        app.call(path::<ChangeEmail>(), &form, Some(&cookie)).await
    };
    for i in 0..5 {
        let res = request().await;
        assert!(res.status().is_success(), "request {i}: {}", res.status());
    }
    let res = request().await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        json(res).await["message"],
        "You have asked to change your address five times this hour. Try again later."
    );
    let tokens: i64 = sqlx::query_scalar("SELECT count(*) FROM email_tokens WHERE purpose = 'change'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(tokens, 5, "the refused request inserted nothing");
}

#[tokio::test]
async fn avatar_uploads_are_limited_per_account() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_up(&address("uploader")).await;
    let upload = || async {
        let form = multipart::Form::new().part("avatar", multipart::Part::bytes(png()).file_name("a.png"));
        app.bare
            .post(app.url("/account/avatar"))
            .header(header::ORIGIN, &app.state.config.service_domain)
            .header(header::COOKIE, &cookie)
            .header(header::ACCEPT, "application/json")
            .multipart(form)
            .send()
            .await
            .unwrap()
    };
    for i in 0..server::auth::throttle::AVATARS_PER_ACCOUNT_PER_HOUR {
        assert_eq!(upload().await.status(), StatusCode::OK, "upload {i}");
    }
    let res = upload().await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(json(res).await["error"], "Too many uploads. Try again in an hour.");
}

#[tokio::test]
async fn google_flow_starts_are_limited_per_address() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with(&[
        ("GOOGLE_CLIENT_ID", CLIENT_ID),
        ("GOOGLE_CLIENT_SECRET", CLIENT_SECRET),
        ("GOOGLE_ISSUER_URL", &provider.issuer),
    ])
    .await;
    for i in 0..60 {
        let res = app.bare.get(app.url("/auth/google")).send().await.unwrap();
        assert!(res.headers()[header::LOCATION].to_str().unwrap().starts_with(&provider.issuer), "start {i}");
    }
    let res = app.bare.get(app.url("/auth/google")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/login?google=failed");
    let flows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM oidc_flows").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(flows, 60, "the refused start inserted no row");
}
