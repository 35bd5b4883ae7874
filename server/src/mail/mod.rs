//! Outgoing mail: messages are written to a Postgres outbox in the same transaction as the
//! change that causes them, and a background worker delivers them (SMTP, or `.eml` files
//! under `DATA_DIR/mail` when no SMTP server is configured).

pub(crate) mod notices;
pub(crate) mod outbox;
pub(crate) mod templates;
pub(crate) mod transport;

pub use outbox::Outbox;
pub use templates::Mail;
