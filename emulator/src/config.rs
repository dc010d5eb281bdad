//! Command-line options, also used by tests to build an emulator in-process.

use std::str::FromStr;
use std::time::Duration;

use clap::Parser;

/// Options of the emulator, parsed from the command line.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "qualys-pci-emulator",
    version,
    about = "Local, stateful emulator of the Qualys PCI Merchant API"
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,

    /// Port to listen on; 0 picks a free port.
    #[arg(long, default_value_t = 8790)]
    pub port: u16,

    /// Username accepted by Basic authentication.
    #[arg(long, default_value = "demo")]
    pub username: String,

    /// Password accepted by Basic authentication.
    #[arg(long, default_value = "demo")]
    pub password: String,

    /// Token accepted as `Authorization: Bearer <token>`; bearer auth is off without it.
    #[arg(long)]
    pub bearer_token: Option<String>,

    /// Number of assets in the generated data set.
    #[arg(long, default_value_t = 4264)]
    pub assets: usize,

    /// Seed of the data set; the same seed always gives the same assets.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Extra milliseconds spent on every authenticated API request.
    #[arg(long, default_value_t = 0)]
    pub latency_ms: u64,

    /// Milliseconds per lifecycle step (Launched, Report Generating, Generated); 0 means at once.
    #[arg(long, default_value_t = 1000)]
    pub report_step_ms: u64,

    /// Pads each downloaded PDF to this many bytes, for benchmarks.
    #[arg(long)]
    pub report_size_bytes: Option<usize>,

    /// Allows one browser origin (repeat the option for more); CORS is off without it.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub cors_origins: Vec<String>,

    /// Calls allowed per credential in a sliding window, as N/SECONDS (e.g. 300/3600); off by default.
    #[arg(long, value_name = "N/SECONDS")]
    pub rate_limit: Option<RateLimit>,

    /// Requests allowed in flight at once; off by default.
    #[arg(long, value_name = "N")]
    pub concurrency_limit: Option<u32>,

    /// Number of special notes served by the report data fetch.
    #[arg(long, default_value_t = 36, hide = true)]
    pub special_notes: usize,

    /// Most non-compliant assets served by the report data fetch (capped by the Fail assets).
    #[arg(long, default_value_t = 200, hide = true)]
    pub non_compliant_assets: usize,
}

impl Config {
    /// The defaults, as if the binary were started without options.
    pub fn defaults() -> Self {
        Self::parse_from(["qualys-pci-emulator"])
    }

    pub(crate) fn report_step(&self) -> Duration {
        Duration::from_millis(self.report_step_ms)
    }
}

/// A sliding-window call budget: `calls` per `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Calls allowed in one window.
    pub calls: u32,
    /// Length of the window.
    pub window: Duration,
}

impl FromStr for RateLimit {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (calls, seconds) = text
            .split_once('/')
            .ok_or_else(|| format!("expected N/SECONDS, got {text:?}"))?;
        let calls: u32 = calls
            .trim()
            .parse()
            .map_err(|_| format!("invalid call count {calls:?}"))?;
        let seconds: u64 = seconds
            .trim()
            .parse()
            .map_err(|_| format!("invalid window seconds {seconds:?}"))?;
        if calls == 0 || seconds == 0 {
            return Err("calls and seconds must both be at least 1".to_owned());
        }
        Ok(Self {
            calls,
            window: Duration::from_secs(seconds),
        })
    }
}
