//! The vendor's rate- and concurrency-limit headers, and `Retry-After`.

/// What a response said about the account's limits. Every field is optional:
/// whether the PCI host sends these headers is not published.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: calls allowed per window.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub limit: Option<u64>,
    /// `X-RateLimit-Window-Sec`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub window_sec: Option<u64>,
    /// `X-RateLimit-Remaining`: calls left in this window.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub remaining: Option<u64>,
    /// `X-RateLimit-ToWait-Sec`: wait before the next call.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub to_wait_sec: Option<u64>,
    /// `X-Concurrency-Limit-Limit`: calls allowed at once.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub concurrency_limit: Option<u64>,
    /// `X-Concurrency-Limit-Running`: calls running now.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub concurrency_running: Option<u64>,
    /// `Retry-After`, as milliseconds from now.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub retry_after_ms: Option<u64>,
}

impl RateLimit {
    /// Reads the headers through `get` (case-insensitive lookup); `now_ms` is
    /// the Unix time, needed when `Retry-After` is a date.
    pub fn from_headers(get: impl Fn(&str) -> Option<String>, now_ms: f64) -> RateLimit {
        let num = |name: &str| get(name).and_then(|v| v.trim().parse::<u64>().ok());
        RateLimit {
            limit: num("x-ratelimit-limit"),
            window_sec: num("x-ratelimit-window-sec"),
            remaining: num("x-ratelimit-remaining"),
            to_wait_sec: num("x-ratelimit-towait-sec"),
            concurrency_limit: num("x-concurrency-limit-limit"),
            concurrency_running: num("x-concurrency-limit-running"),
            retry_after_ms: get("retry-after").and_then(|v| retry_after_ms(&v, now_ms)),
        }
    }

    /// True when any vendor limit header was present: a 409 with them is a
    /// rate limit, without them a state conflict.
    pub fn has_vendor_headers(&self) -> bool {
        self.limit.is_some()
            || self.remaining.is_some()
            || self.to_wait_sec.is_some()
            || self.concurrency_limit.is_some()
            || self.concurrency_running.is_some()
    }

    /// How long the server asked us to wait: the vendor's header first, then
    /// `Retry-After`.
    pub fn wait_ms(&self) -> Option<u64> {
        self.to_wait_sec
            .map(|s| s.saturating_mul(1000))
            .or(self.retry_after_ms)
    }
}

#[cfg(test)]
impl RateLimit {
    /// From `(name, value)` pairs, as a test's stand-in for a `Headers` object.
    pub(crate) fn from_pairs(pairs: &[(&str, &str)], now_ms: f64) -> RateLimit {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| (*v).to_owned())
        };
        RateLimit::from_headers(get, now_ms)
    }
}

/// `Retry-After` is either delta-seconds or an HTTP date.
fn retry_after_ms(value: &str, now_ms: f64) -> Option<u64> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(secs.saturating_mul(1000));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    let at_ms = at.duration_since(std::time::UNIX_EPOCH).ok()?.as_millis() as f64;
    Some((at_ms - now_ms).max(0.0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(pairs: &[(&str, &str)]) -> RateLimit {
        RateLimit::from_pairs(pairs, 1_000_000_000_000.0)
    }

    #[test]
    fn vendor_headers_are_read_and_preferred_over_retry_after() {
        let r = from(&[
            ("X-RateLimit-Limit", "300"),
            ("X-RateLimit-ToWait-Sec", "7"),
            ("Retry-After", "2"),
        ]);
        assert!(r.has_vendor_headers());
        assert_eq!(r.limit, Some(300));
        assert_eq!(r.wait_ms(), Some(7000));
    }

    #[test]
    fn retry_after_takes_seconds_or_a_date() {
        assert_eq!(from(&[("Retry-After", "3")]).wait_ms(), Some(3000));
        // 1_000_000_000 s after the epoch is 2001-09-09T01:46:40Z; 10 s later:
        let r = from(&[("Retry-After", "Sun, 09 Sep 2001 01:46:50 GMT")]);
        assert_eq!(r.wait_ms(), Some(10_000));
        assert!(
            !r.has_vendor_headers(),
            "Retry-After alone is not a vendor header"
        );
        assert_eq!(from(&[("Retry-After", "soon")]).wait_ms(), None);
    }
}
