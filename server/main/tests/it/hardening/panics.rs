//! A panic while answering a request (a bug) is caught: logged with the request id and
//! answered as the generic error page with that reference, never a dropped connection.
//!
//! No route of the app panics on purpose, and a panicking route only for tests would ship in
//! production. So the test builds the production stack (`startup::finish_router`, every layer
//! the binary installs) around one extra route that panics, the way a bug in any handler would.

use std::net::SocketAddr;

use axum::{Router, routing::get};
use reqwest::StatusCode;

use crate::support::{
    TestApp,
    log::{Log, request_id},
};

#[tokio::test]
async fn a_panic_in_a_request_is_answered_with_the_error_page_and_logged_with_its_reference() {
    let app = TestApp::spawn().await;
    let (log, _guard) = Log::capture();
    let routes = Router::new().route(
        "/account/broken",
        get(|| async {
            let empty: Vec<u8> = Vec::new();
            // A bug: indexing past the end.
            format!("{}", empty[std::hint::black_box(3)])
        }),
    );
    let router = server::startup::finish_router(routes, app.state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).into_future(),
    );
    let cookie = app.sign_up(&format!("{}@example.com", crate::support::unique_name("panic"))).await;

    let res = app
        .bare
        .get(format!("http://{addr}/account/broken"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("an answer, not a dropped connection");
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let id = request_id(&res);
    let body = res.text().await.unwrap();
    assert!(body.contains(&format!("Something went wrong. Reference: <code>{id}</code>")), "{body}");
    assert!(!body.contains("index out of bounds"), "the panic's message is not shown: {body}");
    let logged = log.of_request(&id);
    assert!(
        logged.iter().any(|l| l["level"] == "ERROR"
            && l["fields"]["message"].as_str().is_some_and(|m| m.contains("panicked"))),
        "no error line with the request id {id}: {logged:?}"
    );

    // The server is fine afterwards.
    let res = app.bare.get(format!("http://{addr}/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}
