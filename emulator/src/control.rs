//! The `/__emulator/*` routes that tests use to steer and inspect the emulator.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::api::parse_report_id;
use crate::error::ApiError;
use crate::gate::faults::FaultSpec;
use crate::reports::{ReportStatus, TransitionError};
use crate::state::{lock, AppState};

/// The control routes, outside authentication and the request counters.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/__emulator/reset", post(reset))
        .route("/__emulator/reports/{id}/{action}", post(move_report))
        .route(
            "/__emulator/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/__emulator/stats", get(stats))
        .route("/__emulator/requests", get(requests))
        .route(
            "/__emulator/openapi.json",
            get(crate::openapi::openapi_json),
        )
}

async fn reset(State(state): State<AppState>) -> Response {
    state.reset();
    Json(json!({ "reset": true })).into_response()
}

async fn move_report(
    State(state): State<AppState>,
    Path((id, action)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let id = parse_report_id(&id)?;
    let (from, to): (&[ReportStatus], ReportStatus) = match action.as_str() {
        "generate" => (
            &[ReportStatus::Launched, ReportStatus::ReportGenerating],
            ReportStatus::Generated,
        ),
        "attest" => (&[ReportStatus::PendingReview], ReportStatus::Attested),
        "reject" => (&[ReportStatus::PendingReview], ReportStatus::Rejected),
        "submit" => (&[ReportStatus::Attested], ReportStatus::Submitted),
        other => {
            return Err(ApiError::not_found(format!(
                "unknown report action {other:?}; use generate, attest, reject or submit"
            )))
        }
    };
    match lock(&state.reports).transition(id, from, to) {
        Ok(status) => Ok(Json(json!({ "id": id, "status": status.as_str() })).into_response()),
        Err(TransitionError::NotFound) => {
            Err(ApiError::not_found(format!("no report has id {id}")))
        }
        Err(TransitionError::WrongState(current)) => Err(ApiError::conflict(format!(
            "report {id} is {}, so {action} does not apply",
            current.as_str()
        ))),
    }
}

async fn add_fault(
    State(state): State<AppState>,
    body: Result<Json<FaultSpec>, axum::extract::rejection::JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(spec) = body.map_err(|rejection| {
        ApiError::bad_request(format!(
            "invalid fault: {}",
            rejection.body_text().to_lowercase()
        ))
    })?;
    let fault = spec.into_fault()?;
    let mut faults = lock(&state.faults);
    faults.push(fault);
    Ok(Json(json!({ "pending": faults.pending() })).into_response())
}

async fn list_faults(State(state): State<AppState>) -> Response {
    Json(json!({ "pending": lock(&state.faults).pending() })).into_response()
}

async fn clear_faults(State(state): State<AppState>) -> Response {
    lock(&state.faults).clear();
    Json(json!({ "pending": [] })).into_response()
}

async fn stats(State(state): State<AppState>) -> Response {
    Json(lock(&state.journal).stats()).into_response()
}

#[derive(Deserialize)]
struct RequestsQuery {
    limit: Option<usize>,
}

async fn requests(
    State(state): State<AppState>,
    query: Result<Query<RequestsQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|_| ApiError::bad_request("limit must be a whole number"))?;
    let recent = lock(&state.journal).recent(query.limit.unwrap_or(100));
    Ok(Json(recent).into_response())
}
