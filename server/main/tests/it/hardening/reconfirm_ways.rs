//! Re-confirming without a password: Google asks for the code too when two-step is on, and
//! one of the account's own passkeys re-confirms alone (another account's never does).

use app::api::{
    passkeys::{AddPasskey, ConfirmWithPasskey, PasskeyConfirmOptions, PasskeyRegistrationOptions},
    providers::ReconfirmWithProvider,
    two_step::RegenerateRecoveryCodes,
};
use reqwest::{Response, StatusCode, header};
use serde_json::Value;

use super::recovery::address;
use crate::support::{
    TestApp,
    accounts::{field_error, json, path, session_cookie, set_cookie},
    oidc::{MockProvider, Person, Tamper, started},
    two_step::{age_sign_in, code, events, setup_secret, turn_on, wrong_code},
    webauthn::SoftPasskey,
};

fn location(res: &Response) -> String {
    res.headers().get(header::LOCATION).expect("a redirect").to_str().unwrap().to_owned()
}

/// True when this app's only session proved who it is within the last minute.
async fn recent(app: &TestApp) -> bool {
    sqlx::query_scalar("SELECT authenticated_at > now() - interval '1 minute' FROM sessions")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

/// An account made with Google (no password), signed in: its session cookie.
async fn google_account(app: &TestApp, provider: &MockProvider, person: Person) -> String {
    let attempt = started(&app.bare.get(app.url("/auth/google?next=/account")).send().await.unwrap());
    let code = provider.approve(&attempt.authorize, person, Tamper::None);
    let res = app.google_callback(&code, &attempt.state, &[&attempt.cookie]).await;
    session_cookie(&res).expect("signed in with Google")
}

#[tokio::test]
async fn google_alone_does_not_re_confirm_an_account_with_two_step() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    let email = address("gtwostep");
    let person = || Person::new("sub-gtwostep", &email);
    let session = google_account(&app, &provider, person()).await;
    let secret = setup_secret(&app, &session).await;
    assert!(turn_on(&app, &session, &code(&secret, 0)).await.status().is_success());
    age_sign_in(&app, 60).await;

    // Google already connected: signing in with it again is the re-confirmation, and it must
    // not stand for the code as well.
    let res = app
        .bare
        .post(app.url("/auth/google/connect"))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::COOKIE, &session)
        .form(&[("next", "/account/two-step")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&res),
        "/account/confirm?next=/account/two-step",
        "Google was asked without the code"
    );

    let ask = |extra: Vec<(&'static str, String)>| {
        let mut form = vec![("provider", "google".to_owned()), ("next", "/account/two-step".to_owned())];
        form.extend(extra);
        let (app, session) = (&app, &session);
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.html_post("/account/confirm", path::<ReconfirmWithProvider>(), &form, Some(session)).await
        }
    };
    let json_ask = async |extra: &[(&str, &str)]| {
        let mut form = vec![("provider", "google"), ("next", "/account/two-step")];
        form.extend_from_slice(extra);
        app.call(path::<ReconfirmWithProvider>(), &form, Some(&session)).await
    };
    let res = json_ask(&[]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&json(res).await, "code").is_some(), "the code is asked first");
    let res = json_ask(&[("code", &wrong_code(&secret, 5))]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(events(&app, "wrong_code").await, 1, "counted like any code");

    // The right code, then Google: now the device counts as freshly signed in.
    let res = ask(vec![("code", code(&secret, 1))]).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let to = url::Url::parse(&location(&res)).expect("sent to the provider");
    let state = to.query_pairs().find(|(k, _)| k == "state").unwrap().1.into_owned();
    let flow = set_cookie(&res, "google_flow").expect("the flow cookie");
    assert!(!recent(&app).await, "nothing counts before Google answers");
    let approved = provider.approve(&to, person(), Tamper::None);
    let res = app.google_callback(&approved, &state, &[&flow, &session]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account/two-step");
    assert!(recent(&app).await, "the code and Google re-confirmed");
    let res = app.call(path::<RegenerateRecoveryCodes>(), &[], Some(&session)).await;
    assert!(res.status().is_success(), "{}", res.status());
}

/// Starts a ceremony: its options and the browser's `webauthn` cookie.
async fn ceremony(res: Response) -> (String, String) {
    assert!(res.status().is_success(), "{}", res.status());
    let cookie = set_cookie(&res, "webauthn").expect("the ceremony cookie");
    (json(res).await.as_str().unwrap().to_owned(), cookie)
}

async fn add(app: &TestApp, session: &str, key: &mut SoftPasskey) {
    let (options, cookie) =
        ceremony(app.call(path::<PasskeyRegistrationOptions>(), &[], Some(session)).await).await;
    let credential = key.create(&options);
    let cookies = format!("{session}; {cookie}");
    let res = app
        .call(path::<AddPasskey>(), &[("name", "Laptop"), ("credential", &credential)], Some(&cookies))
        .await;
    assert!(res.status().is_success(), "{}", res.status());
}

/// "Confirm with a passkey" answered by `key`.
async fn confirm_with(app: &TestApp, session: &str, key: &mut SoftPasskey) -> Response {
    let (options, cookie) = ceremony(
        app.call(path::<PasskeyConfirmOptions>(), &[("next", "/account/security#delete")], Some(session))
            .await,
    )
    .await;
    let listed: Value = serde_json::from_str(&options).unwrap();
    assert_eq!(listed["publicKey"]["userVerification"], "required");
    let credential = key.get(&options);
    let cookies = format!("{session}; {cookie}");
    app.call(path::<ConfirmWithPasskey>(), &[("credential", &credential)], Some(&cookies)).await
}

#[tokio::test]
async fn the_accounts_own_passkey_re_confirms_and_another_accounts_does_not() {
    let app = TestApp::spawn().await;
    let origin = app.state.config.service_domain.clone();
    let session = app.sign_up(&address("pkconfirm")).await;
    let mut own = SoftPasskey::new(&origin);
    add(&app, &session, &mut own).await;
    let other = app.sign_up(&address("pkother")).await;
    let mut strangers = SoftPasskey::new(&origin);
    add(&app, &other, &mut strangers).await;
    sqlx::query("DELETE FROM sessions WHERE id <> (SELECT id FROM sessions ORDER BY created_at LIMIT 1)")
        .execute(&app.state.pool)
        .await
        .unwrap();
    age_sign_in(&app, 60).await;

    let res = confirm_with(&app, &session, &mut strangers).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "another account's passkey re-confirmed");
    assert!(!recent(&app).await);

    let res = confirm_with(&app, &session, &mut own).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(json(res).await, "/account/security#delete", "carries on where it was going");
    assert!(recent(&app).await, "the passkey re-confirmed this device");
    let devices: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sessions").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(devices, 1, "no new session: this device's own was made recent");
}

#[tokio::test]
async fn an_account_without_passkeys_is_offered_none() {
    let app = TestApp::spawn().await;
    let session = app.sign_up(&address("pknone")).await;
    let res = app.call(path::<PasskeyConfirmOptions>(), &[("next", "/account")], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let no_passkey = server::i18n::tr(server::i18n::Lang::En, server::passkeys::NO_PASSKEY);
    assert_eq!(json(res).await["message"], no_passkey);
    let page = app.get_with("/account/confirm?next=/account", &session).await.text().await.unwrap();
    assert!(!page.contains("Confirm with a passkey"));
}
