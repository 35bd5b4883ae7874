//! Failed proofs (wrong password, wrong code, failed re-confirmation) and refused access
//! (cross-site request, unverified address, no recent sign-in, locked account) are log lines
//! with the target `security`, inside the request's span, so they carry its id.

use app::api::{
    auth::{SignOut, SignUp},
    passkeys::PasskeyRegistrationOptions,
    profile::UpdateProfile,
    security::ConfirmPassword,
    two_step::{TurnOnTwoStep, TwoStepSetup},
};
use reqwest::{Response, StatusCode, header};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, path, session_cookie},
    log::{Log, request_id},
};

fn email(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

/// Asserts that `res` has the status and that its request logged a `security` warning whose
/// fields mention `what`; returns the line.
fn assert_logged(log: &Log, res: &Response, status: StatusCode, what: &str) -> serde_json::Value {
    assert_eq!(res.status(), status, "{what}");
    let id = request_id(res);
    let lines = log.security(&id);
    let line = lines
        .iter()
        .find(|l| l["level"] == "WARN" && l["fields"].to_string().contains(what))
        .unwrap_or_else(|| panic!("no security line \"{what}\" with the request id {id}: {:?}", log.lines()))
        .clone();
    assert!(!line.to_string().contains(PASSWORD), "never the password");
    line
}

#[tokio::test]
async fn refused_access_and_failed_proofs_are_security_lines_with_the_request_id() {
    let app = TestApp::spawn().await;
    let (log, _guard) = Log::capture();

    // A cross-site request: no Origin, no Referer.
    let res = app.bare.post(app.url(path::<SignOut>())).send().await.unwrap();
    assert_logged(&log, &res, StatusCode::FORBIDDEN, "cross-site");

    // A wrong password.
    let owner = email("log-owner");
    let session = app.sign_up(&owner).await;
    let res = app.sign_in(&owner, "not the password at all").await;
    assert_logged(&log, &res, StatusCode::UNAUTHORIZED, "incorrect credentials");

    // A failed re-confirmation.
    let res = app
        .call(path::<ConfirmPassword>(), &[("password", "wrong guess"), ("next", "/account")], Some(&session))
        .await;
    let line = assert_logged(&log, &res, StatusCode::UNPROCESSABLE_ENTITY, "re-confirmation");
    assert!(line["fields"]["user"].is_string(), "the account is named: {line}");

    // A wrong two-step code.
    let res = app.call(path::<TwoStepSetup>(), &[], Some(&session)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.call(path::<TurnOnTwoStep>(), &[("code", "000000")], Some(&session)).await;
    assert_logged(&log, &res, StatusCode::UNPROCESSABLE_ENTITY, "wrong code");

    // No recent sign-in.
    sqlx::query("UPDATE sessions SET authenticated_at = now() - interval '1 hour'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    app.state.sessions.caches.clear();
    let res = app.call(path::<PasskeyRegistrationOptions>(), &[], Some(&session)).await;
    assert_logged(&log, &res, StatusCode::FORBIDDEN, "recent sign-in");

    // An unverified address.
    let res =
        app.call(path::<SignUp>(), &[("email", &email("log-unproved")), ("password", PASSWORD)], None).await;
    let unverified = session_cookie(&res).unwrap();
    let res = app
        .call(
            path::<UpdateProfile>(),
            &[("display_name", "X"), ("username", "x"), ("bio", "")],
            Some(&unverified),
        )
        .await;
    assert_logged(&log, &res, StatusCode::FORBIDDEN, "not verified");

    // A locked account.
    server::admin::lock(&app.state, &owner).await.unwrap();
    let res = app.sign_in(&owner, PASSWORD).await;
    assert_logged(&log, &res, StatusCode::FORBIDDEN, "locked");
}

#[tokio::test]
async fn a_cross_site_form_post_is_refused_with_a_security_line() {
    let app = TestApp::spawn().await;
    let (log, _guard) = Log::capture();
    let res = app
        .bare
        .post(app.url(path::<SignOut>()))
        .header(header::ORIGIN, "https://evil.example")
        .send()
        .await
        .unwrap();
    let line = assert_logged(&log, &res, StatusCode::FORBIDDEN, "cross-site");
    assert_eq!(line["fields"]["origin"], "https://evil.example", "{line}");
}
