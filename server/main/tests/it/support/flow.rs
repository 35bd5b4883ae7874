//! Driving a provider sign-in from the test's side: apps configured for the in-process fakes,
//! the attempt a start answers with, and the provider's redirect back.

use super::oidc::{CLIENT_ID, CLIENT_SECRET, MockProvider};

impl super::TestApp {
    /// An app whose "Google" is `provider`.
    pub async fn spawn_with_google(provider: &MockProvider) -> Self {
        Self::spawn_with(&[
            ("GOOGLE_CLIENT_ID", CLIENT_ID),
            ("GOOGLE_CLIENT_SECRET", CLIENT_SECRET),
            ("GOOGLE_ISSUER_URL", &provider.issuer),
        ])
        .await
    }

    /// An app whose "Microsoft" (multi-tenant, `common`) is `provider`.
    pub async fn spawn_with_microsoft(provider: &MockProvider) -> Self {
        Self::spawn_with(&[
            ("MICROSOFT_CLIENT_ID", CLIENT_ID),
            ("MICROSOFT_CLIENT_SECRET", CLIENT_SECRET),
            ("MICROSOFT_URL", &provider.issuer),
        ])
        .await
    }

    /// The provider's redirect back to the app with `code` for `state`, carrying `cookies`.
    pub async fn google_callback(&self, code: &str, state: &str, cookies: &[&str]) -> reqwest::Response {
        self.provider_callback("google", code, state, cookies).await
    }

    /// The same for the provider `id`.
    pub async fn provider_callback(
        &self,
        id: &str,
        code: &str,
        state: &str,
        cookies: &[&str],
    ) -> reqwest::Response {
        self.bare
            .get(self.url(&format!("/auth/{id}/callback?code={code}&state={state}")))
            .header(reqwest::header::COOKIE, cookies.join("; "))
            .send()
            .await
            .unwrap()
    }
}

/// A started attempt: the flow cookie, the provider URL the browser was sent to, and `state`.
pub struct Started {
    pub cookie: String,
    pub authorize: url::Url,
    pub state: String,
}

/// Reads the answer of `/auth/google` or `/auth/google/connect` that sends the browser away.
pub fn started(res: &reqwest::Response) -> Started {
    started_for(res, "google")
}

/// The same for the provider `id` (`/auth/<id>`).
pub fn started_for(res: &reqwest::Response, id: &str) -> Started {
    assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER, "an attempt starts");
    let location = res.headers()[reqwest::header::LOCATION].to_str().unwrap();
    let authorize = url::Url::parse(location).unwrap();
    let state = authorize.query_pairs().find(|(k, _)| k == "state").unwrap().1.into_owned();
    let cookie = super::accounts::set_cookie(res, &format!("{id}_flow")).expect("the flow cookie");
    Started { cookie, authorize, state }
}
