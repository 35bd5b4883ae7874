//! What every finished sign-in does, whatever proved it (password, a provider, a passkey, the code
//! step): start the device's session and record the sign-in in one transaction, and mail the
//! owner when the device is new to the account.

use sqlx::PgPool;
use uuid::Uuid;

use super::{ClientInfo, SessionToken, Sessions, change::Change, device, store::SignInMethod};
use crate::{
    error::ServiceError,
    mail::{Outbox, notices::Where},
    trail::{self, EventKind},
    users,
};

pub async fn start(
    pool: &PgPool,
    sessions: &Sessions,
    mail: &Outbox,
    user_id: Uuid,
    client: &ClientInfo,
    method: SignInMethod,
) -> Result<SessionToken, ServiceError> {
    let mut change = Change::begin(pool, &sessions.caches, client).await?;
    // Read under a share lock held until the session is in: an operator's lock (an UPDATE of
    // the row) waits for this sign-in and then ends its session, or this one waits and sees it.
    refuse_locked(change.db(), user_id).await?;
    let known = trail::knows_device(change.db(), user_id, client).await?;
    let device_id = Uuid::new_v4();
    let token = sessions.create_for_device(change.db(), user_id, device_id, client, method.clone()).await?;
    metrics::counter!("sign_ins_total", "method" => method.metric_label(), "outcome" => "success")
        .increment(1);
    // The method only when a provider or a mailed code proved it: the other sign-ins read as
    // they always have.
    let detail = match &method {
        SignInMethod::Provider { .. } | SignInMethod::EmailCode { .. } => method.describe(&sessions.names),
        _ => String::new(),
    };
    change.record(user_id, EventKind::SignedIn, &detail).await?;
    if !known && let Some(user) = users::find(change.db(), user_id).await? {
        let name = device::describe_in(user.lang, &client.user_agent);
        let at = Where { device: &name, ip: client.ip, when: chrono::Utc::now() };
        let notice = mail.site.new_sign_in(user.lang, &user.email, &at).naming_device(device_id);
        change.mail(mail, &notice).await?;
    }
    change.commit().await?;
    Ok(token)
}

/// An operator locked the account (`accounts-server users lock`): no way in, whatever the method.
pub(crate) async fn refuse_locked(db: impl sqlx::PgExecutor<'_>, user_id: Uuid) -> Result<(), ServiceError> {
    if users::is_locked(db, user_id).await? == Some(true) {
        metrics::counter!("sign_ins_total", "method" => "any", "outcome" => "locked").increment(1);
        return Err(ServiceError::Locked);
    }
    Ok(())
}
