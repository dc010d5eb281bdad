//! Integration tests: each starts an emulator in-process on a free loopback
//! port and talks to it over HTTP.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;

mod auth;
mod bad_input;
mod control;
mod cors;
mod download;
mod faults;
mod fetch;
mod lifecycle;
mod limits;
mod review;
mod status;
mod submit;
mod summary;
