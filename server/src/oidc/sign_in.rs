//! Finishing a provider's sign-in: by a known identity, by linking an existing account the
//! provider is authoritative for, or by creating an account (with the picture copied as its
//! avatar).

use uuid::Uuid;

use super::{
    authority, identities,
    provider::Provider,
    service::{Finished, Identity, SignInWith},
};
use crate::{
    domain::DisplayName,
    error::ServiceError,
    profile::avatar,
    session::change::Change,
    session::{ClientInfo, SignInMethod},
    trail::EventKind,
    users,
};

/// How long we wait for the provider's picture before giving up on it.
const PICTURE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

impl SignInWith {
    /// Signs in by a known identity, or links a verified account with the same address, or
    /// creates an account; refuses when an unverified account holds the address.
    pub(super) async fn sign_in(
        &self,
        provider: &Provider,
        identity: Identity,
        next: String,
        client: &ClientInfo,
    ) -> Result<Finished, ServiceError> {
        let inner = &self.inner;
        let mut change = Change::begin(&inner.pool, &inner.sessions.caches, client).await?;
        let (user_id, created) = if let Some(user_id) =
            identities::user_for(change.db(), &provider.issuer, &identity.subject).await?
        {
            (user_id, false)
        } else {
            let email = identity.email.as_str();
            match users::find_by_email(change.db(), email).await? {
                Some(user)
                    if user.email_verified_at.is_some()
                        && authority::vouches_for(
                            &provider.authority,
                            &identity.email,
                            identity.hosted_domain.as_deref(),
                            identity.owner_verified,
                        ) =>
                {
                    // A locked account gains no way in, not even one its next sign-in refuses.
                    if users::is_locked(change.db(), user.id).await? == Some(true) {
                        return Err(ServiceError::Locked);
                    }
                    if !identities::link(change.db(), &provider.issuer, &identity.subject, user.id, email)
                        .await?
                    {
                        return Err(provider.messages.already_connected());
                    }
                    self.connected_notice(&mut change, provider, user.id, email).await?;
                    (user.id, false)
                }
                Some(_) => return Err(provider.messages.account_exists()),
                None => {
                    let name = identity.name.as_deref().and_then(|n| DisplayName::parse(n).ok());
                    let name = name.as_ref().map(|n| n.as_str());
                    let user = users::insert_verified(change.db(), email, name, client.lang)
                        .await?
                        .ok_or_else(|| provider.messages.account_exists())?;
                    if !identities::link(change.db(), &provider.issuer, &identity.subject, user.id, email)
                        .await?
                    {
                        return Err(provider.messages.linked_elsewhere());
                    }
                    change.record(user.id, EventKind::SignedUp, &format!("with {}", provider.label)).await?;
                    (user.id, true)
                }
            }
        };
        if !created {
            change.user_changed(user_id);
        }
        change.commit().await?;
        if created {
            if let Some(url) = &identity.picture {
                self.copy_picture(provider, user_id, url).await;
            }
            tracing::info!(user = %user_id, provider = %provider.id, "account created with a provider");
        }
        let method = SignInMethod::provider(&provider.id);
        match crate::two_step::begin(
            &inner.pool,
            &inner.sessions,
            &inner.outbox,
            user_id,
            client,
            method,
            &next,
        )
        .await?
        {
            crate::two_step::Begun::Session(token) => {
                Ok(Finished::SignedIn { user_id, token, next, created })
            }
            crate::two_step::Begun::NeedsCode(pending) => Ok(Finished::NeedsCode { pending }),
        }
    }

    /// Copies the provider's picture into our storage as the avatar: best effort, bounded in
    /// time and size, through the same checks as an upload.
    async fn copy_picture(&self, provider: &Provider, user_id: Uuid, url: &str) {
        let allowed = url.starts_with("https://") || (provider.is_local() && url.starts_with("http://"));
        if !allowed {
            return;
        }
        let fetch = async {
            let mut response = provider.http.get(url).send().await.ok()?.error_for_status().ok()?;
            let mut bytes = Vec::new();
            while let Some(chunk) = response.chunk().await.ok()? {
                if bytes.len() + chunk.len() > avatar::MAX_BYTES {
                    return None;
                }
                bytes.extend_from_slice(&chunk);
            }
            Some(bytes)
        };
        match tokio::time::timeout(PICTURE_TIMEOUT, fetch).await {
            Ok(Some(bytes)) => {
                if let Err(e) = self.inner.profiles.set_avatar(user_id, bytes).await {
                    tracing::info!(user = %user_id, error = %e, "the provider's picture was not usable");
                }
            }
            _ => tracing::info!(user = %user_id, "the provider's picture could not be fetched"),
        }
    }
}
