//! What an operator does from the command line (`accounts-server users …`): look at an
//! account, end its sessions, verify, lock, unlock or delete it, or remove two-step
//! verification for an owner who lost both their authenticator and their recovery codes. Each change goes through the
//! same services as the app, so running instances hear of it (LISTEN/NOTIFY) at once.

pub mod actions;
pub(crate) mod audit;
pub mod console;
pub mod guard;

use std::fmt::Write;

use actions::Action;

use crate::{
    AppState, ServiceError,
    domain::EmailAddress,
    session::ClientInfo,
    session::change::Change,
    trail,
    users::{self, User, ways_in::WaysIn},
};

/// Why a command could not run; each has a clear line and an exit code.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("not an email address: {0:?}")]
    BadEmail(String),
    #[error("no account has the address {0}")]
    NoSuchAccount(String),
    #[error("{0}")]
    Service(#[from] ServiceError),
}

impl From<sqlx::Error> for AdminError {
    fn from(e: sqlx::Error) -> Self {
        Self::Service(e.into())
    }
}

impl AdminError {
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::BadEmail(_) => 2,
            Self::NoSuchAccount(_) => 3,
            Self::Service(_) => 1,
        }
    }
}

/// Events an operator's change records: from the command line, no browser or address.
fn operator() -> ClientInfo {
    ClientInfo { user_agent: "accounts-server (operator)".to_owned(), ..ClientInfo::default() }
}

pub async fn find(state: &AppState, email: &str) -> Result<User, AdminError> {
    let parsed = EmailAddress::parse(email).map_err(|_| AdminError::BadEmail(email.to_owned()))?;
    users::find_by_email(&state.pool, parsed.as_str())
        .await?
        .ok_or_else(|| AdminError::NoSuchAccount(parsed.as_str().to_owned()))
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The account, its devices and its recent security events, as text.
pub async fn show(state: &AppState, email: &str) -> Result<String, AdminError> {
    let user = find(state, email).await?;
    let pool = &state.pool;
    // The rule's own reading of the ways in (the row lock lasts this statement's transaction).
    let mut tx = pool.begin().await?;
    let ways = WaysIn::locked(&mut tx, user.id).await?;
    tx.rollback().await?;
    let two_step = crate::two_step::is_enabled(pool, user.id).await?;
    let locked = users::is_locked(pool, user.id).await?.unwrap_or(false);
    let mut out = String::new();
    let _ = writeln!(out, "Account   {}", user.email);
    let _ = writeln!(out, "Id        {}", user.id);
    let _ = writeln!(out, "Created   {}", trail::exact(user.created_at));
    let verified =
        user.email_verified_at.map_or_else(|| "no".to_owned(), |t| format!("yes, {}", trail::exact(t)));
    let _ = writeln!(out, "Verified  {verified}");
    let _ = writeln!(out, "Name      {}", user.display_name.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "Username  {}", user.username.as_deref().unwrap_or("-"));
    let _ = writeln!(
        out,
        "Sign-in   password: {} · providers: {} · passkeys: {} · two-step: {}",
        yes_no(ways.password),
        ways.identities,
        ways.passkeys,
        if two_step { "on" } else { "off" },
    );
    let _ = writeln!(out, "Locked    {}", yes_no(locked));
    let devices = state.sessions.devices(user.id).await?;
    let _ = writeln!(out, "\nDevices ({})", devices.len());
    for d in &devices {
        let ip = d.ip.map(|ip| ip.ip().to_string()).unwrap_or_else(|| "unknown".into());
        let name = crate::session::device::describe(&d.user_agent);
        let _ = writeln!(
            out,
            "  {name} · {ip} · {} · signed in {} · last active {}",
            d.method.describe(&state.sessions.names),
            trail::exact(d.created_at),
            trail::exact(d.last_seen_at)
        );
    }
    let events = trail::latest(pool, user.id, trail::SHOWN).await?;
    let _ = writeln!(out, "\nRecent security events ({})", events.len());
    let now = chrono::Utc::now();
    for e in &events {
        let _ = writeln!(out, "  {}", trail::describe(e, now));
    }
    Ok(out)
}

/// Ends every session of the account; returns how many.
pub async fn sign_out(state: &AppState, email: &str) -> Result<usize, AdminError> {
    Ok(cli(state, email, Action::SignOutAll).await?.sessions_ended)
}

pub async fn verify(state: &AppState, email: &str) -> Result<(), AdminError> {
    cli(state, email, Action::MarkVerified).await.map(drop)
}

/// Locks the account: no sign-in of any kind until unlocked, and every session ends now.
pub async fn lock(state: &AppState, email: &str) -> Result<(), AdminError> {
    cli(state, email, Action::Lock).await.map(drop)
}

pub async fn unlock(state: &AppState, email: &str) -> Result<(), AdminError> {
    cli(state, email, Action::Unlock).await.map(drop)
}

pub async fn delete(state: &AppState, email: &str) -> Result<(), AdminError> {
    cli(state, email, Action::Delete).await.map(drop)
}

/// Removes two-step verification (key, recovery codes, set-ups, wrong-code count) for an owner
/// who lost both their authenticator and their codes, once support has checked who they are.
/// Every session ends (a thief's too), the change is recorded and the owner is mailed.
/// Returns false when the account had no two-step to remove.
pub async fn reset_two_step(state: &AppState, email: &str) -> Result<bool, AdminError> {
    Ok(cli(state, email, Action::ResetTwoStep).await?.two_step_was_on)
}

/// Gives (`admin`) or takes away the admin console; running instances forget the cached row.
pub async fn set_admin(state: &AppState, email: &str, admin: bool) -> Result<(), AdminError> {
    let user = find(state, email).await?;
    let operator = operator();
    let mut change = Change::begin(&state.pool, &state.sessions.caches, &operator).await?;
    users::set_admin(change.db(), user.id, admin).await?;
    change.user_changed(user.id);
    Ok(change.commit().await?)
}

async fn cli(state: &AppState, email: &str, action: Action) -> Result<actions::Done, AdminError> {
    let user = find(state, email).await?;
    let operator = operator();
    Ok(actions::act(state, &actions::Actor { client: &operator, console: None }, &user, action).await?)
}
