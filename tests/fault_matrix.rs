//! The fault matrix: every fault the emulator can inject, one after another on
//! one client in one module, each asserted against its documented outcome and
//! each followed by a normal call on that same client. It prints a table and
//! the totals, in Node and in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use qualys_pci::*;
use serde_json::{json, Value};
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

const SUMMARY: &str = "/pci/compliance/summary";
// The per-call timeout for the slow-response fault: far below its delay.
const SHORT_TIMEOUT_MS: u32 = 300;

/// What a fault must end in.
enum Expect {
    /// Retried, then the same call succeeded; `calls` requests in all.
    RetriedThenOk { calls: u64 },
    /// Accepted as it is, in one request.
    Ok,
    /// A typed error of `kind` after `calls` requests.
    Fails { kind: ErrorKind, calls: u64 },
}

struct Case {
    name: &'static str,
    fault: Value,
    expect: Expect,
    timeout_ms: Option<u32>,
}

fn case(name: &'static str, fault: Value, expect: Expect) -> Case {
    let mut fault = fault;
    fault["path"] = json!(SUMMARY);
    Case {
        name,
        fault,
        expect,
        timeout_ms: None,
    }
}

/// The list, in its order, with the outcome the SDK documents.
fn cases() -> Vec<Case> {
    use Expect::*;
    // Chromium resends a GET whose keep-alive connection closed unanswered
    // before the SDK sees anything, and Node does not; either way the call
    // succeeds on the second request.
    let dropped = RetriedThenOk { calls: 2 };
    // A redirect is never followed; Node reports it as a 302, a browser as an
    // opaque redirect (status 0). Both are kind `http`.
    let redirect = Fails {
        kind: ErrorKind::Http,
        calls: 1,
    };
    vec![
        case(
            "409 with rate-limit headers",
            json!({"fault": "rateLimit409", "toWaitSec": 0}),
            RetriedThenOk { calls: 2 },
        ),
        case(
            "429 with Retry-After",
            json!({"fault": "tooMany429", "retryAfterSec": 0}),
            RetriedThenOk { calls: 2 },
        ),
        case(
            "500",
            json!({"fault": "status", "status": 500}),
            Fails {
                kind: ErrorKind::Server,
                calls: 1,
            },
        ),
        case(
            "502",
            json!({"fault": "status", "status": 502}),
            RetriedThenOk { calls: 2 },
        ),
        case(
            "503",
            json!({"fault": "status", "status": 503}),
            RetriedThenOk { calls: 2 },
        ),
        case(
            "504",
            json!({"fault": "status", "status": 504}),
            RetriedThenOk { calls: 2 },
        ),
        Case {
            timeout_ms: Some(SHORT_TIMEOUT_MS),
            ..case(
                "slower than the timeout",
                json!({"fault": "delay", "delayMs": 3000}),
                RetriedThenOk { calls: 2 },
            )
        },
        case(
            "200 with malformed JSON",
            json!({"fault": "malformedJson"}),
            Fails {
                kind: ErrorKind::Decode,
                calls: 1,
            },
        ),
        case(
            "200 with an HTML page",
            json!({"fault": "htmlPage"}),
            Fails {
                kind: ErrorKind::Decode,
                calls: 1,
            },
        ),
        // The connection dies mid-body after the 200 arrived: reading fails,
        // and a 2xx is never retried, since the server already answered.
        case(
            "truncated body",
            json!({"fault": "truncatedBody"}),
            Fails {
                kind: ErrorKind::Network,
                calls: 1,
            },
        ),
        case(
            "empty body",
            json!({"fault": "emptyBody"}),
            Fails {
                kind: ErrorKind::Decode,
                calls: 1,
            },
        ),
        // Documented choice: valid JSON under a wrong Content-Type is accepted.
        case(
            "wrong Content-Type",
            json!({"fault": "wrongContentType"}),
            Ok,
        ),
        case(
            "10 MB junk body",
            json!({"fault": "junkBody", "bytes": 10 * 1024 * 1024}),
            Fails {
                kind: ErrorKind::Decode,
                calls: 1,
            },
        ),
        case(
            "dropped connection",
            json!({"fault": "dropConnection"}),
            dropped,
        ),
        case(
            "redirect to another origin",
            json!({"fault": "redirect"}),
            redirect,
        ),
    ]
}

fn one_row() -> ComplianceSummaryQuery {
    ComplianceSummaryQuery {
        limit: Some(1),
        ..Default::default()
    }
}

/// Runs one case on `client`: whether its outcome was the documented one,
/// what happened, and how many requests the emulator served for it.
async fn run(client: &Client, case: &Case) -> (bool, String, u64) {
    clear_faults().await;
    inject(case.fault.clone()).await;
    let before = api_requests().await;
    let call = CallOptions {
        timeout_ms: case.timeout_ms,
        ..CallOptions::default()
    };
    let result = client.compliance_summary(&one_row(), &call).await;
    let calls = api_requests().await - before;

    let (matched, outcome) = match (&case.expect, &result) {
        (Expect::RetriedThenOk { calls: want }, Ok(_)) => {
            (calls == *want, "retried, then ok".to_owned())
        }
        (Expect::Ok, Ok(_)) => (calls == 1, "accepted".to_owned()),
        (Expect::Fails { kind, calls: want }, Err(e)) => {
            let capped = e.body().is_none_or(|b| b.len() <= Error::BODY_LIMIT);
            (
                e.kind() == *kind && calls == *want && capped,
                format!("{} error, {} attempt(s)", e.kind(), e.attempts()),
            )
        }
        (_, Ok(_)) => (false, "unexpected success".to_owned()),
        (_, Err(e)) => (false, format!("unexpected {} error: {e}", e.kind())),
    };
    (matched, outcome, calls)
}

#[wasm_bindgen_test]
async fn every_fault_ends_as_documented_and_the_same_client_then_serves_a_normal_call() {
    let runtime = if in_browser() { "Chromium" } else { "Node" };
    let client = client();
    let cases = cases();
    let mut table = vec![format!(
        "{:<30} {:<34} {:>5}  {}",
        "fault", "outcome", "calls", "then"
    )];
    let mut failures = Vec::new();

    for case in &cases {
        let (matched, outcome, calls) = run(&client, case).await;
        clear_faults().await;
        let after = client
            .compliance_summary(&one_row(), &CallOptions::default())
            .await;
        let then = if after.is_ok() { "ok" } else { "FAILED" };
        table.push(format!(
            "{:<30} {:<34} {:>5}  {}",
            case.name, outcome, calls, then
        ));
        if !matched || after.is_err() {
            failures.push(format!(
                "{}: {outcome}, {calls} call(s), normal call after: {after:?}",
                case.name
            ));
        }
    }

    let survived = cases.len() - failures.len();
    table.push(format!(
        "faults tried / survived ({runtime}): {} / {survived}",
        cases.len()
    ));
    console_log!("fault matrix in {runtime}:\n{}", table.join("\n"));
    assert!(
        failures.is_empty(),
        "faults without their documented outcome in {runtime}:\n{}",
        failures.join("\n")
    );
}
