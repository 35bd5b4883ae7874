//! "This wasn't me", the link every security notice carries. Opening it (as mail scanners do)
//! spends nothing; the one button on its page spends it and, in one transaction, ends every
//! session of the account (the device the notice names among them) and its pending code-step
//! sign-ins, voids every pending mailed link (a planted email change included), mails a reset
//! link to the account's address and records a security event.

use super::EmailFlows;
use crate::{
    accounts::{
        email_tokens::{self, Purpose},
        users,
    },
    error::ServiceError,
    mail::outbox,
    session::{ClientInfo, Invalidation, publish, store},
    trail::{self, EventKind},
};

impl EmailFlows {
    /// True when a "This wasn't me" link can still be used (to show its button or an error).
    pub async fn not_me_link_is_valid(&self, token: &str) -> Result<bool, ServiceError> {
        let mut conn = self.pool.acquire().await?;
        Ok(email_tokens::peek(&mut conn, token, &[Purpose::NotMe]).await?.is_some())
    }

    /// Spends a "This wasn't me" link, in any browser, signed in or not.
    pub async fn not_me(&self, token: &str, client: &ClientInfo) -> Result<(), ServiceError> {
        let mut tx = self.pool.begin().await?;
        let link = email_tokens::redeem(&mut tx, token, &[Purpose::NotMe])
            .await?
            .ok_or(ServiceError::InvalidLink)?;
        let user_id = link.user_id;
        let user = users::find(&mut *tx, user_id).await?.ok_or(ServiceError::InvalidLink)?;
        store::lock_user(&mut tx, user_id).await?;
        let named = match link.device_id {
            Some(device) => !store::delete_device(&mut *tx, user_id, device).await?.is_empty(),
            None => false,
        };
        store::delete_all_except(&mut *tx, user_id, None).await?;
        crate::two_step::pending::end_all(&mut *tx, user_id).await?;
        email_tokens::void_all(&mut tx, user_id).await?;
        let reset = email_tokens::create(&mut tx, user_id, Purpose::Reset, None).await?;
        let mut mail = self.outbox.site.reset_password(&user.email, &reset);
        // Asked for by whoever got the notice, once per notice: no flood can hold it back.
        mail.capped = false;
        outbox::enqueue(&mut tx, &mail).await?;
        let about = link.notice.as_deref().unwrap_or("a notice");
        let detail = if named {
            format!("after “{about}”, the device it names among them")
        } else {
            format!("after “{about}”")
        };
        trail::record(&mut tx, user_id, EventKind::NotMe, client, &detail).await?;
        let changes = [Invalidation::UserSessions(user_id)];
        publish(&mut tx, changes).await?;
        tx.commit().await?;
        self.sessions.caches.apply(&changes).await;
        self.outbox.wake();
        tracing::info!(user = %user_id, "\"This wasn't me\": every session ended, a reset link mailed");
        Ok(())
    }
}
