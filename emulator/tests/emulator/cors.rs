//! CORS, off by default and on for each `--cors-origin`.

use reqwest::Method;

use crate::common::start;

const ORIGIN: &str = "http://localhost:5173";
const PATH: &str = "/pci/compliance/summary";

async fn preflight(emu: &crate::common::Emu, origin: &str, path: &str) -> reqwest::Response {
    emu.client
        .request(Method::OPTIONS, emu.url(path))
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "GET")
        .header(
            "Access-Control-Request-Headers",
            "authorization,apiversion,x-requested-with",
        )
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn cors_is_off_by_default() {
    let emu = start(&[]).await;
    let response = emu.get(PATH).header("Origin", ORIGIN).send().await.unwrap();
    assert!(
        !response
            .headers()
            .contains_key("access-control-allow-origin"),
        "no origin is allowed without --cors-origin"
    );
    let pre = preflight(&emu, ORIGIN, PATH).await;
    assert!(
        !pre.headers().contains_key("access-control-allow-origin"),
        "nor in a preflight"
    );
}

#[tokio::test]
async fn an_allowed_origin_passes_the_preflight_without_credentials() {
    let emu = start(&["--cors-origin", ORIGIN]).await;
    let response = preflight(&emu, ORIGIN, PATH).await;
    assert!(
        response.status().is_success(),
        "the preflight succeeds: {}",
        response.status()
    );
    let headers = response.headers();
    assert_eq!(
        headers["access-control-allow-origin"], ORIGIN,
        "the origin is allowed"
    );
    let allowed = headers["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    for header in [
        "authorization",
        "apiversion",
        "x-requested-with",
        "content-type",
    ] {
        assert!(allowed.contains(header), "{header} is allowed: {allowed}");
    }
    let methods = headers["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .to_owned();
    for method in ["GET", "POST", "PUT", "DELETE"] {
        assert!(methods.contains(method), "{method} is allowed: {methods}");
    }
    assert_eq!(
        emu.stats().await["requests"],
        0,
        "a preflight is not an API request"
    );
}

#[tokio::test]
async fn answers_to_an_allowed_origin_expose_the_headers_clients_need() {
    let emu = start(&["--cors-origin", ORIGIN, "--rate-limit", "10/60"]).await;
    let response = emu.get(PATH).header("Origin", ORIGIN).send().await.unwrap();
    let headers = response.headers();
    assert_eq!(
        headers["access-control-allow-origin"], ORIGIN,
        "the origin is allowed"
    );
    let exposed = headers["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    for header in [
        "content-disposition",
        "retry-after",
        "x-ratelimit-towait-sec",
        "x-concurrency-limit-running",
    ] {
        assert!(exposed.contains(header), "{header} is exposed: {exposed}");
    }
}

#[tokio::test]
async fn other_origins_are_not_allowed() {
    let emu = start(&[
        "--cors-origin",
        ORIGIN,
        "--cors-origin",
        "https://demo.example",
    ])
    .await;
    let second = preflight(&emu, "https://demo.example", PATH).await;
    assert_eq!(
        second.headers()["access-control-allow-origin"],
        "https://demo.example",
        "both listed origins work"
    );
    let other = preflight(&emu, "https://evil.example", PATH).await;
    assert!(
        !other.headers().contains_key("access-control-allow-origin"),
        "an unlisted origin is not allowed"
    );
}

#[tokio::test]
async fn control_routes_answer_an_allowed_origin_too() {
    let emu = start(&["--cors-origin", ORIGIN]).await;
    let response = preflight(&emu, ORIGIN, "/__emulator/reset").await;
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        ORIGIN,
        "browser tests can reset"
    );
}
