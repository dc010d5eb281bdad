//! The `qualys-pci-emulator` binary.
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

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use qualys_pci_emulator::{Config, Emulator};

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    let emulator = match Emulator::bind(config).await {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("cannot start the emulator: {error}");
            return ExitCode::FAILURE;
        }
    };

    // Scripts read this exact line to learn the address, so it goes out at once.
    let mut stdout = std::io::stdout();
    let announced = writeln!(stdout, "listening on http://{}", emulator.local_addr())
        .and_then(|()| stdout.flush());
    if let Err(error) = announced {
        eprintln!("cannot write to stdout: {error}");
        return ExitCode::FAILURE;
    }

    emulator.serve(shutdown_signal()).await;
    ExitCode::SUCCESS
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = interrupt => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => {
                let _ = interrupt.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = interrupt.await;
    }
}
