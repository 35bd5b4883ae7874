//! Helpers that drive the app over HTTP the way the browser's server-fn calls do.

use leptos::server_fn::ServerFn;
use reqwest::{Response, StatusCode, header};
use serde_json::Value;

use super::TestApp;

pub const PASSWORD: &str = "correct horse battery staple";

pub fn path<S: ServerFn>() -> &'static str {
    S::PATH
}

impl TestApp {
    /// POSTs a form to a server function as a hydrated page would (same-origin, JSON answer).
    pub async fn call(&self, path: &str, form: &[(&str, &str)], cookie: Option<&str>) -> Response {
        let mut req = self
            .bare
            .post(self.url(path))
            .header(header::ORIGIN, &self.state.config.service_domain)
            .header(header::ACCEPT, "application/json")
            .header(header::USER_AGENT, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36")
            .form(form);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        req.send().await.expect("request sent")
    }

    /// A plain HTML form post, as a browser without JavaScript sends it from `page`.
    pub async fn html_post(
        &self,
        page: &str,
        action: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> Response {
        let mut req = self
            .bare
            .post(self.url(action))
            .header(header::ORIGIN, &self.state.config.service_domain)
            .header(header::REFERER, self.url(page))
            .header(header::ACCEPT, "text/html")
            .form(form);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        req.send().await.expect("request sent")
    }

    pub async fn get_with(&self, path: &str, cookie: &str) -> Response {
        self.bare.get(self.url(path)).header(header::COOKIE, cookie).send().await.expect("request sent")
    }

    /// Signs up and returns the `name=value` of the session cookie.
    pub async fn sign_up(&self, email: &str) -> String {
        let res = self
            .call(path::<app::api::auth::SignUp>(), &[("email", email), ("password", PASSWORD)], None)
            .await;
        let status = res.status();
        assert!(status.is_success() || status.is_redirection(), "sign-up failed: {status}");
        let cookie = session_cookie(&res).expect("sign-up sets the session cookie");
        // Session tests skip the mailed link (covered in tests/email.rs): mark the address verified.
        sqlx::query("UPDATE users SET email_verified_at = now() WHERE email = lower($1)")
            .bind(email.trim())
            .execute(&self.state.pool)
            .await
            .unwrap();
        self.state.sessions.caches.clear();
        cookie
    }

    pub async fn sign_in(&self, identifier: &str, password: &str) -> Response {
        self.call(
            path::<app::api::auth::SignIn>(),
            &[("identifier", identifier), ("password", password)],
            None,
        )
        .await
    }

    /// True when `cookie` reaches `/account` (a signed-out visit is redirected).
    pub async fn is_signed_in(&self, cookie: &str) -> bool {
        let res = self.get_with("/account", cookie).await;
        assert_ne!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        res.status() == StatusCode::OK
    }
}

/// The `name=value` pair a response's Set-Cookie gives the cookie `name`, if it sets it.
pub fn set_cookie(res: &Response, name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with(&prefix))
        .map(str::to_owned)
}

/// The `session=value` pair from a response's Set-Cookie, if it sets a non-empty one.
pub fn session_cookie(res: &Response) -> Option<String> {
    set_cookie(res, "session").filter(|pair| pair.len() > "session=".len())
}

/// True when the response clears the session cookie.
pub fn clears_session(res: &Response) -> bool {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with("session=;") || (v.starts_with("session=") && v.contains("Max-Age=0")))
}

pub async fn json(res: Response) -> Value {
    let text = res.text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
}

/// The message for `field` in a FormError body.
pub fn field_error(body: &Value, field: &str) -> Option<String> {
    body["fields"]
        .as_array()?
        .iter()
        .find(|pair| pair[0] == field)
        .map(|pair| pair[1].as_str().unwrap().to_owned())
}
