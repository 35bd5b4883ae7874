//! Passkeys: adding one (recent sign-in), signing in with it alone, ceremonies that answer once
//! and only in the browser that started them (on any instance), clones refused by their
//! counter, and never removing the last way in.

use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie, set_cookie},
    webauthn::{SoftPasskey, challenge},
};
use app::api::{
    auth::{CurrentUser, SignOut},
    passkeys::{
        AddPasskey, ListPasskeys, PasskeyRegistrationOptions, PasskeySignInOptions, RemovePasskey,
        RemovePassword, RenamePasskey, SignInWithPasskey,
    },
};
use reqwest::{Response, StatusCode};
use serde_json::Value;

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

/// Starts a ceremony: the options (JSON) and the browser's `webauthn` cookie.
async fn options(res: Response) -> (String, String) {
    assert!(res.status().is_success(), "{}", res.status());
    let cookie = set_cookie(&res, "webauthn").expect("the ceremony cookie");
    let options = json(res).await.as_str().unwrap().to_owned();
    (options, cookie)
}

async fn add(app: &TestApp, session: &str, key: &mut SoftPasskey, name: &str) -> Response {
    let (opts, ceremony) =
        options(app.call(path::<PasskeyRegistrationOptions>(), &[], Some(session)).await).await;
    let parsed: Value = serde_json::from_str(&opts).unwrap();
    let selection = &parsed["publicKey"]["authenticatorSelection"];
    assert_eq!(selection["residentKey"], "required", "sign-in needs a discoverable key");
    assert_eq!(selection["userVerification"], "required");
    let credential = key.create(&opts);
    let cookies = format!("{session}; {ceremony}");
    app.call(path::<AddPasskey>(), &[("name", name), ("credential", &credential)], Some(&cookies)).await
}

async fn sign_in(app: &TestApp, key: &mut SoftPasskey) -> Response {
    let (opts, ceremony) =
        options(app.call(path::<PasskeySignInOptions>(), &[("next", "/account")], None).await).await;
    let credential = key.get(&opts);
    app.call(path::<SignInWithPasskey>(), &[("credential", &credential)], Some(&ceremony)).await
}

/// Answers the ceremony that `opts` name, as a page does, with the browser's cookie.
async fn answer_named(app: &TestApp, answer: &str, opts: &str, cookie: &str) -> Response {
    let name = ceremony_name(opts);
    app.call(path::<SignInWithPasskey>(), &[("credential", answer), ("ceremony", &name)], Some(cookie)).await
}

fn ceremony_name(opts: &str) -> String {
    serde_json::from_str::<Value>(opts).unwrap()["ceremony"].as_str().unwrap().to_owned()
}

async fn listed(app: &TestApp, session: &str) -> Vec<Value> {
    json(app.call(path::<ListPasskeys>(), &[], Some(session)).await).await.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_passkey_added_once_signs_in_alone() {
    let app = TestApp::spawn().await;
    let email = address("passkey");
    let session = app.sign_up(&email).await;
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    let res = add(&app, &session, &mut key, "Work laptop").await;
    assert!(res.status().is_success(), "{}: {}", res.status(), json(res).await);
    let list = listed(&app, &session).await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["name"], "Work laptop");
    assert!(list[0]["last_used"].is_null());

    app.call(path::<SignOut>(), &[], Some(&session)).await;
    let res = sign_in(&app, &mut key).await;
    assert!(res.status().is_success(), "{}", res.status());
    let session = session_cookie(&res).expect("signed in with the passkey alone");
    assert_eq!(json(res).await, "/account", "answers where to go next");
    let me = json(app.call(path::<CurrentUser>(), &[], Some(&session)).await).await;
    assert_eq!(me["email"], email.as_str());
    let (method, counter): (String, i64) = sqlx::query_as(
        "SELECT s.sign_in_method, (p.passkey -> 'cred' ->> 'counter')::bigint FROM sessions s, passkeys p \
         WHERE s.replaced_by IS NULL ORDER BY s.created_at DESC LIMIT 1",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(method, "passkey");
    assert_eq!(counter, 1, "the signature counter is stored");
    assert!(!listed(&app, &session).await[0]["last_used"].is_null());

    let id = listed(&app, &session).await[0]["id"].as_str().unwrap().to_owned();
    let res = app.call(path::<RenamePasskey>(), &[("id", &id), ("name", "  ")], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    app.call(path::<RenamePasskey>(), &[("id", &id), ("name", "Phone")], Some(&session)).await;
    assert_eq!(listed(&app, &session).await[0]["name"], "Phone");
    let kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM security_events ORDER BY id")
        .fetch_all(&app.state.pool)
        .await
        .unwrap();
    assert!(kinds.contains(&"passkey_added".to_owned()), "{kinds:?}");
}

#[tokio::test]
async fn adding_a_passkey_needs_a_recent_sign_in() {
    let app = TestApp::spawn().await;
    let session = app.sign_up(&address("stale")).await;
    sqlx::query("UPDATE sessions SET authenticated_at = now() - interval '1 hour'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();
    let res = app.call(path::<PasskeyRegistrationOptions>(), &[], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(res).await["code"], "recent_sign_in", "the island sends the person to confirm");
}

#[tokio::test]
async fn a_ceremony_answers_once_and_only_for_the_browser_that_started_it() {
    let app = TestApp::spawn().await;
    let session = app.sign_up(&address("ceremony")).await;
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    assert!(add(&app, &session, &mut key, "Laptop").await.status().is_success());

    // Replayed: the same signed answer with the same cookie.
    let (opts, ceremony) = options(app.call(path::<PasskeySignInOptions>(), &[], None).await).await;
    let answer = key.get(&opts);
    let first = app.call(path::<SignInWithPasskey>(), &[("credential", &answer)], Some(&ceremony)).await;
    assert!(session_cookie(&first).is_some());
    let again = app.call(path::<SignInWithPasskey>(), &[("credential", &answer)], Some(&ceremony)).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST, "a ceremony answers once");
    assert!(session_cookie(&again).is_none());

    // Another browser's ceremony: the answer signed its challenge, not this one's.
    let (victim_opts, _) = options(app.call(path::<PasskeySignInOptions>(), &[], None).await).await;
    let (_, attacker_cookie) = options(app.call(path::<PasskeySignInOptions>(), &[], None).await).await;
    key.counter += 1;
    let answer = key.assert(&challenge(&victim_opts));
    let res = app.call(path::<SignInWithPasskey>(), &[("credential", &answer)], Some(&attacker_cookie)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(session_cookie(&res).is_none());

    // No cookie, or an expired ceremony.
    let res = app.call(path::<SignInWithPasskey>(), &[("credential", &answer)], None).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let (opts, ceremony) = options(app.call(path::<PasskeySignInOptions>(), &[], None).await).await;
    sqlx::query("UPDATE webauthn_ceremonies SET expires_at = now() - interval '1 second'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let res =
        app.call(path::<SignInWithPasskey>(), &[("credential", &key.get(&opts))], Some(&ceremony)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json(res).await["message"], "This passkey request has expired. Try again.");
}

#[tokio::test]
async fn two_tabs_of_one_browser_each_finish_their_own_ceremony() {
    let app = TestApp::spawn().await;
    let session = app.sign_up(&address("tabs")).await;
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    assert!(add(&app, &session, &mut key, "Laptop").await.status().is_success());

    // A sign-in page is open (its autofill started a ceremony), then a second one in the same
    // browser: the cookie now holds both.
    let (older, cookie) = options(app.call(path::<PasskeySignInOptions>(), &[], None).await).await;
    let (newer, both) = options(app.call(path::<PasskeySignInOptions>(), &[], Some(&cookie)).await).await;
    assert_ne!(ceremony_name(&older), ceremony_name(&newer));
    // The passkey picked in the older page finishes its own ceremony...
    let answer = key.get(&older);
    let res = answer_named(&app, &answer, &older, &both).await;
    assert!(session_cookie(&res).is_some(), "the older page signs in: {}", res.status());
    let left = set_cookie(&res, "webauthn").expect("the newer page's ceremony stays in the cookie");
    // ...once, and the newer page still can.
    let again = answer_named(&app, &answer, &older, &both).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST, "a ceremony answers once");
    let res = answer_named(&app, &key.get(&newer), &newer, &left).await;
    assert!(session_cookie(&res).is_some(), "the newer page signs in: {}", res.status());

    // Naming a ceremony this browser does not hold (another browser's) gets nothing.
    let (theirs, _) = options(app.call(path::<PasskeySignInOptions>(), &[], None).await).await;
    let (_, mine) = options(app.call(path::<PasskeySignInOptions>(), &[], None).await).await;
    let res = answer_named(&app, &key.get(&theirs), &theirs, &mine).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(session_cookie(&res).is_none());
}

#[tokio::test]
async fn a_cloned_passkey_is_refused_by_its_counter() {
    let app = TestApp::spawn().await;
    let session = app.sign_up(&address("clone")).await;
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    assert!(add(&app, &session, &mut key, "Laptop").await.status().is_success());
    assert!(session_cookie(&sign_in(&app, &mut key).await).is_some());
    assert!(session_cookie(&sign_in(&app, &mut key).await).is_some());

    // A copy of the key still at an older counter.
    let (opts, ceremony) = options(app.call(path::<PasskeySignInOptions>(), &[], None).await).await;
    key.counter = 1;
    let res = app
        .call(path::<SignInWithPasskey>(), &[("credential", &key.assert(&challenge(&opts)))], Some(&ceremony))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "a counter that goes back is a clone");
    assert!(session_cookie(&res).is_none());
}

#[tokio::test]
async fn a_ceremony_started_on_one_instance_finishes_on_another() {
    let a = TestApp::spawn().await;
    let b = a.spawn_sibling(&[]).await;
    let session = a.sign_up(&address("two")).await;
    let mut key = SoftPasskey::new(&a.state.config.service_domain);
    let (opts, ceremony) =
        options(a.call(path::<PasskeyRegistrationOptions>(), &[], Some(&session)).await).await;
    let cookies = format!("{session}; {ceremony}");
    let res = b
        .call(path::<AddPasskey>(), &[("name", "Laptop"), ("credential", &key.create(&opts))], Some(&cookies))
        .await;
    assert!(res.status().is_success(), "{}", res.status());

    let (opts, ceremony) = options(b.call(path::<PasskeySignInOptions>(), &[], None).await).await;
    let res = a.call(path::<SignInWithPasskey>(), &[("credential", &key.get(&opts))], Some(&ceremony)).await;
    assert!(session_cookie(&res).is_some(), "{}", res.status());
}

#[tokio::test]
async fn the_last_way_in_is_never_removed() {
    let app = TestApp::spawn().await;
    let session = app.sign_up(&address("last")).await;
    let res = app.call(path::<RemovePassword>(), &[], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "no passkey yet: the password stays");

    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    assert!(add(&app, &session, &mut key, "Laptop").await.status().is_success());
    let other = session_cookie(&app.sign_in(&json_email(&app, &session).await, PASSWORD).await).unwrap();
    let res = app.call(path::<RemovePassword>(), &[], Some(&session)).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert!(!app.is_signed_in(&other).await, "other devices end with the password");
    assert!(app.is_signed_in(&session).await);

    let id = listed(&app, &session).await[0]["id"].as_str().unwrap().to_owned();
    let res = app.call(path::<RemovePasskey>(), &[("id", &id)], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(
        json(res).await["message"],
        "Set a password or connect Google before removing your last passkey."
    );
    assert_eq!(listed(&app, &session).await.len(), 1);
    assert!(session_cookie(&sign_in(&app, &mut key).await).is_some(), "the passkey still signs in");
}

async fn json_email(app: &TestApp, session: &str) -> String {
    json(app.call(path::<CurrentUser>(), &[], Some(session)).await).await["email"]
        .as_str()
        .unwrap()
        .to_owned()
}
