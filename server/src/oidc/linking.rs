//! Connecting Google to a signed-in account and disconnecting it. Each change is recorded in
//! the security trail and mailed to the account's address in the same transaction, so a
//! connection someone else made is seen.

use uuid::Uuid;

use super::{
    identities, messages,
    service::{Finished, GoogleSignIn, Identity},
};
use crate::{
    error::ServiceError,
    session::ClientInfo,
    session::change::Change,
    trail::EventKind,
    users::{
        self,
        ways_in::{Way, WaysIn},
    },
};

impl GoogleSignIn {
    pub(super) async fn link(
        &self,
        user_id: Uuid,
        identity: &Identity,
        client: &ClientInfo,
    ) -> Result<Finished, ServiceError> {
        let pool = &self.inner.pool;
        match identities::user_for(pool, &self.inner.issuer, &identity.subject).await? {
            Some(owner) if owner == user_id => return Ok(Finished::Linked { user_id }),
            Some(_) => return Err(ServiceError::Conflict(messages::LINKED_ELSEWHERE)),
            None => {}
        }
        let inner = &self.inner;
        let mut change = Change::begin(pool, &inner.sessions.caches, client).await?;
        let email = identity.email.as_str();
        if !identities::link(change.db(), &inner.issuer, &identity.subject, user_id, email).await? {
            drop(change);
            return Err(ServiceError::Conflict(
                match identities::user_for(pool, &inner.issuer, &identity.subject).await? {
                    Some(_) => messages::LINKED_ELSEWHERE,
                    None => messages::ALREADY_CONNECTED,
                },
            ));
        }
        self.connected_notice(&mut change, user_id, email).await?;
        change.user_changed(user_id);
        change.commit().await?;
        Ok(Finished::Linked { user_id })
    }

    /// Records "Google connected" and mails the account's address, inside the caller's change.
    pub(super) async fn connected_notice<'a>(
        &'a self,
        change: &mut Change<'a>,
        user_id: Uuid,
        google_email: &str,
    ) -> Result<(), ServiceError> {
        change.record(user_id, EventKind::GoogleConnected, google_email).await?;
        if let Some(user) = users::find(change.db(), user_id).await? {
            let outbox = &self.inner.outbox;
            change.mail(outbox, &outbox.site.google_connected(&user.email, google_email)).await?;
        }
        Ok(())
    }

    /// The address of the Google account connected to `user_id`, if any.
    pub async fn connected(&self, user_id: Uuid) -> Result<Option<String>, ServiceError> {
        Ok(identities::email_of(&self.inner.pool, user_id, &self.inner.issuer).await?)
    }

    /// Disconnects Google, unless it is the account's only way to sign in.
    pub async fn disconnect(&self, user_id: Uuid, client: &ClientInfo) -> Result<(), ServiceError> {
        let inner = &self.inner;
        let mut change = Change::begin(&inner.pool, &inner.sessions.caches, client).await?;
        let ways = WaysIn::locked(change.db(), user_id).await?;
        if !ways.allows_removing(Way::Identity) {
            return Err(ServiceError::Conflict(messages::NEEDS_PASSWORD));
        }
        if !identities::unlink(change.db(), user_id, &inner.issuer).await? {
            return Ok(());
        }
        change.record(user_id, EventKind::GoogleDisconnected, "").await?;
        if let Some(user) = users::find(change.db(), user_id).await? {
            change.mail(&inner.outbox, &inner.outbox.site.google_disconnected(&user.email)).await?;
        }
        change.user_changed(user_id);
        change.commit().await
    }
}
