//! With two-step on, re-confirming asks for a code as well, and new recovery codes are shown
//! once, in the answer that made them.

use app::api::{
    security::ConfirmPassword,
    two_step::{RegenerateRecoveryCodes, TurnOffTwoStep, TwoStepStatus},
};
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    accounts::{PASSWORD, field_error, json, path, set_cookie},
    mail,
    two_step::{age_sign_in, code, with_two_step, wrong_code},
};

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

async fn confirm(app: &TestApp, cookie: &str, extra: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![("password", PASSWORD), ("next", "/account/two-step")];
    form.extend_from_slice(extra);
    app.call(path::<ConfirmPassword>(), &form, Some(cookie)).await
}

#[tokio::test]
async fn the_password_alone_does_not_re_confirm_an_account_with_two_step() {
    let app = TestApp::spawn().await;
    let email = address("reconfirm");
    let (cookie, secret, _) = with_two_step(&app, &email).await;
    age_sign_in(&app, 60).await;

    let res = confirm(&app, &cookie, &[]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "the password alone re-confirmed");
    assert!(field_error(&json(res).await, "code").is_some());
    let res = app.call(path::<RegenerateRecoveryCodes>(), &[], Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "still not a recent sign-in");

    let res = confirm(&app, &cookie, &[("code", &wrong_code(&secret, 1))]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(crate::support::two_step::events(&app, "wrong_code").await, 1, "counted like a sign-in");

    let res = confirm(&app, &cookie, &[("code", &code(&secret, 1))]).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let res = app.call(path::<RegenerateRecoveryCodes>(), &[], Some(&cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
}

#[tokio::test]
async fn a_recovery_code_re_confirms_too() {
    let app = TestApp::spawn().await;
    let email = address("reconfirmrec");
    let (cookie, _, on) = with_two_step(&app, &email).await;
    let recovery = on[0].as_str().expect("recovery codes in the answer").to_owned();
    age_sign_in(&app, 60).await;
    let res = confirm(&app, &cookie, &[("recovery_code", &recovery)]).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let res =
        app.call(path::<TurnOffTwoStep>(), &[("code", ""), ("recovery_code", "x")], Some(&cookie)).await;
    assert_ne!(res.status(), StatusCode::FORBIDDEN, "re-confirmed with the recovery code");
}

#[tokio::test]
async fn new_recovery_codes_are_shown_once_in_the_answer_and_mailed_about() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("freshcodes");
    let (cookie, _, on) = with_two_step(&app, &email).await;
    let first: Vec<String> =
        on.as_array().expect("the codes in the answer to turning on").iter().map(|c| c.to_string()).collect();
    assert_eq!(first.len(), 10);
    let status = json(app.call(path::<TwoStepStatus>(), &[], Some(&cookie)).await).await;
    assert!(status["fresh_codes"].is_null(), "codes kept for display later: {status}");
    assert_eq!(status["codes_left"], 10);
    mail::wait_for(&mail::api(), &email, "Two-step verification was turned on").await;

    let res = app.call(path::<RegenerateRecoveryCodes>(), &[], Some(&cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    let carried = set_cookie(&res, "fresh_codes").expect("the codes carried, sealed, to the page");
    let second = json(res).await;
    let second: Vec<String> =
        second.as_array().expect("the new codes").iter().map(|c| c.to_string()).collect();
    assert_eq!(second.len(), 10);
    // Without JavaScript the page the answer leads to shows them, and tells the browser to
    // forget them.
    let page = app.get_with("/account/two-step", &format!("{cookie}; {carried}")).await;
    assert!(set_cookie(&page, "fresh_codes").is_some_and(|c| c == "fresh_codes="), "the cookie is cleared");
    let page = page.text().await.unwrap();
    assert!(page.contains("Save your recovery codes"));
    assert!(second.iter().all(|c| page.contains(c.trim_matches('"'))), "the codes on the page");
    let page = app.get_with("/account/two-step", &cookie).await.text().await.unwrap();
    assert!(!page.contains(second[0].trim_matches('"')), "shown again on the next view");
    assert!(second.iter().all(|c| !first.contains(c)));
    let status = json(app.call(path::<TwoStepStatus>(), &[], Some(&cookie)).await).await;
    assert!(status["fresh_codes"].is_null());
    assert_eq!(crate::support::two_step::events(&app, "recovery_codes_regenerated").await, 1);
    mail::wait_for(&mail::api(), &email, "New recovery codes").await;
    let stored: Option<i64> = sqlx::query_scalar(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'two_step' AND column_name = 'fresh_codes_sealed'",
    )
    .fetch_optional(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(stored, Some(0), "codes are kept for later display");
}
