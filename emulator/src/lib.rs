//! A local, stateful emulator of the Qualys PCI Merchant API.
//!
//! It serves the six endpoints of the vendor's API over a deterministic data
//! set, keeps submitted reports through their lifecycle, and lets tests
//! inject faults and read what it received through `/__emulator/*` routes.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

mod api;
mod app;
mod config;
mod control;
mod cors;
mod data;
mod error;
mod gate;
mod ip_range;
mod openapi;
mod pdf;
mod query;
mod reports;
mod server;
mod state;

pub use config::{Config, RateLimit};
pub use server::Emulator;
