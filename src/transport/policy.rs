//! When to retry and how long to wait: plain functions, tested natively.

use crate::request::Retry;
use crate::{Error, ErrorKind};

/// The first backoff step.
pub const BASE_DELAY_MS: u64 = 500;
/// No computed backoff exceeds this; a server-requested wait may, up to
/// `maxRetryDelayMs`.
pub const MAX_BACKOFF_MS: u64 = 20_000;

/// What to do after a failed attempt.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Wait this long, then try again.
    RetryAfter(u64),
    /// Report this error.
    Fail(Error),
}

/// Exponential backoff with jitter: `attempt` is 1 after the first failure;
/// `unit` is a random number in `[0, 1)`. The result lies in
/// `[half, full]` of `BASE * 2^(attempt-1)`, capped at [`MAX_BACKOFF_MS`], so
/// clients that failed together do not retry together.
pub fn backoff_ms(attempt: u32, unit: f64) -> u64 {
    let exp = BASE_DELAY_MS.saturating_mul(1u64 << attempt.saturating_sub(1).min(20));
    let full = exp.min(MAX_BACKOFF_MS) as f64;
    let unit = if unit.is_finite() {
        unit.clamp(0.0, 1.0)
    } else {
        0.5
    };
    (full * (0.5 + 0.5 * unit)) as u64
}

/// Whether the failure of attempt number `attempts` (1-based) is retried.
pub fn decide(
    error: Error,
    retry: Retry,
    attempts: u32,
    max_retries: u32,
    max_delay_ms: u64,
    unit: f64,
) -> Decision {
    let refused =
        error.kind() == ErrorKind::RateLimited || matches!(error.status(), Some(502..=504));
    let lost = matches!(error.kind(), ErrorKind::Network | ErrorKind::Timeout);
    let retryable = match retry {
        Retry::Always => refused || lost,
        Retry::WhenRefused => refused,
        Retry::Never => false,
    };
    let requested = error.retry_after_ms();
    // A wait longer than the caller accepts fails at once, so that a dashboard
    // can tell its user "try again in N minutes" instead of hanging.
    if let Some(wait) = requested {
        if wait > max_delay_ms && error.kind() == ErrorKind::RateLimited {
            return Decision::Fail(error);
        }
    }
    if !retryable || attempts > max_retries {
        return Decision::Fail(error);
    }
    let wait = requested.unwrap_or_else(|| backoff_ms(attempts, unit));
    Decision::RetryAfter(wait.min(max_delay_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(kind: ErrorKind, status: u16) -> Error {
        Error::new(kind, "x").with_status(status)
    }

    #[test]
    fn backoff_doubles_with_jitter_and_stops_at_the_cap() {
        assert_eq!(backoff_ms(1, 1.0), 500);
        assert_eq!(backoff_ms(1, 0.0), 250);
        assert_eq!(backoff_ms(2, 1.0), 1000);
        assert_eq!(backoff_ms(3, 0.5), 1500);
        for attempt in [10, 30, 64, u32::MAX] {
            assert!(backoff_ms(attempt, 1.0) <= MAX_BACKOFF_MS, "{attempt}");
        }
        assert_eq!(
            backoff_ms(1, f64::NAN),
            375,
            "a broken random source still gives a sane wait"
        );
    }

    #[test]
    fn transient_failures_are_retried_until_max_retries() {
        let e = status(ErrorKind::Server, 503);
        assert!(matches!(
            decide(e.clone(), Retry::Always, 1, 2, 60_000, 0.0),
            Decision::RetryAfter(250)
        ));
        assert!(matches!(
            decide(e.clone(), Retry::Always, 2, 2, 60_000, 0.0),
            Decision::RetryAfter(500)
        ));
        assert!(matches!(
            decide(e, Retry::Always, 3, 2, 60_000, 0.0),
            Decision::Fail(_)
        ));
        let net = Error::new(ErrorKind::Network, "x");
        assert!(matches!(
            decide(net, Retry::Always, 1, 2, 60_000, 0.0),
            Decision::RetryAfter(_)
        ));
    }

    #[test]
    fn client_errors_and_plain_500_are_never_retried() {
        for (kind, code) in [
            (ErrorKind::InvalidInput, 400),
            (ErrorKind::Unauthorized, 401),
            (ErrorKind::Forbidden, 403),
            (ErrorKind::NotFound, 404),
            (ErrorKind::Conflict, 409),
            (ErrorKind::Server, 500),
        ] {
            assert!(
                matches!(
                    decide(status(kind, code), Retry::Always, 1, 5, 60_000, 0.0),
                    Decision::Fail(_)
                ),
                "{code}"
            );
        }
    }

    #[test]
    fn the_server_requested_wait_is_used_or_fails_fast_when_too_long() {
        let limited = status(ErrorKind::RateLimited, 429).with_retry_after_ms(Some(3000));
        assert_eq!(
            decide(limited.clone(), Retry::Always, 1, 2, 60_000, 0.9),
            Decision::RetryAfter(3000)
        );
        match decide(limited, Retry::Always, 1, 2, 1000, 0.9) {
            Decision::Fail(e) => {
                assert_eq!(e.retry_after_ms(), Some(3000), "the caller learns how long")
            }
            other => panic!("expected fail, got {other:?}"),
        }
    }

    #[test]
    fn submit_is_never_retried_and_review_only_when_refused() {
        let limited = status(ErrorKind::RateLimited, 409);
        let lost = Error::new(ErrorKind::Network, "x");
        assert!(matches!(
            decide(limited.clone(), Retry::Never, 1, 2, 60_000, 0.0),
            Decision::Fail(_)
        ));
        assert!(matches!(
            decide(limited, Retry::WhenRefused, 1, 2, 60_000, 0.0),
            Decision::RetryAfter(_)
        ));
        assert!(matches!(
            decide(lost, Retry::WhenRefused, 1, 2, 60_000, 0.0),
            Decision::Fail(_)
        ));
    }
}
