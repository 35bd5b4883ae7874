//! Two-step set-up cannot be planted: it needs a proven address and a recent sign-in, and a
//! key someone else saw during an unfinished set-up is never the one the owner turns on.

use app::api::{auth::SignUp, two_step::TurnOffTwoStep};
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie},
    two_step::{age_sign_in, code, setup, setup_secret, turn_on, with_two_step},
};

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

async fn enabled(app: &TestApp) -> bool {
    sqlx::query_scalar("SELECT count(*) > 0 FROM two_step WHERE enabled_at IS NOT NULL")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_unverified_address_cannot_start_or_finish_two_step_set_up() {
    let app = TestApp::spawn().await;
    let email = address("unverified");
    let res = app.call(path::<SignUp>(), &[("email", &email), ("password", PASSWORD)], None).await;
    let cookie = session_cookie(&res).expect("a session");

    let res = setup(&app, &cookie).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "set-up started before the address was proven");
    assert_eq!(json(res).await["message"], "Verify your email address first.");
    let res = turn_on(&app, &cookie, "123456").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(json(res).await["message"], "Verify your email address first.");
    assert!(!enabled(&app).await);
    let rows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM two_step").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(rows, 0, "nothing stored for an unproven address");
}

#[tokio::test]
async fn turning_on_needs_a_recent_sign_in() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_up(&address("stale")).await;
    let secret = setup_secret(&app, &cookie).await;
    age_sign_in(&app, 60).await;
    let res = turn_on(&app, &cookie, &code(&secret, 0)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "a stale session turned two-step on");
    assert_eq!(json(res).await["code"], "recent_sign_in");
    assert!(!enabled(&app).await);
}

#[tokio::test]
async fn a_key_seen_in_an_unfinished_set_up_is_never_the_owners() {
    let app = TestApp::spawn().await;
    let email = address("planted");
    let owner = app.sign_up(&email).await;
    // The attacker holds the password for a while: their own session starts a set-up and
    // copies the key into their app, then leaves it unfinished.
    let attacker = session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();
    let planted = setup_secret(&app, &attacker).await;

    // Later the owner sets up two-step from their own device.
    let own = setup_secret(&app, &owner).await;
    assert_ne!(own, planted, "the owner was shown the key the attacker copied");
    assert_eq!(setup_secret(&app, &owner).await, own, "a reload on the owner's device shows the same key");

    // The attacker's app cannot turn anything on, from either session.
    for cookie in [&attacker, &owner] {
        let res = turn_on(&app, cookie, &code(&planted, 0)).await;
        assert!(!res.status().is_success(), "the planted key turned two-step on: {}", res.status());
    }
    assert!(!enabled(&app).await);
    let res = turn_on(&app, &owner, &code(&own, 0)).await;
    assert!(res.status().is_success(), "{}", res.status());
}

#[tokio::test]
async fn an_abandoned_set_up_key_expires() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_up(&address("abandoned")).await;
    let first = setup_secret(&app, &cookie).await;
    sqlx::query("UPDATE two_step_setups SET expires_at = now() - interval '1 second'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    let second = setup_secret(&app, &cookie).await;
    assert_ne!(first, second, "a key older than its lifetime was shown again");
    let res = turn_on(&app, &cookie, &code(&first, 0)).await;
    assert!(!res.status().is_success(), "the expired key turned two-step on");
}

#[tokio::test]
async fn a_recovery_code_turns_two_step_off_when_the_phone_is_lost() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("lostphone");
    let (cookie, _, on) = with_two_step(&app, &email).await;
    let codes = on.as_array().expect("the recovery codes in the answer to turning on").clone();
    let recovery = codes[0].as_str().unwrap();

    let res = app
        .call(path::<TurnOffTwoStep>(), &[("code", ""), ("recovery_code", "aaaaa-bbbbb")], Some(&cookie))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "a wrong recovery code");
    let res =
        app.call(path::<TurnOffTwoStep>(), &[("code", ""), ("recovery_code", recovery)], Some(&cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert!(!enabled(&app).await);
    let res = app.sign_in(&email, PASSWORD).await;
    assert!(session_cookie(&res).is_some(), "the password alone signs in again");
    crate::support::mail::wait_for(
        &crate::support::mail::api(),
        &email,
        "Two-step verification was turned off",
    )
    .await;
}

#[tokio::test]
async fn a_recovery_code_replaces_a_lost_authenticator_and_the_old_key_stops_at_once() {
    use crate::support::two_step::{first_step, verify};
    use app::api::two_step::{NewAuthenticatorSetup, ReplaceAuthenticator};
    let app = TestApp::spawn_with_smtp().await;
    let email = address("replace");
    let (cookie, old, on) = with_two_step(&app, &email).await;
    let recovery = on[0].as_str().unwrap().to_owned();
    let other = session_cookie(&app.sign_in(&email, PASSWORD).await);
    assert!(other.is_none(), "two-step is on: no session from the password alone");

    let res = app.call(path::<NewAuthenticatorSetup>(), &[], Some(&cookie)).await;
    assert!(res.status().is_success(), "{}", res.status());
    let new = json(res).await["secret"].as_str().unwrap().to_owned();
    assert_ne!(new, old);

    age_sign_in(&app, 60).await;
    let form = [("new_code", code(&new, 0)), ("recovery_code", recovery.clone())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.call(path::<ReplaceAuthenticator>(), &form, Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "a stale session replaced the authenticator");
    age_sign_in(&app, 0).await;

    let wrong = [("new_code", "000000"), ("recovery_code", recovery.as_str())];
    let res = app.call(path::<ReplaceAuthenticator>(), &wrong, Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "a wrong code for the new app");
    let res = app.call(path::<ReplaceAuthenticator>(), &form, Some(&cookie)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let api = crate::support::mail::api();
    crate::support::mail::wait_for(&api, &email, "Your authenticator app was replaced").await;
    crate::support::mail::wait_for(&api, &email, "A recovery code was used").await;

    let pending = first_step(&app, &email).await;
    let res = verify(&app, &pending, &code(&old, 1)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "the old app's code still works");
    let res = verify(&app, &pending, &code(&new, 1)).await;
    assert!(session_cookie(&res).is_some(), "{}", res.status());
}
