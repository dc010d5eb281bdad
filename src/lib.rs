//! # qualys-pci
//!
//! A typed client for the Qualys PCI Merchant compliance reporting API, for
//! Rust wasm applications and, through its wasm-bindgen layer, for
//! JavaScript in browsers, Node and Cloudflare Workers.
//!
//! [`Client`] has one async method per operation: the compliance summary
//! (paged, sorted, filtered), report data, report submission, report status,
//! report download (a `File`) and review request. Inputs are checked before
//! anything is sent; every failure is an [`Error`] with a stable
//! [`ErrorKind`]. Reads are retried on rate limits and transient failures;
//! a submit never is.
//!
//! The I/O runs on the global `fetch` through gloo-net, so it needs a wasm
//! target with a JS host; the rules (validation, URLs, retry policy,
//! decoding) are plain Rust and tested natively.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]
#![warn(missing_docs)]

mod base_url;
mod client;
mod config;
pub mod disposition;
mod download;
mod error;
mod events;
pub mod js;
pub mod model;
mod options;
mod paging;
mod request;
pub mod transport;
pub mod validate;
mod waiter;

pub use base_url::BaseUrl;
pub use client::Client;
pub use download::{fallback_name, DownloadOptions, DownloadProgress};
pub use error::{Error, ErrorKind, VendorError};
pub use events::{RequestEvent, RequestHook};
pub use model::*;
pub use options::{CallOptions, ClientOptions, Credentials};
pub use paging::{AllOptions, PageProgress, SummaryPages, MAX_PAGE};
pub use waiter::{StatusListener, WaitOptions};
