//! Figure 5 of `bench/run.sh`: what the session check costs a signed-in request with a warm
//! cache, through the code the middleware runs: find the cookie in the headers, verify its
//! HMAC tag, hash the token, and resolve session and user from the in-memory caches.
//! No database is reached: the pool is lazy and never connects on a cache hit.

use secrecy::ExposeSecret;
use std::{sync::Arc, time::Duration};

use axum::http::{HeaderMap, HeaderValue, header::COOKIE};
use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use server::{
    Config,
    accounts::User,
    session::{CachedSession, Resolution, SessionCookie, SessionRecord, SessionToken, Sessions, TokenKeys},
};
use sqlx::postgres::PgPoolOptions;
use uuid::Uuid;

fn config() -> Config {
    Config::from_lookup(|name| match name {
        "SECRET_KEY" => Some("0123456789abcdef0123456789abcdef-bench".to_owned()),
        "DATABASE_URL" => Some("postgres://bench@127.0.0.1:9/unused".to_owned()),
        _ => None,
    })
    .expect("bench configuration")
}

/// A session and its user, both in the cache, and the request headers that carry its cookie.
/// The cookie and key a deployment with `config` uses (as the session middleware does).
fn cookie_and_keys(config: &Config) -> (SessionCookie, TokenKeys) {
    (SessionCookie::for_config(config), TokenKeys::new(config.secret_key.as_bytes()))
}

async fn warm_session(sessions: &Sessions, config: &Config) -> HeaderMap {
    let (cookie, keys) = cookie_and_keys(config);
    let token = SessionToken::generate();
    let now = Utc::now();
    let user_id = Uuid::new_v4();
    let record = SessionRecord {
        id: token.hash(),
        user_id,
        device_id: Uuid::new_v4(),
        created_at: now,
        authenticated_at: now,
        last_seen_at: now,
        expires_at: now + chrono::Duration::days(30),
        replaced_by: None,
        retired_until: None,
        method: server::session::SignInMethod::Password,
    };
    let user = User {
        id: user_id,
        email: "ada@example.com".into(),
        email_verified_at: Some(now),
        username: Some("ada".into()),
        display_name: Some("Ada Lovelace".into()),
        has_password: true,
        bio: None,
        avatar_key: None,
        is_admin: false,
        deletion_due_at: None,
        created_at: now,
        lang: server::i18n::Lang::En,
    };
    let epoch = sessions.caches.epoch();
    sessions.caches.put_session(Arc::new(CachedSession::new(record)), epoch).await;
    sessions.caches.put_user(Arc::new(user), epoch).await;

    let mut headers = HeaderMap::new();
    // Browsers send other cookies too; ours is found among them.
    let cookie = format!("theme=dark; {}={}; _ga=GA1.1.123", cookie.name, keys.sign(&token));
    headers.insert(COOKIE, HeaderValue::from_str(&cookie).expect("ASCII cookie"));
    headers
}

fn session_check(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let config = config();
    let sessions = rt.block_on(async {
        let pool = PgPoolOptions::new()
            .connect_lazy(config.database_url.as_ref().unwrap().expose_secret())
            .expect("lazy pool");
        Sessions::new(pool, &config)
    });
    let headers = rt.block_on(warm_session(&sessions, &config));
    let (cookie, keys) = cookie_and_keys(&config);

    c.bench_function("session_check/verify_cookie", |b| {
        b.iter(|| {
            let raw = cookie.read(&headers).expect("cookie present");
            keys.verify(raw).expect("valid tag")
        })
    });
    c.bench_function("session_check/verify_and_resolve", |b| {
        b.to_async(&rt).iter(|| async {
            let raw = cookie.read(&headers).expect("cookie present");
            let token = keys.verify(raw).expect("valid tag");
            match sessions.resolve(&token, false, &server::session::ClientInfo::default()).await {
                Ok(Resolution::Active { auth, .. }) => auth,
                _ => panic!("a warm session resolves from the cache"),
            }
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = session_check
}
criterion_main!(benches);
