//! The account's language (`users.lang`): its mails are written in it. Set at sign-up from the
//! request's language, changed when its signed-in owner picks another in the footer.

use sqlx::{
    Decode, PgExecutor, Postgres, Type,
    error::BoxDynError,
    postgres::{PgTypeInfo, PgValueRef},
};
use uuid::Uuid;

use crate::i18n::Lang;

/// Read from the column's text (`"lang: Lang"` in a query); the CHECK constraint allows only
/// the codes [`Lang::parse`] knows, anything else would read as English.
impl Type<Postgres> for Lang {
    fn type_info() -> PgTypeInfo {
        <&str as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <&str as Type<Postgres>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Postgres> for Lang {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(Lang::parse(<&str as Decode<Postgres>>::decode(value)?).unwrap_or_default())
    }
}

/// The account's language; English when no account has the id.
pub async fn of(db: impl PgExecutor<'_>, id: Uuid) -> Result<Lang, sqlx::Error> {
    let lang = sqlx::query_scalar!("SELECT lang AS \"lang: Lang\" FROM users WHERE id = $1", id)
        .fetch_optional(db)
        .await?;
    Ok(lang.unwrap_or_default())
}

/// Makes `lang` the account's language; false when it already was (or no account has the id).
pub async fn set(db: impl PgExecutor<'_>, id: Uuid, lang: Lang) -> Result<bool, sqlx::Error> {
    let done = sqlx::query!(
        "UPDATE users SET lang = $2, updated_at = now() WHERE id = $1 AND lang <> $2",
        id,
        lang.code()
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}
