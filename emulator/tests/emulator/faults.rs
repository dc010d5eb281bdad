//! Faults injected through `/__emulator/faults`.

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{json, Value};

use crate::common::{error_message, start, Emu, PASSWORD, USER};

const PATH: &str = "/pci/compliance/summary?limit=3";

async fn call(emu: &Emu) -> reqwest::Response {
    emu.get(PATH)
        .send()
        .await
        .expect("the request should get an answer")
}

async fn assert_normal(emu: &Emu, context: &str) {
    let response = call(emu).await;
    assert_eq!(
        response.status(),
        200,
        "{context}: the next request is normal"
    );
    let body: Value = response.json().await.expect("a normal answer is json");
    assert_eq!(
        body["data"]["fetchRange"], "1-3",
        "{context}: with the normal body"
    );
}

#[tokio::test]
async fn rate_limit_409_sends_the_vendor_headers_once() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "rateLimit409", "toWaitSec": 7}))
        .await;
    let response = call(&emu).await;
    let headers = response.headers().clone();
    assert_eq!(
        headers["x-ratelimit-towait-sec"], "7",
        "the wait comes from toWaitSec"
    );
    assert_eq!(
        headers["x-ratelimit-limit"], "300",
        "the standard tier's limit"
    );
    assert_eq!(
        headers["x-ratelimit-window-sec"], "3600",
        "the standard tier's window"
    );
    assert_eq!(headers["x-ratelimit-remaining"], "0", "nothing remains");
    assert_eq!(
        headers["x-concurrency-limit-limit"], "2",
        "the standard concurrency"
    );
    assert!(
        headers.contains_key("x-concurrency-limit-running"),
        "running is sent"
    );
    error_message(response, 409).await;
    assert_eq!(emu.stats().await["rateLimited"], 1, "the stats count it");
    assert_normal(&emu, "after one 409").await;
}

#[tokio::test]
async fn too_many_429_sends_retry_after() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "tooMany429", "retryAfterSec": 3}))
        .await;
    let response = call(&emu).await;
    assert_eq!(
        response.headers()["retry-after"],
        "3",
        "Retry-After comes from retryAfterSec"
    );
    error_message(response, 429).await;
    assert_normal(&emu, "after one 429").await;
}

#[tokio::test]
async fn status_faults_answer_server_errors_with_the_json_body() {
    let emu = start(&[]).await;
    for status in [500, 502, 503, 504] {
        emu.fault(json!({"fault": "status", "status": status}))
            .await;
        error_message(call(&emu).await, status).await;
    }
    assert_normal(&emu, "after the server errors").await;
}

#[tokio::test]
async fn a_delay_fault_delays_then_answers_normally() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "delay", "delayMs": 300})).await;
    let started = Instant::now();
    assert_normal(&emu, "the delayed request").await;
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "the answer waited the delay"
    );
}

#[tokio::test]
async fn malformed_json_is_a_200_that_does_not_parse() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "malformedJson"})).await;
    let response = call(&emu).await;
    assert_eq!(response.status(), 200, "the status says success");
    assert_eq!(
        response.headers()["content-type"],
        "application/json",
        "the type says json"
    );
    let text = response.text().await.unwrap();
    assert!(
        serde_json::from_str::<Value>(&text).is_err(),
        "the body is broken json: {text}"
    );
}

#[tokio::test]
async fn an_html_page_is_a_200_text_html() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "htmlPage"})).await;
    let response = call(&emu).await;
    assert_eq!(response.status(), 200, "the status says success");
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        content_type.starts_with("text/html"),
        "the type is html: {content_type}"
    );
    assert!(
        response.text().await.unwrap().contains("<html>"),
        "the body is a page"
    );
}

#[tokio::test]
async fn a_truncated_body_ends_before_its_content_length() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "truncatedBody"})).await;
    let response = call(&emu).await;
    assert_eq!(response.status(), 200, "the head is normal");
    let claimed = response.content_length().expect("a content-length is sent");
    assert!(claimed > 0, "it claims a body");
    assert!(
        response.bytes().await.is_err(),
        "reading the body fails when the connection closes"
    );
    assert_normal(&emu, "after the truncated body").await;
}

#[tokio::test]
async fn an_empty_body_is_a_200_json_with_nothing_in_it() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "emptyBody"})).await;
    let response = call(&emu).await;
    assert_eq!(response.status(), 200, "the status says success");
    assert_eq!(
        response.headers()["content-type"],
        "application/json",
        "the type says json"
    );
    assert!(
        response.bytes().await.unwrap().is_empty(),
        "there is no body"
    );
}

#[tokio::test]
async fn a_wrong_content_type_serves_the_normal_json_as_text() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "wrongContentType"})).await;
    let response = call(&emu).await;
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        content_type.starts_with("text/plain"),
        "the type is text: {content_type}"
    );
    let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(
        body["data"]["fetchRange"], "1-3",
        "the body is the normal answer"
    );
}

#[tokio::test]
async fn a_junk_body_is_that_many_bytes_of_non_json() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "junkBody", "bytes": 5000})).await;
    let bytes = call(&emu).await.bytes().await.unwrap();
    assert_eq!(bytes.len(), 5000, "the size comes from bytes");
    assert!(
        serde_json::from_slice::<Value>(&bytes).is_err(),
        "the body is not json"
    );

    emu.fault(json!({"fault": "junkBody"})).await;
    let response = call(&emu).await;
    assert_eq!(
        response.content_length(),
        Some(10 * 1024 * 1024),
        "the default is 10 MiB"
    );
    assert_eq!(
        response.bytes().await.unwrap().len(),
        10 * 1024 * 1024,
        "all of it arrives"
    );
}

#[tokio::test]
async fn a_junk_body_can_come_with_an_error_status() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "junkBody", "bytes": 4000, "status": 502}))
        .await;
    let response = call(&emu).await;
    assert_eq!(response.status(), 502, "the status comes from status");
    assert_eq!(
        response.bytes().await.unwrap().len(),
        4000,
        "with the junk body"
    );
}

#[tokio::test]
async fn a_dropped_connection_gets_no_answer_at_all() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "dropConnection"})).await;
    let outcome = emu.get(PATH).send().await;
    assert!(outcome.is_err(), "the request fails without a response");
    let log = emu.requests(1).await;
    assert!(
        log[0]["status"].is_null(),
        "the log records no status for it"
    );
    assert_normal(&emu, "after the dropped connection").await;
}

#[tokio::test]
async fn a_redirect_points_to_the_other_loopback_origin() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "redirect"})).await;
    let response = call(&emu).await;
    assert_eq!(response.status(), 302, "a redirect");
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        location,
        format!("http://localhost:{}{PATH}", emu.port),
        "same path, other origin"
    );

    emu.fault(json!({"fault": "redirect"})).await;
    let from_localhost = emu
        .client
        .get(format!("http://localhost:{}{PATH}", emu.port))
        .basic_auth(USER, Some(PASSWORD))
        .send()
        .await
        .unwrap();
    let back = from_localhost.headers()["location"].to_str().unwrap();
    assert_eq!(
        back,
        format!("http://127.0.0.1:{}{PATH}", emu.port),
        "and back again"
    );
}

#[tokio::test]
async fn a_redirected_request_is_visible_in_the_request_log() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "redirect"})).await;
    // A client that follows redirects, as browsers and most SDK transports do.
    let following = reqwest::Client::new();
    let response = following
        .get(emu.url(PATH))
        .basic_auth(USER, Some(PASSWORD))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        401,
        "the redirected request arrived without credentials"
    );
    let log = emu.requests(2).await;
    assert_eq!(
        log[0]["hasAuthorization"], true,
        "the first request carried credentials"
    );
    assert_eq!(
        log[1]["host"],
        format!("localhost:{}", emu.port),
        "the second went to the other origin"
    );
    assert_eq!(log[1]["hasAuthorization"], false, "and carried none");
}

#[tokio::test]
async fn count_and_path_choose_which_requests_a_fault_hits() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "status", "status": 503, "count": 2, "path": "/pci/reporting/"}))
        .await;
    assert_normal(&emu, "a path outside the filter").await;
    for _ in 0..2 {
        let response = emu
            .get("/pci/reporting/reportGeneration/fetch")
            .send()
            .await
            .unwrap();
        error_message(response, 503).await;
    }
    let third = emu
        .get("/pci/reporting/reportGeneration/fetch")
        .send()
        .await
        .unwrap();
    assert_eq!(third.status(), 200, "the fault is used up after its count");
}

#[tokio::test]
async fn deleting_faults_clears_them() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "status", "status": 500, "count": 5}))
        .await;
    let (_, listed) = emu.control(Method::GET, "/__emulator/faults", None).await;
    assert_eq!(listed["pending"][0]["remaining"], 5, "the fault is listed");
    let (status, body) = emu
        .control(Method::DELETE, "/__emulator/faults", None)
        .await;
    assert_eq!(
        (status, body),
        (200, json!({"pending": []})),
        "delete answers the empty list"
    );
    assert_normal(&emu, "after the delete").await;
}

#[tokio::test]
async fn faults_never_hit_the_control_routes() {
    let emu = start(&[]).await;
    emu.fault(json!({"fault": "status", "status": 500})).await;
    let (status, _) = emu.control(Method::GET, "/__emulator/stats", None).await;
    assert_eq!(status, 200, "control routes are not faulted");
    error_message(call(&emu).await, 500).await;
}

#[tokio::test]
async fn invalid_fault_specs_answer_400() {
    let emu = start(&[]).await;
    let specs = [
        json!({"fault": "meteor"}),
        json!({"fault": "status"}),
        json!({"fault": "status", "status": 200}),
        json!({"fault": "delay", "count": 0}),
        json!({"fault": "delay", "delayMS": 5}),
        json!({"count": 1}),
        json!({"fault": "junkBody", "bytes": 1_000_000_000u64}),
        json!({"fault": "junkBody", "status": 1000}),
    ];
    for spec in specs {
        let (status, body) = emu
            .control(Method::POST, "/__emulator/faults", Some(spec.clone()))
            .await;
        assert_eq!(status, 400, "{spec} is refused: {body}");
        assert_eq!(body["status"], 400, "with the JSON error body");
    }
}
