//! The admin console: the one guard on every server function (not found for anyone but an
//! admin; an admin needs a second factor or a passkey, and a recent sign-in to act), actions
//! through the services with an audit row each, the append-only audit, and the search.

use app::api::admin::{AdminAct, AdminAudit, AdminDashboard, AdminPerson, AdminUsers};
use reqwest::StatusCode;
use server::admin::{
    console::{self, Cursor, Filters},
    guard::{Admin, NEEDS_SECOND_FACTOR},
};
use uuid::Uuid;

use crate::support::{
    TestApp,
    accounts::{json, path, session_cookie},
    mail,
    two_step::{code, first_step, verify, with_two_step},
};

fn address(tag: &str) -> String {
    format!("{}@example.com", crate::support::unique_name(tag))
}

async fn id_of(app: &TestApp, email: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

/// An admin signed in with password and code: the session cookie.
async fn strong_admin(app: &TestApp, email: &str) -> String {
    let (_, secret, _) = with_two_step(app, email).await;
    server::admin::set_admin(&app.state, email, true).await.unwrap();
    let pending = first_step(app, email).await;
    session_cookie(&verify(app, &pending, &code(&secret, 1)).await).expect("a session with a code")
}

/// Every console server function, called as `cookie` (none: signed out).
async fn statuses(app: &TestApp, cookie: Option<&str>, target: Uuid) -> Vec<StatusCode> {
    let id = target.to_string();
    let calls: [(&str, Vec<(&str, &str)>); 5] = [
        (path::<AdminDashboard>(), vec![]),
        (
            path::<AdminUsers>(),
            vec![
                ("q", ""),
                ("unverified", "false"),
                ("locked", "false"),
                ("two_step", "false"),
                ("admins", "false"),
            ],
        ),
        (path::<AdminPerson>(), vec![("id", &id)]),
        (path::<AdminAudit>(), vec![("actor", ""), ("target", "")]),
        (path::<AdminAct>(), vec![("id", &id), ("action", "sign_out_all"), ("reason", "checking the guard")]),
    ];
    let mut out = Vec::new();
    for (p, form) in calls {
        out.push(app.call(p, &form, cookie).await.status());
    }
    out
}

#[tokio::test]
async fn every_console_function_is_not_found_but_for_a_strong_admin() {
    let app = TestApp::spawn().await;
    let member = address("member");
    let member_cookie = app.sign_up(&member).await;
    let target = id_of(&app, &member).await;
    assert_eq!(statuses(&app, None, target).await, [StatusCode::NOT_FOUND; 5], "signed out");
    assert_eq!(statuses(&app, Some(&member_cookie), target).await, [StatusCode::NOT_FOUND; 5], "a member");
    let page = app.get_with("/admin/users", &member_cookie).await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    assert!(!page.text().await.unwrap().contains("People"), "a member learns nothing of the console");

    // An admin whose session signed in with a password alone is sent to set up a second factor.
    let weak = address("weak-admin");
    let weak_cookie = app.sign_up(&weak).await;
    server::admin::set_admin(&app.state, &weak, true).await.unwrap();
    assert_eq!(statuses(&app, Some(&weak_cookie), target).await, [StatusCode::FORBIDDEN; 5]);
    let res = app.call(path::<AdminDashboard>(), &[], Some(&weak_cookie)).await;
    assert_eq!(json(res).await["message"], server::i18n::tr(server::i18n::Lang::En, NEEDS_SECOND_FACTOR));

    let admin = address("admin");
    let cookie = strong_admin(&app, &admin).await;
    // Half signed in (the password right, the code not yet given): not signed in at all.
    let pending = first_step(&app, &admin).await;
    assert_eq!(
        statuses(&app, Some(&pending), target).await,
        [StatusCode::NOT_FOUND; 5],
        "a pending code step"
    );
    let got = statuses(&app, Some(&cookie), target).await;
    assert!(got.iter().all(|s| s.is_success() || s.is_redirection()), "{got:?}");
    assert_eq!(app.get_with("/admin", &cookie).await.status(), StatusCode::OK);

    // Revoked, every instance forgets at once: the same session gets "not found" again.
    server::admin::set_admin(&app.state, &admin, false).await.unwrap();
    assert_eq!(statuses(&app, Some(&cookie), target).await, [StatusCode::NOT_FOUND; 5]);
}

#[tokio::test]
async fn signing_out_everywhere_is_audited_recorded_and_mailed() {
    let app = TestApp::spawn_with_smtp().await;
    let person = address("person");
    let person_cookie = app.sign_up(&person).await;
    let admin = address("admin-acts");
    let cookie = strong_admin(&app, &admin).await;
    let id = id_of(&app, &person).await.to_string();
    let act = |action: &'static str, reason: &'static str| {
        let (id, cookie) = (id.clone(), cookie.clone());
        let app = &app;
        async move {
            app.call(
                path::<AdminAct>(),
                &[("id", &id), ("action", action), ("reason", reason)],
                Some(&cookie),
            )
            .await
        }
    };

    let missing = act("sign_out_all", " ").await;
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.is_signed_in(&person_cookie).await, "an action without a reason changed something");

    let res = act("sign_out_all", "Owner reported a lost phone (ticket 42)").await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert!(!app.is_signed_in(&person_cookie).await, "the person is still signed in");
    let (actor, action, target, reason, request_id): (String, String, String, String, Option<String>) =
        sqlx::query_as("SELECT actor_email, action, target_email, reason, request_id FROM admin_audit")
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(
        (actor.as_str(), action.as_str(), target.as_str()),
        (admin.as_str(), "sign_out_all", person.as_str())
    );
    assert_eq!(reason, "Owner reported a lost phone (ticket 42)");
    assert!(request_id.is_some_and(|r| !r.is_empty()), "the audit names the request");
    let detail: String = sqlx::query_scalar(
        "SELECT detail FROM security_events WHERE kind = 'devices_signed_out' AND user_id = $1::uuid",
    )
    .bind(&id)
    .fetch_one(&app.state.pool)
    .await
    .unwrap();
    assert_eq!(detail, "by an administrator");
    mail::wait_for(&mail::api(), &person, "Your devices were signed out").await;

    // Without JavaScript the form posts and comes back to the person's page.
    let html = app
        .html_post(
            &format!("/admin/users/{id}"),
            path::<AdminAct>(),
            &[("id", &id), ("action", "mark_verified"), ("reason", "Support call")],
            Some(&cookie),
        )
        .await;
    assert_eq!(html.status(), StatusCode::FOUND);
    // The outcome rides in the signed flash cookie, as every plain form's does.
    assert_eq!(html.headers()[reqwest::header::LOCATION], format!("/admin/users/{id}").as_str());
    let flash = crate::support::accounts::set_cookie(&html, "flash").expect("the outcome's flash cookie");
    let shown = app
        .get_with(&format!("/admin/users/{id}"), &format!("{cookie}; {flash}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(shown.contains("The address is marked verified."), "{shown}");

    // The audit is append-only, whoever asks.
    for sql in ["UPDATE admin_audit SET reason = 'nothing'", "DELETE FROM admin_audit"] {
        assert!(sqlx::query(sql).execute(&app.state.pool).await.is_err(), "{sql} went through");
    }
    let page =
        json(app.call(path::<AdminAudit>(), &[("actor", &admin[..4]), ("target", "")], Some(&cookie)).await)
            .await;
    assert_eq!(page["rows"].as_array().unwrap().len(), 2, "the sign-out and the verification");

    // An action needs a recent sign-in.
    crate::support::two_step::age_sign_in(&app, 11).await;
    let stale = act("lock", "Abuse report").await;
    assert_eq!(stale.status(), StatusCode::FORBIDDEN);
    let locked: bool = sqlx::query_scalar("SELECT locked_at IS NOT NULL FROM users WHERE email = $1")
        .bind(&person)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert!(!locked, "a stale session locked the account");
}

async fn seed(app: &TestApp, n: usize, tag: &str) -> Vec<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO users (id, email, created_at) \
         SELECT gen_random_uuid(), $2 || g || '@example.com', now() - make_interval(secs => g) \
         FROM generate_series(1, $1) g RETURNING id",
    )
    .bind(n as i32)
    .bind(tag)
    .fetch_all(&app.state.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn pages_follow_the_keyset_across_inserts() {
    let app = TestApp::spawn().await;
    let admin = Admin { id: Uuid::new_v4(), email: "admin@example.com".into() };
    let mut seeded = seed(&app, 120, "page").await;
    let mut seen = Vec::new();
    let mut after: Option<Cursor> = None;
    for round in 0.. {
        let page = console::search(&app.state, &admin, "page", Filters::default(), after).await.unwrap();
        assert!(page.rows.len() <= console::PAGE as usize);
        seen.extend(page.rows.iter().map(|r| r.id));
        // Accounts created while someone pages through are newer: they never shift a page.
        seed(&app, 7, &format!("page-new{round}-")).await;
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), seen.len(), "a row appeared on two pages");
    seeded.sort();
    assert_eq!(sorted, seeded, "every account created before the search, once");
}

#[tokio::test]
async fn search_finds_by_each_field_and_filter() {
    let app = TestApp::spawn().await;
    let admin = Admin { id: Uuid::new_v4(), email: "admin@example.com".into() };
    let ada = address("ada-find");
    app.sign_up(&ada).await;
    let bob = address("bob-find");
    app.sign_up(&bob).await;
    sqlx::query(
        "UPDATE users SET username = 'Lovelace_1815', display_name = 'Countess Ada' WHERE email = $1",
    )
    .bind(&ada)
    .execute(&app.state.pool)
    .await
    .unwrap();
    sqlx::query("UPDATE users SET email_verified_at = NULL WHERE email = $1")
        .bind(&bob)
        .execute(&app.state.pool)
        .await
        .unwrap();
    server::admin::lock(&app.state, &bob).await.unwrap();
    let found = |q: &'static str, filters: Filters| {
        let (app, admin) = (&app, &admin);
        async move {
            let page = console::search(&app.state, admin, q, filters, None).await.unwrap();
            page.rows.into_iter().map(|r| r.email).collect::<Vec<_>>()
        }
    };
    assert_eq!(found("ADA-FIND", Filters::default()).await, vec![ada.clone()], "the address, any case");
    assert_eq!(found("lovelace_", Filters::default()).await, vec![ada.clone()], "the username");
    assert_eq!(found("countess a", Filters::default()).await, vec![ada.clone()], "the display name");
    assert!(found("ada%", Filters::default()).await.is_empty(), "no wildcards");
    let unverified = Filters { unverified: true, ..Filters::default() };
    assert_eq!(found("", unverified).await, vec![bob.clone()]);
    assert_eq!(found("", Filters { locked: true, ..Filters::default() }).await, vec![bob.clone()]);
    server::admin::set_admin(&app.state, &ada, true).await.unwrap();
    assert_eq!(found("", Filters { admin: true, ..Filters::default() }).await, vec![ada.clone()]);
    assert!(found("", Filters { two_step: true, ..Filters::default() }).await.is_empty());
}
