//! Turning a non-2xx response into an [`Error`] with a message a person can act on.

use super::RateLimit;
use crate::error::VendorError;
use crate::{Error, ErrorKind};

/// The error for `status`, with the (already capped) body decoded when it is
/// the vendor's JSON or XML error.
pub fn error_for_status(
    status: u16,
    limits: &RateLimit,
    body: String,
    location: Option<&str>,
) -> Error {
    let vendor = vendor_error(&body);
    let (kind, advice) = classify(status, limits, location);
    let detail = vendor
        .as_ref()
        .and_then(|v| v.message.as_deref())
        .filter(|m| !m.is_empty());
    let message = match detail {
        Some(d) => format!("{advice} (server said: {})", clip(d, 300)),
        None => advice,
    };
    let retry_after = if kind == ErrorKind::RateLimited || status == 503 {
        limits.wait_ms()
    } else {
        None
    };
    Error::new(kind, message)
        .with_status(status)
        .with_retry_after_ms(retry_after)
        .with_body(body, vendor)
}

fn classify(status: u16, limits: &RateLimit, location: Option<&str>) -> (ErrorKind, String) {
    match status {
        401 => (
            ErrorKind::Unauthorized,
            "401 unauthorized: check the username and password (or bearer token); accounts with SAML SSO cannot use the API".into(),
        ),
        403 => (ErrorKind::Forbidden, "403 forbidden: this account may not use the PCI Merchant API; ask its administrator".into()),
        404 => (ErrorKind::NotFound, "404 not found: check the report id and the baseUrl".into()),
        409 if limits.has_vendor_headers() => (ErrorKind::RateLimited, rate_limited(409, limits)),
        409 => (ErrorKind::Conflict, "409 conflict: the report is not in a state that allows this; check its status first".into()),
        429 => (ErrorKind::RateLimited, rate_limited(429, limits)),
        500..=599 => (ErrorKind::Server, format!("{status} server error: the API failed; try again later")),
        300..=399 | 0 => (
            ErrorKind::Http,
            format!(
                "{status} redirect{}: the client does not follow redirects, so credentials never reach another origin; check the baseUrl",
                location.map(|l| format!(" to {}", clip(l, 200))).unwrap_or_default()
            ),
        ),
        _ => (ErrorKind::Http, format!("unexpected HTTP status {status}")),
    }
}

fn rate_limited(status: u16, limits: &RateLimit) -> String {
    let wait = match limits.wait_ms() {
        Some(ms) => format!("wait {} s before the next call", ms.div_ceil(1000)),
        None => "slow down before the next call".to_owned(),
    };
    let budget = match (limits.limit, limits.window_sec, limits.concurrency_limit) {
        (Some(n), Some(w), _) => format!("; the account allows {n} calls per {w} s"),
        (Some(n), None, _) => format!("; the account allows {n} calls per window"),
        (None, _, Some(c)) => format!("; the account allows {c} calls at once"),
        _ => String::new(),
    };
    format!("{status} rate limited: {wait}{budget}")
}

/// The vendor's JSON error `{status, error, message}`, or the older XML APIs'
/// `<SIMPLE_RETURN>` with `<CODE>` and `<TEXT>`.
fn vendor_error(body: &str) -> Option<VendorError> {
    let trimmed = body.trim_start();
    if trimmed.starts_with('{') {
        return serde_json::from_str::<VendorError>(trimmed)
            .ok()
            .filter(|v| v.status.is_some() || v.error.is_some() || v.message.is_some());
    }
    let between = |open: &str, close: &str| {
        let start = body.find(open)? + open.len();
        let len = body.get(start..)?.find(close)?;
        body.get(start..start + len).map(|s| s.trim().to_owned())
    };
    let text = between("<TEXT>", "</TEXT>")?;
    let status = between("<CODE>", "</CODE>").and_then(|c| c.parse().ok());
    Some(VendorError {
        status,
        error: None,
        message: Some(text),
    })
}

/// At most `max` bytes of `s`, cut at a character boundary.
pub fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(pairs: &[(&str, &str)]) -> RateLimit {
        RateLimit::from_pairs(pairs, 0.0)
    }

    #[test]
    fn each_status_maps_to_its_kind() {
        let none = RateLimit::default();
        let vendor = limits(&[
            ("X-RateLimit-Limit", "300"),
            ("X-RateLimit-ToWait-Sec", "5"),
        ]);
        let cases = [
            (401, &none, ErrorKind::Unauthorized),
            (403, &none, ErrorKind::Forbidden),
            (404, &none, ErrorKind::NotFound),
            (409, &none, ErrorKind::Conflict),
            (409, &vendor, ErrorKind::RateLimited),
            (429, &none, ErrorKind::RateLimited),
            (500, &none, ErrorKind::Server),
            (503, &none, ErrorKind::Server),
            (302, &none, ErrorKind::Http),
            (418, &none, ErrorKind::Http),
        ];
        for (status, l, kind) in cases {
            let e = error_for_status(status, l, String::new(), None);
            assert_eq!((e.kind(), e.status()), (kind, Some(status)), "{status}");
            assert!(
                e.message().starts_with(&status.to_string()) || status == 418,
                "{}",
                e.message()
            );
        }
    }

    #[test]
    fn rate_limits_carry_the_wait_and_the_budget() {
        let l = limits(&[
            ("X-RateLimit-Limit", "300"),
            ("X-RateLimit-Window-Sec", "3600"),
            ("X-RateLimit-ToWait-Sec", "12"),
        ]);
        let e = error_for_status(409, &l, String::new(), None);
        assert_eq!(e.retry_after_ms(), Some(12_000));
        assert_eq!(e.message(), "409 rate limited: wait 12 s before the next call; the account allows 300 calls per 3600 s");
    }

    #[test]
    fn the_vendor_json_error_is_decoded_and_quoted() {
        let body = r#"{"status": 401, "error": "Unauthorized", "message": "Bad credentials"}"#;
        let e = error_for_status(401, &RateLimit::default(), body.into(), None);
        assert_eq!(
            e.vendor_error().and_then(|v| v.error.as_deref()),
            Some("Unauthorized")
        );
        assert!(
            e.message().ends_with("(server said: Bad credentials)"),
            "{}",
            e.message()
        );
        assert_eq!(e.body(), Some(body));
    }

    #[test]
    fn the_older_xml_error_and_plain_text_are_kept() {
        let xml = "<SIMPLE_RETURN><RESPONSE><CODE>1960</CODE><TEXT>Concurrency limit</TEXT></RESPONSE></SIMPLE_RETURN>";
        let e = error_for_status(409, &RateLimit::default(), xml.into(), None);
        assert_eq!(e.vendor_error().and_then(|v| v.status), Some(1960));
        let e = error_for_status(
            502,
            &RateLimit::default(),
            "<html>bad gateway</html>".into(),
            None,
        );
        assert!(e.vendor_error().is_none());
        assert_eq!(e.body(), Some("<html>bad gateway</html>"));
    }

    #[test]
    fn clipping_respects_character_boundaries() {
        assert_eq!(clip("héllo", 2), "h");
        assert_eq!(clip("abc", 10), "abc");
    }
}
