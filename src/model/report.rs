//! Reports: ids, types, the status lifecycle and the two request results.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use tsify::Tsify;

/// A compliance report id: an integer from 1 to 2^53−1.
///
/// The range is JavaScript's safe integers, so an id survives the trip through
/// a JS number unchanged. Built only through [`ReportId::new`], so nothing
/// but digits can reach a URL path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct ReportId(u64);

impl ReportId {
    /// The largest id: `Number.MAX_SAFE_INTEGER`.
    pub const MAX: u64 = (1 << 53) - 1;

    /// Checks the range; `None` for 0 or anything over [`ReportId::MAX`].
    pub fn new(id: u64) -> Option<ReportId> {
        (1..=Self::MAX).contains(&id).then_some(ReportId(id))
    }

    /// The id as a number.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl TryFrom<u64> for ReportId {
    type Error = String;
    fn try_from(id: u64) -> Result<Self, Self::Error> {
        ReportId::new(id).ok_or_else(|| format!("report id must be 1 to {}, got {id}", Self::MAX))
    }
}

impl From<ReportId> for u64 {
    fn from(id: ReportId) -> u64 {
        id.0
    }
}

impl fmt::Display for ReportId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Which PDF to download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Tsify)]
pub enum ReportType {
    /// The executive summary.
    Executive,
    /// The full technical report.
    Technical,
}

impl ReportType {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportType::Executive => "Executive",
            ReportType::Technical => "Technical",
        }
    }
}

/// Where a report is in its lifecycle: Launched → Report Generating →
/// Generated → Pending Review → Attested or Rejected; Attested → Submitted.
///
/// A status newer than this SDK decodes as [`ReportStatus::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReportStatus {
    /// The generation request was accepted.
    Launched,
    /// The report is being generated.
    ReportGenerating,
    /// The report can be downloaded and reviewed.
    Generated,
    /// Waiting for the admin user's review.
    PendingReview,
    /// Approved by the admin user.
    Attested,
    /// Rejected by the admin user.
    Rejected,
    /// Submitted to the bank.
    Submitted,
    /// A status newer than this SDK, as the server spelled it.
    Other(String),
}

#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const REPORT_STATUS_TS: &str = r#"
/** Where a report is in its lifecycle. A status newer than this SDK arrives as its string. */
export type ReportStatus =
  | "Launched"
  | "Report Generating"
  | "Generated"
  | "Pending Review"
  | "Attested"
  | "Rejected"
  | "Submitted";
"#;

impl ReportStatus {
    /// The seven documented statuses, in lifecycle order.
    pub const DOCUMENTED: [&'static str; 7] = [
        "Launched",
        "Report Generating",
        "Generated",
        "Pending Review",
        "Attested",
        "Rejected",
        "Submitted",
    ];

    /// The wire spelling.
    pub fn as_str(&self) -> &str {
        match self {
            ReportStatus::Launched => "Launched",
            ReportStatus::ReportGenerating => "Report Generating",
            ReportStatus::Generated => "Generated",
            ReportStatus::PendingReview => "Pending Review",
            ReportStatus::Attested => "Attested",
            ReportStatus::Rejected => "Rejected",
            ReportStatus::Submitted => "Submitted",
            ReportStatus::Other(s) => s,
        }
    }

    /// Parses a documented status exactly; `None` for anything else.
    pub fn documented(s: &str) -> Option<ReportStatus> {
        Some(match s {
            "Launched" => ReportStatus::Launched,
            "Report Generating" => ReportStatus::ReportGenerating,
            "Generated" => ReportStatus::Generated,
            "Pending Review" => ReportStatus::PendingReview,
            "Attested" => ReportStatus::Attested,
            "Rejected" => ReportStatus::Rejected,
            "Submitted" => ReportStatus::Submitted,
            _ => return None,
        })
    }
}

impl From<&str> for ReportStatus {
    fn from(s: &str) -> Self {
        ReportStatus::documented(s).unwrap_or_else(|| ReportStatus::Other(s.to_owned()))
    }
}

impl fmt::Display for ReportStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ReportStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ReportStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(ReportStatus::from(s.as_str()))
    }
}

/// The answer of the status endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
pub struct ReportStatusResult {
    /// The report id.
    #[tsify(type = "number")]
    pub id: ReportId,
    /// Its status.
    pub status: ReportStatus,
}

/// The answer of submit and of request review: the report id and the
/// vendor's sentence, such as `"Successfully submitted Report Generation request"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
pub struct ReportRequestResult {
    /// The report id.
    #[tsify(type = "number")]
    pub id: ReportId,
    /// The vendor's confirmation text.
    pub status: String,
}
