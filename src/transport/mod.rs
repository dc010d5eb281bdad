//! Everything between an operation and the network: the request's headers,
//! the abort guard (timeout and caller signal), the retry loop, reading
//! bodies, and turning statuses into errors.

mod abort;
mod body;
mod decode;
mod fetch;
mod policy;
mod rate_limit;
mod status;

pub(crate) use abort::sleep;
pub use decode::{
    decode_envelope, decode_envelope_bytes, escape_raw_controls, not_json, MAX_JSON_BYTES,
};
pub(crate) use fetch::{js_message, send, Sent};
pub use policy::{backoff_ms, MAX_BACKOFF_MS};
pub use rate_limit::RateLimit;
pub(crate) use status::clip;
pub use status::error_for_status;
