//! `POST /pci/reporting/reportGeneration/submit`.

use axum::body::{to_bytes, Body};
use axum::extract::{RawQuery, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Map, Value};

use super::{enveloped, submit_items, IdStatus};
use crate::error::ApiError;
use crate::ip_range::IpRange;
use crate::query::Params;
use crate::reports::Submission;
use crate::state::{lock, AppState};

/// The largest request body any route accepts.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Validates a report generation request and launches the report.
pub async fn submit_report(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    Params::parse(query.as_deref(), &[])?;
    require_json_content_type(&headers)?;
    let bytes = to_bytes(body, MAX_BODY_BYTES)
        .await
        .map_err(|_| too_large())?;
    let value: Value = serde_json::from_slice(&bytes)
        .map_err(|error| ApiError::bad_request(format!("body is not valid json: {error}")))?;
    let Value::Object(fields) = value else {
        return Err(ApiError::bad_request("body must be a json object"));
    };

    let submission = validate(&fields)?;
    let id = lock(&state.reports).submit(submission);
    Ok(enveloped(IdStatus {
        id,
        status: "Successfully submitted Report Generation request".to_owned(),
    }))
}

/// The 413 for a body over [`MAX_BODY_BYTES`].
pub fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("request body is larger than {MAX_BODY_BYTES} bytes"),
    )
}

fn require_json_content_type(headers: &HeaderMap) -> Result<(), ApiError> {
    let media_type = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(str::trim);
    match media_type {
        Some(media) if media.eq_ignore_ascii_case("application/json") => Ok(()),
        _ => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "content-type must be application/json",
        )),
    }
}

fn validate(fields: &Map<String, Value>) -> Result<Submission, ApiError> {
    let special_notes = submit_items::special_notes(fields)?;
    let non_compliant_assets = submit_items::non_compliant_assets(fields)?;
    let your_name = mandatory_text(fields, "yourName")?;
    let your_title = mandatory_text(fields, "yourTitle")?;
    let securely_implemented = flag(fields, "specialNotesSecurelyImplemented")?;
    let single_comment = optional_text(fields, "specialNotesSingleComment")?;
    optional_text(fields, "nonCompliantSingleComment")?;
    let title = optional_text(fields, "submissionTitle")?;

    if securely_implemented.is_some() && single_comment.is_none_or(|text| text.trim().is_empty()) {
        return Err(ApiError::bad_request(
            "specialNotesSingleComment is required when specialNotesSecurelyImplemented is given",
        ));
    }
    if let Some(ips) = optional_text(fields, "notActiveIps")? {
        IpRange::parse(ips).map_err(|why| ApiError::bad_request(format!("notActiveIps: {why}")))?;
    }

    Ok(Submission {
        title: title.map(str::to_owned),
        your_name: your_name.to_owned(),
        your_title: your_title.to_owned(),
        special_notes,
        non_compliant_assets,
    })
}

fn optional_text<'a>(
    fields: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<&'a str>, ApiError> {
    // null is refused like any other non-string: the spec documents strings only.
    match fields.get(name) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(ApiError::bad_request(format!("{name} must be a string"))),
    }
}

fn mandatory_text<'a>(fields: &'a Map<String, Value>, name: &str) -> Result<&'a str, ApiError> {
    match optional_text(fields, name)? {
        Some(text) if !text.trim().is_empty() => Ok(text),
        _ => Err(ApiError::bad_request(format!("{name} is required"))),
    }
}

// The vendor accepts true, false, 0 and 1; clients send them as booleans, numbers or strings.
fn flag(fields: &Map<String, Value>, name: &str) -> Result<Option<bool>, ApiError> {
    let invalid = || ApiError::bad_request(format!("{name} must be true, false, 0 or 1"));
    match fields.get(name) {
        None => Ok(None),
        Some(Value::Bool(value)) => Ok(Some(*value)),
        Some(Value::Number(number)) => match number.as_u64() {
            Some(0) => Ok(Some(false)),
            Some(1) => Ok(Some(true)),
            _ => Err(invalid()),
        },
        Some(Value::String(text)) => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(Some(true)),
            "false" | "0" => Ok(Some(false)),
            _ => Err(invalid()),
        },
        Some(_) => Err(invalid()),
    }
}
