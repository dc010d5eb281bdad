//! One operation's HTTP exchange: attempts, retries and waits, through
//! gloo-net over the global `fetch`.

use super::abort::{sleep, AbortGuard};
use super::body::read_capped;
use super::policy::{decide, Decision};
use super::status::error_for_status;
use super::RateLimit;
use crate::config::Config;
use crate::request::ApiRequest;
use crate::RequestEvent;
use crate::{CallOptions, Error, ErrorKind};
use js_sys::JsString;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestInit, RequestRedirect, Response};

/// A 2xx response whose body has not been read yet. Its guard stays alive so
/// that the timeout and the caller's signal also cover reading the body.
pub(crate) struct Sent {
    pub response: Response,
    pub url: String,
    pub attempts: u32,
    pub guard: AbortGuard,
    pub timeout_ms: u32,
}

impl Sent {
    /// Reads the body as a JS string: it stays in JS until decoded.
    pub async fn text(&self) -> Result<JsString, Error> {
        let promise = self
            .response
            .text()
            .map_err(|_| self.fail(ErrorKind::Network, "the response body was already read"))?;
        match JsFuture::from(promise).await {
            Ok(value) => value
                .dyn_into::<JsString>()
                .map_err(|_| self.fail(ErrorKind::Decode, "the response body was not text")),
            Err(e) => Err(self.body_error(&e)),
        }
    }

    /// Reads the body as bytes, copied into wasm memory in one block, up to
    /// [`MAX_JSON_BYTES`](super::MAX_JSON_BYTES).
    pub async fn bytes(&self) -> Result<Vec<u8>, Error> {
        let limit = super::MAX_JSON_BYTES;
        let too_large = |len: u64| {
            self.fail(
                ErrorKind::Decode,
                &format!(
                    "the answer is {len} bytes, over the {} MiB this client decodes",
                    limit >> 20
                ),
            )
        };
        let declared = self
            .response
            .headers()
            .get("content-length")
            .ok()
            .flatten()
            .and_then(|v| v.trim().parse::<u64>().ok());
        if let Some(len) = declared.filter(|len| *len > limit as u64) {
            return Err(too_large(len));
        }
        let promise = self
            .response
            .array_buffer()
            .map_err(|_| self.fail(ErrorKind::Network, "the response body was already read"))?;
        let buffer = JsFuture::from(promise)
            .await
            .map_err(|e| self.body_error(&e))?;
        let array = js_sys::Uint8Array::new(&buffer);
        if array.length() as usize > limit {
            return Err(too_large(u64::from(array.length())));
        }
        Ok(array.to_vec())
    }

    /// Maps a failure while reading the body: cancellation, or a connection
    /// that died mid-body.
    pub fn body_error(&self, e: &wasm_bindgen::JsValue) -> Error {
        let e = self.guard.cancellation(self.timeout_ms).unwrap_or_else(|| {
            Error::new(
                ErrorKind::Network,
                format!(
                    "the connection failed while reading the response: {}",
                    js_message(e)
                ),
            )
        });
        self.annotate(e)
    }

    /// Adds the URL and attempt count to an error about this response.
    pub fn annotate(&self, e: Error) -> Error {
        e.with_url(&self.url).with_attempts(self.attempts)
    }

    fn fail(&self, kind: ErrorKind, message: &str) -> Error {
        self.annotate(Error::new(kind, message))
    }
}

/// Sends `req`, retrying as its [`Retry`](crate::request::Retry) class and
/// the client's limits allow, and returns the first 2xx response.
pub(crate) async fn send(
    cfg: &Config,
    req: &ApiRequest,
    call: &CallOptions,
) -> Result<Sent, Error> {
    let url = req.url(&cfg.base);
    let timeout_ms = call.timeout_ms.unwrap_or(cfg.timeout_ms).max(1);
    let mut attempts = 0;
    loop {
        attempts += 1;
        let guard = AbortGuard::new(timeout_ms, call.signal.as_ref())
            .map_err(|e| e.with_url(&url).with_attempts(attempts - 1))?;
        let started = js_sys::Date::now();
        let outcome = attempt(cfg, req, &url, &guard).await;
        // Read only when something uses them: a failure's retry decision or
        // the caller's hook; a plain success skips the header lookups.
        let wanted = cfg.on_request.is_some() || outcome.as_ref().is_ok_and(|r| !r.ok());
        let limits = match &outcome {
            Ok(response) if wanted => RateLimit::from_headers(
                |n| response.headers().get(n).ok().flatten(),
                js_sys::Date::now(),
            ),
            _ => RateLimit::default(),
        };
        let outcome = match outcome {
            Ok(response) if response.ok() => Ok(response),
            Ok(response) => {
                let location = response.headers().get("location").ok().flatten();
                let body = read_capped(&response).await;
                Err(error_for_status(
                    response.status(),
                    &limits,
                    body,
                    location.as_deref(),
                ))
            }
            Err(e) => Err(guard.cancellation(timeout_ms).unwrap_or(e)),
        };
        report(cfg, req, &url, attempts, started, &outcome, limits);
        let error = match outcome {
            Ok(response) => {
                return Ok(Sent {
                    response,
                    url,
                    attempts,
                    guard,
                    timeout_ms,
                })
            }
            Err(error) => error,
        };
        drop(guard);
        if error.kind() == ErrorKind::Aborted {
            return Err(error.with_url(&url).with_attempts(attempts));
        }
        let unit = js_sys::Math::random();
        match decide(
            error,
            req.retry,
            attempts,
            cfg.max_retries,
            cfg.max_retry_delay_ms,
            unit,
        ) {
            Decision::Fail(e) => return Err(e.with_url(&url).with_attempts(attempts)),
            Decision::RetryAfter(ms) => sleep(ms, call.signal.as_ref())
                .await
                .map_err(|e| e.with_url(&url).with_attempts(attempts))?,
        }
    }
}

/// Hands the attempt and how it ended to the caller's hook, if there is one.
fn report(
    cfg: &Config,
    req: &ApiRequest,
    url: &str,
    attempt: u32,
    started: f64,
    outcome: &Result<Response, Error>,
    rate_limit: RateLimit,
) {
    let Some(hook) = &cfg.on_request else { return };
    let (status, kind) = match outcome {
        Ok(response) => (Some(response.status()), None),
        Err(error) => (error.status(), Some(error.kind())),
    };
    hook(&RequestEvent {
        method: req.method.as_str(),
        url: url.to_owned(),
        attempt,
        status,
        error_kind: kind.map(ErrorKind::code),
        duration_ms: (js_sys::Date::now() - started).max(0.0),
        rate_limit,
    });
}

/// One attempt: any response, or a network-level error.
async fn attempt(
    cfg: &Config,
    req: &ApiRequest,
    url: &str,
    guard: &AbortGuard,
) -> Result<Response, Error> {
    let build_error = |e: wasm_bindgen::JsValue| {
        Error::new(
            ErrorKind::InvalidInput,
            format!("could not build the request: {}", js_message(&e)),
        )
    };
    let headers = Headers::new().map_err(build_error)?;
    for (name, value) in &cfg.headers {
        headers.set(name, value).map_err(build_error)?;
    }
    // No credentials, mode or cache options: Cloudflare Workers reject them.
    // Redirects are not followed, so an Authorization header can never be
    // carried to another origin.
    let init = RequestInit::new();
    init.set_method(req.method.as_str());
    init.set_redirect(RequestRedirect::Manual);
    init.set_signal(Some(&guard.signal()));
    if let Some(body) = &req.json_body {
        headers
            .set("Content-Type", "application/json")
            .map_err(build_error)?;
        init.set_body(&wasm_bindgen::JsValue::from_str(body));
    }
    init.set_headers(&headers);
    // Built here rather than with gloo-net's builder, which constructs a
    // second Request and re-parses the URL to merge query parameters: the
    // URL is already complete, and on a 1,000-row page that work showed.
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(build_error)?;
    gloo_net::http::Request::from(request)
        .send()
        .await
        .map(Response::from)
        .map_err(|e| {
            Error::new(
                ErrorKind::Network,
                format!("could not reach the API (DNS, TLS, CORS or a dropped connection): {e}"),
            )
        })
}

/// The `message` of a JS error value, for error texts.
pub(crate) fn js_message(e: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
