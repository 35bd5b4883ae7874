//! "This wasn't me", the link every security notice carries. Opening it (as mail scanners do)
//! spends nothing; the one button on its page spends it and, in one transaction, ends every
//! session of the account (the device the notice names among them) and its pending code-step
//! sign-ins, voids every pending mailed link (a planted email change included), mails a reset
//! link to the account's address and records a security event.

use super::EmailFlows;
use crate::{
    email_tokens::{self, Purpose},
    error::ServiceError,
    session::ClientInfo,
    session::change::{Change, Keep},
    trail::EventKind,
    users,
};

impl EmailFlows {
    /// True when a "This wasn't me" link can still be used (to show its button or an error).
    pub async fn not_me_link_is_valid(&self, token: &str) -> Result<bool, ServiceError> {
        let mut conn = self.pool.acquire().await?;
        Ok(email_tokens::peek(&mut conn, token, &[Purpose::NotMe]).await?.is_some())
    }

    /// Spends a "This wasn't me" link, in any browser, signed in or not.
    pub async fn not_me(&self, token: &str, client: &ClientInfo) -> Result<(), ServiceError> {
        let mut change = Change::begin(&self.pool, &self.sessions.caches, client).await?;
        let link = email_tokens::redeem(change.db(), token, &[Purpose::NotMe])
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        let user_id = link.user_id;
        let user = users::find(change.db(), user_id).await?.ok_or(ServiceError::InvalidLink)?;
        let named = match link.device_id {
            Some(device) => change.end_device(user_id, device).await?,
            None => false,
        };
        change.end_sessions(user_id, Keep::Nothing).await?;
        crate::two_step::pending::end_all(change.db(), user_id).await?;
        email_tokens::void_all(change.db(), user_id).await?;
        let reset = email_tokens::create(change.db(), user_id, Purpose::Reset, None).await?;
        let mut mail = self.outbox.site.reset_password(user.lang, &user.email, &reset);
        // Asked for by whoever got the notice, once per notice: no flood can hold it back.
        mail.capped = false;
        change.mail(&self.outbox, &mail).await?;
        let about = link.notice.as_deref().unwrap_or("a notice");
        let detail = if named {
            format!("after “{about}”, the device it names among them")
        } else {
            format!("after “{about}”")
        };
        change.record(user_id, EventKind::NotMe, &detail).await?;
        change.all_sessions_changed(user_id);
        change.commit().await?;
        tracing::info!(user = %user_id, "\"This wasn't me\": every session ended, a reset link mailed");
        Ok(())
    }
}
