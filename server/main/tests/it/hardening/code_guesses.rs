//! Codes cannot be guessed forever: app codes and recovery codes count per account, without
//! decay; ten wrong in a row end the sign-in and lock further attempts; each wrong code is
//! recorded, and the fifth in a row mails the owner.

use app::api::two_step::TurnOffTwoStep;
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    accounts::{json, path, session_cookie},
    mail,
    two_step::{code, events, first_step, verify, verify_recovery, with_two_step, wrong_code},
};

const TOO_MANY: &str = "Too many wrong codes. Sign in again.";

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

#[tokio::test]
async fn ten_wrong_codes_end_the_sign_in_and_lock_even_the_right_code() {
    let app = TestApp::spawn().await;
    let email = address("tenwrong");
    let (_, secret, _) = with_two_step(&app, &email).await;
    let pending = first_step(&app, &email).await;
    for n in 0..9 {
        let res = verify(&app, &pending, &wrong_code(&secret, n)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "guess {n}");
    }
    let res = verify(&app, &pending, &wrong_code(&secret, 9)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json(res).await["message"], TOO_MANY);
    assert_eq!(events(&app, "wrong_code").await, 10);
    assert_eq!(events(&app, "codes_locked_out").await, 1);

    // The ended sign-in takes nothing more; a new one waits out the lock, right code or not.
    let res = verify(&app, &pending, &code(&secret, 1)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let again = first_step(&app, &email).await;
    let res = verify(&app, &again, &code(&secret, 1)).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "the 11th attempt was checked");
    assert!(session_cookie(&res).is_none());
}

#[tokio::test]
async fn parallel_wrong_codes_get_at_most_ten_checks() {
    let app = TestApp::spawn().await;
    let email = address("parallel");
    let (_, secret, _) = with_two_step(&app, &email).await;
    let pending = first_step(&app, &email).await;
    let guesses: Vec<String> = (0..16).map(|n| wrong_code(&secret, n)).collect();
    let answers = futures::future::join_all(guesses.iter().map(|g| verify(&app, &pending, g))).await;
    let statuses: Vec<StatusCode> = answers.iter().map(|r| r.status()).collect();
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY).count();
    assert!(checked <= 9, "{statuses:?}");
    assert_eq!(events(&app, "wrong_code").await, 10, "{statuses:?}");
    let again = first_step(&app, &email).await;
    let res = verify(&app, &again, &code(&secret, 1)).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_correct_code_resets_the_count() {
    let app = TestApp::spawn().await;
    let email = address("reset");
    let (_, secret, _) = with_two_step(&app, &email).await;
    let pending = first_step(&app, &email).await;
    for n in 0..9 {
        assert_eq!(
            verify(&app, &pending, &wrong_code(&secret, n)).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let res = verify(&app, &pending, &code(&secret, 1)).await;
    assert!(session_cookie(&res).is_some(), "{}", res.status());
    let pending = first_step(&app, &email).await;
    for n in 0..9 {
        let res = verify(&app, &pending, &wrong_code(&secret, n)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "after a right code, guess {n}");
    }
}

#[tokio::test]
async fn recovery_code_guesses_are_limited_the_same_way() {
    let app = TestApp::spawn().await;
    let email = address("recguess");
    let (_, _, on) = with_two_step(&app, &email).await;
    let good = on[0].as_str().expect("recovery codes in the answer to turning on").to_owned();
    let pending = first_step(&app, &email).await;
    for n in 0..9 {
        let res = verify_recovery(&app, &pending, &format!("zzzzz-{n:05}")).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "guess {n}");
    }
    let res = verify_recovery(&app, &pending, "zzzzz-zzzzz").await;
    assert_eq!(json(res).await["message"], TOO_MANY);
    let again = first_step(&app, &email).await;
    let res = verify_recovery(&app, &again, &good).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "a recovery code was checked while locked");
}

#[tokio::test]
async fn guesses_at_turn_off_share_the_accounts_count() {
    let app = TestApp::spawn().await;
    let email = address("offguess");
    let (cookie, secret, _) = with_two_step(&app, &email).await;
    for n in 0..10 {
        let res =
            app.call(path::<TurnOffTwoStep>(), &[("code", &wrong_code(&secret, n))], Some(&cookie)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "guess {n}");
    }
    let res = app.call(path::<TurnOffTwoStep>(), &[("code", &code(&secret, 1))], Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // The sign-in code step is locked by the same count.
    let pending = first_step(&app, &email).await;
    assert_eq!(verify(&app, &pending, &code(&secret, 1)).await.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn the_password_then_a_code_is_recorded_and_the_fifth_wrong_code_mails_the_owner() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("fifth");
    let (_, secret, _) = with_two_step(&app, &email).await;
    let pending = first_step(&app, &email).await;
    assert_eq!(events(&app, "password_entered_code_asked").await, 1);
    for n in 0..5 {
        verify(&app, &pending, &wrong_code(&secret, n)).await;
    }
    let notice =
        mail::wait_for(&mail::api(), &email, "Someone entered your password and then wrong codes").await;
    assert!(notice["text"].as_str().unwrap().contains("/account/security"));
    assert_eq!(events(&app, "wrong_code").await, 5);
}
