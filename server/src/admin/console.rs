//! What the admin console shows: the deployment at a glance, a search over all accounts, one
//! account in full (never a secret: no hashes, keys, tokens or mail bodies), and the audit.
//! Every function takes the [`Admin`] the guard let in.

use uuid::Uuid;

use super::{audit, guard::Admin};
use crate::{
    AppState, ServiceError,
    mail::outbox,
    passkeys,
    session::store::DeviceRow,
    trail::{self, SecurityEvent},
    users::{
        self, User,
        directory::{self, Counts, Listed},
    },
};

pub use crate::users::directory::{Cursor, Filters};

/// Rows per page of the account list and the audit.
pub const PAGE: i64 = 50;

/// The deployment at a glance.
#[derive(Clone, Debug)]
pub struct Dashboard {
    pub counts: Counts,
    pub with_passkeys: i64,
    pub signed_in_day: i64,
    pub signed_in_week: i64,
    /// Sign-ins per day for the last 30 days, oldest first.
    pub per_day: Vec<(chrono::NaiveDate, i64)>,
    pub outbox_depth: i64,
    pub outbox_oldest_due_secs: Option<f64>,
    /// This instance's LISTEN connection (cache coherence) is up.
    pub listener_connected: bool,
}

pub async fn dashboard(state: &AppState, _: &Admin) -> Result<Dashboard, ServiceError> {
    let pool = &state.pool;
    let (outbox_depth, outbox_oldest_due_secs) = outbox::depth(pool).await?;
    Ok(Dashboard {
        counts: directory::counts(pool).await?,
        with_passkeys: passkeys::store::accounts_with_any(pool).await?,
        signed_in_day: trail::accounts_signed_in_since(pool, 24.0).await?,
        signed_in_week: trail::accounts_signed_in_since(pool, 24.0 * 7.0).await?,
        per_day: trail::sign_ins_per_day(pool, 30).await?,
        outbox_depth,
        outbox_oldest_due_secs,
        listener_connected: state.sessions.listener.is_connected(),
    })
}

/// A page of accounts and where the next one starts (`None`: this was the last).
pub struct Page {
    pub rows: Vec<Listed>,
    pub next: Option<Cursor>,
}

pub async fn search(
    state: &AppState,
    _: &Admin,
    query: &str,
    filters: Filters,
    after: Option<Cursor>,
) -> Result<Page, ServiceError> {
    if query.chars().count() > 320 {
        return Err(ServiceError::invalid("q", "admin-search-too-long"));
    }
    let mut conn = state.pool.acquire().await?;
    let mut rows = directory::search(&mut conn, query, filters, after, PAGE + 1).await?;
    let next = (rows.len() as i64 > PAGE).then(|| {
        rows.truncate(PAGE as usize);
        rows.last().map(|r| Cursor { created_at: r.created_at, id: r.id })
    });
    Ok(Page { rows, next: next.flatten() })
}

/// One account as the console shows it.
pub struct Person {
    pub user: User,
    pub locked: bool,
    pub two_step: bool,
    /// Connected providers: (label, the address the provider gave).
    pub providers: Vec<(String, String)>,
    pub passkeys: Vec<passkeys::store::Listed>,
    pub devices: Vec<DeviceRow>,
    pub events: Vec<SecurityEvent>,
    pub mails: Vec<outbox::Sent>,
}

pub async fn person(state: &AppState, _: &Admin, id: Uuid) -> Result<Person, ServiceError> {
    let pool = &state.pool;
    let user = users::find(pool, id).await?.ok_or(ServiceError::NotFound)?;
    let held = state.export.held(&user, 50).await?;
    Ok(Person {
        locked: users::is_locked(pool, id).await?.unwrap_or(false),
        two_step: held.two_step,
        providers: held.providers,
        passkeys: held.passkeys,
        devices: held.devices,
        events: held.events,
        mails: held.mails,
        user,
    })
}

/// The account an action is about, read for it.
pub async fn target(state: &AppState, _: &Admin, id: Uuid) -> Result<User, ServiceError> {
    users::find(&state.pool, id).await?.ok_or(ServiceError::NotFound)
}

/// A page of the audit, newest first, and the id the next page starts before.
pub async fn audit(
    state: &AppState,
    _: &Admin,
    actor: &str,
    target: &str,
    before: Option<i64>,
) -> Result<(Vec<audit::Entry>, Option<i64>), ServiceError> {
    let mut rows = audit::search(&state.pool, actor, target, before, PAGE + 1).await?;
    let next = (rows.len() as i64 > PAGE).then(|| {
        rows.truncate(PAGE as usize);
        rows.last().map(|r| r.id)
    });
    Ok((rows, next.flatten()))
}
