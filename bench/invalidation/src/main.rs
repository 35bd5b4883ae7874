//! How long after a session is revoked through instance A does instance B refuse it?
//!
//! Seeds sessions straight into Postgres (1,000 argon2 sign-ins would measure argon2), makes B
//! cache every one of them, then for each: signs it out through A (the `sign_out` server
//! function) and asks B for the current user, back to back, until B answers signed-out.
//! Prints p50, p99 and max of the time from sending the revocation to B's first refusal, and
//! from A's answer to B's first refusal. Started by `bench/invalidation.sh`, which passes:
//! `BENCH_A`, `BENCH_B` (instance base URLs), `BENCH_ORIGIN` (their SERVICE_DOMAIN),
//! `DATABASE_URL`, `SECRET_KEY`, and optionally `BENCH_SESSIONS` (default 1000).

use std::time::{Duration, Instant};

use app::api::auth::{CurrentUser, SignOut};
use leptos::server_fn::ServerFn;
use reqwest::header;
use server::session::{SessionToken, TokenKeys};
use uuid::Uuid;

const SESSIONS_PER_USER: usize = 10;
/// B must refuse within this, or the run fails.
const GIVE_UP: Duration = Duration::from_secs(5);

struct Bench {
    http: reqwest::Client,
    a: String,
    b: String,
    origin: String,
}

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run bench/invalidation.sh"))
}

impl Bench {
    async fn post(&self, base: &str, path: &str, cookie: &str) -> reqwest::Response {
        let res = self
            .http
            .post(format!("{base}{path}"))
            .header(header::ORIGIN, &self.origin)
            .header(header::ACCEPT, "application/json")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .send()
            .await
            .expect("the instance answers");
        assert!(res.status().as_u16() < 400, "{path} on {base}: {}", res.status());
        res
    }

    /// True when `base` resolves `cookie` to a user.
    async fn signed_in(&self, base: &str, cookie: &str) -> bool {
        let body = self.post(base, CurrentUser::PATH, cookie).await.text().await.unwrap();
        let user: serde_json::Value = serde_json::from_str(&body).expect("JSON from current_user");
        !user.is_null()
    }
}

/// Inserts users and `n` live sessions; returns their cookies (`session=<signed token>`).
async fn seed(pool: &sqlx::PgPool, keys: &TokenKeys, n: usize) -> Vec<String> {
    let users: Vec<Uuid> = (0..n.div_ceil(SESSIONS_PER_USER)).map(|_| Uuid::new_v4()).collect();
    let emails: Vec<String> = users.iter().map(|id| format!("bench-{id}@example.com")).collect();
    sqlx::query(
        "INSERT INTO users (id, email, email_verified_at) SELECT * , now() FROM unnest($1::uuid[], $2::text[])",
    )
    .bind(&users)
    .bind(&emails)
    .execute(pool)
    .await
    .expect("insert users");
    let tokens: Vec<SessionToken> = (0..n).map(|_| SessionToken::generate()).collect();
    let ids: Vec<Vec<u8>> = tokens.iter().map(|t| t.hash().0.to_vec()).collect();
    let owners: Vec<Uuid> = (0..n).map(|i| users[i / SESSIONS_PER_USER]).collect();
    let devices: Vec<Uuid> = (0..n).map(|_| Uuid::new_v4()).collect();
    sqlx::query(
        "INSERT INTO sessions (id, user_id, device_id, user_agent, expires_at) \
         SELECT id, user_id, device_id, 'bench', now() + interval '30 days' \
         FROM unnest($1::bytea[], $2::uuid[], $3::uuid[]) AS s(id, user_id, device_id)",
    )
    .bind(&ids)
    .bind(&owners)
    .bind(&devices)
    .execute(pool)
    .await
    .expect("insert sessions");
    tokens.iter().map(|t| format!("session={}", keys.sign(t))).collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn report(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<34} p50 {:>7.2} ms   p99 {:>7.2} ms   max {:>7.2} ms",
        ms(percentile(&samples, 50.0)),
        ms(percentile(&samples, 99.0)),
        ms(*samples.last().unwrap()),
    );
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::var("BENCH_SESSIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let bench = Bench {
        http: reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap(),
        a: var("BENCH_A"),
        b: var("BENCH_B"),
        origin: var("BENCH_ORIGIN"),
    };
    let pool = sqlx::PgPool::connect(&var("DATABASE_URL")).await.expect("connect to the database");
    let keys = TokenKeys::new(var("SECRET_KEY").as_bytes());

    let cookies = seed(&pool, &keys, n).await;
    for cookie in &cookies {
        assert!(bench.signed_in(&bench.b, cookie).await, "B signs the seeded session in (and caches it)");
    }

    let mut from_request = Vec::with_capacity(n);
    let mut from_answer = Vec::with_capacity(n);
    let mut first_probe_refused = 0;
    for cookie in &cookies {
        let sent = Instant::now();
        bench.post(&bench.a, SignOut::PATH, cookie).await;
        let answered = Instant::now();
        let mut probes = 0;
        while bench.signed_in(&bench.b, cookie).await {
            probes += 1;
            assert!(sent.elapsed() < GIVE_UP, "B still accepts a session revoked {GIVE_UP:?} ago");
        }
        let refused = Instant::now();
        if probes == 0 {
            first_probe_refused += 1;
        }
        from_request.push(refused - sent);
        from_answer.push(refused - answered);
    }

    println!("sessions revoked through A, then refused by B: {n} of {n}");
    report("revocation sent -> B refuses", from_request);
    report("A answered -> B refuses", from_answer);
    println!("refused on B's first request after A answered: {first_probe_refused} of {n}");
}
