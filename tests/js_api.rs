//! The JavaScript face, `PciClient`, driven as JavaScript would drive it: JS
//! values in, promises out, `PciError` objects on failure.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use js_sys::{Array, Function, Object, Promise, Reflect, Symbol};
use qualys_pci::js::{save_blob, PciClient};
use serde_json::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

fn js(value: serde_json::Value) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("plain JS value")
}

use serde::Serialize;

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn pci_client() -> PciClient {
    let options = js(
        json!({"baseUrl": emulator(), "username": "demo", "password": "demo", "maxRetryDelayMs": 5000}),
    );
    PciClient::new(Some(options.unchecked_into())).expect("valid options")
}

async fn rejection(promise: Promise) -> JsValue {
    match JsFuture::from(promise).await {
        Ok(v) => panic!("expected a rejection, got a {:?}", v.js_typeof()),
        Err(e) => e,
    }
}

/// Asserts `e` is a PciError of `kind` and returns it.
fn pci_error(e: &JsValue, kind: &str) {
    assert!(e.is_instance_of::<js_sys::Error>(), "a real Error: {e:?}");
    assert_eq!(get(e, "name").as_string().as_deref(), Some("PciError"));
    assert_eq!(
        get(e, "kind").as_string().as_deref(),
        Some(kind),
        "message: {:?}",
        get(e, "message")
    );
    assert!(get(e, "message")
        .as_string()
        .is_some_and(|m| !m.is_empty() && m.chars().next().is_some_and(|c| !c.is_uppercase())));
}

#[wasm_bindgen_test]
async fn results_are_the_vendors_objects() {
    let c = pci_client();
    let page = JsFuture::from(c.compliance_summary(
        Some(js(json!({"limit": 3, "sortOrder": "DESC"})).unchecked_into()),
        None,
    ))
    .await
    .expect("page");
    assert_eq!(get(&page, "fetchRange").as_string().as_deref(), Some("1-3"));
    let list: Array = get(&page, "complianceSummaryList")
        .dyn_into()
        .expect("an array");
    assert_eq!(list.length(), 3);
    let row = list.get(0);
    assert!(get(&row, "ip").is_string() && get(&row, "complianceStatus").is_string());
    let dns = get(&row, "dns");
    assert!(
        dns.is_string() || dns.is_null(),
        "dns is a string or null, as on the wire"
    );

    let data = JsFuture::from(c.fetch_report_data(None))
        .await
        .expect("data");
    assert!(
        Array::is_array(&get(&data, "specialNotes"))
            && Array::is_array(&get(&data, "nonCompliantAssets"))
    );
}

#[wasm_bindgen_test]
async fn bad_arguments_reject_with_the_field_named() {
    let c = pci_client();
    let before = api_requests().await;
    for (query, field) in [
        (json!({"limit": 0}), "limit"),
        (json!({"limit": 1.5}), "query.limit"),
        (json!({"sortBy": "IP"}), "query.sortBy"),
        (json!({"complianceStatus": "pass"}), "complianceStatus"),
        (json!({"ip": "1.2.3.4-1.2.3.1"}), "ip"),
        (json!({"dns": "a b"}), "dns"),
        (json!({"offset": -1}), "query.offset"),
        (json!({"limt": 5}), "query"),
    ] {
        let e =
            rejection(c.compliance_summary(Some(js(query.clone()).unchecked_into()), None)).await;
        pci_error(&e, "invalidInput");
        let named = get(&e, "field").as_string().unwrap_or_default();
        assert!(
            named.starts_with(field),
            "{query}: field {named:?}, want {field:?}"
        );
        assert_eq!(get(&e, "attempts").as_f64(), Some(0.0));
    }
    for id in [
        js(json!("1/../2")),
        js(json!("1?x=y")),
        js(json!(1.5)),
        js(json!(-1)),
        JsValue::from(9007199254740992.0),
        JsValue::from(f64::NAN),
        js(json!("7")),
    ] {
        let e = rejection(c.report_status(id.clone(), None)).await;
        pci_error(&e, "invalidInput");
        assert_eq!(
            get(&e, "field").as_string().as_deref(),
            Some("reportId"),
            "{id:?}"
        );
    }
    let e = rejection(c.download_report(JsValue::from(1), js(json!("executive")), None)).await;
    pci_error(&e, "invalidInput");
    let e = rejection(c.submit_report(js(json!({"yourTitle": "Ms."})), None)).await;
    pci_error(&e, "invalidInput");
    let e = rejection(c.wait_for_report(
        JsValue::from(1),
        Some(js(json!({"until": ["Done"]})).unchecked_into()),
    ))
    .await;
    pci_error(&e, "invalidInput");
    assert_eq!(api_requests().await, before, "nothing was sent");
}

#[wasm_bindgen_test]
fn bad_client_options_throw_a_pci_error() {
    for options in [
        json!({"baseUrl": "http://pci-api.qualys.com"}),
        json!({"username": "demo"}),
        json!({"username": "a", "password": "b", "bearerToken": "c"}),
        json!({"password": "x\r\nX-Evil: 1", "username": "u"}),
        json!({"headers": {"X-Proxy": "a\nb"}}),
        json!({"timeoutMs": -5}),
        json!({"baseURL": "https://x.com"}),
    ] {
        let e = PciClient::new(Some(js(options.clone()).unchecked_into()))
            .err()
            .unwrap_or_else(|| panic!("{options} accepted"));
        pci_error(&e, "invalidInput");
        let text = format!("{:?} {:?}", get(&e, "message"), get(&e, "body"));
        assert!(!text.contains("X-Evil"), "no secret echoed: {text}");
    }
    assert!(
        PciClient::new(None).is_ok(),
        "no options: the vendor's host, no credentials"
    );
}

#[wasm_bindgen_test]
async fn http_failures_carry_status_url_and_attempts() {
    let options = js(json!({"baseUrl": emulator(), "username": "demo", "password": "nope"}));
    let c = PciClient::new(Some(options.unchecked_into())).expect("valid");
    let e = rejection(c.report_status(JsValue::from(7713), None)).await;
    pci_error(&e, "unauthorized");
    assert_eq!(get(&e, "status").as_f64(), Some(401.0));
    assert_eq!(get(&e, "attempts").as_f64(), Some(1.0));
    let url = get(&e, "url").as_string().unwrap_or_default();
    assert!(
        url.ends_with("/pci/reporting/7713/status") && !url.contains("nope"),
        "{url}"
    );
    assert!(get(&e, "body").as_string().is_some_and(|b| b.len() <= 4096));
}

#[wasm_bindgen_test]
async fn pages_are_an_async_iterable() {
    let c = pci_client();
    let pages = c
        .compliance_summary_pages(
            Some(js(json!({"complianceStatus": "Fail", "limit": 200})).unchecked_into()),
            None,
        )
        .expect("iterator");
    let make: Function = Reflect::get(&pages, &Symbol::async_iterator())
        .expect("has Symbol.asyncIterator")
        .dyn_into()
        .expect("a function");
    let iterator = make.call0(&pages).expect("iterator()");
    let next: Function = get(&iterator, "next").dyn_into().expect("next");
    let (mut rows, mut total) = (0.0, 0.0);
    loop {
        let step = JsFuture::from(
            next.call0(&iterator)
                .expect("next()")
                .dyn_into::<Promise>()
                .expect("promise"),
        )
        .await
        .expect("page");
        if get(&step, "done").as_bool() == Some(true) {
            break;
        }
        let page = get(&step, "value");
        total = get(&page, "totalCount").as_f64().expect("totalCount");
        rows += f64::from(
            get(&page, "complianceSummaryList")
                .unchecked_into::<Array>()
                .length(),
        );
    }
    assert!(total > 0.0 && rows == total, "{rows} rows of {total}");
}

#[wasm_bindgen_test]
async fn all_rows_come_back_as_one_array() {
    let c = pci_client();
    let calls = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = calls.clone();
    let progress = wasm_bindgen::closure::Closure::<dyn FnMut(f64, f64)>::new(
        move |_received: f64, _total: f64| counter.set(counter.get() + 1),
    );
    let options = Object::new();
    Reflect::set(&options, &"onProgress".into(), progress.as_ref()).expect("set");
    Reflect::set(&options, &"concurrency".into(), &JsValue::from(2)).expect("set");
    let all = JsFuture::from(c.compliance_summary_all(
        Some(js(json!({"limit": 1000})).unchecked_into()),
        Some(JsValue::from(options).unchecked_into()),
    ))
    .await
    .expect("all");
    let all: Array = all.dyn_into().expect("an array");
    let first =
        JsFuture::from(c.compliance_summary(Some(js(json!({"limit": 1})).unchecked_into()), None))
            .await
            .expect("page");
    assert_eq!(
        f64::from(all.length()),
        get(&first, "totalCount").as_f64().expect("total")
    );
    assert!(calls.get() >= 2, "progress after each page");
}

#[wasm_bindgen_test]
async fn a_download_is_a_file_and_save_blob_needs_a_page() {
    let c = pci_client();
    let id = generated_report(&client()).await;
    let file = JsFuture::from(c.download_report(
        JsValue::from(id.get() as f64),
        js(json!("Executive")),
        None,
    ))
    .await
    .expect("file");
    let file: web_sys::File = file.dyn_into().expect("a File");
    assert_eq!(file.name(), format!("PCI_Executive_Report_{id}.pdf"));
    assert_eq!(file.type_(), "application/pdf");
    let result = save_blob(&file, Some("report.pdf".into()));
    if in_browser() {
        assert!(result.is_ok(), "a page can save");
    } else {
        pci_error(&result.expect_err("Node has no document"), "invalidInput");
    }
}

#[wasm_bindgen_test]
async fn wait_for_report_reports_each_status() {
    let c = pci_client();
    let submitted =
        JsFuture::from(c.submit_report(js(json!({"yourName": "Ada", "yourTitle": "Ms."})), None))
            .await
            .expect("submit");
    let id = get(&submitted, "id");
    let seen = Array::new();
    let sink = seen.clone();
    let on_status = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |s: JsValue| {
        sink.push(&get(&s, "status"));
    });
    let options = js(json!({"intervalMs": 20, "timeoutMs": 30000}));
    Reflect::set(&options, &"onStatus".into(), on_status.as_ref()).expect("set");
    let done = JsFuture::from(c.wait_for_report(id, Some(options.unchecked_into())))
        .await
        .expect("generated");
    assert_eq!(
        get(&done, "status").as_string().as_deref(),
        Some("Generated")
    );
    assert_eq!(
        seen.get(seen.length() - 1).as_string().as_deref(),
        Some("Generated")
    );
}

#[wasm_bindgen_test]
async fn an_aborted_call_rejects_with_aborted() {
    let c = pci_client();
    let controller = web_sys::AbortController::new().expect("controller");
    controller.abort();
    let call = Object::new();
    Reflect::set(&call, &"signal".into(), &controller.signal()).expect("set");
    let e = rejection(c.fetch_report_data(Some(JsValue::from(call).unchecked_into()))).await;
    pci_error(&e, "aborted");
}
