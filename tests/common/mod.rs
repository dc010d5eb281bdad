//! Shared by the wasm suites: the emulator's address (fixed at build time by
//! `make`), clients, and the emulator's control routes.
#![allow(dead_code)]

use gloo_net::http::Request;
use qualys_pci::{CallOptions, Client, ClientOptions, Credentials, ReportId};
use serde_json::{json, Value};

/// The emulator the suites run against; `make test` starts it and sets this.
pub fn emulator() -> &'static str {
    option_env!("QUALYS_PCI_EMULATOR_URL").unwrap_or("http://127.0.0.1:8790")
}

/// Options for the emulator's demo account, with short waits so that retry
/// tests stay quick.
pub fn options() -> ClientOptions {
    ClientOptions {
        base_url: emulator().to_owned(),
        credentials: Credentials::Basic {
            username: "demo".into(),
            password: "demo".into(),
        },
        timeout_ms: 10_000,
        max_retries: 2,
        max_retry_delay_ms: 5_000,
        ..ClientOptions::default()
    }
}

pub fn client() -> Client {
    Client::new(options()).expect("the demo options are valid")
}

pub fn call() -> CallOptions {
    CallOptions::default()
}

async fn control(method: &str, path: &str, body: Option<Value>) -> Value {
    let url = format!("{}{path}", emulator());
    let builder = match method {
        "POST" => Request::post(&url),
        "DELETE" => Request::delete(&url),
        _ => Request::get(&url),
    };
    let response = match body {
        Some(b) => {
            builder
                .header("Content-Type", "application/json")
                .body(b.to_string())
                .expect("body")
                .send()
                .await
        }
        None => builder.send().await,
    }
    .unwrap_or_else(|e| panic!("control route {path} unreachable: {e}"));
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    assert!(
        status < 300,
        "control route {path} answered {status}: {value}"
    );
    value
}

/// Makes the next `count` API requests under `path` misbehave as `fault` says.
pub async fn inject(fault: Value) {
    control("POST", "/__emulator/faults", Some(fault)).await;
}

pub async fn clear_faults() {
    control("DELETE", "/__emulator/faults", None).await;
}

/// API requests the emulator has served since it started or was reset.
pub async fn api_requests() -> u64 {
    control("GET", "/__emulator/stats", None).await["requests"]
        .as_u64()
        .expect("stats.requests")
}

/// The emulator's journal of the most recent API requests, newest last.
pub async fn recent_requests(limit: u32) -> Vec<Value> {
    let v = control("GET", &format!("/__emulator/requests?limit={limit}"), None).await;
    v.as_array()
        .cloned()
        .or_else(|| v["requests"].as_array().cloned())
        .expect("a list of requests")
}

/// Moves a report along its lifecycle with a control action: generate,
/// attest, reject or submit.
pub async fn report_action(id: ReportId, action: &str) -> Value {
    control(
        "POST",
        &format!("/__emulator/reports/{id}/{action}"),
        Some(json!({})),
    )
    .await
}

/// The download's bytes as the emulator serves them, fetched without the SDK.
pub async fn raw_download(id: ReportId, report_type: &str) -> Vec<u8> {
    let url = format!(
        "{}/pci/reporting/download?reportId={id}&reportType={report_type}",
        emulator()
    );
    let response = Request::get(&url)
        .header("Authorization", "Basic ZGVtbzpkZW1v")
        .send()
        .await
        .expect("raw download");
    assert_eq!(response.status(), 200, "raw download status");
    response.binary().await.expect("raw download bytes")
}

/// A submission the emulator accepts.
pub fn submission() -> qualys_pci::ReportSubmission {
    qualys_pci::ReportSubmission {
        your_name: "Ada Lovelace".into(),
        your_title: "Ms.".into(),
        special_notes_securely_implemented: Some(true),
        special_notes_single_comment: Some("all remote access goes through the VPN".into()),
        not_active_ips: Some("10.0.0.1-10.0.0.9".into()),
        submission_title: Some("Q4 quarterly scan".into()),
        ..Default::default()
    }
}

/// Submits a report and waits until the emulator (50 ms a step under
/// `make test`) has generated it.
pub async fn generated_report(client: &Client) -> ReportId {
    let submitted = client
        .submit_report(&submission(), &call())
        .await
        .expect("submit");
    let wait = qualys_pci::WaitOptions {
        interval_ms: 20,
        timeout_ms: 30_000,
        ..Default::default()
    };
    client
        .wait_for_report(submitted.id, &wait)
        .await
        .expect("generated");
    submitted.id
}

/// True in a browser page, false in Node.
pub fn in_browser() -> bool {
    web_sys::window().is_some()
}
