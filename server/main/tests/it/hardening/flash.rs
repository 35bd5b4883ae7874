//! Form errors and notices no longer travel as readable text in the URL: a crafted link cannot
//! put words on our pages, and a real error still comes back to the form (without JavaScript
//! too) with what was typed.

use app::api::{FormError, auth::SignIn, email::ChangeEmail};
use leptos::server_fn::{ServerFn, error::ServerFnUrlError};
use reqwest::{Response, StatusCode, header};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, set_cookie},
};

fn location(res: &Response) -> String {
    res.headers()[header::LOCATION].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_crafted_link_cannot_put_words_on_the_page() {
    let app = TestApp::spawn().await;
    let lie = "Your account is suspended. Call +1 555 0100 to restore it.";
    let forged =
        ServerFnUrlError::new(SignIn::PATH, FormError::message(lie)).to_url(&app.url("/login")).unwrap();
    let page = app.get(&format!("/login?{}", forged.query().unwrap())).await.text().await.unwrap();
    assert!(!page.contains("suspended"), "the forged message was shown");

    let email =
        app.bare.get(app.url("/account/security?email_sent=scam%20alert%20call%20us")).send().await.unwrap();
    assert_eq!(email.status(), StatusCode::SEE_OTHER, "signed out: redirected, and nothing shown");
    let cookie = app.sign_up("flash-notice@example.com").await;
    let page = app
        .get_with("/account/security?email_sent=scam%20alert%20call%20us", &cookie)
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("scam alert"), "a notice in the URL is ignored");
    let home = app.get("/?deleted=1").await.text().await.unwrap();
    assert!(!home.contains("Your account has been deleted."), "a crafted deletion notice");
}

#[tokio::test]
async fn a_failed_form_post_comes_back_with_its_error_and_input_through_a_signed_cookie() {
    let app = TestApp::spawn().await;
    app.sign_up("flash-user@example.com").await;
    let res = app
        .html_post(
            "/login?next=/account",
            SignIn::PATH,
            &[("identifier", "flash-user@example.com"), ("password", "not the password")],
            None,
        )
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let back = location(&res);
    assert!(!back.contains("__err") && !back.contains("__path"), "{back}");
    assert!(back.ends_with("/login?next=/account"), "{back}");
    let flash = set_cookie(&res, "flash").expect("a flash cookie");
    assert!(!flash.contains("Incorrect"), "signed and encoded, not readable text");

    let page = app.bare.get(&back).header(header::COOKIE, &flash).send().await.unwrap();
    assert!(set_cookie(&page, "flash").is_some_and(|c| c == "flash="), "used once, then cleared");
    let page = page.text().await.unwrap();
    assert!(page.contains("Incorrect email or password."), "the error is shown");
    assert!(page.contains("value=\"flash-user@example.com\""), "what was typed is kept");
    assert!(!page.contains("not the password"), "never the password");

    // Only the page it was made for: another page ignores (and keeps) it.
    let other = app.bare.get(app.url("/signup")).header(header::COOKIE, &flash).send().await.unwrap();
    assert!(set_cookie(&other, "flash").is_none());
    assert!(!other.text().await.unwrap().contains("Incorrect email or password."));
}

#[tokio::test]
async fn the_address_a_change_was_sent_to_is_announced_through_the_cookie() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_up("flash-change@example.com").await;
    let res = app
        .html_post(
            "/account/security",
            ChangeEmail::PATH,
            &[("new_email", "flash-new@example.com"), ("email_password", PASSWORD)],
            Some(&cookie),
        )
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(location(&res), "/account/security");
    let flash = set_cookie(&res, "flash").expect("a flash cookie");
    let page = app.get_with("/account/security", &format!("{cookie}; {flash}")).await.text().await.unwrap();
    assert!(page.contains("flash-new@example.com"), "the notice names the new address");
}
