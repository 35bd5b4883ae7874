//! `bench-seed USERS SESSIONS_PER_USER FIRST COOKIE_FILE PASSWORD`: inserts USERS verified users
//! `bench-<i>@bench.test` (i from FIRST on, all with PASSWORD) with SESSIONS_PER_USER live
//! sessions each into `DATABASE_URL`, and writes one `Cookie:` value per session and line
//! (`session=<signed token>`, a user's sessions on consecutive lines, users in order) to
//! COOKIE_FILE.
//!
//! Signing in 100,000 times through argon2 would take most of an hour, so sessions are minted
//! here with the server's own token, hashing and cookie-signing code and the configuration the
//! server reads (`SECRET_KEY`, `SERVICE_DOMAIN`, `SESSION_TTL`), then bulk-inserted.

use secrecy::ExposeSecret;
use std::{io::Write, process::ExitCode};

use server::{
    Config,
    auth::PasswordHasher,
    session::{SessionCookie, SessionToken, TokenKeys},
};
use sqlx::postgres::PgPoolOptions;
use uuid::Uuid;

const BATCH: usize = 5_000;

/// What to insert.
struct Plan {
    users: usize,
    sessions_per_user: usize,
    first: usize,
}

const USAGE: &str = "usage: bench-seed USERS SESSIONS_PER_USER FIRST COOKIE_FILE PASSWORD \
                     (configured by the server's variables)";

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [users, per_user, first, cookie_file, password] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (Ok(users), Ok(sessions_per_user), Ok(first)) = (users.parse(), per_user.parse(), first.parse())
    else {
        eprintln!("{USAGE}; USERS, SESSIONS_PER_USER and FIRST are numbers");
        return ExitCode::from(2);
    };
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match seed(&config, Plan { users, sessions_per_user, first }, cookie_file, password).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("seeding failed: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn seed(
    config: &Config,
    plan: Plan,
    cookie_file: &str,
    password: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let url = config.database_url.as_ref().map(|u| u.expose_secret()).ok_or("DATABASE_URL is unset")?;
    let pool = PgPoolOptions::new().max_connections(2).connect(url).await?;
    let hash = PasswordHasher::new().hash(password).await?;
    let keys = TokenKeys::new(config.secret_key.as_bytes());
    let cookie = SessionCookie::for_config(config);
    let ttl_secs = config.session_ttl.as_secs_f64();
    let mut out = std::io::BufWriter::new(std::fs::File::create(cookie_file)?);
    let per_user = plan.sessions_per_user.max(1);
    let users_per_batch = (BATCH / per_user).max(1);

    for start in (plan.first..plan.first + plan.users).step_by(users_per_batch) {
        let end = (start + users_per_batch).min(plan.first + plan.users);
        let ids: Vec<Uuid> = (start..end).map(|_| Uuid::new_v4()).collect();
        let emails: Vec<String> = (start..end).map(|i| format!("bench-{i}@bench.test")).collect();
        let owners: Vec<Uuid> = ids.iter().flat_map(|id| std::iter::repeat_n(*id, per_user)).collect();
        let tokens: Vec<SessionToken> = owners.iter().map(|_| SessionToken::generate()).collect();
        let hashes: Vec<Vec<u8>> = tokens.iter().map(|t| t.hash().0.to_vec()).collect();
        let devices: Vec<Uuid> = owners.iter().map(|_| Uuid::new_v4()).collect();

        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO users (id, email, email_verified_at, password_hash) \
             SELECT id, email, now(), $3 FROM unnest($1::uuid[], $2::text[]) AS t(id, email)",
        )
        .bind(&ids)
        .bind(&emails)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO sessions (id, user_id, device_id, user_agent, expires_at) \
             SELECT id, user_id, device_id, 'bench', now() + make_interval(secs => $4) \
             FROM unnest($1::bytea[], $2::uuid[], $3::uuid[]) AS t(id, user_id, device_id)",
        )
        .bind(&hashes)
        .bind(&owners)
        .bind(&devices)
        .bind(ttl_secs)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;

        for token in &tokens {
            writeln!(out, "{}={}", cookie.name, keys.sign(token))?;
        }
    }
    out.flush()?;
    Ok(())
}
