//! Everything an API request passes before its handler: counting, injected
//! faults, authentication, limits and latency.

pub mod auth;
pub mod faults;
pub mod journal;
pub mod limits;
mod misbehave;

use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::server::ConnectionKiller;
use crate::state::{lock, AppState};
use faults::FaultKind;
use journal::RequestRecord;

// The normal answers are small JSON documents; a truncated one is read whole first.
const MAX_BUFFERED_ANSWER: usize = 64 * 1024 * 1024;

/// Counts a request for the stats and the request log until it is dropped.
struct Visit {
    state: AppState,
    seq: u64,
    status: Option<u16>,
}

impl Drop for Visit {
    fn drop(&mut self) {
        lock(&self.state.journal).leave(self.seq, self.status);
    }
}

/// Releases a concurrency slot when the admitted call ends, however it ends.
struct Slot(AppState);

impl Drop for Slot {
    fn drop(&mut self) {
        lock(&self.0.limiter).finish();
    }
}

/// The middleware in front of the six API endpoints.
pub async fn api_gate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    // Preflights and stray OPTIONS are not API calls: no auth, no counting.
    if request.method() == Method::OPTIONS {
        return next.run(request).await;
    }

    let record = RequestRecord::new(request.method(), request.uri(), request.headers());
    let seq = lock(&state.journal).enter(record);
    let mut visit = Visit {
        state: state.clone(),
        seq,
        status: None,
    };

    let fault = lock(&state.faults).take(request.uri().path());
    let response = match fault {
        Some(kind) => with_fault(&state, kind, request, next).await,
        None => guarded(&state, request, next).await,
    };
    visit.status = Some(response.status().as_u16());
    response
}

async fn with_fault(state: &AppState, kind: FaultKind, request: Request, next: Next) -> Response {
    match kind {
        FaultKind::RateLimit409 { to_wait_sec } => {
            lock(&state.journal).count_rate_limited();
            let headers = lock(&state.limiter).injected_headers(to_wait_sec);
            let error = ApiError::conflict("rate limit exceeded, retry later");
            (headers, error).into_response()
        }
        FaultKind::TooMany429 { retry_after_sec } => {
            lock(&state.journal).count_rate_limited();
            misbehave::too_many(retry_after_sec)
        }
        FaultKind::Status(status) => {
            ApiError::new(status, "fault injected by the emulator").into_response()
        }
        FaultKind::Delay(delay) => {
            tokio::time::sleep(delay).await;
            guarded(state, request, next).await
        }
        FaultKind::MalformedJson => misbehave::malformed_json(),
        FaultKind::HtmlPage => misbehave::html_page(),
        FaultKind::EmptyBody => misbehave::empty_body(),
        FaultKind::JunkBody { bytes, status } => misbehave::junk_body(bytes, status),
        FaultKind::Redirect => {
            misbehave::redirect(request.uri(), request.headers(), state.local_addr.port())
        }
        FaultKind::WrongContentType => {
            misbehave::wrong_content_type(guarded(state, request, next).await)
        }
        FaultKind::TruncatedBody => {
            let (parts, body) = guarded(state, request, next).await.into_parts();
            match to_bytes(body, MAX_BUFFERED_ANSWER).await {
                Ok(bytes) => {
                    misbehave::truncated(Response::from_parts(parts, Body::empty()), bytes)
                }
                Err(_) => ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "answer too large to truncate",
                )
                .into_response(),
            }
        }
        FaultKind::DropConnection => {
            match request.extensions().get::<ConnectionKiller>() {
                Some(killer) => {
                    killer.kill();
                    // The connection task drops this future with the connection.
                    std::future::pending::<()>().await;
                    misbehave::never()
                }
                None => misbehave::never(),
            }
        }
    }
}

/// Authentication, limits and latency, then the handler.
async fn guarded(state: &AppState, request: Request, next: Next) -> Response {
    let credential = match auth::authenticate(&state.config, request.headers()) {
        Ok(credential) => credential,
        Err(error) => return error.into_response(),
    };

    let admission = lock(&state.limiter).admit(&credential);
    let admission = match admission {
        Ok(admission) => admission,
        Err(refusal) => {
            lock(&state.journal).count_rate_limited();
            return (refusal.headers, refusal.error).into_response();
        }
    };
    let _slot = Slot(state.clone());

    if state.config.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(state.config.latency_ms)).await;
    }

    let mut response = next.run(request).await;
    response.headers_mut().extend(admission.headers);
    response
}
