//! How an account can sign in (its password, linked identities, passkeys) and the one rule
//! every remover obeys: never the last way in. Read with the user's row locked, so that two
//! removals at once (a passkey here, the password or Google elsewhere) cannot both pass.

use sqlx::PgConnection;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WaysIn {
    pub password: bool,
    /// Linked sign-in identities (Google).
    pub identities: i64,
    pub passkeys: i64,
}

/// A way in someone asks to remove.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    Password,
    Identity,
    Passkey,
}

impl WaysIn {
    /// The account's ways in, its user row locked until the transaction ends.
    pub async fn locked(conn: &mut PgConnection, user_id: Uuid) -> Result<Self, sqlx::Error> {
        sqlx::query_as!(
            WaysIn,
            "SELECT u.password_hash IS NOT NULL AS \"password!\", \
               (SELECT count(*) FROM user_identities i WHERE i.user_id = u.id) AS \"identities!\", \
               (SELECT count(*) FROM passkeys p WHERE p.user_id = u.id) AS \"passkeys!\" \
             FROM users u WHERE u.id = $1 FOR UPDATE",
            user_id
        )
        .fetch_one(conn)
        .await
    }

    /// True unless removing one `way` would leave none (removing one the account does not
    /// have leaves everything, for the caller to answer "not found").
    pub fn allows_removing(&self, way: Way) -> bool {
        let total = i64::from(self.password) + self.identities + self.passkeys;
        let has = match way {
            Way::Password => self.password,
            Way::Identity => self.identities > 0,
            Way::Passkey => self.passkeys > 0,
        };
        total - i64::from(has) >= 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_way_in_is_never_removed() {
        let only_passkey = WaysIn { password: false, identities: 0, passkeys: 1 };
        assert!(!only_passkey.allows_removing(Way::Passkey));
        assert!(only_passkey.allows_removing(Way::Password), "nothing to remove: not the rule's business");
        let password_and_google = WaysIn { password: true, identities: 1, passkeys: 0 };
        assert!(password_and_google.allows_removing(Way::Password));
        assert!(password_and_google.allows_removing(Way::Identity));
        let only_google = WaysIn { password: false, identities: 1, passkeys: 0 };
        assert!(!only_google.allows_removing(Way::Identity));
        let two_passkeys = WaysIn { password: false, identities: 0, passkeys: 2 };
        assert!(two_passkeys.allows_removing(Way::Passkey));
    }
}
