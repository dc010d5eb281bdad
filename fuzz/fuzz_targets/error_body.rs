//! A non-2xx answer: status, headers and body, as the SDK turns them into an
//! `Error`. The input is written like an HTTP response head, so that seeds
//! stay readable and mutations stay meaningful:
//!
//! ```text
//! 409
//! X-RateLimit-ToWait-Sec: 12
//!
//! {"status": 409, "error": "Conflict", "message": "..."}
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualys_pci::transport::{error_for_status, RateLimit};
use qualys_pci::ErrorKind;

// 2023-11-14T22:13:20Z: any fixed "now" will do for `Retry-After` dates.
const NOW_MS: f64 = 1_700_000_000_000.0;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text.split_once("\n\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.trim().parse::<u16>().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let get = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let limits = RateLimit::from_headers(get, NOW_MS);
    let location = get("location");

    let e = error_for_status(status, &limits, body.to_owned(), location.as_deref());

    assert_eq!(e.status(), Some(status), "the status is kept");
    assert_eq!(
        e.body(),
        Some(body),
        "the body is kept as given (the caller capped it)"
    );
    assert_eq!(
        e.kind(),
        expected_kind(status, &limits),
        "status {status} maps to its kind"
    );
    assert!(
        !e.message().is_empty() && !e.message().ends_with('.'),
        "a lowercase sentence without a period"
    );
    if e.kind() == ErrorKind::RateLimited {
        assert_eq!(
            e.retry_after_ms(),
            limits.wait_ms(),
            "a rate limit carries the server's wait"
        );
    }
});

/// The documented mapping, written out independently of the SDK's.
fn expected_kind(status: u16, limits: &RateLimit) -> ErrorKind {
    let vendor_headers = [
        limits.limit,
        limits.remaining,
        limits.to_wait_sec,
        limits.concurrency_limit,
        limits.concurrency_running,
    ]
    .iter()
    .any(Option::is_some);
    match status {
        401 => ErrorKind::Unauthorized,
        403 => ErrorKind::Forbidden,
        404 => ErrorKind::NotFound,
        409 if vendor_headers => ErrorKind::RateLimited,
        409 => ErrorKind::Conflict,
        429 => ErrorKind::RateLimited,
        500..=599 => ErrorKind::Server,
        _ => ErrorKind::Http,
    }
}
