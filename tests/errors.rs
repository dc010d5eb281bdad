//! Every error kind, retries, timeouts and cancellation, against the
//! emulator's faults, in Node and in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use qualys_pci::*;
use serde_json::json;
use wasm_bindgen_test::wasm_bindgen_test;

const STATUS_PATH: &str = "/pci/reporting/";
const SUMMARY: &str = "/pci/compliance/summary";

fn one_row() -> ComplianceSummaryQuery {
    ComplianceSummaryQuery {
        limit: Some(1),
        ..Default::default()
    }
}

#[wasm_bindgen_test]
async fn invalid_input_is_refused_before_any_request() {
    let before = api_requests().await;
    let c = client();
    let bad = ComplianceSummaryQuery {
        limit: Some(0),
        ..Default::default()
    };
    let e = c
        .compliance_summary(&bad, &call())
        .await
        .expect_err("limit 0");
    assert_eq!(
        (e.kind(), e.field(), e.attempts()),
        (ErrorKind::InvalidInput, Some("limit"), 0)
    );
    let blank = ReportSubmission {
        your_name: " ".into(),
        ..submission()
    };
    let e = c
        .submit_report(&blank, &call())
        .await
        .expect_err("blank name");
    assert_eq!(e.field(), Some("yourName"));
    assert_eq!(api_requests().await, before, "nothing reached the server");
}

#[wasm_bindgen_test]
async fn bad_credentials_make_exactly_one_request() {
    let before = api_requests().await;
    let opts = ClientOptions {
        credentials: Credentials::Basic {
            username: "demo".into(),
            password: "wrong".into(),
        },
        ..options()
    };
    let e = Client::new(opts)
        .expect("valid options")
        .compliance_summary(&one_row(), &call())
        .await
        .expect_err("401");
    assert_eq!(
        (e.kind(), e.status(), e.attempts()),
        (ErrorKind::Unauthorized, Some(401), 1)
    );
    assert!(
        e.message().contains("check the username and password"),
        "{e}"
    );
    assert!(
        e.vendor_error().is_some(),
        "the emulator's JSON error body is decoded"
    );
    assert!(
        !e.url().unwrap_or_default().contains("wrong"),
        "no credential in the url"
    );
    assert_eq!(
        api_requests().await,
        before + 1,
        "a 401 is never retried: repeated bad logins lock the account"
    );
}

#[wasm_bindgen_test]
async fn forbidden_and_other_statuses_map_to_their_kinds() {
    let c = client();
    for (status, kind) in [
        (403, ErrorKind::Forbidden),
        (418, ErrorKind::Http),
        (500, ErrorKind::Server),
    ] {
        inject(json!({"fault": "status", "status": status, "count": 1, "path": SUMMARY})).await;
        let e = c
            .compliance_summary(&one_row(), &call())
            .await
            .expect_err("fault");
        assert_eq!(
            (e.kind(), e.status(), e.attempts()),
            (kind, Some(status), 1),
            "{status} is not retried"
        );
    }
}

#[wasm_bindgen_test]
async fn an_unknown_report_is_not_found() {
    let id = ReportId::new(ReportId::MAX).expect("valid");
    let e = client().report_status(id, &call()).await.expect_err("404");
    assert_eq!((e.kind(), e.status()), (ErrorKind::NotFound, Some(404)));
}

#[wasm_bindgen_test]
async fn a_download_before_generation_is_a_conflict() {
    let c = client();
    let submitted = c
        .submit_report(&submission(), &call())
        .await
        .expect("submit");
    let e = c
        .download_report(
            submitted.id,
            ReportType::Executive,
            &DownloadOptions::default(),
        )
        .await
        .expect_err("409");
    assert_eq!(
        (e.kind(), e.status(), e.attempts()),
        (ErrorKind::Conflict, Some(409), 1),
        "a plain 409 is not retried"
    );
}

#[wasm_bindgen_test]
async fn rate_limits_409_and_429_and_503_are_retried_then_succeed() {
    let c = client();
    for fault in [
        json!({"fault": "rateLimit409", "toWaitSec": 0, "count": 1, "path": SUMMARY}),
        json!({"fault": "tooMany429", "retryAfterSec": 0, "count": 2, "path": SUMMARY}),
        json!({"fault": "status", "status": 503, "count": 1, "path": SUMMARY}),
    ] {
        let before = api_requests().await;
        let expected = 1 + fault["count"].as_u64().unwrap_or(1);
        inject(fault.clone()).await;
        let page = c.compliance_summary(&one_row(), &call()).await;
        assert!(page.is_ok(), "{fault}: {page:?}");
        assert_eq!(
            api_requests().await - before,
            expected,
            "{fault}: retried after each fault"
        );
    }
}

#[wasm_bindgen_test]
async fn a_wait_longer_than_max_retry_delay_fails_at_once_with_retry_after() {
    let before = api_requests().await;
    inject(json!({"fault": "rateLimit409", "toWaitSec": 3600, "count": 1, "path": SUMMARY})).await;
    let e = client()
        .compliance_summary(&one_row(), &call())
        .await
        .expect_err("too long to wait");
    assert_eq!(
        (e.kind(), e.status(), e.retry_after_ms()),
        (ErrorKind::RateLimited, Some(409), Some(3_600_000))
    );
    assert_eq!(api_requests().await - before, 1, "no retry");
}

#[wasm_bindgen_test]
async fn retries_stop_at_max_retries() {
    let opts = ClientOptions {
        max_retries: 1,
        ..options()
    };
    inject(json!({"fault": "status", "status": 502, "count": 3, "path": SUMMARY})).await;
    let e = Client::new(opts)
        .expect("valid")
        .compliance_summary(&one_row(), &call())
        .await
        .expect_err("502 twice");
    assert_eq!(
        (e.kind(), e.status(), e.attempts()),
        (ErrorKind::Server, Some(502), 2)
    );
    clear_faults().await;
}

#[wasm_bindgen_test]
async fn a_submit_is_never_retried() {
    let before = api_requests().await;
    inject(json!({"fault": "status", "status": 503, "count": 1, "path": "/pci/reporting/reportGeneration/submit"})).await;
    let e = client()
        .submit_report(&submission(), &call())
        .await
        .expect_err("503");
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Server, 1));
    assert_eq!(
        api_requests().await - before,
        1,
        "a second submit would be a second report"
    );
}

#[wasm_bindgen_test]
async fn a_slow_response_times_out_per_attempt() {
    inject(json!({"fault": "delay", "delayMs": 2000, "count": 1, "path": SUMMARY})).await;
    let opts = ClientOptions {
        max_retries: 0,
        ..options()
    };
    let c = Client::new(opts).expect("valid");
    let e = c
        .compliance_summary(
            &one_row(),
            &CallOptions {
                timeout_ms: Some(200),
                ..call()
            },
        )
        .await
        .expect_err("timeout");
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(e.message().contains("200 ms"), "{e}");
}

#[wasm_bindgen_test]
async fn a_timed_out_read_is_retried_and_then_succeeds() {
    inject(json!({"fault": "delay", "delayMs": 2000, "count": 1, "path": SUMMARY})).await;
    let page = client()
        .compliance_summary(
            &one_row(),
            &CallOptions {
                timeout_ms: Some(300),
                ..call()
            },
        )
        .await;
    assert!(page.is_ok(), "the second attempt is fast: {page:?}");
}

#[wasm_bindgen_test]
async fn the_callers_signal_aborts_the_request() {
    let controller = web_sys::AbortController::new().expect("AbortController");
    let signal = controller.signal();
    inject(json!({"fault": "delay", "delayMs": 3000, "count": 1, "path": SUMMARY})).await;
    let c = client();
    let (query, options) = (
        one_row(),
        CallOptions {
            signal: Some(signal),
            ..call()
        },
    );
    let pending = c.compliance_summary(&query, &options);
    let abort_soon = async {
        gloo_timers::future::TimeoutFuture::new(100).await;
        controller.abort();
    };
    let (result, ()) = futures_util::join!(pending, abort_soon);
    let e = result.expect_err("aborted");
    assert_eq!(e.kind(), ErrorKind::Aborted, "{e}");
}

#[wasm_bindgen_test]
async fn an_already_aborted_signal_sends_nothing() {
    let controller = web_sys::AbortController::new().expect("AbortController");
    controller.abort();
    let before = api_requests().await;
    let e = client()
        .compliance_summary(
            &one_row(),
            &CallOptions {
                signal: Some(controller.signal()),
                ..call()
            },
        )
        .await
        .expect_err("aborted");
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Aborted, 0));
    assert_eq!(api_requests().await, before);
}

#[wasm_bindgen_test]
async fn malformed_json_html_and_empty_bodies_are_decode_errors() {
    let c = client();
    for fault in ["malformedJson", "htmlPage", "emptyBody"] {
        inject(json!({"fault": fault, "count": 1, "path": SUMMARY})).await;
        let e = c
            .compliance_summary(&one_row(), &call())
            .await
            .expect_err(fault);
        assert_eq!(e.kind(), ErrorKind::Decode, "{fault}: {e}");
        assert!(
            e.body().is_some_and(|b| b.len() <= Error::BODY_LIMIT),
            "{fault}: body kept and capped"
        );
    }
}

#[wasm_bindgen_test]
async fn a_dropped_connection_is_a_network_error_and_is_retried() {
    let c = Client::new(ClientOptions {
        max_retries: 0,
        ..options()
    })
    .expect("valid");
    inject(json!({"fault": "dropConnection", "count": 1, "path": SUMMARY})).await;
    match c.compliance_summary(&one_row(), &call()).await {
        Err(e) => assert_eq!(e.kind(), ErrorKind::Network, "{e}"),
        // Chromium itself resends a GET whose reused keep-alive connection
        // closed without an answer; Node does not.
        Ok(_) => assert!(in_browser(), "only a browser retries on its own"),
    }
    inject(json!({"fault": "dropConnection", "count": 1, "path": SUMMARY})).await;
    assert!(
        client()
            .compliance_summary(&one_row(), &call())
            .await
            .is_ok(),
        "retried on a fresh connection"
    );
}

#[wasm_bindgen_test]
async fn a_redirect_to_another_origin_is_not_followed() {
    let before = api_requests().await;
    inject(json!({"fault": "redirect", "count": 1, "path": SUMMARY})).await;
    let e = client()
        .compliance_summary(&one_row(), &call())
        .await
        .expect_err("redirect");
    assert_eq!(e.kind(), ErrorKind::Http, "{e}");
    assert_eq!(
        api_requests().await - before,
        1,
        "the other origin was never asked, so it never saw Authorization"
    );
}

#[wasm_bindgen_test]
async fn the_client_sends_the_documented_headers() {
    client()
        .report_status(ReportId::new(1).expect("valid"), &call())
        .await
        .ok();
    let last = recent_requests(1).await.pop().expect("one request");
    let headers = &last["headers"];
    let get = |name: &str| {
        headers
            .as_object()
            .and_then(|h| h.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)))
            .map(|(_, v)| v.clone())
    };
    assert_eq!(get("apiversion"), Some(json!("V1")));
    assert!(get("x-requested-with")
        .and_then(|v| v.as_str().map(|s| s.starts_with("qualys-pci/")))
        .unwrap_or(false));
    assert_eq!(last["authScheme"], json!("Basic"));
    assert!(last["path"]
        .as_str()
        .is_some_and(|p| p.starts_with(STATUS_PATH)));
}

#[wasm_bindgen_test]
async fn a_timeout_beyond_what_set_timeout_holds_does_not_fire_at_once() {
    // setTimeout treats delays over 2^31-1 ms as 0; the guard must clamp.
    let opts = ClientOptions {
        timeout_ms: 4_000_000_000,
        ..options()
    };
    let page = Client::new(opts)
        .expect("valid")
        .compliance_summary(&one_row(), &call())
        .await;
    assert!(page.is_ok(), "a huge timeout is no timeout: {page:?}");
}
