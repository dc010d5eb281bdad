//! `GET /pci/reporting/reportGeneration/fetch`.

use axum::extract::{RawQuery, State};
use axum::response::Response;
use serde::Serialize;

use super::enveloped;
use crate::data::{NonCompliantAsset, SpecialNote};
use crate::error::ApiError;
use crate::query::Params;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportData<'a> {
    special_notes: &'a [SpecialNote],
    non_compliant_assets: &'a [NonCompliantAsset],
}

/// Serves the special notes and non-compliant assets a report submission needs.
pub async fn fetch_report_data(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(query.as_deref(), &[])?;
    Ok(enveloped(ReportData {
        special_notes: &state.data.special_notes,
        non_compliant_assets: &state.data.non_compliant_assets,
    }))
}
