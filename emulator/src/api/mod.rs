//! The six endpoints of the PCI Merchant API.

pub mod download;
pub mod fetch;
pub mod review;
pub mod status;
pub mod submit;
mod submit_items;
pub mod summary;

use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::error::ApiError;

/// Wraps data in the vendor's envelope.
pub fn enveloped(data: impl Serialize) -> Response {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Envelope<T> {
        response_api_version: &'static str,
        data: T,
    }
    Json(Envelope {
        response_api_version: "LATEST - V1",
        data,
    })
    .into_response()
}

/// The `{"id", "status"}` shape shared by submit, status and review.
#[derive(Debug, Serialize)]
pub struct IdStatus {
    /// The report's id.
    pub id: u64,
    /// A status or a confirmation sentence.
    pub status: String,
}

/// Parses a report id: digits only, at least 1.
pub fn parse_report_id(text: &str) -> Result<u64, ApiError> {
    let invalid =
        || ApiError::bad_request(format!("reportId must be a positive integer, got {text:?}"));
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(invalid());
    }
    match text.parse::<u64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(invalid()),
    }
}
