//! The broken answers that injected faults send.

use std::convert::Infallible;
use std::io;
use std::time::Duration;

use axum::body::Body;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, HOST, LOCATION, RETRY_AFTER};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::stream;

use crate::error::ApiError;

/// A 200 whose JSON is cut off mid-object.
pub fn malformed_json() -> Response {
    let body = r#"{"responseApiVersion": "LATEST - V1", "data": {"totalCount": 12, "complianceSum"#;
    typed(StatusCode::OK, "application/json", Body::from(body))
}

/// A 200 HTML page, as a gateway or login portal might send.
pub fn html_page() -> Response {
    let body = "<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head>\
        <body><h1>Service Unavailable</h1><p>The server is temporarily unable to \
        service your request.</p></body></html>\n";
    typed(StatusCode::OK, "text/html; charset=utf-8", Body::from(body))
}

/// A 200 JSON answer with nothing in it.
pub fn empty_body() -> Response {
    typed(StatusCode::OK, "application/json", Body::empty())
}

/// `status` with `bytes` random bytes that are not JSON.
pub fn junk_body(bytes: usize, status: StatusCode) -> Response {
    let mut rng = fastrand::Rng::new();
    let mut junk: Vec<u8> = std::iter::repeat_with(|| rng.u8(..)).take(bytes).collect();
    // A leading byte that can never start JSON, so a parser fails at once.
    if let Some(first) = junk.first_mut() {
        *first = 0xFF;
    }
    typed(status, "application/json", Body::from(junk))
}

/// A 429 with `Retry-After`.
pub fn too_many(retry_after_sec: u64) -> Response {
    let mut response =
        ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too many requests").into_response();
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from(retry_after_sec));
    response
}

/// A 302 to the same path and query on the other loopback origin.
pub fn redirect(uri: &Uri, headers: &HeaderMap, port: u16) -> Response {
    let host = headers
        .get(HOST)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let port = host
        .rsplit_once(':')
        .and_then(|(_, port)| port.parse::<u16>().ok())
        .unwrap_or(port);
    let other = if host.starts_with("localhost") {
        "127.0.0.1"
    } else {
        "localhost"
    };
    let target = match uri.query() {
        Some(query) => format!("http://{other}:{port}{}?{query}", uri.path()),
        None => format!("http://{other}:{port}{}", uri.path()),
    };
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(location) = HeaderValue::from_str(&target) {
        response.headers_mut().insert(LOCATION, location);
    }
    response
}

/// Sends the first half of `body` under a Content-Length for all of it, then
/// fails the stream so that the server closes the connection.
pub fn truncated(mut response: Response, body: Bytes) -> Response {
    let claimed = body.len().max(64);
    let sent = body.slice(..body.len() / 2);
    let chunks = stream::unfold(Some(sent), |state| async move {
        match state {
            Some(chunk) => Some((Ok::<Bytes, io::Error>(chunk), None)),
            None => {
                // Give the server time to flush the first half before the error closes the socket.
                tokio::time::sleep(Duration::from_millis(50)).await;
                Some((Err(io::Error::other("truncated by fault injection")), None))
            }
        }
    });
    response
        .headers_mut()
        .insert(CONTENT_LENGTH, HeaderValue::from(claimed));
    *response.body_mut() = Body::from_stream(chunks);
    response
}

/// The same answer labelled as plain text.
pub fn wrong_content_type(mut response: Response) -> Response {
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// A body that never ends, for a request whose connection is about to be dropped.
pub fn never() -> Response {
    let silence = stream::pending::<Result<Bytes, Infallible>>();
    Body::from_stream(silence).into_response()
}

fn typed(status: StatusCode, content_type: &'static str, body: Body) -> Response {
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}
