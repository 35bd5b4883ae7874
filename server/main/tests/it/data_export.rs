//! "Download my data": one JSON file with the account's data and none of its secrets, only for
//! a recent sign-in, recorded and mailed.

use reqwest::{StatusCode, header};
use serde_json::Value;

use crate::support::{
    TestApp,
    accounts::{PASSWORD, session_cookie},
    two_step::{age_sign_in, code, first_step, verify, with_two_step},
};

#[tokio::test]
async fn the_file_holds_the_account_and_none_of_its_secrets() {
    let app = TestApp::spawn().await;
    let email = format!("{}@example.com", crate::support::unique_name("export"));
    let (_, secret, _) = with_two_step(&app, &email).await;
    let pending = first_step(&app, &email).await;
    let cookie = session_cookie(&verify(&app, &pending, &code(&secret, 1)).await).expect("a session");

    let res = app.get_with("/account/export", &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    let today = chrono::Utc::now().format("%Y-%m-%d");
    let disposition = res.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().to_owned();
    assert_eq!(disposition, format!("attachment; filename=\"accounts-export-{today}.json\""));
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let text = res.text().await.unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["schema"], 1);
    assert_eq!(file["profile"]["email"], email.as_str());
    assert_eq!(file["ways_in"]["password"], true);
    assert_eq!(file["ways_in"]["two_step"], true);
    let methods: Vec<&str> =
        file["devices"].as_array().unwrap().iter().map(|d| d["sign_in_method"].as_str().unwrap()).collect();
    assert!(methods.contains(&"Password and authenticator code"), "{methods:?}");
    let kinds: Vec<&str> =
        file["security_events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"two_step_enabled") && kinds.contains(&"signed_up"), "{kinds:?}");
    assert!(
        file["mails"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["subject"].as_str().unwrap().starts_with("Verify your email"))
    );

    // None of the account's secrets, in any form.
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE email = $1")
        .bind(&email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    let session = cookie.split_once('=').unwrap().1;
    for secret_text in [hash.as_str(), "$argon2", &secret.replace(' ', ""), session, PASSWORD, "token="] {
        assert!(!text.contains(secret_text), "the file holds {secret_text}");
    }

    let recorded: i64 =
        sqlx::query_scalar("SELECT count(*) FROM security_events WHERE kind = 'data_exported'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(recorded, 1);
    let notice: i64 =
        sqlx::query_scalar("SELECT count(*) FROM outbox WHERE subject LIKE 'Your data was downloaded%'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(notice, 1);
}

#[tokio::test]
async fn without_a_recent_sign_in_it_confirms_first() {
    let app = TestApp::spawn().await;
    let email = format!("{}@example.com", crate::support::unique_name("export-old"));
    let cookie = app.sign_up(&email).await;
    age_sign_in(&app, 11).await;
    let res = app.get_with("/account/export", &cookie).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(res.headers()[header::LOCATION], "/account/confirm?next=/account/export");
    let recorded: i64 =
        sqlx::query_scalar("SELECT count(*) FROM security_events WHERE kind = 'data_exported'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(recorded, 0, "an export without a recent sign-in");
    let signed_out = app.bare.get(app.url("/account/export")).send().await.unwrap();
    assert!(signed_out.status().is_redirection());
    assert!(signed_out.headers()[header::LOCATION].to_str().unwrap().starts_with("/login"));
}
