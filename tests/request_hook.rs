//! The opt-in per-attempt hook: what it sees, in Rust and in JS, and that it
//! never sees a credential.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use js_sys::{Array, Reflect};
use qualys_pci::js::PciClient;
use qualys_pci::*;
use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const SUMMARY: &str = "/pci/compliance/summary";

#[wasm_bindgen_test]
async fn the_hook_sees_every_attempt_with_its_status_and_limits() {
    let seen: Rc<RefCell<Vec<RequestEvent>>> = Rc::default();
    let sink = seen.clone();
    let opts = ClientOptions {
        on_request: Some(Rc::new(move |e: &RequestEvent| {
            sink.borrow_mut().push(e.clone())
        })),
        ..options()
    };
    inject(json!({"fault": "rateLimit409", "toWaitSec": 0, "count": 1, "path": SUMMARY})).await;
    let q = ComplianceSummaryQuery {
        limit: Some(1),
        ..Default::default()
    };
    Client::new(opts)
        .expect("valid")
        .compliance_summary(&q, &call())
        .await
        .expect("retried");

    let seen = seen.borrow();
    assert_eq!(seen.len(), 2, "one event per attempt: {seen:?}");
    assert_eq!(
        (seen[0].attempt, seen[0].status, seen[0].error_kind),
        (1, Some(409), Some("rateLimited"))
    );
    assert_eq!(
        seen[0].rate_limit.to_wait_sec,
        Some(0),
        "the vendor's headers are passed on"
    );
    assert_eq!(
        (seen[1].attempt, seen[1].status, seen[1].error_kind),
        (2, Some(200), None)
    );
    assert!(seen
        .iter()
        .all(|e| e.method == "GET" && e.url.ends_with("/pci/compliance/summary?limit=1")));
    assert!(seen.iter().all(|e| e.duration_ms >= 0.0));
}

#[wasm_bindgen_test]
async fn js_hooks_get_plain_objects_without_credentials() {
    let events = Array::new();
    let sink = events.clone();
    let hook = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        sink.push(&e);
    });
    let options = js_sys::Object::new();
    for (k, v) in [
        ("baseUrl", emulator()),
        ("username", "demo"),
        ("password", "demo"),
    ] {
        Reflect::set(&options, &k.into(), &v.into()).expect("set");
    }
    Reflect::set(&options, &"onRequest".into(), hook.as_ref()).expect("set");
    let client = PciClient::new(Some(JsValue::from(options).unchecked_into())).expect("valid");
    JsFuture::from(client.report_status(JsValue::from(9_007_199_254_740_991.0), None))
        .await
        .expect_err("404");

    assert_eq!(events.length(), 1, "a 404 is one attempt");
    let event = events.get(0);
    assert_eq!(
        Reflect::get(&event, &"status".into())
            .ok()
            .and_then(|v| v.as_f64()),
        Some(404.0)
    );
    assert_eq!(
        Reflect::get(&event, &"errorKind".into())
            .ok()
            .and_then(|v| v.as_string())
            .as_deref(),
        Some("notFound")
    );
    let text = js_sys::JSON::stringify(&events)
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default();
    assert!(
        !text.contains("ZGVtbzpkZW1v") && !text.contains("demo:demo"),
        "no credential in {text}"
    );

    let bad = js_sys::Object::new();
    Reflect::set(&bad, &"onRequest".into(), &"log".into()).expect("set");
    let e = PciClient::new(Some(JsValue::from(bad).unchecked_into()))
        .err()
        .expect("refused");
    assert_eq!(
        Reflect::get(&e, &"field".into())
            .ok()
            .and_then(|v| v.as_string())
            .as_deref(),
        Some("options.onRequest")
    );
}
