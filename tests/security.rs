//! Misuse and hostile servers: credentials never leak into errors, unsafe
//! base URLs and ids are refused before anything is sent, header values cannot
//! smuggle headers, redirects carry nothing to another origin, and error
//! bodies stay small. In Node and in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use js_sys::{Promise, Reflect, JSON};
use qualys_pci::js::PciClient;
use qualys_pci::*;
use serde::Serialize;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

const SUMMARY: &str = "/pci/compliance/summary";
// Distinctive, so that any leak is found by a plain substring search.
const PASSWORD: &str = "Pw-never-in-errors-7f3a";
const TOKEN: &str = "tok-never-in-errors-91c2";
const PROXY_TOKEN: &str = "proxy-never-in-errors-5d0e";
// A loopback port nothing listens on (the discard service).
const CLOSED_PORT_URL: &str = "http://127.0.0.1:9";

fn js(value: Value) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("plain JS value")
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

async fn rejection(promise: Promise) -> JsValue {
    match JsFuture::from(promise).await {
        Ok(v) => panic!("expected a rejection, got a {:?}", v.js_typeof()),
        Err(e) => e,
    }
}

/// The secrets in every form they could leak in, Basic's base64 included.
fn secrets() -> Vec<String> {
    use base64::Engine as _;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("demo:{PASSWORD}"));
    vec![
        PASSWORD.to_owned(),
        TOKEN.to_owned(),
        PROXY_TOKEN.to_owned(),
        basic,
    ]
}

fn assert_no_secret(text: &str, what: &str) {
    for secret in secrets() {
        assert!(!text.contains(&secret), "{what} leaks a credential: {text}");
    }
}

/// Each way a client can be given a secret.
fn secret_holding_options(base_url: &str) -> Vec<ClientOptions> {
    let with = |credentials, headers| ClientOptions {
        base_url: base_url.to_owned(),
        credentials,
        headers,
        timeout_ms: 2_000,
        max_retries: 0,
        ..options()
    };
    vec![
        with(
            Credentials::Basic {
                username: "demo".into(),
                password: PASSWORD.into(),
            },
            vec![],
        ),
        with(Credentials::Bearer(TOKEN.into()), vec![]),
        with(
            Credentials::None,
            vec![("Authorization".into(), format!("Bearer {PROXY_TOKEN}"))],
        ),
    ]
}

/// An error of every kind a server or the network can cause, from `client`.
async fn errors_from(client: &Client) -> Vec<Error> {
    let one = ComplianceSummaryQuery {
        limit: Some(1),
        ..Default::default()
    };
    let mut errors = Vec::new();
    for fault in [
        json!({"fault": "status", "status": 500}),
        json!({"fault": "redirect"}),
        json!({"fault": "malformedJson"}),
        json!({"fault": "delay", "delayMs": 1500}),
    ] {
        clear_faults().await;
        let mut fault = fault;
        fault["path"] = json!(SUMMARY);
        inject(fault).await;
        let call = CallOptions {
            timeout_ms: Some(300),
            ..CallOptions::default()
        };
        // Where the emulator refuses the credentials first, the error is a 401.
        if let Err(e) = client.compliance_summary(&one, &call).await {
            errors.push(e);
        }
    }
    clear_faults().await;
    errors
}

#[wasm_bindgen_test]
async fn credentials_never_appear_in_an_errors_message_body_url_or_debug_output() {
    let mut checked = 0;
    for base in [emulator(), CLOSED_PORT_URL] {
        for opts in secret_holding_options(base) {
            let client = Client::new(opts).expect("valid options");
            let errors = if base == CLOSED_PORT_URL {
                let one = ComplianceSummaryQuery::default();
                client
                    .compliance_summary(&one, &CallOptions::default())
                    .await
                    .err()
                    .into_iter()
                    .collect()
            } else {
                errors_from(&client).await
            };
            assert!(!errors.is_empty(), "some call failed against {base}");
            for e in errors {
                let whole = format!(
                    "{e} | {e:?} | {:?} | {:?} | {:?}",
                    e.message(),
                    e.body(),
                    e.url()
                );
                assert_no_secret(&whole, &format!("a {} error", e.kind()));
                checked += 1;
            }
        }
    }
    console_log!("credentials absent from {checked} errors (message, body, url, Display, Debug)");
}

#[wasm_bindgen_test]
async fn a_js_pci_error_carries_no_credential_in_any_property() {
    let options = js(
        json!({"baseUrl": emulator(), "username": "demo", "password": PASSWORD, "maxRetries": 0}),
    );
    let c = PciClient::new(Some(options.unchecked_into())).expect("valid options");
    let e = rejection(c.report_status(JsValue::from(7713), None)).await;
    assert_eq!(
        get(&e, "kind").as_string().as_deref(),
        Some("unauthorized"),
        "the password is wrong"
    );
    let json = JSON::stringify(&e)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    for key in ["message", "body", "url", "stack", "kind"] {
        assert_no_secret(&format!("{:?}", get(&e, key)), &format!("PciError.{key}"));
    }
    assert_no_secret(&json, "JSON.stringify(PciError)");
}

#[wasm_bindgen_test]
fn debug_output_of_a_client_and_its_options_hides_every_credential() {
    // Every leak is listed before failing, so that one fix is not mistaken
    // for all of them.
    let mut leaks = Vec::new();
    for opts in secret_holding_options(emulator()) {
        let client = Client::new(opts.clone()).expect("valid options");
        for (what, text) in [
            ("Client", format!("{client:?}")),
            ("ClientOptions", format!("{opts:?}")),
        ] {
            if secrets().iter().any(|s| text.contains(s.as_str())) {
                leaks.push(format!("Debug of {what}: {text}"));
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "credentials in Debug output:\n{}",
        leaks.join("\n")
    );
}

#[wasm_bindgen_test]
fn plain_http_to_a_host_that_is_not_loopback_is_refused() {
    for url in [
        "http://pci-api.qualys.com",
        "http://10.0.0.1:8790",
        "http://192.168.1.5",
        "http://0.0.0.0:8790",
        "http://127.0.0.1.nip.io",
        "http://localhost.evil.test",
        "http://[::ffff:127.0.0.1]",
        "http://2130706433",
        "http://127.1",
    ] {
        let e = Client::new(ClientOptions {
            base_url: url.into(),
            ..options()
        })
        .expect_err(url);
        assert_eq!(
            (e.kind(), e.field()),
            (ErrorKind::InvalidInput, Some("baseUrl")),
            "{url}"
        );
        let from_js = PciClient::new(Some(js(json!({"baseUrl": url})).unchecked_into()));
        let e = from_js
            .err()
            .unwrap_or_else(|| panic!("PciClient accepted {url}"));
        assert_eq!(
            get(&e, "kind").as_string().as_deref(),
            Some("invalidInput"),
            "{url} from JS"
        );
    }
    for url in [
        "http://127.0.0.1:8790",
        "http://127.9.9.9",
        "http://localhost:1",
        "http://[::1]:8790",
        "https://pci-api.qualys.com",
    ] {
        assert!(
            Client::new(ClientOptions {
                base_url: url.into(),
                ..options()
            })
            .is_ok(),
            "{url} is loopback or https"
        );
    }
}

#[wasm_bindgen_test]
async fn report_ids_that_could_bend_a_path_are_refused_before_any_request() {
    let options = js(json!({"baseUrl": emulator(), "username": "demo", "password": "demo"}));
    let c = PciClient::new(Some(options.unchecked_into())).expect("valid options");
    let before = api_requests().await;
    let ids = [
        js(json!("1/../2")),
        js(json!("1?x=y")),
        js(json!("%2e%2e")),
        js(json!("7")),
        js(json!(1.5)),
        js(json!(-1)),
        js(json!(0)),
        JsValue::from(9007199254740992.0),
        JsValue::from(f64::NAN),
        JsValue::from(f64::INFINITY),
        JsValue::NULL,
        JsValue::TRUE,
        js(json!({"valueOf": 1})),
    ];
    let mut refused = 0;
    for id in &ids {
        let calls = [
            c.report_status(id.clone(), None),
            c.download_report(id.clone(), js(json!("Executive")), None),
            c.request_review(id.clone(), None),
            c.wait_for_report(id.clone(), None),
        ];
        for (method, call) in [
            "reportStatus",
            "downloadReport",
            "requestReview",
            "waitForReport",
        ]
        .into_iter()
        .zip(calls)
        {
            let e = rejection(call).await;
            assert_eq!(
                get(&e, "kind").as_string().as_deref(),
                Some("invalidInput"),
                "{method}({id:?})"
            );
            assert_eq!(
                get(&e, "field").as_string().as_deref(),
                Some("reportId"),
                "{method}({id:?})"
            );
            refused += 1;
        }
    }
    assert_eq!(
        api_requests().await,
        before,
        "none of the {refused} calls reached the server"
    );
}

#[wasm_bindgen_test]
fn cr_or_lf_in_any_header_value_or_name_is_refused() {
    let mut refused = 0;
    for brk in ["\r\n", "\n", "\r", "\0"] {
        let smuggled = format!("x{brk}X-Evil: 1");
        // (options, the field the refusal names, whether the value is a secret)
        for (options, field, secret) in [
            (
                json!({"username": smuggled, "password": "p"}),
                "username",
                true,
            ),
            (
                json!({"username": "u", "password": smuggled}),
                "password",
                true,
            ),
            (json!({"bearerToken": smuggled}), "bearerToken", true),
            (json!({"requestedWith": smuggled}), "requestedWith", false),
            (
                json!({"headers": {"X-Proxy-Token": smuggled}}),
                "headers.X-Proxy-Token",
                true,
            ),
            (
                json!({"headers": {smuggled.clone(): "v"}}),
                "headers.",
                false,
            ),
        ] {
            let mut options = options;
            options["baseUrl"] = json!(emulator());
            let e = PciClient::new(Some(js(options.clone()).unchecked_into()))
                .err()
                .unwrap_or_else(|| panic!("accepted {options}"));
            assert_eq!(
                get(&e, "kind").as_string().as_deref(),
                Some("invalidInput"),
                "{options}"
            );
            let named = get(&e, "field").as_string().unwrap_or_default();
            assert!(
                named.starts_with(field),
                "{options}: field {named:?}, want {field:?}"
            );
            let echoed = format!("{:?}", get(&e, "message")).contains("X-Evil");
            assert!(
                !(secret && echoed),
                "{options}: a secret value is echoed in the message"
            );
            refused += 1;
        }
    }
    console_log!("header smuggling attempts refused: {refused}");
}

#[wasm_bindgen_test]
async fn a_redirect_to_another_origin_does_not_carry_authorization() {
    let our_host = emulator()
        .split("://")
        .nth(1)
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned();
    clear_faults().await;
    inject(json!({"fault": "redirect", "path": SUMMARY})).await;
    let before = api_requests().await;
    let e = client()
        .compliance_summary(&ComplianceSummaryQuery::default(), &CallOptions::default())
        .await
        .expect_err("302");
    assert_eq!(
        e.kind(),
        ErrorKind::Http,
        "a redirect is an error, not followed: {e}"
    );
    assert_eq!(
        api_requests().await - before,
        1,
        "only the redirecting request was made"
    );

    let journal = recent_requests(10).await;
    let last = journal
        .last()
        .expect("the redirected request is in the journal");
    assert_eq!(
        (last["path"].as_str(), last["status"].as_u64()),
        (Some(SUMMARY), Some(302)),
        "{last}"
    );
    for request in &journal {
        let host = request["host"].as_str().unwrap_or_default();
        let elsewhere = host != our_host;
        assert!(
            !(elsewhere && request["hasAuthorization"] == json!(true)),
            "Authorization reached {host}: {request}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_10_mb_junk_body_is_kept_as_at_most_4_kib() {
    let memory = || {
        let buffer = get(&wasm_bindgen::memory(), "buffer");
        get(&buffer, "byteLength").as_f64().unwrap_or(0.0) / 1_048_576.0
    };
    let before = memory();
    clear_faults().await;
    inject(json!({"fault": "junkBody", "bytes": 10 * 1024 * 1024, "path": SUMMARY})).await;
    let e = client()
        .compliance_summary(&ComplianceSummaryQuery::default(), &CallOptions::default())
        .await
        .expect_err("junk");
    assert_eq!(e.kind(), ErrorKind::Decode, "{e}");
    let kept = e.body().map_or(0, str::len);
    assert!(
        kept <= Error::BODY_LIMIT,
        "the error keeps {kept} bytes of the body"
    );
    console_log!(
        "10 MiB junk body: {kept} bytes kept; wasm memory {before:.1} MiB before, {:.1} MiB after",
        memory()
    );
}

#[wasm_bindgen_test]
async fn a_10_mb_junk_error_body_is_read_only_as_far_as_4_kib() {
    let memory_mib = || {
        let buffer = get(&wasm_bindgen::memory(), "buffer");
        get(&buffer, "byteLength").as_f64().unwrap_or(0.0) / 1_048_576.0
    };
    let before = memory_mib();
    clear_faults().await;
    inject(json!({"fault": "junkBody", "bytes": 10 * 1024 * 1024, "status": 500, "path": SUMMARY}))
        .await;
    let e = client()
        .compliance_summary(&ComplianceSummaryQuery::default(), &CallOptions::default())
        .await
        .expect_err("500");
    assert_eq!(
        (e.kind(), e.status()),
        (ErrorKind::Server, Some(500)),
        "{e}"
    );
    assert!(
        e.body().map_or(0, str::len) <= Error::BODY_LIMIT,
        "the error body is capped"
    );
    let grown = memory_mib() - before;
    assert!(
        grown < 2.0,
        "the rest of the body never entered wasm memory: grew {grown:.1} MiB"
    );
}
