//! Routes, pages and components, rendered on the server (`ssr`) and hydrated in the browser
//! (`hydrate`). Server functions live beside the pages that use them and call into the
//! `server` crate; this crate holds no SQL.

#[macro_use]
pub mod i18n;
pub mod api;
pub mod components;
mod loader;
pub mod pages;
mod routes;
mod shell;
pub mod site;
pub mod theme;

pub use routes::App;
pub use shell::shell;
