//! Nothing planted before the address is proven survives: anyone can sign up with someone
//! else's address, so a way in added before the owner proves it could be a stranger's, waiting
//! for the owner to claim the address through "Forgot password?".

use app::api::{
    auth::SignUp,
    email::{ForgotPassword, ResetPassword},
    passkeys::{AddPasskey, PasskeyRegistrationOptions, PasskeySignInOptions, SignInWithPasskey},
};
use reqwest::{Response, StatusCode, header};

use super::recovery::address;
use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie, set_cookie},
    mail,
    webauthn::SoftPasskey,
};

const UNVERIFIED: &str = "Verify your email address first.";
const REMOVED: &str = "We removed sign-in methods added before this address was confirmed.";

/// The attacker's sign-up with the owner's address: a session, the address unproven.
async fn squat(app: &TestApp, email: &str) -> String {
    let res = app.call(path::<SignUp>(), &[("email", email), ("password", PASSWORD)], None).await;
    session_cookie(&res).expect("signed in, address not verified")
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.state.pool).await.unwrap()
}

async fn add_passkey(app: &TestApp, session: &str, key: &mut SoftPasskey) -> Response {
    let res = app.call(path::<PasskeyRegistrationOptions>(), &[], Some(session)).await;
    if !res.status().is_success() {
        return res;
    }
    let ceremony = set_cookie(&res, "webauthn").expect("the ceremony cookie");
    let options = json(res).await.as_str().unwrap().to_owned();
    let credential = key.create(&options);
    let cookies = format!("{session}; {ceremony}");
    app.call(path::<AddPasskey>(), &[("name", "planted"), ("credential", &credential)], Some(&cookies)).await
}

async fn passkey_sign_in(app: &TestApp, key: &mut SoftPasskey) -> Response {
    let res = app.call(path::<PasskeySignInOptions>(), &[("next", "/account")], None).await;
    let ceremony = set_cookie(&res, "webauthn").expect("the ceremony cookie");
    let options = json(res).await.as_str().unwrap().to_owned();
    let credential = key.get(&options);
    app.call(path::<SignInWithPasskey>(), &[("credential", &credential)], Some(&ceremony)).await
}

/// The owner claims the address: "Forgot password?", the mailed link, a new password, as a
/// browser without JavaScript posts it. Returns the redirect's answer.
async fn owner_resets(app: &TestApp, email: &str) -> Response {
    app.call(path::<ForgotPassword>(), &[("email", email)], None).await;
    let link =
        mail::link(&mail::wait_for(&mail::api(), email, "Reset your password").await, "/reset-password");
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let form = [("token", token.as_str()), ("new_password", "the owner's own passphrase")];
    let res = app.html_post(&link, path::<ResetPassword>(), &form, None).await;
    assert!(res.status().is_redirection(), "the reset is not done: {}", res.status());
    res
}

/// The sign-in page the reset leads to, with the flash cookie it set.
async fn page_after(app: &TestApp, res: &Response) -> String {
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let flash = set_cookie(res, "flash").unwrap_or_default();
    app.get_with(&location, &flash).await.text().await.unwrap()
}

#[tokio::test]
async fn no_passkey_can_be_added_before_the_address_is_proven() {
    let app = TestApp::spawn_with_smtp().await;
    let owner = address("owner");
    let stolen_address = squat(&app, &owner).await;
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    let res = add_passkey(&app, &stolen_address, &mut key).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "a passkey was added to an unproven address");
    assert_eq!(json(res).await["message"], UNVERIFIED);
    assert_eq!(count(&app, "SELECT count(*) FROM passkeys").await, 0);
    assert_eq!(count(&app, "SELECT count(*) FROM webauthn_ceremonies").await, 0, "no ceremony started");

    // The owner claims the address; the squatter is out, with no passkey to come back with.
    owner_resets(&app, &owner).await;
    assert!(!app.is_signed_in(&stolen_address).await);
    assert_eq!(count(&app, "SELECT count(*) FROM passkeys").await, 0);
}

#[tokio::test]
async fn the_owners_first_proof_removes_every_way_in_added_before_it() {
    let app = TestApp::spawn_with_smtp().await;
    let owner = address("owner");
    let squatter = squat(&app, &owner).await;
    // Ways in planted while the address was unproven (as accounts from before the rule above
    // may hold them): a passkey, two-step, a linked identity, a half-finished code step.
    sqlx::query("UPDATE users SET email_verified_at = now()").execute(&app.state.pool).await.unwrap();
    app.state.sessions.caches.clear();
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    let res = add_passkey(&app, &squatter, &mut key).await;
    assert!(res.status().is_success(), "{}", res.status());
    for sql in [
        "UPDATE users SET email_verified_at = NULL",
        "INSERT INTO two_step (user_id, secret_sealed, enabled_at) SELECT id, '\\x00', now() FROM users",
        "INSERT INTO recovery_codes (user_id, code_hash) SELECT id, '\\x01' FROM users",
        "INSERT INTO user_identities (issuer, subject, user_id, email) SELECT 'https://idp.example', 'sub-planted', id, email FROM users",
    ] {
        sqlx::query(sql).execute(&app.state.pool).await.unwrap();
    }
    app.state.sessions.caches.clear();

    let res = owner_resets(&app, &owner).await;
    let page = page_after(&app, &res).await;
    assert!(page.contains(REMOVED), "the sign-in page does not say what was removed");
    for (table, sql) in [
        ("passkeys", "SELECT count(*) FROM passkeys"),
        ("two_step", "SELECT count(*) FROM two_step"),
        ("recovery_codes", "SELECT count(*) FROM recovery_codes"),
        ("user_identities", "SELECT count(*) FROM user_identities"),
        ("sessions", "SELECT count(*) FROM sessions"),
    ] {
        assert_eq!(count(&app, sql).await, 0, "{table} kept a way in planted before the proof");
    }
    let res = passkey_sign_in(&app, &mut key).await;
    assert!(session_cookie(&res).is_none(), "the planted passkey still signs in");
    assert!(!app.is_signed_in(&squatter).await);
    let events =
        count(&app, "SELECT count(*) FROM security_events WHERE kind = 'unproven_methods_removed'").await;
    assert_eq!(events, 1);
    assert!(
        session_cookie(&app.sign_in(&owner, "the owner's own passphrase").await).is_some(),
        "the owner is in with the new password"
    );
}

#[tokio::test]
async fn a_reset_of_a_proven_address_keeps_its_ways_in() {
    let app = TestApp::spawn_with_smtp().await;
    let owner = address("proven");
    let session = app.sign_up(&owner).await; // verified by the helper
    let mut key = SoftPasskey::new(&app.state.config.service_domain);
    assert!(add_passkey(&app, &session, &mut key).await.status().is_success());

    let res = owner_resets(&app, &owner).await;
    assert!(!page_after(&app, &res).await.contains(REMOVED));
    assert_eq!(count(&app, "SELECT count(*) FROM passkeys").await, 1, "the owner's passkey stays");
    assert!(session_cookie(&passkey_sign_in(&app, &mut key).await).is_some());
}
