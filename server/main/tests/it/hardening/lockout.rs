//! The sign-in lockout stops guessing without telling who has an account, without outliving
//! 15 minutes, and without letting parallel guesses slip past it.

use app::api::email::{ForgotPassword, ResetPassword};
use reqwest::StatusCode;

use super::recovery::address;
use crate::support::{
    TestApp,
    accounts::{PASSWORD, json, path, session_cookie},
    mail,
};

const WRONG: &str = "not the password at all";

async fn answer(app: &TestApp, identifier: &str, password: &str) -> (StatusCode, String) {
    let res = app.sign_in(identifier, password).await;
    let status = res.status();
    (status, json(res).await["message"].as_str().unwrap_or_default().to_owned())
}

async fn roomy_app() -> TestApp {
    TestApp::spawn_with(&[("SIGN_IN_PER_IP_PER_MINUTE", "1000")]).await
}

#[tokio::test]
async fn known_and_unknown_addresses_answer_alike_at_every_step() {
    let app = roomy_app().await;
    let known = address("known");
    let unknown = address("unknown");
    app.sign_up(&known).await;
    let mut locked_at = None;
    for step in 1..=8 {
        let a = answer(&app, &known, WRONG).await;
        let b = answer(&app, &unknown, WRONG).await;
        assert_eq!(a, b, "step {step}: a real account answers differently from an unknown one");
        if a.0 == StatusCode::TOO_MANY_REQUESTS && locked_at.is_none() {
            locked_at = Some(step);
        }
    }
    assert_eq!(locked_at, Some(6), "the sixth guess in a row is refused");
    assert_eq!(answer(&app, &known, PASSWORD).await.1, "Too many attempts. Try again in 1 minute.");
    // The typed identifier is normalised: case and spaces do not make a fresh budget.
    assert_eq!(
        answer(&app, &format!("  {}", known.to_uppercase()), PASSWORD).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
    let stored: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sign_in_throttle WHERE encode(key, 'escape') LIKE '%example%'",
    )
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(stored, 0, "identifiers are stored only as an HMAC");
}

#[tokio::test]
async fn parallel_guesses_cannot_slip_past_the_count() {
    let app = roomy_app().await;
    let email = address("parallel");
    app.sign_up(&email).await;
    let guesses = (0..16).map(|_| app.sign_in(&email, WRONG));
    let statuses: Vec<StatusCode> =
        futures::future::join_all(guesses).await.iter().map(|r| r.status()).collect();
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!(checked + refused, 16, "{statuses:?}");
    assert_eq!(checked, 5, "exactly five passwords were checked: {statuses:?}");
}

#[tokio::test]
async fn failures_decay_and_a_lock_lasts_at_most_fifteen_minutes() {
    let app = roomy_app().await;
    let email = address("decay");
    app.sign_up(&email).await;
    for _ in 0..4 {
        assert_eq!(answer(&app, &email, WRONG).await.0, StatusCode::UNAUTHORIZED);
    }
    // A quiet quarter of an hour starts the count again.
    sqlx::query("UPDATE sign_in_throttle SET last_failure_at = now() - interval '16 minutes'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    for _ in 0..4 {
        assert_eq!(answer(&app, &email, WRONG).await.0, StatusCode::UNAUTHORIZED);
    }
    assert!(
        session_cookie(&app.sign_in(&email, PASSWORD).await).is_some(),
        "four fresh failures do not lock"
    );

    // Guess on and on, each time right after the lock ends: the lock grows, up to 15 minutes.
    let unlock = || async {
        sqlx::query("UPDATE sign_in_throttle SET locked_until = now() - interval '1 second'")
            .execute(&app.state.pool)
            .await
            .unwrap();
    };
    let mut longest = 0.0f64;
    for _ in 0..20 {
        if answer(&app, &email, WRONG).await.0 == StatusCode::TOO_MANY_REQUESTS {
            unlock().await;
        }
        let secs: Option<f64> = sqlx::query_scalar(
            "SELECT max(EXTRACT(EPOCH FROM locked_until - now()))::float8 FROM sign_in_throttle",
        )
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
        longest = longest.max(secs.unwrap_or(0.0));
    }
    assert!(longest > 14.0 * 60.0 && longest <= 15.0 * 60.0, "longest lock {longest} s");
    unlock().await;
    assert_eq!(answer(&app, &email, WRONG).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(answer(&app, &email, PASSWORD).await.1, "Too many attempts. Try again in 15 minutes.");
}

#[tokio::test]
async fn a_completed_password_reset_lifts_the_lock() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("reset-lock");
    app.sign_up(&email).await;
    for _ in 0..6 {
        app.sign_in(&email, WRONG).await;
    }
    assert_eq!(answer(&app, &email, PASSWORD).await.0, StatusCode::TOO_MANY_REQUESTS);

    app.call(path::<ForgotPassword>(), &[("email", &email)], None).await;
    let link =
        mail::link(&mail::wait_for(&mail::api(), &email, "Reset your password").await, "/reset-password");
    let token = link.split("token=").nth(1).unwrap();
    let new_password = "a brand new passphrase";
    let res =
        app.call(path::<ResetPassword>(), &[("token", token), ("new_password", new_password)], None).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert!(
        session_cookie(&app.sign_in(&email, new_password).await).is_some(),
        "the owner is back in at once"
    );
}

#[tokio::test]
async fn the_email_and_the_username_of_an_account_share_one_count() {
    let app = roomy_app().await;
    let email = address("two-names");
    app.sign_up(&email).await;
    let username = crate::support::unique_name("name");
    sqlx::query("UPDATE users SET username = $1").bind(&username).execute(&app.state.pool).await.unwrap();
    // Three guesses by each name: six in all, one past the five a count allows.
    for identifier in [&email, &username, &email, &username, &email] {
        assert_eq!(answer(&app, identifier, WRONG).await.0, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        answer(&app, &username, WRONG).await.0,
        StatusCode::TOO_MANY_REQUESTS,
        "the username is a second budget of guesses"
    );
    assert_eq!(answer(&app, &email, PASSWORD).await.0, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn at_most_a_hundred_failures_an_hour_whatever_the_quiet_times() {
    let app = roomy_app().await;
    let email = address("patient");
    app.sign_up(&email).await;
    assert_eq!(answer(&app, &email, WRONG).await.0, StatusCode::UNAUTHORIZED);
    // A patient guesser: 98 more failures this hour, each after the count had decayed.
    sqlx::query(
        "UPDATE sign_in_throttle SET window_failures = 99, window_started_at = now() - interval '50 minutes', \
         failures = 1, last_failure_at = now() - interval '16 minutes', locked_until = NULL",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(answer(&app, &email, WRONG).await.0, StatusCode::UNAUTHORIZED, "the hundredth is checked");
    let (status, message) = answer(&app, &email, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "a 101st attempt in the hour was checked");
    assert_eq!(message, "Too many attempts. Try again in 10 minutes.", "locked until the hour is over");
    // The hour over, the count starts again.
    sqlx::query(
        "UPDATE sign_in_throttle SET window_started_at = now() - interval '61 minutes', locked_until = now()",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();
    assert!(session_cookie(&app.sign_in(&email, PASSWORD).await).is_some());
}

#[tokio::test]
async fn re_confirming_a_password_counts_toward_the_sign_in_lock() {
    let app = roomy_app().await;
    let email = address("reconfirm");
    let session = app.sign_up(&email).await;
    for _ in 0..5 {
        let res = app
            .call(
                path::<app::api::security::ConfirmPassword>(),
                &[("password", WRONG), ("next", "/account")],
                Some(&session),
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (status, _) = answer(&app, &email, PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "a stolen cookie guessed without touching the lock");
}
