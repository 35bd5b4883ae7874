//! Google linking that cannot be abused: identities keyed by (issuer, subject), and silent
//! linking to an existing account only where Google is authoritative for the address.

use reqwest::{Response, StatusCode};
use server::oidc::messages;

use crate::support::{
    TestApp,
    accounts::session_cookie,
    oidc::{MockProvider, Person, Tamper, started},
};

async fn sign_in_as(app: &TestApp, provider: &MockProvider, person: Person) -> Response {
    let attempt = started(&app.bare.get(app.url("/auth/google?next=/account")).send().await.unwrap());
    let code = provider.approve(&attempt.authorize, person, Tamper::None);
    app.google_callback(&code, &attempt.state, &[&attempt.cookie]).await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.state.pool).await.unwrap()
}

#[tokio::test]
async fn a_verified_address_google_does_not_own_links_nothing() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    app.sign_up("ada@acme.example").await;

    // Anyone can make a Google account with an outside address: Google checked it once, but
    // is not its authority. Before, this signed the stranger in to Ada's account.
    let res = sign_in_as(&app, &provider, Person::new("sub-stranger", "ada@acme.example")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(session_cookie(&res).is_none());
    let body = res.text().await.unwrap();
    assert!(body.contains(messages::ACCOUNT_EXISTS), "{body}");
    assert_eq!(
        messages::ACCOUNT_EXISTS,
        "An account with this email exists. Sign in with your password to connect Google."
    );
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 0);

    // A Workspace account whose hosted domain is the address's domain: Google is authoritative.
    let workspace =
        Person { hosted_domain: Some("acme.example".into()), ..Person::new("sub-ada", "ada@acme.example") };
    let res = sign_in_as(&app, &provider, workspace).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(session_cookie(&res).is_some());
    assert_eq!(count(&app, "SELECT count(*) FROM user_identities").await, 1);
    assert_eq!(count(&app, "SELECT count(*) FROM users").await, 1, "the existing account");
    let told = count(&app, "SELECT count(*) FROM outbox WHERE to_address = 'ada@acme.example' AND subject LIKE 'Google was connected%'").await;
    assert_eq!(told, 1, "the owner is told Google was connected");

    // Another domain's hd does not vouch for this one.
    app.sign_up("bob@acme.example").await;
    let other =
        Person { hosted_domain: Some("evil.example".into()), ..Person::new("sub-bob", "bob@acme.example") };
    assert_eq!(sign_in_as(&app, &provider, other).await.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn identities_are_keyed_by_issuer_and_legacy_rows_are_googles() {
    let provider = MockProvider::start().await;
    let app = TestApp::spawn_with_google(&provider).await;
    app.sign_up("victim@example.com").await;
    app.sign_up("legacy@example.com").await;

    // A link made at another issuer with the same subject the new provider hands out.
    sqlx::query(
        "INSERT INTO user_identities (issuer, subject, user_id, email) \
         SELECT 'https://old-issuer.example', 'sub-1', id, email FROM users WHERE email = 'victim@example.com'",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();
    let res = sign_in_as(&app, &provider, Person::new("sub-1", "someone@example.org")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let victim_sessions = count(
        &app,
        "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'victim@example.com'",
    )
    .await;
    assert_eq!(
        victim_sessions, 1,
        "only the victim's own sign-up session: the foreign subject got a new account"
    );
    assert_eq!(count(&app, "SELECT count(*) FROM users WHERE email = 'someone@example.org'").await, 1);

    // Rows from before (provider 'google') are Google's: the migration keys them by its issuer.
    sqlx::query(
        "INSERT INTO user_identities (issuer, subject, user_id, email) \
         SELECT 'google', 'sub-legacy', id, email FROM users WHERE email = 'legacy@example.com'",
    )
    .execute(&app.state.pool)
    .await
    .unwrap();
    sqlx::raw_sql(include_str!("../../../../../.migrations/20261204000000_identity_issuer_adopted.sql"))
        .execute(&app.state.pool)
        .await
        .unwrap();
    let issuer: String =
        sqlx::query_scalar("SELECT issuer FROM user_identities WHERE subject = 'sub-legacy'")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(issuer, "https://accounts.google.com");
    // Another issuer handing out the same subject does not take the adopted link over.
    let res = sign_in_as(&app, &provider, Person::new("sub-legacy", "legacy-at-other@example.org")).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let legacy_sessions = count(
        &app,
        "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'legacy@example.com'",
    )
    .await;
    assert_eq!(legacy_sessions, 1, "only the owner's own sign-up session");
}
