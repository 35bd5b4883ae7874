//! The rules a mailed code keeps: five checks, one live code per address, only the asking
//! browser, ten minutes, the account's guessing lock and the operator's lock, limits per
//! address and per instance, the same answer for every address, and the first proof of an
//! unverified address removing what was planted before it.

use reqwest::StatusCode;
use server::{
    accounts::email_code::{EXPIRED, TOO_MANY, WRONG},
    i18n::{Lang, tr},
};
use sqlx::Connection;

use super::{address, ask, ask_as, codes, enter, message, press};
use crate::support::{
    TestApp,
    accounts::{PASSWORD, path, session_cookie},
    mail,
};

/// A message as an English reader gets it.
fn en(id: &str) -> &'static str {
    tr(Lang::En, id)
}

/// A code of the right shape that is not `code`.
fn wrong(code: &str, n: u8) -> String {
    let other = if code.starts_with('2') { '3' } else { '2' };
    format!("{other}{n}{}", &code[2..])
}

#[tokio::test]
async fn five_wrong_codes_end_the_code() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("code-wrong");
    app.sign_up(&email).await;
    let browser = ask(&app, &email, false).await;
    let (code, _) = codes(&email, 1).await.remove(0);
    for n in 0..4 {
        assert_eq!(
            message(enter(&app, &browser, &wrong(&code, n)).await).await,
            (StatusCode::UNPROCESSABLE_ENTITY, en(WRONG).to_owned())
        );
    }
    assert_eq!(
        message(enter(&app, &browser, &wrong(&code, 4)).await).await,
        (StatusCode::BAD_REQUEST, en(TOO_MANY).to_owned())
    );
    let res = enter(&app, &browser, &code).await;
    assert!(session_cookie(&res).is_none(), "the right code after five wrong ones");
    let failures: i64 =
        sqlx::query_scalar("SELECT count(*) FROM security_events WHERE kind = 'sign_in_failed'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(failures, 5, "each wrong code is a failed sign-in in the owner's trail");
    // The account's guessing lock counted them, the same count as passwords.
    let password = app.sign_in(&email, PASSWORD).await;
    assert_eq!(
        password.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the right password right after five wrong codes"
    );
}

#[tokio::test]
async fn codes_made_over_a_day_ago_are_removed_and_the_hours_stay() {
    let app = TestApp::spawn().await;
    for n in 0..3 {
        ask(&app, &address(&format!("code-old{n}")), true).await;
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while sqlx::query_scalar::<_, i64>("SELECT count(*) FROM email_codes")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
        < 3
    {
        assert!(std::time::Instant::now() < deadline, "the codes were not made");
        tokio::task::yield_now().await;
    }
    sqlx::query("UPDATE email_codes SET created_at = now() - interval '25 hours' WHERE id IN (SELECT id FROM email_codes LIMIT 2)")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(server::test_support::prune_email_codes(&app.state.pool).await.unwrap(), 2);
    assert_eq!(
        server::test_support::prune_email_codes(&app.state.pool).await.unwrap(),
        0,
        "a second run finds nothing"
    );
}

#[tokio::test]
async fn parallel_guesses_get_five_checks_in_all() {
    let app = TestApp::spawn_with([("SIGN_IN_PER_IP_PER_MINUTE", "1000")].as_slice()).await;
    let app = std::sync::Arc::new(app);
    let email = address("code-parallel");
    app.sign_up(&email).await;
    let browser = ask(&app, &email, false).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while sqlx::query_scalar::<_, i64>("SELECT count(*) FROM email_codes")
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
        == 0
    {
        assert!(std::time::Instant::now() < deadline, "no code was made");
        tokio::task::yield_now().await;
    }
    let guesses = (0..30u8).map(|n| {
        let (app, browser) = (app.clone(), browser.clone());
        tokio::spawn(async move { message(enter(&app, &browser, &format!("ZZZZ-ZZ{n:02}")).await).await })
    });
    let answers = futures::future::join_all(guesses).await;
    let wrong = answers.iter().filter(|a| a.as_ref().unwrap().1 == en(WRONG)).count();
    assert!((1..=4).contains(&wrong), "{wrong} guesses were answered \"wrong\"");
    let attempts: i16 =
        sqlx::query_scalar("SELECT attempts FROM email_codes").fetch_one(&app.state.pool).await.unwrap();
    assert!(attempts <= 5, "{attempts} checks of one code");
}

#[tokio::test]
async fn asking_again_ends_the_previous_code() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("code-again");
    app.sign_up(&email).await;
    let first = ask(&app, &email, false).await;
    codes(&email, 1).await;
    let second = ask(&app, &email, false).await;
    let sent = codes(&email, 2).await;
    assert_eq!(
        message(enter(&app, &first, &sent[0].0).await).await,
        (StatusCode::BAD_REQUEST, en(EXPIRED).to_owned())
    );
    assert!(
        session_cookie(&press(&app, Some(&first), &sent[0].1).await).is_none(),
        "the first link still works"
    );
    assert!(session_cookie(&enter(&app, &second, &sent[1].0).await).is_some());
}

#[tokio::test]
async fn another_browser_cannot_use_the_code() {
    let app = TestApp::spawn_with_smtp().await;
    let (email, other) = (address("code-mine"), address("code-theirs"));
    app.sign_up(&email).await;
    app.sign_up(&other).await;
    let mine = ask(&app, &email, false).await;
    let theirs = ask(&app, &other, false).await;
    let (code, _) = codes(&email, 1).await.remove(0);
    assert!(session_cookie(&enter(&app, &theirs, &code).await).is_none(), "another browser used the code");
    let no_cookie = app.call(path::<app::api::email_code::SignInWithCode>(), &[("code", &code)], None).await;
    assert_eq!(message(no_cookie).await, (StatusCode::BAD_REQUEST, en(EXPIRED).to_owned()));
    // A forged cookie is not genuine: the same as none.
    let value = &mine["email_code=".len()..];
    let first = if value.starts_with('A') { 'B' } else { 'A' };
    let forged = format!("email_code={first}{}", &value[1..]);
    assert!(session_cookie(&enter(&app, &forged, &code).await).is_none());
    assert!(session_cookie(&enter(&app, &mine, &code).await).is_some());
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("code-expired");
    app.sign_up(&email).await;
    let browser = ask(&app, &email, false).await;
    let (code, link) = codes(&email, 1).await.remove(0);
    sqlx::query("UPDATE email_codes SET expires_at = now() - interval '1 second'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(
        message(enter(&app, &browser, &code).await).await,
        (StatusCode::BAD_REQUEST, en(EXPIRED).to_owned())
    );
    assert_eq!(press(&app, Some(&browser), &link).await.status(), StatusCode::BAD_REQUEST);
    let page = app.get_with(&link, &browser).await.text().await.unwrap();
    assert!(page.contains("This code has expired or was already used."), "{page}");
}

#[tokio::test]
async fn unknown_addresses_get_the_same_answer_without_waiting_for_the_lookup() {
    let app = TestApp::spawn_with_smtp().await;
    let owner = address("code-known");
    app.sign_up(&owner).await;
    let mut blocker = sqlx::PgConnection::connect(&app.database_url()).await.unwrap();
    sqlx::query("BEGIN").execute(&mut blocker).await.unwrap();
    sqlx::query("LOCK TABLE users, email_codes IN ACCESS EXCLUSIVE MODE")
        .execute(&mut blocker)
        .await
        .unwrap();
    let mut answers = Vec::new();
    for typed in [owner.as_str(), "nobody-at-all@example.com"] {
        let res = tokio::time::timeout(std::time::Duration::from_secs(5), ask_as(&app, typed, false, None))
            .await
            .unwrap_or_else(|_| panic!("{typed}: the answer waited for the lookup"));
        let cookie = crate::support::accounts::set_cookie(&res, "email_code").is_some();
        answers.push((res.status(), cookie, res.text().await.unwrap()));
    }
    sqlx::query("COMMIT").execute(&mut blocker).await.unwrap();
    assert_eq!(answers[0], answers[1]);
    codes(&owner, 1).await;
    // Typing codes tells nothing either: an unknown address has a code nobody was sent.
    let unknown = address("code-unknown");
    let browser = ask(&app, &unknown, false).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (status, text) = message(enter(&app, &browser, "ABCD-EFGH").await).await;
        if text != en(EXPIRED) {
            assert_eq!((status, text.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, en(WRONG)));
            break;
        }
        assert!(std::time::Instant::now() < deadline, "no code row for the unknown address");
    }
    assert!(
        mail::messages_to(&mail::api(), &unknown).await.is_empty(),
        "a mail to an address with no account"
    );
}

#[tokio::test]
async fn a_locked_account_is_refused_before_its_code_is_checked() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("code-locked");
    app.sign_up(&email).await;
    let browser = ask(&app, &email, false).await;
    let (code, link) = codes(&email, 1).await.remove(0);
    server::admin::lock(&app.state, &email).await.unwrap();
    let (status, text) = message(enter(&app, &browser, &code).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{text}");
    assert!(session_cookie(&press(&app, Some(&browser), &link).await).is_none());
    let attempts: i16 =
        sqlx::query_scalar("SELECT attempts FROM email_codes").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(attempts, 0, "a code was checked against a locked account");
}

#[tokio::test]
async fn limits_per_address_and_per_instance() {
    let app = TestApp::spawn_with(&[
        ("SMTP_HOST", &mail::smtp_host()),
        ("SMTP_TLS", "plain"),
        ("NOREPLY_EMAIL", "noreply@accounts.test"),
        ("EMAIL_CODES_PER_HOUR", "8"),
    ])
    .await;
    let email = address("code-limit");
    app.sign_up(&email).await;
    for _ in 0..7 {
        ask(&app, &email, false).await;
    }
    // Five an hour to one address, asked at once or not; the answer stays the same (it tells
    // nothing). A code for another address, asked after them, is mailed after they are done.
    let marker = address("code-marker");
    app.sign_up(&marker).await;
    ask(&app, &marker, false).await;
    codes(&marker, 1).await;
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM email_codes WHERE address = $1")
        .bind(&email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(rows, 5);
    let sent = mail::messages_to(&mail::api(), &email)
        .await
        .iter()
        .filter(|m| m["subject"].as_str().unwrap().starts_with("Your sign-in code"))
        .count();
    assert_eq!(sent, 5, "codes mailed to one address in an hour");
    let (status, _) = message(ask_as(&app, &address("third"), false, None).await).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "the instance's hourly total");
}

#[tokio::test]
async fn a_first_proof_by_code_removes_what_was_planted_before_it() {
    let app = TestApp::spawn_with_smtp().await;
    let email = address("code-planted");
    // Someone signs up with the owner's address and a password of their own, never verifying.
    let res =
        app.call(path::<app::api::auth::SignUp>(), &[("email", &email), ("password", PASSWORD)], None).await;
    let planter = session_cookie(&res).expect("the planter's session");
    let browser = ask(&app, &email, false).await;
    let (code, _) = codes(&email, 1).await.remove(0);
    let res = enter(&app, &browser, &code).await;
    assert!(app.is_signed_in(&session_cookie(&res).expect("the owner's session")).await);
    assert!(!app.is_signed_in(&planter).await, "the planter's session outlived the owner's first proof");
    assert!(
        session_cookie(&app.sign_in(&email, PASSWORD).await).is_none(),
        "the planted password still works"
    );
    let removed: i64 =
        sqlx::query_scalar("SELECT count(*) FROM security_events WHERE kind = 'unproven_methods_removed'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(removed, 1);
}
