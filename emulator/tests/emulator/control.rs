//! The stats and request log control routes.

use reqwest::Method;
use serde_json::json;

use crate::common::start;

#[tokio::test]
async fn stats_count_api_requests_by_path_and_skip_control_routes() {
    let emu = start(&[]).await;
    emu.get("/pci/compliance/summary?limit=1")
        .send()
        .await
        .unwrap();
    emu.get("/pci/compliance/summary?limit=2")
        .send()
        .await
        .unwrap();
    let id = emu.submit().await;
    emu.control(Method::GET, "/__emulator/requests", None).await;
    let stats = emu.stats().await;
    assert_eq!(stats["requests"], 3, "three API requests: {stats}");
    assert_eq!(
        stats["byPath"],
        json!({"/pci/compliance/summary": 2, "/pci/reporting/reportGeneration/submit": 1}),
        "counted by path"
    );
    assert_eq!(id, 7713, "the submission went through");
}

#[tokio::test]
async fn reset_zeroes_the_counters_and_the_log() {
    let emu = start(&[]).await;
    emu.get("/pci/compliance/summary?limit=1")
        .send()
        .await
        .unwrap();
    emu.control(Method::POST, "/__emulator/reset", None).await;
    let stats = emu.stats().await;
    assert_eq!(
        stats,
        json!({"requests": 0, "byPath": {}, "maxInFlight": 0, "inFlight": 0, "rateLimited": 0}),
        "all zero"
    );
    assert!(emu.requests(10).await.is_empty(), "the log is empty");
}

#[tokio::test]
async fn the_request_log_lists_recent_requests_newest_last() {
    let emu = start(&[]).await;
    for limit in 1..=5 {
        emu.get(&format!("/pci/compliance/summary?limit={limit}"))
            .header("X-Requested-With", "qualys-pci-test")
            .send()
            .await
            .unwrap();
    }
    let log = emu.requests(2).await;
    assert_eq!(log.len(), 2, "the limit is honoured");
    assert_eq!(log[0]["query"], "limit=4", "older first");
    assert_eq!(log[1]["query"], "limit=5", "newest last");
    let last = &log[1];
    assert_eq!(last["method"], "GET", "the method is recorded");
    assert_eq!(
        last["path"], "/pci/compliance/summary",
        "the path is recorded"
    );
    assert_eq!(last["status"], 200, "the status is recorded");
    assert_eq!(last["authScheme"], "Basic", "the scheme is recorded");
    assert_eq!(
        last["host"],
        format!("127.0.0.1:{}", emu.port),
        "the host is recorded"
    );
    assert_eq!(
        last["headers"]["x-requested-with"], "qualys-pci-test",
        "headers are recorded"
    );
    assert_eq!(last["headers"]["apiversion"], "V1", "including apiVersion");
}

#[tokio::test]
async fn the_openapi_document_is_served_as_json() {
    let emu = start(&[]).await;
    let (status, document) = emu
        .control(Method::GET, "/__emulator/openapi.json", None)
        .await;
    assert_eq!(status, 200, "the document is served");
    assert!(
        document["openapi"].as_str().unwrap_or("").starts_with('3'),
        "an openapi 3 document"
    );
    for path in ["/pci/compliance/summary", "/pci/reporting/download"] {
        assert!(document["paths"][path].is_object(), "{path} is described");
    }
}
