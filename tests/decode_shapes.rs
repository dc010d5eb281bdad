//! The JS path checks a parsed answer against its shape without decoding it
//! into Rust values; these answers come from a stubbed `fetch`, so each shape
//! rule meets a body the emulator would never send.
#![cfg(target_arch = "wasm32")]

mod common;

use js_sys::{Function, Promise, Reflect};
use qualys_pci::js::PciClient;
use qualys_pci::{CallOptions, ComplianceSummaryQuery, ErrorKind};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

/// Runs `work` with `globalThis.fetch` answering every request with `body`.
async fn with_fetch_answering<F, T>(body: &str, work: F) -> T
where
    F: std::future::Future<Output = T>,
{
    let global = js_sys::global();
    let real = Reflect::get(&global, &"fetch".into()).expect("fetch exists");
    let body = body.to_owned();
    let stub = Closure::<dyn FnMut(JsValue) -> Promise>::new(move |_request: JsValue| {
        let init = web_sys::ResponseInit::new();
        init.set_status(200);
        let response =
            web_sys::Response::new_with_opt_str_and_init(Some(&body), &init).expect("a Response");
        Promise::resolve(&JsValue::from(response))
    });
    Reflect::set(
        &global,
        &"fetch".into(),
        stub.as_ref().unchecked_ref::<Function>(),
    )
    .expect("stub fetch");
    let out = work.await;
    Reflect::set(&global, &"fetch".into(), &real).expect("restore fetch");
    out
}

fn client() -> PciClient {
    let options = js_sys::Object::new();
    Reflect::set(&options, &"baseUrl".into(), &"http://127.0.0.1:9".into()).expect("set");
    PciClient::new(Some(JsValue::from(options).unchecked_into())).expect("valid")
}

async fn js_summary(body: &str) -> Result<JsValue, JsValue> {
    with_fetch_answering(body, async {
        JsFuture::from(client().compliance_summary(None, None)).await
    })
    .await
}

fn text(value: &JsValue, key: &str) -> String {
    Reflect::get(value, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_wrong_member_type_is_a_decode_error_naming_the_member() {
    let body = r#"{"data": {"totalCount": 1, "fetchRange": "1-1",
        "complianceSummaryList": [{"ip": 5, "dns": null, "complianceStatus": "Pass"}]}}"#;
    let e = js_summary(body).await.expect_err("ip must be a string");
    assert_eq!(text(&e, "kind"), "decode");
    assert!(
        text(&e, "message").contains("data.complianceSummaryList[0].ip must be a string"),
        "{}",
        text(&e, "message")
    );
    assert!(
        text(&e, "body").contains("complianceSummaryList"),
        "the body is kept for the caller"
    );

    let rust = qualys_pci::Client::new(qualys_pci::ClientOptions {
        base_url: "http://127.0.0.1:9".into(),
        ..Default::default()
    })
    .expect("valid");
    let e = with_fetch_answering(
        body,
        rust.compliance_summary(&ComplianceSummaryQuery::default(), &CallOptions::default()),
    )
    .await
    .expect_err("the Rust path refuses it too");
    assert_eq!(e.kind(), ErrorKind::Decode);
}

#[wasm_bindgen_test]
async fn missing_members_negative_counts_and_non_objects_are_refused() {
    for (body, says) in [
        (
            r#"{"data": {"fetchRange": "", "complianceSummaryList": []}}"#,
            "data.totalCount must be present",
        ),
        (
            r#"{"data": {"totalCount": -1, "fetchRange": "", "complianceSummaryList": []}}"#,
            "data.totalCount must be a whole number",
        ),
        (
            r#"{"data": {"totalCount": 0, "fetchRange": "", "complianceSummaryList": {}}}"#,
            "must be an array",
        ),
        (r#"{"data": []}"#, "data must be an object"),
        (r#"[1, 2]"#, "data must be an object"),
        ("", "empty"),
        ("<html>busy</html>", "HTML"),
    ] {
        let e = js_summary(body).await.expect_err(body);
        assert_eq!(text(&e, "kind"), "decode", "{body}");
        assert!(
            text(&e, "message").contains(says),
            "{body}: {}",
            text(&e, "message")
        );
    }
}

#[wasm_bindgen_test]
async fn nulls_unknown_members_and_raw_line_breaks_pass_through() {
    let body = "{\"responseApiVersion\": \"V9\", \"data\": {\"totalCount\": 1, \"fetchRange\": \"1-1\", \"extra\": true,
        \"complianceSummaryList\": [{\"ip\": \"::1\", \"dns\": null, \"complianceStatus\": \"Not\nScanned\", \"os\": \"linux\"}]}}";
    let page = js_summary(body)
        .await
        .expect("accepted after the line-break repair");
    assert_eq!(
        Reflect::get(&page, &"extra".into())
            .ok()
            .and_then(|v| v.as_bool()),
        Some(true),
        "unknown members are kept"
    );
}
