//! Faults queued by the control routes and applied to the next API requests.

use std::time::Duration;

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

// Large enough for any benchmark of a client's body limit, small enough to
// keep a typo from exhausting memory.
const MAX_JUNK_BYTES: usize = 256 * 1024 * 1024;
const DEFAULT_JUNK_BYTES: usize = 10 * 1024 * 1024;

/// The body of `POST /__emulator/faults`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultSpec {
    fault: String,
    count: Option<u32>,
    path: Option<String>,
    to_wait_sec: Option<u64>,
    retry_after_sec: Option<u64>,
    status: Option<u16>,
    delay_ms: Option<u64>,
    bytes: Option<usize>,
}

/// What a fault does to the request it hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    RateLimit409 { to_wait_sec: u64 },
    TooMany429 { retry_after_sec: u64 },
    Status(StatusCode),
    Delay(Duration),
    MalformedJson,
    HtmlPage,
    TruncatedBody,
    EmptyBody,
    WrongContentType,
    JunkBody { bytes: usize, status: StatusCode },
    DropConnection,
    Redirect,
}

impl FaultKind {
    fn name(self) -> &'static str {
        match self {
            Self::RateLimit409 { .. } => "rateLimit409",
            Self::TooMany429 { .. } => "tooMany429",
            Self::Status(_) => "status",
            Self::Delay(_) => "delay",
            Self::MalformedJson => "malformedJson",
            Self::HtmlPage => "htmlPage",
            Self::TruncatedBody => "truncatedBody",
            Self::EmptyBody => "emptyBody",
            Self::WrongContentType => "wrongContentType",
            Self::JunkBody { .. } => "junkBody",
            Self::DropConnection => "dropConnection",
            Self::Redirect => "redirect",
        }
    }
}

/// A queued fault.
#[derive(Debug, Clone)]
pub struct Fault {
    kind: FaultKind,
    remaining: u32,
    path: Option<String>,
}

/// A queued fault as the control routes show it.
#[derive(Debug, Serialize)]
pub struct FaultView {
    fault: &'static str,
    remaining: u32,
    path: Option<String>,
}

impl FaultSpec {
    /// Checks the spec and turns it into a fault.
    pub fn into_fault(self) -> Result<Fault, ApiError> {
        let kind = match self.fault.as_str() {
            "rateLimit409" => FaultKind::RateLimit409 {
                to_wait_sec: self.to_wait_sec.unwrap_or(1),
            },
            "tooMany429" => FaultKind::TooMany429 {
                retry_after_sec: self.retry_after_sec.unwrap_or(1),
            },
            "status" => {
                let code = self
                    .status
                    .ok_or_else(|| ApiError::bad_request("fault status needs a status field"))?;
                match StatusCode::from_u16(code) {
                    Ok(status) if (400..=599).contains(&code) => FaultKind::Status(status),
                    _ => {
                        return Err(ApiError::bad_request(
                            "status must be an http error status from 400 to 599",
                        ))
                    }
                }
            }
            "delay" => FaultKind::Delay(Duration::from_millis(self.delay_ms.unwrap_or(1000))),
            "malformedJson" => FaultKind::MalformedJson,
            "htmlPage" => FaultKind::HtmlPage,
            "truncatedBody" => FaultKind::TruncatedBody,
            "emptyBody" => FaultKind::EmptyBody,
            "wrongContentType" => FaultKind::WrongContentType,
            "junkBody" => {
                let bytes = self.bytes.unwrap_or(DEFAULT_JUNK_BYTES);
                if bytes > MAX_JUNK_BYTES {
                    return Err(ApiError::bad_request(format!(
                        "bytes must be at most {MAX_JUNK_BYTES}"
                    )));
                }
                // 200 by default; an error status tests that clients cap error bodies.
                let status = match self.status.map(StatusCode::from_u16) {
                    None => StatusCode::OK,
                    Some(Ok(status)) => status,
                    Some(Err(_)) => {
                        return Err(ApiError::bad_request(
                            "status must be an http status from 100 to 999",
                        ))
                    }
                };
                FaultKind::JunkBody { bytes, status }
            }
            "dropConnection" => FaultKind::DropConnection,
            "redirect" => FaultKind::Redirect,
            other => {
                return Err(ApiError::bad_request(format!("unknown fault {other:?}")));
            }
        };
        let remaining = self.count.unwrap_or(1);
        if remaining == 0 {
            return Err(ApiError::bad_request("count must be at least 1"));
        }
        Ok(Fault {
            kind,
            remaining,
            path: self.path.filter(|path| !path.is_empty()),
        })
    }
}

/// Faults waiting for requests, applied first-queued first.
#[derive(Debug, Default)]
pub struct FaultQueue {
    faults: Vec<Fault>,
}

impl FaultQueue {
    /// Queues a fault behind the others.
    pub fn push(&mut self, fault: Fault) {
        self.faults.push(fault);
    }

    /// Takes one use of the first fault whose path filter matches.
    pub fn take(&mut self, path: &str) -> Option<FaultKind> {
        let position = self.faults.iter().position(|fault| {
            fault
                .path
                .as_deref()
                .is_none_or(|filter| path.starts_with(filter))
        })?;
        let fault = self.faults.get_mut(position)?;
        let kind = fault.kind;
        fault.remaining -= 1;
        if fault.remaining == 0 {
            self.faults.remove(position);
        }
        Some(kind)
    }

    /// The faults still waiting.
    pub fn pending(&self) -> Vec<FaultView> {
        self.faults
            .iter()
            .map(|fault| FaultView {
                fault: fault.kind.name(),
                remaining: fault.remaining,
                path: fault.path.clone(),
            })
            .collect()
    }

    /// Drops every fault.
    pub fn clear(&mut self) {
        self.faults.clear();
    }
}
