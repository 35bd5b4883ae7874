//! Profiles, avatars in object storage (local disk and a real S3-compatible server), media
//! serving and account deletion.

use std::path::{Path, PathBuf};

use crate::support::{
    TestApp,
    accounts::{PASSWORD, field_error, json, path},
};
use app::api::{
    auth::CurrentUser,
    profile::{DeleteAccount, RemoveAvatar, UpdateProfile},
};
use reqwest::{StatusCode, header, multipart};

fn png(w: u32, h: u32) -> Vec<u8> {
    let img =
        image::RgbaImage::from_fn(w, h, |x, y| image::Rgba([(x % 255) as u8, (y % 255) as u8, 90, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return found };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            found.extend(files_under(&p));
        } else if !p.file_name().unwrap().to_string_lossy().starts_with('.') {
            found.push(p);
        }
    }
    found.sort();
    found
}

/// Where the app's objects land on disk for the store under test.
fn object_dir(app: &TestApp) -> PathBuf {
    match std::env::var("TEST_S3_DATA_DIR") {
        Ok(dir) if app.state.config.bucket.is_some() => PathBuf::from(dir),
        _ => app.data_dir.join("media"),
    }
}

/// Multipart fields: (field name, bytes, file name).
type Parts<'a> = Vec<(&'a str, Vec<u8>, &'a str)>;

async fn upload(app: &TestApp, cookie: Option<&str>, parts: Parts<'_>) -> reqwest::Response {
    let mut form = multipart::Form::new();
    for (name, bytes, file_name) in parts {
        form = form.part(name.to_owned(), multipart::Part::bytes(bytes).file_name(file_name.to_owned()));
    }
    let mut req = app
        .bare
        .post(app.url("/account/avatar"))
        .header(header::ORIGIN, &app.state.config.service_domain)
        .header(header::ACCEPT, "application/json")
        .multipart(form);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.send().await.unwrap()
}

async fn user_json(app: &TestApp, cookie: &str) -> serde_json::Value {
    json(app.call(path::<CurrentUser>(), &[], Some(cookie)).await).await
}

#[tokio::test]
async fn profile_fields_are_validated_saved_and_seen_on_other_devices() {
    let app = TestApp::spawn().await;
    let email = format!("{}@example.com", crate::support::unique_name("p"));
    let a = app.sign_up(&email).await;
    let b = crate::support::accounts::session_cookie(&app.sign_in(&email, PASSWORD).await).unwrap();
    assert!(user_json(&app, &b).await["username"].is_null(), "warm B's cache");

    // An empty name is allowed (it means "show my email"): the 1-50 rule applies to a given one.
    let long_name = "x".repeat(51);
    for (form, field, message) in [
        (
            [("display_name", long_name.as_str()), ("username", "ada"), ("bio", "")],
            "display_name",
            "Use at most 50 characters",
        ),
        (
            [("display_name", "Ada"), ("username", "no spaces"), ("bio", "")],
            "username",
            "Use 3 to 30 letters, digits or underscores",
        ),
        (
            [("display_name", "Ada"), ("username", "admin"), ("bio", "")],
            "username",
            "That username is reserved",
        ),
    ] {
        let res = app.call(path::<UpdateProfile>(), &form, Some(&a)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_error(&json(res).await, field).as_deref(), Some(message));
    }
    let long_bio = "x".repeat(281);
    let res = app
        .call(
            path::<UpdateProfile>(),
            &[("display_name", "Ada"), ("username", "ada"), ("bio", &long_bio)],
            Some(&a),
        )
        .await;
    assert_eq!(field_error(&json(res).await, "bio").as_deref(), Some("Use at most 280 characters"));

    let bio = "<script>alert(1)</script> & friends";
    let res = app
        .call(
            path::<UpdateProfile>(),
            &[("display_name", " Ada L "), ("username", "Ada_L"), ("bio", bio)],
            Some(&a),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());

    // B's next request shows the change: the user cache entry was invalidated.
    let seen = user_json(&app, &b).await;
    assert_eq!(seen["label"], "Ada L");
    assert_eq!(seen["username"], "ada_l");

    // Usernames are unique ignoring case.
    let other = app.sign_up(&format!("{}@example.com", crate::support::unique_name("q"))).await;
    let res = app
        .call(
            path::<UpdateProfile>(),
            &[("display_name", "Imposter"), ("username", "ADA_L"), ("bio", "")],
            Some(&other),
        )
        .await;
    assert_eq!(field_error(&json(res).await, "username").as_deref(), Some("That username is taken"));

    // Sign-in by username; the public page escapes text and shows no email.
    assert!(crate::support::accounts::session_cookie(&app.sign_in("ADA_L", PASSWORD).await).is_some());
    let page = app.get("/u/ada_l").await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Ada L"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"), "bio is escaped");
    assert!(!html.contains("<script>alert(1)"));
    assert!(!html.contains(&email), "no email on the public page");
    assert_eq!(app.get("/u/nobody_here").await.status(), StatusCode::NOT_FOUND);
    // An account whose address nobody has proved publishes nothing (#18).
    sqlx::query("UPDATE users SET email_verified_at = NULL WHERE lower(username) = 'ada_l'")
        .execute(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(app.get("/u/ada_l").await.status(), StatusCode::NOT_FOUND, "unverified: no public page");
    assert_eq!(
        app.get("/u/bad%00name").await.status(),
        StatusCode::NOT_FOUND,
        "a NUL never reaches Postgres"
    );
}

async fn avatar_lifecycle(app: &TestApp) {
    let dir = object_dir(app);
    let cookie = app.sign_up(&format!("{}@example.com", crate::support::unique_name("av"))).await;
    let before = files_under(&dir).len();

    let res = upload(app, Some(&cookie), vec![("avatar", png(640, 480), "me.png")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let first = files_under(&dir);
    assert_eq!(first.len(), before + 2, "256 px and 64 px objects");

    let user = user_json(app, &cookie).await;
    let small = user["avatar_small"].as_str().expect("an avatar URL").to_owned();
    let res = app.bare.get(app.url(&small)).send().await.unwrap();
    let res = if res.status().is_redirection() {
        let to = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
        assert!(to.contains("X-Amz-Signature"), "a presigned URL: {to}");
        app.bare.get(to).send().await.unwrap()
    } else {
        assert_eq!(res.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert!(res.headers()[header::CACHE_CONTROL].to_str().unwrap().contains("immutable"));
        res
    };
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.unwrap();
    let img = image::load_from_memory(&bytes).unwrap();
    assert_eq!((img.width(), img.height()), (64, 64));

    // Replace: new objects, the old ones are gone.
    let res = upload(app, Some(&cookie), vec![("avatar", png(300, 300), "new.png")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let second = files_under(&dir);
    assert_eq!(second.len(), before + 2);
    assert!(first.iter().filter(|f| !second.contains(f)).count() == 2, "old objects deleted");

    // Every refusal leaves storage and the current avatar alone.
    let full = png(64, 64);
    let refusals: Vec<(Parts<'_>, StatusCode)> = vec![
        (vec![("avatar", b"just some text".to_vec(), "me.png")], StatusCode::UNSUPPORTED_MEDIA_TYPE),
        (
            vec![("avatar", b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".to_vec(), "me.svg")],
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            vec![("avatar", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(), "me.gif")],
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (vec![("avatar", full[..full.len() / 2].to_vec(), "cut.png")], StatusCode::UNPROCESSABLE_ENTITY),
        (vec![("avatar", png(4100, 10), "wide.png")], StatusCode::UNPROCESSABLE_ENTITY),
        (vec![("avatar", vec![0u8; 5 * 1024 * 1024 + 10], "huge.png")], StatusCode::PAYLOAD_TOO_LARGE),
        (vec![("avatar", png(10, 10), "a.png"), ("avatar", png(10, 10), "b.png")], StatusCode::BAD_REQUEST),
        (vec![], StatusCode::BAD_REQUEST),
    ];
    for (parts, status) in refusals {
        let res = upload(app, Some(&cookie), parts).await;
        assert_eq!(res.status(), status);
        assert!(json(res).await["error"].as_str().is_some_and(|m| !m.is_empty()));
        assert_eq!(files_under(&dir), second, "nothing stored or deleted");
    }
    let res = upload(app, None, vec![("avatar", png(10, 10), "a.png")]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(files_under(&dir), second);
    assert_eq!(
        user_json(app, &cookie).await["avatar_small"],
        serde_json::Value::String(user_json(app, &cookie).await["avatar_small"].as_str().unwrap().to_owned())
    );

    // Remove.
    let res = app.call(path::<RemoveAvatar>(), &[], Some(&cookie)).await;
    assert!(res.status().is_success());
    assert_eq!(files_under(&dir).len(), before);
    assert!(user_json(app, &cookie).await["avatar_small"].is_null());

    // Delete account: objects, sessions and the user row go; a record remains; a goodbye mail
    // is queued (no SMTP here: the local transport writes .eml files).
    let mail_dir = app.data_dir.join("mail");
    let eml_count = || std::fs::read_dir(&mail_dir).map(|d| d.count()).unwrap_or(0);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while eml_count() < 1 {
        assert!(std::time::Instant::now() < deadline, "the sign-up mail is written to disk");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let mails_before = eml_count();
    upload(app, Some(&cookie), vec![("avatar", png(50, 50), "x.png")]).await;
    assert_eq!(files_under(&dir).len(), before + 2);
    let wrong = app.call(path::<DeleteAccount>(), &[("password", "not my password")], Some(&cookie)).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_error(&json(wrong).await, "password").as_deref(),
        Some("Your current password is incorrect"),
        "the message belongs to the form's password input"
    );
    assert!(app.is_signed_in(&cookie).await);
    let res = app.call(path::<DeleteAccount>(), &[("password", PASSWORD)], Some(&cookie)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert!(crate::support::accounts::clears_session(&res));
    assert!(!app.is_signed_in(&cookie).await);
    assert_eq!(files_under(&dir).len(), before, "avatar objects removed");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while eml_count() <= mails_before {
        assert!(std::time::Instant::now() < deadline, "a goodbye mail is queued and delivered");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(eml_count(), mails_before + 1);
    let deleted: i64 =
        sqlx::query_scalar("SELECT count(*) FROM deleted_users").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(deleted, 1);
    let sessions: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sessions").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(sessions, 0);
}

#[tokio::test]
async fn avatars_on_the_local_store() {
    let app = TestApp::spawn().await;
    avatar_lifecycle(&app).await;
}

#[tokio::test]
async fn avatars_on_a_real_s3_server() {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run through scripts/test.sh"))
    };
    let endpoint = var("TEST_BUCKET_ENDPOINT");
    let (name, region, ak, sk) = (
        var("TEST_BUCKET_NAME"),
        var("TEST_BUCKET_REGION"),
        var("TEST_BUCKET_ACCESS_KEY"),
        var("TEST_BUCKET_SECRET_KEY"),
    );
    let app = TestApp::spawn_with(&[
        ("BUCKET_ENDPOINT", &endpoint),
        ("BUCKET_NAME", &name),
        ("BUCKET_REGION", &region),
        ("BUCKET_ACCESS_KEY", &ak),
        ("BUCKET_SECRET_KEY", &sk),
    ])
    .await;
    avatar_lifecycle(&app).await;
}

#[tokio::test]
async fn media_paths_cannot_escape_the_store() {
    let app = TestApp::spawn().await;
    std::fs::write(app.data_dir.join("secret_key_copy"), "top secret").unwrap();
    for p in [
        "/media/../secret_key_copy",
        "/media/..%2fsecret_key_copy",
        "/media/avatars/..%2f..%2fsecret_key_copy",
        "/media/%2e%2e/secret_key_copy",
        "/media/avatars/",
        "/media/avatars",
        "/media//etc/passwd",
        "/media/avatars/x.svg",
        "/media/avatars/missing-64.jpg",
    ] {
        let res = app.get(p).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{p}");
        assert!(!res.text().await.unwrap().contains("top secret"));
    }
}

#[tokio::test]
async fn an_empty_display_name_means_show_my_email() {
    let app = TestApp::spawn().await;
    let email = "no-name@example.com";
    let cookie = app.sign_up(email).await;
    let res = app
        .call(
            path::<UpdateProfile>(),
            &[("display_name", "  "), ("username", "no_name"), ("bio", "Hi")],
            Some(&cookie),
        )
        .await;
    assert!(res.status().is_success(), "{}: {}", res.status(), json(res).await);
    let (name, username): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT display_name, username FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&app.state.pool)
            .await
            .unwrap();
    assert_eq!(name, None, "no name: the email is shown");
    assert_eq!(username.as_deref(), Some("no_name"));
}

#[tokio::test]
async fn asking_for_deletion_removes_the_avatar_at_once() {
    let app = TestApp::spawn_with(&[("ACCOUNT_DELETION_GRACE", "7days")]).await;
    let dir = object_dir(&app);
    let cookie = app.sign_up(&format!("{}@example.com", crate::support::unique_name("grace-av"))).await;
    let before = files_under(&dir).len();
    let res = upload(&app, Some(&cookie), vec![("avatar", png(50, 50), "x.png")]).await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(files_under(&dir).len(), before + 2);
    let res = app.call(path::<DeleteAccount>(), &[("password", PASSWORD)], Some(&cookie)).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert_eq!(files_under(&dir).len(), before, "the avatar outlived the request to delete");
    let waiting: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE deletion_due_at IS NOT NULL")
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    assert_eq!(waiting, 1, "the account itself waits for its grace period");
}
