//! `GET /pci/reporting/download`.

use axum::extract::{RawQuery, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;

use super::parse_report_id;
use super::status::unknown_report;
use crate::error::ApiError;
use crate::pdf::{self, ReportType};
use crate::query::Params;
use crate::state::{lock, AppState};

// Padded benchmark PDFs can be tens of megabytes; a few are kept, not all.
const CACHED_PDFS: usize = 8;

/// Serves a generated report as a PDF.
pub async fn download_report(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref(), &["reportid", "reporttype"])?;
    let id = parse_report_id(params.required("reportid", "reportId")?)?;
    let kind_text = params.required("reporttype", "reportType")?;
    let kind = ReportType::parse(kind_text).ok_or_else(|| {
        ApiError::bad_request(format!(
            "reportType must be Executive or Technical, got {kind_text:?}"
        ))
    })?;

    let submission = {
        let reports = lock(&state.reports);
        let status = reports.status(id).ok_or_else(|| unknown_report(id))?;
        if !status.is_downloadable() {
            return Err(ApiError::conflict(format!(
                "report {id} is {} and cannot be downloaded yet",
                status.as_str()
            )));
        }
        reports.submission(id).cloned().unwrap_or_default()
    };

    let cached = lock(&state.pdfs).get(&(id, kind)).cloned();
    let bytes = match cached {
        Some(bytes) => bytes,
        None => {
            // Padded PDFs take long enough to build that they must not hold up the runtime.
            let worker = state.clone();
            let rendered = tokio::task::spawn_blocking(move || {
                let size = worker.config.report_size_bytes;
                pdf::render(id, kind, &submission, &worker.data, size)
            })
            .await
            .map_err(|error| render_failed(&error))?
            .map_err(|error| render_failed(&error))?;
            let bytes = Bytes::from(rendered);
            let mut pdfs = lock(&state.pdfs);
            if pdfs.len() >= CACHED_PDFS {
                pdfs.clear();
            }
            pdfs.insert((id, kind), bytes.clone());
            bytes
        }
    };

    let disposition = format!(
        "attachment; filename=\"PCI_{}_Report_{id}.pdf\"",
        kind.as_str()
    );
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

fn render_failed(error: &dyn std::fmt::Display) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("cannot render pdf: {error}"),
    )
}
