//! Connecting a provider to a signed-in account and disconnecting it. Each change is recorded in
//! the security trail and mailed to the account's address in the same transaction, so a
//! connection someone else made is seen.

use uuid::Uuid;

use super::{
    identities,
    provider::Provider,
    service::{Finished, Identity, ProviderInfo, SignInWith},
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

impl SignInWith {
    pub(super) async fn link(
        &self,
        provider: &Provider,
        user_id: Uuid,
        identity: &Identity,
        client: &ClientInfo,
    ) -> Result<Finished, ServiceError> {
        let pool = &self.inner.pool;
        let messages = provider.messages;
        match identities::user_for(pool, &provider.issuer, &identity.subject).await? {
            Some(owner) if owner == user_id => return Ok(Finished::Linked { user_id }),
            Some(_) => return Err(messages.linked_elsewhere()),
            None => {}
        }
        let inner = &self.inner;
        let mut change = Change::begin(pool, &inner.sessions.caches, client).await?;
        let email = identity.email.as_str();
        if !identities::link(change.db(), &provider.issuer, &identity.subject, user_id, email).await? {
            drop(change);
            return Err(match identities::user_for(pool, &provider.issuer, &identity.subject).await? {
                Some(_) => messages.linked_elsewhere(),
                None => messages.already_connected(),
            });
        }
        self.connected_notice(&mut change, provider, user_id, email).await?;
        change.user_changed(user_id);
        change.commit().await?;
        Ok(Finished::Linked { user_id })
    }

    /// Records "<provider> connected" and mails the account's address, inside the caller's
    /// change.
    pub(super) async fn connected_notice<'a>(
        &'a self,
        change: &mut Change<'a>,
        provider: &Provider,
        user_id: Uuid,
        provider_email: &str,
    ) -> Result<(), ServiceError> {
        let detail = format!("{}: {provider_email}", provider.label);
        change.record(user_id, EventKind::ProviderConnected, &detail).await?;
        if let Some(user) = users::find(change.db(), user_id).await? {
            let outbox = &self.inner.outbox;
            let mail =
                outbox.site.provider_connected(user.lang, &user.email, &provider.label, provider_email);
            change.mail(outbox, &mail).await?;
        }
        Ok(())
    }

    /// The address of the account at provider `id` connected to `user_id`, if any.
    pub async fn connected(&self, id: &str, user_id: Uuid) -> Result<Option<String>, ServiceError> {
        let provider = self.provider(id)?;
        Ok(identities::email_of(&self.inner.pool, user_id, &provider.issuer).await?)
    }

    /// Each configured provider, with the address of the account connected there, if any.
    pub async fn connections(
        &self,
        user_id: Uuid,
    ) -> Result<Vec<(ProviderInfo, Option<String>)>, ServiceError> {
        // One query for every provider: the security page lists them all.
        let linked = identities::emails_of(&self.inner.pool, user_id).await?;
        let email_at = |issuer: &str| linked.iter().find(|(i, _)| i == issuer).map(|(_, e)| e.clone());
        Ok(self
            .inner
            .providers
            .iter()
            .zip(self.list())
            .map(|(p, info)| (info, email_at(&p.issuer)))
            .collect())
    }

    /// Disconnects provider `id`, unless it is the account's only way to sign in.
    pub async fn disconnect(&self, id: &str, user_id: Uuid, client: &ClientInfo) -> Result<(), ServiceError> {
        let provider = self.provider(id)?;
        let inner = &self.inner;
        let mut change = Change::begin(&inner.pool, &inner.sessions.caches, client).await?;
        let ways = WaysIn::locked(change.db(), user_id).await?;
        if !ways.allows_removing(Way::Identity) {
            return Err(provider.messages.needs_password());
        }
        if !identities::unlink(change.db(), user_id, &provider.issuer).await? {
            return Ok(());
        }
        change.record(user_id, EventKind::ProviderDisconnected, &provider.label).await?;
        if let Some(user) = users::find(change.db(), user_id).await? {
            let mail = inner.outbox.site.provider_disconnected(user.lang, &user.email, &provider.label);
            change.mail(&inner.outbox, &mail).await?;
        }
        change.user_changed(user_id);
        change.commit().await
    }
}
