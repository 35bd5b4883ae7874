//! Passkeys: bound to SERVICE_DOMAIN's origin, a signature counter that only moves forward
//! even under concurrent sign-ins, and every change mailed to the owner.

use app::api::passkeys::{
    AddPasskey, ListPasskeys, PasskeyRegistrationOptions, PasskeySignInOptions, RemovePasskey,
    SignInWithPasskey,
};
use reqwest::{Response, StatusCode};
use sqlx::Connection;

use super::recovery::address;
use crate::support::{
    TestApp,
    accounts::{json, path, session_cookie, set_cookie},
    mail,
    webauthn::SoftPasskey,
};

/// Starts a ceremony: its options and the browser's `webauthn` cookie.
async fn ceremony(res: Response) -> (String, String) {
    assert!(res.status().is_success(), "{}", res.status());
    let cookie = set_cookie(&res, "webauthn").expect("the ceremony cookie");
    (json(res).await.as_str().unwrap().to_owned(), cookie)
}

async fn add(app: &TestApp, session: &str, key: &mut SoftPasskey) -> Response {
    let (options, cookie) =
        ceremony(app.call(path::<PasskeyRegistrationOptions>(), &[], Some(session)).await).await;
    let credential = key.create(&options);
    let cookies = format!("{session}; {cookie}");
    app.call(path::<AddPasskey>(), &[("name", "Laptop"), ("credential", &credential)], Some(&cookies)).await
}

async fn stored_counter(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT (passkey -> 'cred' ->> 'counter')::bigint FROM passkeys")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_ceremony_answered_for_another_origin_is_refused() {
    let app = TestApp::spawn().await;
    let session = app.sign_up(&address("origin")).await;
    // A phishing page at another origin relays our options to the person's authenticator.
    let mut phished = SoftPasskey::new("https://accounts-login.example");
    let res = add(&app, &session, &mut phished).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "a key made for another origin was registered");
    let listed = json(app.call(path::<ListPasskeys>(), &[], Some(&session)).await).await;
    assert_eq!(listed.as_array().unwrap().len(), 0);

    // A real key, answering a sign-in on another origin, is refused as well.
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    assert!(add(&app, &session, &mut key).await.status().is_success());
    let (options, cookie) =
        ceremony(app.call(path::<PasskeySignInOptions>(), &[("next", "/")], None).await).await;
    key.set_origin("https://accounts-login.example");
    let answer = key.get(&options);
    let res = app.call(path::<SignInWithPasskey>(), &[("credential", &answer)], Some(&cookie)).await;
    assert!(session_cookie(&res).is_none(), "an answer for another origin signed in");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn concurrent_sign_ins_cannot_move_the_counter_back() {
    let app = TestApp::spawn().await;
    let session = app.sign_up(&address("counter")).await;
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    assert!(add(&app, &session, &mut key).await.status().is_success());

    // Two answers from the same authenticator, counters 5 and 6, in flight at once.
    let (older_options, older_cookie) =
        ceremony(app.call(path::<PasskeySignInOptions>(), &[("next", "/")], None).await).await;
    let (newer_options, newer_cookie) =
        ceremony(app.call(path::<PasskeySignInOptions>(), &[("next", "/")], None).await).await;
    key.counter = 4;
    let older = key.get(&older_options);
    let newer = key.get(&newer_options);

    // Hold the passkey's row so both wait to write, the newer one first in line.
    let mut holder = sqlx::PgConnection::connect(&app.database_url()).await.unwrap();
    let mut hold = holder.begin().await.unwrap();
    sqlx::query("SELECT 1 FROM passkeys FOR UPDATE").execute(&mut *hold).await.unwrap();
    let send = |answer: String, cookie: String| {
        let client = app.bare.clone();
        let url = app.url(path::<SignInWithPasskey>());
        let origin = app.state.config.service_domain.clone();
        tokio::spawn(async move {
            client
                .post(url)
                .header(reqwest::header::ORIGIN, origin)
                .header(reqwest::header::ACCEPT, "application/json")
                .header(reqwest::header::COOKIE, cookie)
                .form(&[("credential", answer.as_str())])
                .send()
                .await
                .unwrap()
        })
    };
    let first = send(newer, newer_cookie);
    app.wait_for_lock_waiters(1, || first.is_finished()).await;
    let second = send(older, older_cookie);
    app.wait_for_lock_waiters(2, || second.is_finished()).await;
    hold.commit().await.unwrap();
    let (first, second) = (first.await.unwrap(), second.await.unwrap());
    assert!(session_cookie(&first).is_some(), "{}", first.status());
    assert_eq!(stored_counter(&app).await, 6, "the older answer rolled the counter back");
    assert!(session_cookie(&second).is_none(), "an answer behind the stored counter signed in");
}

#[tokio::test]
async fn adding_and_removing_a_passkey_mails_the_owner() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("notice");
    let session = app.sign_up(&email).await;
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    assert!(add(&app, &session, &mut key).await.status().is_success());
    let added = mail::wait_for(&mail::api(), &email, "A passkey was added").await;
    assert!(added["text"].as_str().unwrap().contains("“Laptop” can now sign in"));

    let listed = json(app.call(path::<ListPasskeys>(), &[], Some(&session)).await).await;
    let id = listed[0]["id"].as_str().unwrap().to_owned();
    let res = app.call(path::<RemovePasskey>(), &[("id", &id)], Some(&session)).await;
    assert!(res.status().is_success(), "{}", res.status());
    mail::wait_for(&mail::api(), &email, "A passkey was removed").await;
}
