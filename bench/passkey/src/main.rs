//! Figure 9: the server time of a passkey sign-in ceremony (options, then the signed answer).
//!
//! Signs up one account, adds a software passkey (the one the integration tests use), then
//! signs in with it `BENCH_CEREMONIES` times (default 300), one ceremony at a time, and prints
//! p50, p99 and max of the two requests' round trip on loopback. Started by `bench/passkey.sh`,
//! which passes `BENCH_URL` (where to connect) and `BENCH_ORIGIN` (the instance's
//! SERVICE_DOMAIN, a `localhost` origin: an IP address cannot be a relying party).

#[path = "../../../server/main/tests/it/support/webauthn.rs"]
#[allow(dead_code)] // the tests use more of it than the bench
mod webauthn;

use std::time::{Duration, Instant};

use app::api::{
    auth::SignUp,
    passkeys::{AddPasskey, PasskeyRegistrationOptions, PasskeySignInOptions, SignInWithPasskey},
};
use leptos::server_fn::ServerFn;
use reqwest::header;

struct Client {
    http: reqwest::Client,
    url: String,
    origin: String,
}

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run bench/passkey.sh"))
}

/// `name=value` of a cookie the response sets.
fn cookie(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next())
        .find(|pair| pair.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} cookie"))
        .to_owned()
}

impl Client {
    async fn post(&self, path: &str, form: &[(&str, &str)], cookies: &str) -> reqwest::Response {
        let res = self
            .http
            .post(format!("{}{path}", self.url))
            .header(header::ORIGIN, &self.origin)
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, cookies)
            .form(form)
            .send()
            .await
            .expect("the server answers");
        assert!(res.status().is_success(), "{path}: {}", res.status());
        res
    }
}

async fn text(res: reqwest::Response) -> String {
    let body = res.text().await.expect("an answer");
    let value: serde_json::Value = serde_json::from_str(&body).expect("a JSON answer");
    value.as_str().expect("a string").to_owned()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let client = Client { http: reqwest::Client::new(), url: var("BENCH_URL"), origin: var("BENCH_ORIGIN") };
    let ceremonies: usize =
        std::env::var("BENCH_CEREMONIES").ok().and_then(|n| n.parse().ok()).unwrap_or(300);
    let mut key = webauthn::SoftPasskey::new(&client.origin);

    let signed_up = client
        .post(
            SignUp::PATH,
            &[("email", "passkey-bench@example.com"), ("password", "a bench passphrase here")],
            "",
        )
        .await;
    let session = cookie(&signed_up, "session");
    let res = client.post(PasskeyRegistrationOptions::PATH, &[], &session).await;
    let ceremony = cookie(&res, "webauthn");
    let credential = key.create(&text(res).await);
    let both = format!("{session}; {ceremony}");
    client.post(AddPasskey::PATH, &[("name", "bench"), ("credential", &credential)], &both).await;

    let mut times = Vec::with_capacity(ceremonies);
    for _ in 0..ceremonies {
        let started = Instant::now();
        let res = client.post(PasskeySignInOptions::PATH, &[("next", "/")], "").await;
        let ceremony = cookie(&res, "webauthn");
        let answer = key.get(&text(res).await);
        let res = client.post(SignInWithPasskey::PATH, &[("credential", &answer)], &ceremony).await;
        cookie(&res, "session");
        times.push(started.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "passkey sign-in ceremony ({ceremonies}, two requests each): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(times[times.len() - 1])
    );
}
