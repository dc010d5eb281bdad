//! Report data: `GET /pci/reporting/reportGeneration/fetch`.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// A value the vendor's samples print as a string but whose table calls a
/// number (ids, QIDs, ports): both decode, and go back to the server as they
/// came (an integer stays an integer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TextOrNumber {
    /// As a string, e.g. `"42428"`.
    Text(String),
    /// As a JSON number, integer or not.
    Number(serde_json::Number),
}

#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TEXT_OR_NUMBER_TS: &str = r#"
/** A value the vendor prints as a string but documents as a number (ids, QIDs, ports). */
export type TextOrNumber = string | number;
"#;

/// A flag the samples print as `"false"` but the submit table documents as
/// `true`, `false`, `0` or `1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(untagged)]
pub enum TextOrBool {
    /// A JSON boolean.
    Bool(bool),
    /// A string such as `"false"`.
    Text(String),
}

/// A special note found on an asset (remote access, unknown services, ...),
/// which the merchant justifies in `comment` before submitting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SpecialNote {
    /// The note's id.
    pub id: TextOrNumber,
    /// The asset's address.
    pub ip: String,
    /// The asset's hostname.
    #[tsify(type = "string | null")]
    pub dns: Option<String>,
    /// The kind of note, e.g. `"Remote Access"`.
    pub special_note: String,
    /// The Qualys vulnerability id.
    pub qid: TextOrNumber,
    /// The vulnerability's title.
    pub title: String,
    /// The port, when the note has one.
    #[tsify(type = "TextOrNumber | null")]
    pub port: Option<TextOrNumber>,
    /// The protocol, when the note has one.
    #[tsify(type = "string | null")]
    pub protocol: Option<String>,
    /// Whether the merchant declares it securely implemented.
    pub securely_implemented: TextOrBool,
    /// The merchant's justification.
    #[tsify(type = "string | null")]
    pub comment: Option<String>,
}

/// A link to a patch for a non-compliant asset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Patch {
    /// The link's text.
    pub url_text: String,
    /// The link, when there is one.
    #[tsify(type = "string | null")]
    pub url: Option<String>,
}

/// An asset that fails PCI compliance, with its vulnerability counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct NonCompliantAsset {
    /// The asset's address.
    pub ip: String,
    /// The asset's hostname.
    #[tsify(type = "string | null")]
    pub dns: Option<String>,
    /// High-severity vulnerabilities.
    pub vuln_high: u32,
    /// Medium-severity vulnerabilities.
    pub vuln_med: u32,
    /// Low-severity vulnerabilities.
    pub vuln_low: u32,
    /// The scanning vendor's advice.
    #[tsify(type = "string | null")]
    pub asv_comment: Option<String>,
    /// Notes on SSL findings.
    #[tsify(type = "string | null")]
    pub ssl_comment: Option<String>,
    /// Patches that fix the findings.
    pub patches: Vec<Patch>,
    /// The merchant's justification.
    #[tsify(type = "string | null")]
    pub merchant_comment: Option<String>,
}

/// What a report submission starts from: the notes and assets to justify.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ReportGenerationData {
    /// Special notes to justify.
    pub special_notes: Vec<SpecialNote>,
    /// Non-compliant assets to justify.
    pub non_compliant_assets: Vec<NonCompliantAsset>,
}
