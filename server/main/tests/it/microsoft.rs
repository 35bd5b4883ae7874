//! Microsoft (multi-tenant `common`) against a Microsoft-shaped fake: identities keyed by tenant
//! and object id, the address taken only when its domain owner verified it (`xms_edov`) or from
//! a personal account, each token's issuer checked against its own tenant, and the "nOAuth"
//! takeover (a tenant admin puts someone else's address on an account) linking nothing.

use crate::support::{
    TestApp,
    accounts::session_cookie,
    oidc::{MockProvider, Person, Tamper, started_for},
};
use reqwest::{Response, StatusCode};

const CONTOSO: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const ATTACKER: &str = "0a0a0a0a-0000-4000-8000-000000000001";
const PERSONAL: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";

fn person(tid: &str, oid: &str, email: &str, xms_edov: Option<bool>) -> Person {
    Person {
        tid: Some(tid.into()),
        oid: Some(oid.into()),
        xms_edov,
        ..Person::new(&format!("pairwise-{oid}"), email)
    }
}

async fn sign_in(app: &TestApp, ms: &MockProvider, person: Person, tamper: Tamper) -> Response {
    let res = app.bare.get(app.url("/auth/microsoft")).send().await.unwrap();
    let attempt = started_for(&res, "microsoft");
    assert!(attempt.authorize.as_str().starts_with(&ms.issuer));
    let code = ms.approve(&attempt.authorize, person, tamper);
    app.provider_callback("microsoft", &code, &attempt.state, &[&attempt.cookie]).await
}

async fn identities(app: &TestApp) -> Vec<(String, String)> {
    sqlx::query_as("SELECT issuer, subject FROM user_identities ORDER BY subject")
        .fetch_all(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_noauth_takeover_links_nothing_and_the_owner_verified_address_links() {
    let ms = MockProvider::start_microsoft().await;
    let app = TestApp::spawn_with_microsoft(&ms).await;
    assert!(app.get("/login").await.text().await.unwrap().contains("Continue with Microsoft"));
    app.sign_up("ada@contoso.example").await; // verified by the helper

    // Another tenant's admin set Ada's address on their own user: a plain `email` claim.
    let res =
        sign_in(&app, &ms, person(ATTACKER, "oid-mallory", "ada@contoso.example", None), Tamper::None).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body = res.text().await.unwrap();
    assert!(body.contains("Microsoft has not verified this email address."), "{body}");
    let res =
        sign_in(&app, &ms, person(ATTACKER, "oid-mallory", "ada@contoso.example", Some(false)), Tamper::None)
            .await;
    assert!(session_cookie(&res).is_none());
    assert!(identities(&app).await.is_empty(), "nothing was linked");

    // Contoso's own tenant, whose domain owner verified the address: linked, signed in.
    let res =
        sign_in(&app, &ms, person(CONTOSO, "oid-ada", "ada@contoso.example", Some(true)), Tamper::None).await;
    assert!(session_cookie(&res).is_some(), "{}", res.status());
    assert_eq!(identities(&app).await, [(ms.issuer.clone(), format!("{CONTOSO}:oid-ada"))]);

    // The address changed at Microsoft later: the tenant and object ids still find the account.
    let res =
        sign_in(&app, &ms, person(CONTOSO, "oid-ada", "ada.l@contoso.example", Some(true)), Tamper::None)
            .await;
    assert!(session_cookie(&res).is_some());
    let users: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(users, 1);
}

#[tokio::test]
async fn personal_accounts_sign_up_and_a_token_must_come_from_its_own_tenant() {
    let ms = MockProvider::start_microsoft().await;
    let app = TestApp::spawn_with_microsoft(&ms).await;
    let res =
        sign_in(&app, &ms, person(PERSONAL, "oid-grace", "grace@outlook.example", None), Tamper::None).await;
    assert!(session_cookie(&res).is_some(), "a personal account's address is Microsoft's to vouch for");
    // A work account whose address nobody verified makes no account either.
    let res =
        sign_in(&app, &ms, person(ATTACKER, "oid-new", "new@fabrikam.example", None), Tamper::None).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    // Signed by Microsoft's key, but its issuer is not its tenant's: refused.
    let res =
        sign_in(&app, &ms, person(CONTOSO, "oid-x", "x@contoso.example", Some(true)), Tamper::WrongIssuer)
            .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.unwrap().contains("Microsoft sign-in failed. Please try again."));
    // No tenant or object id: nothing to key the identity by.
    let no_ids = Person::new("sub-only", "y@contoso.example");
    let res = sign_in(&app, &ms, Person { xms_edov: Some(true), ..no_ids }, Tamper::None).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let users: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(users, 1, "only the personal account");
}
