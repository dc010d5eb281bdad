//! Starting an emulator and talking to it.

use clap::Parser as _;
use qualys_pci_emulator::{Config, Emulator};
use reqwest::{Client, RequestBuilder, Response};
use serde_json::{json, Value};

pub const USER: &str = "demo";
pub const PASSWORD: &str = "demo";

/// A running emulator; it stops with the test's runtime.
pub struct Emu {
    pub base: String,
    pub port: u16,
    pub client: Client,
}

/// Starts an emulator with reports generated at once, plus `args`.
pub async fn start(args: &[&str]) -> Emu {
    let mut argv = vec!["qualys-pci-emulator", "--port", "0"];
    if !args.contains(&"--report-step-ms") {
        argv.extend(["--report-step-ms", "0"]);
    }
    argv.extend_from_slice(args);
    let config = Config::try_parse_from(argv).expect("test arguments should parse");
    let emulator = Emulator::bind(config).await.expect("emulator should bind");
    let addr = emulator.local_addr();
    tokio::spawn(emulator.serve(std::future::pending()));
    Emu {
        base: format!("http://{addr}"),
        port: addr.port(),
        client: Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client should build"),
    }
}

impl Emu {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// An authenticated request.
    pub fn api(&self, method: reqwest::Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, self.url(path))
            .basic_auth(USER, Some(PASSWORD))
            .header("apiVersion", "V1")
    }

    pub fn get(&self, path: &str) -> RequestBuilder {
        self.api(reqwest::Method::GET, path)
    }

    /// The `data` of a successful enveloped GET.
    pub async fn get_data(&self, path: &str) -> Value {
        let response = self
            .get(path)
            .send()
            .await
            .expect("request should complete");
        let status = response.status();
        let body: Value = response.json().await.expect("body should be json");
        assert_eq!(status, 200, "GET {path} should succeed, got {body}");
        assert_eq!(
            body["responseApiVersion"], "LATEST - V1",
            "envelope of {path}"
        );
        body["data"].clone()
    }

    /// Submits a minimal valid report request and returns its id.
    pub async fn submit(&self) -> u64 {
        let response = self
            .api(
                reqwest::Method::POST,
                "/pci/reporting/reportGeneration/submit",
            )
            .json(&json!({ "yourName": "Pat Smith", "yourTitle": "Ms.", "submissionTitle": "Q3" }))
            .send()
            .await
            .expect("submit should complete");
        assert_eq!(response.status(), 200, "submit should succeed");
        let body: Value = response.json().await.expect("submit body should be json");
        body["data"]["id"]
            .as_u64()
            .expect("submit should return a numeric id")
    }

    pub async fn status_of(&self, id: u64) -> String {
        let data = self.get_data(&format!("/pci/reporting/{id}/status")).await;
        data["status"]
            .as_str()
            .expect("status should be a string")
            .to_owned()
    }

    /// A control route call, returning status and JSON body.
    pub async fn control(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut request = self.client.request(method, self.url(path));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("control call should complete");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn fault(&self, spec: Value) {
        let (status, body) = self
            .control(reqwest::Method::POST, "/__emulator/faults", Some(spec))
            .await;
        assert_eq!(status, 200, "fault should be accepted: {body}");
    }

    pub async fn stats(&self) -> Value {
        self.control(reqwest::Method::GET, "/__emulator/stats", None)
            .await
            .1
    }

    pub async fn requests(&self, limit: usize) -> Vec<Value> {
        let (_, body) = self
            .control(
                reqwest::Method::GET,
                &format!("/__emulator/requests?limit={limit}"),
                None,
            )
            .await;
        body.as_array()
            .cloned()
            .expect("requests should be an array")
    }
}

/// Asserts the shared JSON error shape and returns the message.
pub async fn error_message(response: Response, status: u16) -> String {
    assert_eq!(
        response.status().as_u16(),
        status,
        "unexpected status for {}",
        response.url()
    );
    let body: Value = response.json().await.expect("error body should be json");
    assert_eq!(
        body["status"], status,
        "error body should repeat the status: {body}"
    );
    assert!(
        body["error"].is_string(),
        "error body should have a reason phrase: {body}"
    );
    let message = body["message"]
        .as_str()
        .expect("error body should have a message")
        .to_owned();
    let first = message.chars().next().expect("message should not be empty");
    assert!(
        first.is_lowercase(),
        "messages start in lowercase: {message}"
    );
    message
}
