//! The router: the API behind its gate, the control routes, CORS and the access log.

use std::time::Instant;

use axum::extract::Request;
use axum::http::header::CONTENT_LENGTH;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;

use crate::api;
use crate::api::submit::{too_large, MAX_BODY_BYTES};
use crate::control;
use crate::cors;
use crate::error::ApiError;
use crate::gate::api_gate;
use crate::state::AppState;

/// Builds the whole application; fails only on a CORS origin that is not a valid header value.
pub fn router(state: AppState) -> Result<Router, String> {
    let api = Router::new()
        .route(
            "/pci/compliance/summary",
            get(api::summary::compliance_summary),
        )
        .route(
            "/pci/reporting/complianceSummary",
            get(api::summary::compliance_summary),
        )
        .route(
            "/pci/reporting/reportGeneration/fetch",
            get(api::fetch::fetch_report_data),
        )
        .route(
            "/pci/reporting/reportGeneration/submit",
            post(api::submit::submit_report),
        )
        .route(
            "/pci/reporting/download",
            get(api::download::download_report),
        )
        .route(
            "/pci/reporting/{report_id}/status",
            get(api::status::report_status),
        )
        .route(
            "/pci/reporting/{report_id}/requestReview",
            put(api::review::request_review),
        )
        .method_not_allowed_fallback(method_not_allowed)
        .route_layer(middleware::from_fn_with_state(state.clone(), api_gate));

    let mut app = api
        .merge(control::routes())
        .fallback(not_found)
        .with_state(state.clone())
        .layer(middleware::from_fn(limit_body));
    if let Some(cors) = cors::layer(&state.config.cors_origins)? {
        app = app.layer(cors);
    }
    Ok(app.layer(middleware::from_fn(access_log)))
}

async fn not_found(request: Request) -> Response {
    ApiError::not_found(format!("no route for {}", request.uri().path())).into_response()
}

async fn method_not_allowed(request: Request) -> Response {
    let message = format!(
        "method {} is not allowed on {}",
        request.method(),
        request.uri().path()
    );
    ApiError::new(axum::http::StatusCode::METHOD_NOT_ALLOWED, message).into_response()
}

// Handlers that read bodies enforce the limit as they read; this refuses a
// declared oversize body before any of it is read.
async fn limit_body(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_BODY_BYTES as u64) {
        return too_large().into_response();
    }
    next.run(request).await
}

// Only the method and path are logged: query values and headers may carry
// credentials or personal data.
async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    eprintln!(
        "{method} {path} {} {}ms",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}
