//! `GET /account/export`: the person's data as a file download (a plain link: it works with
//! JavaScript off). Without a recent sign-in it goes through "Confirm your password to
//! continue" and comes back here.

use axum::{
    Router,
    extract::{FromRef, State},
    http::header,
    response::{IntoResponse, Redirect, Response},
    routing::get,
};

use super::export::DataExport;
use crate::{
    ServiceError,
    session::{Auth, ClientInfo, confirm_path},
};

pub const PATH: &str = "/account/export";

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    DataExport: FromRef<S>,
{
    Router::new().route(PATH, get(download))
}

async fn download(State(export): State<DataExport>, Auth(auth): Auth, client: ClientInfo) -> Response {
    let Some(auth) = auth else {
        return Redirect::to(&format!("/login?next={PATH}")).into_response();
    };
    match export.export(&auth, &client).await {
        Ok(file) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8".to_owned()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", file.name)),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            file.json,
        )
            .into_response(),
        Err(ServiceError::NeedsRecentSignIn) => Redirect::to(&confirm_path(PATH)).into_response(),
        Err(e) => {
            e.log_refusal(Some(auth.user.id));
            (e.status(), e.user_message(client.lang)).into_response()
        }
    }
}
