//! The reader's language: pages follow the request (the `lang` cookie, else Accept-Language),
//! mails follow the account (its sign-up's language, then whatever its owner picks).

use app::api::{
    auth::SignUp, email::ForgotPassword, email_code::RequestCode, language::SetLanguage,
    security::ChangePassword,
};
use reqwest::header;

use crate::support::{
    TestApp,
    accounts::{PASSWORD, path, session_cookie, set_cookie},
    mail,
};

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

/// A server function call as a hydrated page in a browser asking for `accept_language`.
async fn call_in(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    accept_language: &str,
) -> reqwest::Response {
    app.bare
        .post(app.url(path))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::ACCEPT, "application/json")
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .form(form)
        .send()
        .await
        .expect("request sent")
}

async fn stored_lang(app: &TestApp, email: &str) -> String {
    sqlx::query_scalar("SELECT lang FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_account_signed_up_in_german_gets_its_mails_in_german() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("de");
    let form = [("email", email.as_str()), ("password", PASSWORD)];
    let res = call_in(&app, path::<SignUp>(), &form, "de-CH,de;q=0.9,en;q=0.5").await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert_eq!(stored_lang(&app, &email).await, "de");

    let message = mail::wait_for(&mail::api(), &email, "Bestätigen Sie Ihre E-Mail-Adresse").await;
    assert_eq!(message["subject"], "Bestätigen Sie Ihre E-Mail-Adresse · Accounts Test");
    let text = message["text"].as_str().unwrap();
    assert!(text.contains(&format!("Bestätigen Sie, dass {email} Ihre Adresse ist")), "{text}");
    assert!(text.contains("/verify-email?token="), "{text}");

    // Asked for in English later, the account's mails stay German.
    app.call(path::<ForgotPassword>(), &[("email", &email)], None).await;
    let reset = mail::wait_for(&mail::api(), &email, "Passwort zurücksetzen").await;
    assert!(reset["text"].as_str().unwrap().contains("/reset-password?token="));
}

#[tokio::test]
async fn a_code_for_a_new_account_comes_in_the_asking_browsers_language() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("ja_code");
    let form = [("email", email.as_str()), ("next", "/account"), ("new_account", "1")];
    let res = call_in(&app, path::<RequestCode>(), &form, "ja").await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let message = mail::wait_for(&mail::api(), &email, "Accounts Test のログインコード").await;
    assert!(message["text"].as_str().unwrap().starts_with("ログインコードは "), "{message}");
}

#[tokio::test]
async fn picking_a_language_signed_in_makes_it_the_accounts() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("ja");
    let cookie = app.sign_up(&email).await;
    assert_eq!(stored_lang(&app, &email).await, "en", "no language asked: English");
    // The account is in this instance's cache now: the choice must reach it.
    assert!(app.is_signed_in(&cookie).await);

    let res = app.call(path::<SetLanguage>(), &[("lang", "ja")], Some(&cookie)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert_eq!(set_cookie(&res, "lang").as_deref(), Some("lang=ja"), "the choice is kept in the cookie");
    assert_eq!(stored_lang(&app, &email).await, "ja");

    // A notice sent by a signed-in request (whose account comes from the cache) is Japanese,
    // though the request itself asks for nothing.
    let new = "a brand new passphrase for ada";
    let form = [("current_password", PASSWORD), ("new_password", new)];
    let res = app.call(path::<ChangePassword>(), &form, Some(&cookie)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let notice = mail::wait_for(&mail::api(), &email, "パスワードが変更されました").await;
    assert!(notice["text"].as_str().unwrap().contains("これは私ではありません: "), "{notice}");

    // And so is a reset link asked for by anyone.
    app.call(path::<ForgotPassword>(), &[("email", &email)], None).await;
    let reset = mail::wait_for(&mail::api(), &email, "パスワードの再設定").await;
    assert_eq!(reset["subject"], "パスワードの再設定 · Accounts Test");

    // A signed-out choice changes only the cookie; an unknown one is refused.
    let res = app.call(path::<SetLanguage>(), &[("lang", "de")], None).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert_eq!(stored_lang(&app, &email).await, "ja");
    let fresh = session_cookie(&app.sign_in(&email, new).await).expect("signed in again");
    let res = app.call(path::<SetLanguage>(), &[("lang", "fr")], Some(&fresh)).await;
    assert!(!res.status().is_success(), "{}", res.status());
    assert_eq!(stored_lang(&app, &email).await, "ja");
}

#[tokio::test]
async fn pages_follow_accept_language_and_the_cookie_wins() {
    let app = TestApp::spawn().await;
    let lang_of = |page: &str| page.split("<html lang=\"").nth(1).map(|rest| rest[..2].to_owned());

    let res = app.bare.get(app.url("/")).header(header::ACCEPT_LANGUAGE, "de-CH,de;q=0.9").send().await;
    let page = res.unwrap().text().await.unwrap();
    assert_eq!(lang_of(&page).as_deref(), Some("de"), "{page}");

    let res = app
        .bare
        .get(app.url("/"))
        .header(header::ACCEPT_LANGUAGE, "de-CH,de;q=0.9")
        .header(header::COOKIE, "lang=ja")
        .send()
        .await;
    let page = res.unwrap().text().await.unwrap();
    assert_eq!(lang_of(&page).as_deref(), Some("ja"), "{page}");

    let page = app.get("/").await.text().await.unwrap();
    assert_eq!(lang_of(&page).as_deref(), Some("en"));
}
