//! The wasm-bindgen layer: converts JS arguments into the Rust types,
//! delegates to [`Client`](crate::Client), and converts results and errors
//! back. No API logic lives here.

mod client;
mod error;
mod json;
mod options;
mod pages;
mod read;
mod save_blob;
mod shape;
mod types;

pub use client::PciClient;
pub use options::PciClientOptions;
pub use pages::ComplianceSummaryPages;
pub use save_blob::save_blob;
