//! One deployment with every kind of provider at once (Google, GitHub, Microsoft, Apple and a
//! generic OpenID Connect provider), each through the same rules: an attempt finishes once, only
//! in the browser that started it and only on its own provider's route; a forged `state` finds
//! nothing; and the only way into an account cannot be disconnected.

use app::api::providers::DisconnectProvider;
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    accounts::{json, path, session_cookie},
    apple::{AppleKey, KEY_ID, TEAM_ID},
    github::{self, GitHubUser, MockGitHub},
    oidc::{CLIENT_ID, CLIENT_SECRET, MockProvider, Person, Tamper, started_for},
};

struct Fakes {
    google: MockProvider,
    github: MockGitHub,
    microsoft: MockProvider,
    apple: MockProvider,
    acme: MockProvider,
}

impl Fakes {
    /// The provider's code for a person new to the app, approving `authorize`.
    fn approve(&self, id: &str, authorize: &url::Url, n: u64) -> String {
        let email = format!("{id}-{n}@example.com");
        match id {
            "github" => self.github.approve(authorize, GitHubUser::new(1000 + n, "someone", &email)),
            "microsoft" => {
                let person = Person {
                    tid: Some("72f988bf-86f1-41af-91ab-2d7cd011db47".into()),
                    oid: Some(format!("oid-{n}")),
                    xms_edov: Some(true),
                    ..Person::new(&format!("ms-{n}"), &email)
                };
                self.microsoft.approve(authorize, person, Tamper::None)
            }
            "apple" => {
                self.apple.approve(authorize, Person::new(&format!("apple-{n}"), &email), Tamper::None)
            }
            "acme" => self.acme.approve(authorize, Person::new(&format!("acme-{n}"), &email), Tamper::None),
            _ => self.google.approve(authorize, Person::new(&format!("google-{n}"), &email), Tamper::None),
        }
    }
}

async fn every_provider() -> (TestApp, Fakes) {
    let key = AppleKey::generate();
    let fakes = Fakes {
        google: MockProvider::start().await,
        github: MockGitHub::start().await,
        microsoft: MockProvider::start_microsoft().await,
        apple: MockProvider::start_apple(key.public.clone()).await,
        acme: MockProvider::start().await,
    };
    let github_api = format!("{}/api", fakes.github.url);
    let app = TestApp::spawn_with(&[
        ("GOOGLE_CLIENT_ID", CLIENT_ID),
        ("GOOGLE_CLIENT_SECRET", CLIENT_SECRET),
        ("GOOGLE_ISSUER_URL", &fakes.google.issuer),
        ("GITHUB_CLIENT_ID", github::CLIENT_ID),
        ("GITHUB_CLIENT_SECRET", github::CLIENT_SECRET),
        ("GITHUB_URL", &fakes.github.url),
        ("GITHUB_API_URL", &github_api),
        ("MICROSOFT_CLIENT_ID", CLIENT_ID),
        ("MICROSOFT_CLIENT_SECRET", CLIENT_SECRET),
        ("MICROSOFT_URL", &fakes.microsoft.issuer),
        ("APPLE_CLIENT_ID", CLIENT_ID),
        ("APPLE_TEAM_ID", TEAM_ID),
        ("APPLE_KEY_ID", KEY_ID),
        ("APPLE_PRIVATE_KEY", &key.pem),
        ("APPLE_URL", &fakes.apple.issuer),
        ("OIDC_PROVIDERS", "acme"),
        ("OIDC_ACME_ISSUER", &fakes.acme.issuer),
        ("OIDC_ACME_CLIENT_ID", CLIENT_ID),
        ("OIDC_ACME_CLIENT_SECRET", CLIENT_SECRET),
        ("OIDC_ACME_LABEL", "Acme SSO"),
    ])
    .await;
    (app, fakes)
}

const IDS: [&str; 5] = ["google", "github", "microsoft", "apple", "acme"];

#[tokio::test]
async fn every_provider_keeps_the_same_rules() {
    let (app, fakes) = every_provider().await;
    let login = app.get("/login").await.text().await.unwrap();
    let order: Vec<usize> = ["Google", "GitHub", "Microsoft", "Apple", "Acme SSO"]
        .iter()
        .map(|label| login.find(&format!("Continue with {label}<")).unwrap_or_else(|| panic!("{label}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "the configured order: {order:?}");

    for (n, id) in IDS.into_iter().enumerate() {
        let n = n as u64;
        let start = || async {
            started_for(&app.bare.get(app.url(&format!("/auth/{id}"))).send().await.unwrap(), id)
        };

        // Another browser (no flow cookie) cannot finish it; a forged state finds nothing.
        let attempt = start().await;
        let code = fakes.approve(id, &attempt.authorize, n);
        let res = app.provider_callback(id, &code, &attempt.state, &[]).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{id}: another browser");
        let res = app.provider_callback(id, &code, "forged-state", &[&attempt.cookie]).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{id}: forged state");
        // Another provider's route cannot finish it either (one key signs every flow cookie).
        let other = IDS[(n as usize + 1) % IDS.len()];
        let moved = attempt.cookie.replace(&format!("{id}_flow"), &format!("{other}_flow"));
        let res = app.provider_callback(other, &code, &attempt.state, &[&moved]).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{id}: finished on {other}'s route");

        // The browser that started it finishes it, once.
        let attempt = start().await;
        let code = fakes.approve(id, &attempt.authorize, n);
        let res = app.provider_callback(id, &code, &attempt.state, &[&attempt.cookie]).await;
        let session = session_cookie(&res).unwrap_or_else(|| panic!("{id}: {}", res.status()));
        let replay = app.provider_callback(id, &code, &attempt.state, &[&attempt.cookie]).await;
        assert_eq!(replay.status(), StatusCode::BAD_REQUEST, "{id}: replay");
        assert!(session_cookie(&replay).is_none());

        // Made with the provider, the account has no other way in: it stays connected.
        let res = app.call(path::<DisconnectProvider>(), &[("provider", id)], Some(&session)).await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "{id}");
        let label = ["Google", "GitHub", "Microsoft", "Apple", "Acme SSO"][n as usize];
        assert_eq!(json(res).await["message"], format!("Set a password before disconnecting {label}."));
        let method: String = sqlx::query_scalar(
            "SELECT s.sign_in_method FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1",
        )
        .bind(format!("{id}-{n}@example.com"))
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
        assert_eq!(method, id);
    }
    let accounts: i64 =
        sqlx::query_scalar("SELECT count(*) FROM user_identities").fetch_one(&app.state.pool).await.unwrap();
    assert_eq!(accounts, 5, "one identity per provider, nothing from the refused attempts");
}
