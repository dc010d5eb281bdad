use serde::Deserialize;

/// Every JSON answer of the API: `{"responseApiVersion": ..., "data": ...}`.
///
/// `responseApiVersion` is `"LATEST - V1"` in some vendor samples and `"V1"` in
/// others, so it is kept but never checked.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope<T> {
    /// The version string the server reported.
    #[serde(default)]
    pub response_api_version: Option<String>,
    /// The payload.
    pub data: T,
}
