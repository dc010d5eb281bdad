//! The opt-in hook that sees every HTTP attempt: for logs, metrics, or a
//! proxy that tracks the account's rate budget. The client is silent without it.

use crate::transport::RateLimit;
use serde::Serialize;
use std::rc::Rc;
use tsify::Tsify;

/// One HTTP attempt, as the hook sees it. It never holds a credential: URLs
/// carry none, and no header but the vendor's limit headers is included.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RequestEvent {
    /// `GET`, `POST` or `PUT`.
    #[tsify(type = "\"GET\" | \"POST\" | \"PUT\"")]
    pub method: &'static str,
    /// The request URL.
    pub url: String,
    /// 1 for the first attempt, 2 for the first retry, ...
    pub attempt: u32,
    /// The HTTP status, when a response arrived.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub status: Option<u16>,
    /// The error kind (`network`, `timeout`, `server`, ...) when the attempt failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "PciErrorKind")]
    pub error_kind: Option<&'static str>,
    /// Milliseconds from sending to the response's headers (or the failure).
    pub duration_ms: f64,
    /// The vendor's rate- and concurrency-limit headers on the response.
    pub rate_limit: RateLimit,
}

/// Called after every attempt; see [`RequestEvent`].
pub type RequestHook = Rc<dyn Fn(&RequestEvent)>;
