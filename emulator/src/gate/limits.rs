//! The real rate and concurrency limits, with the vendor's headers.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderName, HeaderValue};

use crate::config::RateLimit;
use crate::error::ApiError;

/// Call windows per credential and the count of requests running.
#[derive(Debug)]
pub struct Limiter {
    rate: Option<RateLimit>,
    concurrency: Option<u32>,
    windows: HashMap<String, VecDeque<Instant>>,
    running: u32,
}

/// Why a call was refused, with the headers to send.
#[derive(Debug)]
pub struct Refusal {
    pub error: ApiError,
    pub headers: HeaderMap,
}

/// A call let through: the headers to add to its answer.
#[derive(Debug)]
pub struct Admission {
    pub headers: HeaderMap,
}

impl Limiter {
    /// A limiter enforcing whichever limits are set.
    pub fn new(rate: Option<RateLimit>, concurrency: Option<u32>) -> Self {
        Self {
            rate,
            concurrency,
            windows: HashMap::new(),
            running: 0,
        }
    }

    /// Lets a call through or refuses it; an admitted call must later be `finish`ed.
    pub fn admit(&mut self, credential: &str) -> Result<Admission, Box<Refusal>> {
        let now = Instant::now();
        let mut headers = HeaderMap::new();

        if let Some(rate) = self.rate {
            let window = self.windows.entry(credential.to_owned()).or_default();
            while window
                .front()
                .is_some_and(|&at| now.duration_since(at) >= rate.window)
            {
                window.pop_front();
            }
            let used = u32::try_from(window.len()).unwrap_or(u32::MAX);
            if used >= rate.calls {
                let wait = window
                    .front()
                    .map(|&oldest| rate.window.saturating_sub(now.duration_since(oldest)))
                    .unwrap_or(rate.window);
                rate_headers(&mut headers, rate, 0);
                put(&mut headers, "x-ratelimit-towait-sec", ceil_secs(wait));
                self.concurrency_headers(&mut headers, self.running);
                let message = format!(
                    "rate limit exceeded: {} calls per {} seconds",
                    rate.calls,
                    rate.window.as_secs()
                );
                return Err(Box::new(Refusal {
                    error: ApiError::conflict(message),
                    headers,
                }));
            }
            rate_headers(&mut headers, rate, rate.calls - used - 1);
        }

        if let Some(limit) = self.concurrency {
            if self.running >= limit {
                self.concurrency_headers(&mut headers, self.running);
                let message = format!("concurrency limit exceeded: {limit} requests in flight");
                return Err(Box::new(Refusal {
                    error: ApiError::conflict(message),
                    headers,
                }));
            }
        }

        if self.rate.is_some() {
            self.windows
                .entry(credential.to_owned())
                .or_default()
                .push_back(now);
        }
        self.running += 1;
        self.concurrency_headers(&mut headers, self.running);
        Ok(Admission { headers })
    }

    /// Releases the slot of an admitted call.
    pub fn finish(&mut self) {
        self.running = self.running.saturating_sub(1);
    }

    /// Headers for an injected rate-limit answer, from the configured limits or the vendor's standard tier.
    pub fn injected_headers(&self, to_wait_sec: u64) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let rate = self.rate.unwrap_or(RateLimit {
            calls: 300,
            window: Duration::from_secs(3600),
        });
        rate_headers(&mut headers, rate, 0);
        put(&mut headers, "x-ratelimit-towait-sec", to_wait_sec);
        put(
            &mut headers,
            "x-concurrency-limit-limit",
            self.concurrency.unwrap_or(2),
        );
        put(&mut headers, "x-concurrency-limit-running", self.running);
        headers
    }

    /// Forgets the call windows; running calls keep their slots until they finish.
    pub fn clear(&mut self) {
        self.windows.clear();
    }

    fn concurrency_headers(&self, headers: &mut HeaderMap, running: u32) {
        if let Some(limit) = self.concurrency {
            put(headers, "x-concurrency-limit-limit", limit);
            put(headers, "x-concurrency-limit-running", running);
        }
    }
}

fn rate_headers(headers: &mut HeaderMap, rate: RateLimit, remaining: u32) {
    put(headers, "x-ratelimit-limit", rate.calls);
    put(headers, "x-ratelimit-window-sec", rate.window.as_secs());
    put(headers, "x-ratelimit-remaining", remaining);
}

fn put(headers: &mut HeaderMap, name: &'static str, value: impl Into<HeaderValue>) {
    headers.insert(HeaderName::from_static(name), value.into());
}

fn ceil_secs(duration: Duration) -> u64 {
    let whole = duration.as_secs();
    if duration.subsec_nanos() > 0 {
        whole + 1
    } else {
        whole.max(1)
    }
}
