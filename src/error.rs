//! The one error type every operation returns, for Rust and (converted once in
//! `js::error`) for JavaScript.

use std::fmt;

/// What went wrong, as a stable name that callers branch on.
///
/// The JavaScript side sees the same names in camelCase (`invalidInput`,
/// `rateLimited`, ...) on `PciError.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An argument broke a documented rule; nothing was sent.
    InvalidInput,
    /// 401: the credentials were refused.
    Unauthorized,
    /// 403: the account may not use this endpoint.
    Forbidden,
    /// 404: the report or path does not exist.
    NotFound,
    /// 409 without rate-limit headers: the report is in the wrong state.
    Conflict,
    /// 409 with the vendor's rate-limit headers, or 429.
    RateLimited,
    /// Any 5xx.
    Server,
    /// Any other unexpected status, redirects included.
    Http,
    /// The request never produced a response (DNS, TLS, CORS, dropped connection).
    Network,
    /// An attempt ran past its `timeoutMs`.
    Timeout,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// A 2xx answer whose body was not the documented JSON.
    Decode,
}

impl ErrorKind {
    /// The name JavaScript sees on `PciError.kind`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidInput => "invalidInput",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::NotFound => "notFound",
            ErrorKind::Conflict => "conflict",
            ErrorKind::RateLimited => "rateLimited",
            ErrorKind::Server => "server",
            ErrorKind::Http => "http",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Decode => "decode",
        }
    }

    /// Every kind, in documentation order.
    pub const ALL: [ErrorKind; 12] = [
        ErrorKind::InvalidInput,
        ErrorKind::Unauthorized,
        ErrorKind::Forbidden,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::RateLimited,
        ErrorKind::Server,
        ErrorKind::Http,
        ErrorKind::Network,
        ErrorKind::Timeout,
        ErrorKind::Aborted,
        ErrorKind::Decode,
    ];
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The vendor's JSON error body, `{"status", "error", "message"}`, when the
/// server sent one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct VendorError {
    /// The status the body claims (may differ from the HTTP status).
    #[serde(default)]
    pub status: Option<u16>,
    /// The short reason, e.g. `"Unauthorized"`.
    #[serde(default)]
    pub error: Option<String>,
    /// The vendor's explanation.
    #[serde(default)]
    pub message: Option<String>,
}

/// The error of every operation: an [`ErrorKind`] plus what is known of the
/// failed exchange.
///
/// It never holds a credential: URLs are stored without user info and bodies
/// are the server's, capped at [`Error::BODY_LIMIT`] bytes. Boxed, so that a
/// `Result` stays one pointer wide on the success path.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq)]
struct Inner {
    kind: ErrorKind,
    message: String,
    field: Option<String>,
    status: Option<u16>,
    retry_after_ms: Option<u64>,
    url: Option<String>,
    attempts: u32,
    body: Option<String>,
    vendor: Option<VendorError>,
}

impl Error {
    /// Error bodies are kept up to this many bytes, so a hostile server cannot
    /// make the client hold megabytes per failure.
    pub const BODY_LIMIT: usize = 4096;

    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error(Box::new(Inner {
            kind,
            message: message.into(),
            field: None,
            status: None,
            retry_after_ms: None,
            url: None,
            attempts: 0,
            body: None,
            vendor: None,
        }))
    }

    /// An input rule was broken; `field` is the caller's name for the value.
    pub(crate) fn invalid(field: &str, message: impl fmt::Display) -> Self {
        let mut e = Error::new(
            ErrorKind::InvalidInput,
            format!("invalid {field}: {message}"),
        );
        e.0.field = Some(field.to_owned());
        e
    }

    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.0.status = Some(status);
        self
    }

    pub(crate) fn with_retry_after_ms(mut self, ms: Option<u64>) -> Self {
        self.0.retry_after_ms = ms;
        self
    }

    pub(crate) fn with_url(mut self, url: &str) -> Self {
        self.0.url = Some(url.to_owned());
        self
    }

    pub(crate) fn with_attempts(mut self, attempts: u32) -> Self {
        self.0.attempts = attempts;
        self
    }

    /// Appends the decoder's own words, e.g. "missing field `ip`", to the message.
    pub(crate) fn with_detail(mut self, detail: &dyn fmt::Display) -> Self {
        self.0.message = format!("{}: {detail}", self.0.message);
        self
    }

    pub(crate) fn with_body(mut self, body: String, vendor: Option<VendorError>) -> Self {
        self.0.body = Some(body);
        self.0.vendor = vendor;
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// A lowercase sentence saying what happened and, where it can, what to do.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// For [`ErrorKind::InvalidInput`], the name of the offending argument.
    pub fn field(&self) -> Option<&str> {
        self.0.field.as_deref()
    }

    /// The HTTP status, when a response arrived.
    pub fn status(&self) -> Option<u16> {
        self.0.status
    }

    /// How long the server asked the caller to wait, in milliseconds.
    pub fn retry_after_ms(&self) -> Option<u64> {
        self.0.retry_after_ms
    }

    /// The request URL, without credentials.
    pub fn url(&self) -> Option<&str> {
        self.0.url.as_deref()
    }

    /// How many HTTP attempts were made (0 when nothing was sent).
    pub fn attempts(&self) -> u32 {
        self.0.attempts
    }

    /// The error body's text, at most [`Error::BODY_LIMIT`] bytes.
    pub fn body(&self) -> Option<&str> {
        self.0.body.as_deref()
    }

    /// The vendor's JSON error, when the body was one.
    pub fn vendor_error(&self) -> Option<&VendorError> {
        self.0.vendor.as_ref()
    }

    /// True for the kinds a later call might get past by waiting.
    pub fn is_transient(&self) -> bool {
        matches!(
            self.0.kind,
            ErrorKind::RateLimited | ErrorKind::Network | ErrorKind::Timeout
        ) || matches!(self.0.status, Some(502..=504))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_camel_case_code() {
        let codes: std::collections::HashSet<_> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes.len(), ErrorKind::ALL.len(), "codes must be unique");
        for code in codes {
            assert!(
                code.chars().next().is_some_and(|c| c.is_ascii_lowercase()),
                "{code}"
            );
        }
    }

    #[test]
    fn invalid_input_names_the_field_in_message_and_property() {
        let e = Error::invalid("limit", "must be 1 to 1000, got 0");
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert_eq!(e.field(), Some("limit"));
        assert_eq!(e.message(), "invalid limit: must be 1 to 1000, got 0");
    }
}
