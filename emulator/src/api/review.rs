//! `PUT /pci/reporting/{reportId}/requestReview`.

use axum::extract::{Path, RawQuery, State};
use axum::response::Response;

use super::status::unknown_report;
use super::{enveloped, parse_report_id, IdStatus};
use crate::error::ApiError;
use crate::query::Params;
use crate::reports::{ReportStatus, TransitionError};
use crate::state::{lock, AppState};

/// Sends a generated report to the admin user for review.
pub async fn request_review(
    State(state): State<AppState>,
    Path(report_id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(query.as_deref(), &[])?;
    let id = parse_report_id(&report_id)?;
    let moved = lock(&state.reports).transition(
        id,
        &[ReportStatus::Generated],
        ReportStatus::PendingReview,
    );
    match moved {
        Ok(_) => Ok(enveloped(IdStatus {
            id,
            status: format!("Attestation request successful for reportId {id}"),
        })),
        Err(TransitionError::NotFound) => Err(unknown_report(id)),
        Err(TransitionError::WrongState(current)) => Err(ApiError::conflict(format!(
            "report {id} is {}, and only a Generated report can be sent for review",
            current.as_str()
        ))),
    }
}
