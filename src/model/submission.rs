//! The body of `POST /pci/reporting/reportGeneration/submit`.

use super::{NonCompliantAsset, SpecialNote};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// A report generation request: the justified notes and assets from
/// `ReportGenerationData` plus who submits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReportSubmission {
    /// Special notes with their comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub special_notes: Option<Vec<SpecialNote>>,
    /// Non-compliant assets with their merchant comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub non_compliant_assets: Option<Vec<NonCompliantAsset>>,
    /// Whether all special notes are securely implemented; requires
    /// `specialNotesSingleComment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub special_notes_securely_implemented: Option<bool>,
    /// One justification for all special notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub special_notes_single_comment: Option<String>,
    /// One justification for all non-compliant assets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub non_compliant_single_comment: Option<String>,
    /// The submitter's name.
    pub your_name: String,
    /// The submitter's title, such as `"Ms."`.
    pub your_title: String,
    /// Inactive addresses: one IP or a range `a-b`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub not_active_ips: Option<String>,
    /// A unique name for the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub submission_title: Option<String>,
}
