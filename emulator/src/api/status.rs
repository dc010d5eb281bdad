//! `GET /pci/reporting/{reportId}/status`.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;

use super::{enveloped, parse_report_id, IdStatus};
use crate::error::ApiError;
use crate::query::Params;
use crate::state::{lock, AppState};

/// Tells where a report is in its lifecycle.
pub async fn report_status(
    State(state): State<AppState>,
    Path(report_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(query.as_deref(), &[])?;
    let id = parse_report_id(&report_id)?;
    let status = lock(&state.reports)
        .status(id)
        .ok_or_else(|| unknown_report(id))?;
    Ok(enveloped(IdStatus {
        id,
        status: status.as_str().to_owned(),
    }))
}

/// The 404 for an id no report has.
pub fn unknown_report(id: u64) -> ApiError {
    ApiError::not_found(format!("no report has id {id}"))
}
