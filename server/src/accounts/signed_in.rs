//! What every sign-in does, by password or by Google: start the device's session and record
//! the sign-in in one transaction, and mail the owner when the device is new to the account.

use sqlx::PgPool;
use uuid::Uuid;

use super::users;
use crate::{
    error::ServiceError,
    mail::{Outbox, notices::Where, outbox},
    session::{ClientInfo, SessionToken, Sessions, device},
    trail::{self, EventKind},
};

pub async fn start(
    pool: &PgPool,
    sessions: &Sessions,
    mail: &Outbox,
    user_id: Uuid,
    client: &ClientInfo,
) -> Result<SessionToken, ServiceError> {
    let mut tx = pool.begin().await?;
    let known = trail::knows_device(&mut *tx, user_id, client).await?;
    let token = sessions.create_for_device(&mut *tx, user_id, Uuid::new_v4(), client).await?;
    trail::record(&mut tx, user_id, EventKind::SignedIn, client, "").await?;
    if !known && let Some(user) = users::find(&mut *tx, user_id).await? {
        let name = device::describe(&client.user_agent);
        let at = Where { device: &name, ip: client.ip, when: chrono::Utc::now() };
        outbox::enqueue(&mut tx, &mail.site.new_sign_in(&user.email, &at)).await?;
    }
    tx.commit().await?;
    if !known {
        mail.wake();
    }
    Ok(token)
}
