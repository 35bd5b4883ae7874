//! Connecting Google to a signed-in account and disconnecting it. Each change is recorded in
//! the security trail and mailed to the account's address in the same transaction, so a
//! connection someone else made is seen.

use uuid::Uuid;

use super::{
    identities::{self, Unlinked},
    messages,
    service::{Finished, GoogleSignIn, Identity},
};
use crate::{
    accounts::users,
    error::ServiceError,
    mail::outbox,
    session::{ClientInfo, Invalidation, notify},
    trail::{self, EventKind},
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
        let mut tx = pool.begin().await?;
        if !identities::link(
            &mut *tx,
            &self.inner.issuer,
            &identity.subject,
            user_id,
            identity.email.as_str(),
        )
        .await?
        {
            drop(tx);
            return Err(ServiceError::Conflict(
                match identities::user_for(pool, &self.inner.issuer, &identity.subject).await? {
                    Some(_) => messages::LINKED_ELSEWHERE,
                    None => messages::ALREADY_CONNECTED,
                },
            ));
        }
        self.connected_notice(&mut tx, user_id, identity.email.as_str(), client).await?;
        tx.commit().await?;
        self.inner.outbox.wake();
        self.inner.sessions.caches.invalidate_user(user_id).await;
        Ok(Finished::Linked { user_id })
    }

    /// Records "Google connected" and mails the account's address, inside the caller's transaction.
    pub(super) async fn connected_notice(
        &self,
        conn: &mut sqlx::PgConnection,
        user_id: Uuid,
        google_email: &str,
        client: &ClientInfo,
    ) -> Result<(), ServiceError> {
        trail::record(conn, user_id, EventKind::GoogleConnected, client, google_email).await?;
        if let Some(user) = users::find(&mut *conn, user_id).await? {
            outbox::enqueue(conn, &self.inner.outbox.site.google_connected(&user.email, google_email))
                .await?;
        }
        Ok(())
    }

    /// The address of the Google account connected to `user_id`, if any.
    pub async fn connected(&self, user_id: Uuid) -> Result<Option<String>, ServiceError> {
        Ok(identities::email_of(&self.inner.pool, user_id, &self.inner.issuer).await?)
    }

    /// Disconnects Google, unless it is the account's only way to sign in.
    pub async fn disconnect(&self, user_id: Uuid, client: &ClientInfo) -> Result<(), ServiceError> {
        let mut tx = self.inner.pool.begin().await?;
        match identities::unlink(&mut tx, user_id, &self.inner.issuer).await? {
            Unlinked::LastWayIn => Err(ServiceError::Conflict(messages::NEEDS_PASSWORD)),
            Unlinked::NotLinked => Ok(()),
            Unlinked::Done => {
                trail::record(&mut tx, user_id, EventKind::GoogleDisconnected, client, "").await?;
                if let Some(user) = users::find(&mut *tx, user_id).await? {
                    outbox::enqueue(&mut tx, &self.inner.outbox.site.google_disconnected(&user.email))
                        .await?;
                }
                notify::publish_user_changed(&mut tx, user_id).await?;
                tx.commit().await?;
                self.inner.outbox.wake();
                self.inner.sessions.caches.apply(&[Invalidation::User(user_id)]).await;
                Ok(())
            }
        }
    }
}
