//! Counters and the log of recent API requests, read by the control routes.

use std::collections::{BTreeMap, VecDeque};

use axum::http::{HeaderMap, Method, Uri};
use serde::Serialize;

// Enough for any test to look back over, small enough to never matter for memory.
const KEPT_REQUESTS: usize = 1000;

/// One API request as the control routes show it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestRecord {
    #[serde(skip)]
    seq: u64,
    method: String,
    path: String,
    query: Option<String>,
    status: Option<u16>,
    has_authorization: bool,
    auth_scheme: Option<String>,
    host: Option<String>,
    headers: BTreeMap<String, String>,
}

impl RequestRecord {
    /// Describes a request, hiding the values of its credentials.
    pub fn new(method: &Method, uri: &Uri, headers: &HeaderMap) -> Self {
        let authorization = headers
            .get("authorization")
            .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
        let auth_scheme = authorization
            .as_deref()
            .and_then(|value| value.split_whitespace().next())
            .map(canonical_scheme);

        let mut shown = BTreeMap::new();
        for (name, value) in headers {
            let text = if is_secret(name.as_str()) {
                "<redacted>".to_owned()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            shown
                .entry(name.as_str().to_owned())
                .and_modify(|joined: &mut String| {
                    joined.push_str(", ");
                    joined.push_str(&text);
                })
                .or_insert(text);
        }

        Self {
            seq: 0,
            method: method.as_str().to_owned(),
            path: uri.path().to_owned(),
            query: uri.query().map(str::to_owned),
            status: None,
            has_authorization: authorization.is_some(),
            auth_scheme,
            host: headers
                .get("host")
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned),
            headers: shown,
        }
    }
}

fn is_secret(name: &str) -> bool {
    matches!(name, "authorization" | "cookie" | "proxy-authorization")
}

fn canonical_scheme(scheme: &str) -> String {
    if scheme.eq_ignore_ascii_case("basic") {
        "Basic".to_owned()
    } else if scheme.eq_ignore_ascii_case("bearer") {
        "Bearer".to_owned()
    } else {
        scheme.to_owned()
    }
}

/// Counters since the start or the last reset.
#[derive(Debug, Default)]
pub struct Journal {
    requests: u64,
    by_path: BTreeMap<String, u64>,
    in_flight: u64,
    max_in_flight: u64,
    rate_limited: u64,
    next_seq: u64,
    recent: VecDeque<RequestRecord>,
}

/// The counters as `GET /__emulator/stats` shows them.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    requests: u64,
    by_path: BTreeMap<String, u64>,
    max_in_flight: u64,
    in_flight: u64,
    rate_limited: u64,
}

impl Journal {
    /// Counts a request that has just arrived and returns its sequence number.
    pub fn enter(&mut self, mut record: RequestRecord) -> u64 {
        self.requests += 1;
        *self.by_path.entry(record.path.clone()).or_default() += 1;
        self.in_flight += 1;
        self.max_in_flight = self.max_in_flight.max(self.in_flight);

        let seq = self.next_seq;
        self.next_seq += 1;
        record.seq = seq;
        if self.recent.len() == KEPT_REQUESTS {
            self.recent.pop_front();
        }
        self.recent.push_back(record);
        seq
    }

    /// Marks a request finished; `status` is `None` when it got no answer.
    pub fn leave(&mut self, seq: u64, status: Option<u16>) {
        self.in_flight = self.in_flight.saturating_sub(1);
        if let Some(record) = self.recent.iter_mut().rev().find(|r| r.seq == seq) {
            record.status = status;
        }
    }

    /// Counts an answer refused by a rate or concurrency limit, real or injected.
    pub fn count_rate_limited(&mut self) {
        self.rate_limited += 1;
    }

    /// The counters now.
    pub fn stats(&self) -> Stats {
        Stats {
            requests: self.requests,
            by_path: self.by_path.clone(),
            max_in_flight: self.max_in_flight,
            in_flight: self.in_flight,
            rate_limited: self.rate_limited,
        }
    }

    /// The last `limit` requests, oldest first.
    pub fn recent(&self, limit: usize) -> Vec<RequestRecord> {
        let skip = self.recent.len().saturating_sub(limit);
        self.recent.iter().skip(skip).cloned().collect()
    }

    /// Zeroes the counters and forgets the log; requests still running are
    /// left to finish without being counted again.
    pub fn clear(&mut self) {
        let in_flight = self.in_flight;
        *self = Self {
            in_flight,
            next_seq: self.next_seq,
            ..Self::default()
        };
    }
}
