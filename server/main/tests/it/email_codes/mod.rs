//! Signing in and up with a code by mail: the code typed, the link pressed, each only in the
//! browser that asked; two-step after it; the same answer for every address.

mod rules;

use app::api::email_code::{RequestCode, SignInWithCode, SignInWithCodeLink};
use reqwest::{Response, StatusCode};

use crate::support::{
    TestApp,
    accounts::{json, path, session_cookie, set_cookie},
    mail,
    two_step::{code, verify, with_two_step},
};

pub fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

/// Asks for a code as the browser with `cookie` (none: a fresh browser); returns the answer.
pub async fn ask_as(app: &TestApp, email: &str, new_account: bool, cookie: Option<&str>) -> Response {
    let mut form = vec![("email", email), ("next", "/account")];
    if new_account {
        form.push(("new_account", "1"));
    }
    app.call(path::<RequestCode>(), &form, cookie).await
}

/// Asks for a code from a fresh browser: that browser's `email_code` cookie.
pub async fn ask(app: &TestApp, email: &str, new_account: bool) -> String {
    let res = ask_as(app, email, new_account, None).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    set_cookie(&res, "email_code").expect("the asking browser's cookie")
}

/// The code and link of every code mail to `to`, oldest first, once there are `n`.
pub async fn codes(to: &str, n: usize) -> Vec<(String, String)> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let found: Vec<(String, String)> = mail::messages_to(&mail::api(), to)
            .await
            .iter()
            .filter(|m| m["subject"].as_str().is_some_and(|s| s.starts_with("Your sign-in code for")))
            .map(|m| {
                let text = m["text"].as_str().unwrap();
                let code = text.split("Your sign-in code is ").nth(1).unwrap()[..9].to_owned();
                (code, mail::link(m, "/login/code/confirm"))
            })
            .collect();
        if found.len() >= n {
            return found;
        }
        assert!(std::time::Instant::now() < deadline, "{} code mails to {to}, not {n}", found.len());
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

pub async fn enter(app: &TestApp, browser: &str, code: &str) -> Response {
    app.call(path::<SignInWithCode>(), &[("code", code)], Some(browser)).await
}

pub async fn press(app: &TestApp, browser: Option<&str>, link: &str) -> Response {
    let token = link.split("token=").nth(1).unwrap();
    app.call(path::<SignInWithCodeLink>(), &[("token", token)], browser).await
}

pub async fn message(res: Response) -> (StatusCode, String) {
    let status = res.status();
    let body = json(res).await;
    let text = body["message"].as_str().or_else(|| body["fields"][0][1].as_str()).unwrap_or_default();
    (status, text.to_owned())
}

pub async fn sign_in_method(app: &TestApp, email: &str) -> Vec<String> {
    sqlx::query_scalar(
        "SELECT s.sign_in_method FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at",
    )
    .bind(email)
    .fetch_all(&app.state.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_code_typed_in_the_asking_browser_signs_in_once() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("code-typed");
    app.sign_up(&email).await;
    let browser = ask(&app, &email, false).await;
    let (code, _) = codes(&email, 1).await.remove(0);
    assert!(code.chars().all(|c| c == '-' || c.is_ascii_uppercase() || c.is_ascii_digit()), "{code}");

    let res = enter(&app, &browser, &code.to_lowercase()).await;
    let session = session_cookie(&res).expect("a session");
    assert!(app.is_signed_in(&session).await);
    assert_eq!(sign_in_method(&app, &email).await.last().map(String::as_str), Some("email_code"));
    let detail: String = sqlx::query_scalar(
        "SELECT detail FROM security_events WHERE kind = 'signed_in' ORDER BY at DESC LIMIT 1",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(detail, "Email code");

    let again = enter(&app, &browser, &code).await;
    assert!(session_cookie(&again).is_none(), "a code worked twice");
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_link_signs_in_the_asking_browser_and_shows_others_the_code() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("code-link");
    app.sign_up(&email).await;
    let browser = ask(&app, &email, false).await;
    let (code, link) = codes(&email, 1).await.remove(0);

    // Opening the link (a mail scanner, another device) spends nothing and shows the code.
    let page = app.bare.get(app.url(&link)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains(&code) && html.contains("Type this code there"), "{html}");
    assert!(!html.contains(&email), "another browser is not shown the address");
    let (status, text) = message(press(&app, None, &link).await).await;
    let other_browser = server::i18n::tr(server::i18n::Lang::En, server::accounts::email_code::OTHER_BROWSER);
    assert_eq!((status, text.as_str()), (StatusCode::BAD_REQUEST, other_browser));
    let stranger = ask(&app, &address("stranger"), false).await;
    assert!(session_cookie(&press(&app, Some(&stranger), &link).await).is_none(), "a stranger's browser");

    let mine = app.get_with(&link, &browser).await.text().await.unwrap();
    assert!(mine.contains("Sign in on this device") && !mine.contains(&code), "{mine}");
    let res = press(&app, Some(&browser), &link).await;
    assert!(app.is_signed_in(&session_cookie(&res).expect("a session")).await);
    assert!(session_cookie(&press(&app, Some(&browser), &link).await).is_none(), "the link worked twice");
}

#[tokio::test]
async fn a_code_creates_a_verified_account_without_a_password() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("code-signup");
    let browser = ask(&app, &email, true).await;
    let (code, _) = codes(&email, 1).await.remove(0);
    let res = enter(&app, &browser, &code).await;
    assert!(app.is_signed_in(&session_cookie(&res).expect("a session")).await);
    let (verified, password): (bool, bool) = sqlx::query_as(
        "SELECT email_verified_at IS NOT NULL, password_hash IS NOT NULL FROM users WHERE email = $1",
    )
    .bind(&email)
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert!(verified && !password, "verified {verified}, password {password}");
    let detail: String = sqlx::query_scalar("SELECT detail FROM security_events WHERE kind = 'signed_up'")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(detail, "with an email code");
}

#[tokio::test]
async fn with_two_step_a_code_continues_to_the_code_step() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("code-2fa");
    let (_, secret, _) = with_two_step(&app, &email).await;
    let browser = ask(&app, &email, false).await;
    let (mail_code, _) = codes(&email, 1).await.remove(0);
    let res = enter(&app, &browser, &mail_code).await;
    assert!(session_cookie(&res).is_none(), "a session before the authenticator code");
    let pending = set_cookie(&res, "two_step").expect("the code step's cookie");
    let res = verify(&app, &pending, &code(&secret, 1)).await;
    assert!(app.is_signed_in(&session_cookie(&res).expect("a session")).await);
    assert_eq!(sign_in_method(&app, &email).await.last().map(String::as_str), Some("email_code+code"));
}
