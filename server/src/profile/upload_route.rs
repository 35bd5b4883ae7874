//! `POST /account/avatar`: a multipart upload with exactly one file field named `avatar`.
//! Hydrated pages send it with progress and get JSON; plain form posts get a redirect back
//! to `/account` carrying the outcome.

use axum::{
    Json, Router,
    extract::{DefaultBodyLimit, FromRef, Multipart, State, multipart::MultipartRejection},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::post,
};
use serde::Serialize;

use super::{Profiles, avatar::AvatarError, service::UploadError};
use crate::{
    auth::Throttle,
    i18n::Lang,
    session::{Auth, ClientInfo},
};

/// The whole request may carry the 5 MiB file plus multipart framing.
pub const MAX_REQUEST_BYTES: usize = super::avatar::MAX_BYTES + 64 * 1024;

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Profiles: FromRef<S>,
    Throttle: FromRef<S>,
{
    Router::new().route("/account/avatar", post(upload)).layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES))
}

#[derive(Serialize)]
struct Answer {
    #[serde(skip_serializing_if = "Option::is_none")]
    avatar_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn status(e: AvatarError) -> StatusCode {
    match e {
        AvatarError::SignedOut => StatusCode::UNAUTHORIZED,
        AvatarError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        AvatarError::NotAnImage | AvatarError::Gif => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        AvatarError::Damaged | AvatarError::TooManyPixels => StatusCode::UNPROCESSABLE_ENTITY,
        AvatarError::NotOneFile => StatusCode::BAD_REQUEST,
        AvatarError::TooMany => StatusCode::TOO_MANY_REQUESTS,
        AvatarError::Unverified => StatusCode::FORBIDDEN,
    }
}

fn answer(html: bool, lang: Lang, result: Result<String, AvatarError>) -> Response {
    match (html, result) {
        (true, Ok(_)) => Redirect::to("/account?avatar=updated").into_response(),
        (true, Err(e)) => Redirect::to(&format!("/account?avatar_error={}", e.code())).into_response(),
        (false, Ok(url)) => Json(Answer { avatar_url: Some(url), error: None }).into_response(),
        (false, Err(e)) => {
            let error = Some(e.message(lang).to_owned());
            (status(e), Json(Answer { avatar_url: None, error })).into_response()
        }
    }
}

async fn read_single_file(mut multipart: Multipart) -> Result<Vec<u8>, AvatarError> {
    let mut file: Option<Vec<u8>> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(AvatarError::TooLarge),
            Err(_) => return Err(AvatarError::NotOneFile),
        };
        if field.file_name().is_none() && field.name() != Some("avatar") {
            continue;
        }
        if file.is_some() {
            return Err(AvatarError::NotOneFile);
        }
        let mut field = field;
        let mut bytes = Vec::new();
        loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > super::avatar::MAX_BYTES {
                        return Err(AvatarError::TooLarge);
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(AvatarError::TooLarge),
                Err(_) => return Err(AvatarError::Damaged),
            }
        }
        file = Some(bytes);
    }
    file.filter(|b| !b.is_empty()).ok_or(AvatarError::NotOneFile)
}

async fn upload(
    State(profiles): State<Profiles>,
    State(throttle): State<Throttle>,
    auth: Auth,
    client: ClientInfo,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let lang = client.lang;
    let html =
        headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"));
    let Some(auth) = auth.0 else {
        return answer(false, lang, Err(AvatarError::SignedOut));
    };
    if let Err(e) = auth.require_verified() {
        e.log_refusal(Some(auth.user.id));
        return answer(html, lang, Err(AvatarError::Unverified));
    }
    if throttle.avatar_upload(auth.user.id, client.ip).is_err() {
        return answer(html, lang, Err(AvatarError::TooMany));
    }
    let bytes = match multipart {
        Ok(m) => read_single_file(m).await,
        Err(_) => Err(AvatarError::NotOneFile),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return answer(html, lang, Err(e)),
    };
    match profiles.set_avatar(auth.user.id, bytes).await {
        Ok(url) => answer(html, lang, Ok(url)),
        Err(UploadError::Avatar(e)) => answer(html, lang, Err(e)),
        Err(e) => {
            tracing::error!(error = %e, "avatar upload failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Answer {
                    avatar_url: None,
                    error: Some(crate::i18n::tr(lang, "err-internal").to_owned()),
                }),
            )
                .into_response()
        }
    }
}
