//! Compliance summary: `GET /pci/compliance/summary`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use tsify::Tsify;

/// The column the summary is sorted by. The vendor's default is `ip`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub enum SortBy {
    /// IP address, in numeric order.
    #[serde(rename = "ip")]
    Ip,
    /// DNS hostname.
    #[serde(rename = "dns")]
    Dns,
    /// `Pass` or `Fail`.
    #[serde(rename = "complianceStatus")]
    ComplianceStatus,
}

/// Ascending or descending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub enum SortOrder {
    /// Ascending.
    #[serde(rename = "ASC")]
    Asc,
    /// Descending.
    #[serde(rename = "DESC")]
    Desc,
}

/// An asset's PCI compliance status.
///
/// A value this version does not know decodes as [`ComplianceStatus::Other`]
/// instead of failing the whole page; queries accept only `Pass` and `Fail`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ComplianceStatus {
    /// The asset passed.
    Pass,
    /// The asset failed.
    Fail,
    /// A status newer than this SDK, kept as the server spelled it.
    Other(String),
}

#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const COMPLIANCE_STATUS_TS: &str = r#"
/** An asset's PCI compliance status. */
export type ComplianceStatus = "Pass" | "Fail";
"#;

impl ComplianceStatus {
    /// The wire spelling.
    pub fn as_str(&self) -> &str {
        match self {
            ComplianceStatus::Pass => "Pass",
            ComplianceStatus::Fail => "Fail",
            ComplianceStatus::Other(s) => s,
        }
    }
}

impl From<&str> for ComplianceStatus {
    fn from(s: &str) -> Self {
        match s {
            "Pass" => ComplianceStatus::Pass,
            "Fail" => ComplianceStatus::Fail,
            other => ComplianceStatus::Other(other.to_owned()),
        }
    }
}

impl Serialize for ComplianceStatus {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ComplianceStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(ComplianceStatus::from(s.as_str()))
    }
}

/// Filters, sort and page of a compliance summary request. Every field is
/// optional; the server's defaults are sort by ip ascending, from the first
/// record, 1000 per page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ComplianceSummaryQuery {
    /// Sort column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub sort_by: Option<SortBy>,
    /// Sort direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub sort_order: Option<SortOrder>,
    /// 1-based index of the first record; 0 also means the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub offset: Option<u32>,
    /// Records per page, 1 to 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub limit: Option<u32>,
    /// One address, or a range `a-b` of one family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub ip: Option<String>,
    /// One exact DNS hostname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub dns: Option<String>,
    /// Only assets with this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub compliance_status: Option<ComplianceStatus>,
}

/// One asset of the compliance summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ComplianceSummaryEntry {
    /// IPv4 or IPv6 address.
    pub ip: String,
    /// DNS hostname, `null` when the asset has none.
    #[tsify(type = "string | null")]
    pub dns: Option<String>,
    /// `Pass` or `Fail`.
    pub compliance_status: ComplianceStatus,
}

/// One page of the compliance summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ComplianceSummaryPage {
    /// Assets matching the filters, over all pages.
    pub total_count: u64,
    /// The 1-based range of this page, such as `"1-10"`; empty when no row matched.
    pub fetch_range: String,
    /// The assets of this page.
    pub compliance_summary_list: Vec<ComplianceSummaryEntry>,
}
