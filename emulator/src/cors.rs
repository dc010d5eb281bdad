//! CORS for the origins named on the command line.

use axum::http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

const ALLOWED_HEADERS: [&str; 4] = [
    "authorization",
    "apiversion",
    "x-requested-with",
    "content-type",
];

// Browser clients can read only the headers listed here, and they need these
// to name downloads and to back off.
const EXPOSED_HEADERS: [&str; 9] = [
    "content-disposition",
    "content-length",
    "retry-after",
    "x-ratelimit-limit",
    "x-ratelimit-window-sec",
    "x-ratelimit-remaining",
    "x-ratelimit-towait-sec",
    "x-concurrency-limit-limit",
    "x-concurrency-limit-running",
];

/// The layer allowing `origins`, or `None` when CORS stays off; an origin that
/// is not a valid header value is returned as the error.
pub fn layer(origins: &[String]) -> Result<Option<CorsLayer>, String> {
    if origins.is_empty() {
        return Ok(None);
    }
    let origins = origins
        .iter()
        .map(|origin| {
            HeaderValue::from_str(origin.trim_end_matches('/')).map_err(|_| origin.clone())
        })
        .collect::<Result<Vec<_>, _>>()?;
    let layer = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers(ALLOWED_HEADERS.map(HeaderName::from_static))
        .expose_headers(EXPOSED_HEADERS.map(HeaderName::from_static));
    Ok(Some(layer))
}
