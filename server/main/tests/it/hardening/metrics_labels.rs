//! Prometheus labels are the matched route, never the raw path: a client inventing paths
//! cannot grow the metrics registry (each new label value is a new series, kept forever).

use std::collections::BTreeSet;

use app::api::auth::CurrentUser;
use futures::StreamExt;
use reqwest::header;

use crate::support::{TestApp, accounts::path, unique_name};

/// Every `http_request*` series (name and labels, without the value).
async fn series(app: &TestApp) -> BTreeSet<String> {
    let addr = app.metrics_addr.expect("a metrics listener");
    let text = reqwest::get(format!("http://{addr}/metrics")).await.unwrap().text().await.unwrap();
    text.lines()
        .filter(|l| l.starts_with("http_request"))
        .map(|l| l.rsplit_once(' ').map_or(l, |(key, _)| key).to_owned())
        .collect()
}

/// One request of kind `i % 6` to a path nobody routed, as an attacker varies them.
async fn invented(app: &TestApp, i: usize) {
    let token = format!("{}x{i}", unique_name("r"));
    let origin = app.state.config.service_domain.as_str();
    let req = match i % 6 {
        0 => app.bare.get(app.url(&format!("/{token}"))),
        // Signed out, an account page redirects to sign-in.
        1 => app.bare.get(app.url(&format!("/account/{token}"))),
        // No Origin: refused by the CSRF guard.
        2 => app.bare.post(app.url(&format!("/{token}"))),
        3 => app.bare.post(app.url(&format!("/account/{token}"))).header(header::ORIGIN, origin),
        4 => app.bare.post(app.url(&format!("/api/{token}"))).header(header::ORIGIN, origin),
        _ => app.bare.get(app.url(&format!("/pkg/{token}.js"))),
    };
    let res = req.send().await.expect("an answer");
    assert!(!res.status().is_server_error(), "{token}: {}", res.status());
}

#[tokio::test]
async fn invented_paths_do_not_grow_the_metrics_registry() {
    let app = TestApp::spawn_with(&[("METRICS_SOCKET", "127.0.0.1:0")]).await;
    // Each kind once, so the fixed labels they share exist before counting.
    for i in 0..6 {
        invented(&app, i).await;
    }
    assert_eq!(app.get("/login").await.status(), 200);
    app.call(path::<CurrentUser>(), &[], None).await;
    let before = series(&app).await;

    futures::stream::iter(6..1006).for_each_concurrent(16, |i| invented(&app, i)).await;

    let after = series(&app).await;
    let added: Vec<_> = after.difference(&before).take(5).collect();
    assert_eq!(after.len(), before.len(), "1,000 invented paths added series, e.g. {added:?}");
    // The labels that remain say something: the page route and the server function's path.
    let text = after.iter().cloned().collect::<Vec<_>>().join("\n");
    assert!(text.contains("route=\"/login\""), "{text}");
    assert!(text.contains(&format!("route=\"{}\"", path::<CurrentUser>())), "{text}");
}
