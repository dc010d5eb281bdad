//! Special notes and non-compliant assets served by the report data fetch.

use serde::Serialize;

use super::assets::{Asset, Compliance};

/// A special note on one asset, shaped as in the vendor's sample.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecialNote {
    /// The note's id; a string on the wire.
    pub id: String,
    /// The asset's address.
    pub ip: String,
    /// The asset's hostname.
    pub dns: Option<String>,
    /// The category of the note.
    pub special_note: String,
    /// The detection's QID; a string on the wire.
    pub qid: String,
    /// The detection's title.
    pub title: String,
    /// The port the detection was found on.
    pub port: Option<u16>,
    /// The protocol of that port.
    pub protocol: Option<String>,
    /// Always "false" until the merchant says otherwise; a string on the wire.
    pub securely_implemented: String,
    /// The merchant's comment.
    pub comment: String,
}

/// A Fail asset with its findings, shaped as in the vendor's sample.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NonCompliantAsset {
    /// The asset's address.
    pub ip: String,
    /// The asset's hostname.
    pub dns: Option<String>,
    /// Count of high-severity vulnerabilities.
    pub vuln_high: u32,
    /// Count of medium-severity vulnerabilities.
    pub vuln_med: u32,
    /// Count of low-severity vulnerabilities.
    pub vuln_low: u32,
    /// The scanning vendor's remediation advice.
    pub asv_comment: String,
    /// Findings about the asset's certificates.
    pub ssl_comment: String,
    /// Patches that fix the findings.
    pub patches: Vec<Patch>,
    /// The merchant's comment.
    pub merchant_comment: String,
}

/// A patch reference.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Patch {
    /// The link's text.
    pub url_text: String,
    /// The link, when the vendor has one.
    pub url: Option<String>,
}

struct Detection {
    category: &'static str,
    qid: &'static str,
    title: &'static str,
    port: Option<(u16, &'static str)>,
}

const DETECTIONS: [Detection; 6] = [
    detection(
        "Remote Access",
        "38739",
        "Secure Shell Service Detected",
        Some((22, "tcp")),
    ),
    detection(
        "Remote Access",
        "42428",
        "Remote Desktop Service Reachable",
        Some((3389, "tcp")),
    ),
    detection("Unknown services", "82023", "Open TCP Services List", None),
    detection("Unknown services", "82004", "Open UDP Services List", None),
    detection(
        "POS software",
        "45017",
        "Point-of-Sale Software Detected",
        Some((443, "tcp")),
    ),
    detection(
        "Anti-virus software",
        "105489",
        "Anti-Malware Agent Not Found",
        None,
    ),
];

const fn detection(
    category: &'static str,
    qid: &'static str,
    title: &'static str,
    port: Option<(u16, &'static str)>,
) -> Detection {
    Detection {
        category,
        qid,
        title,
        port,
    }
}

const ADVICE: [&str; 4] = [
    "Upgrade the web server to a supported release.",
    "Disable weak TLS protocol versions and ciphers.",
    "Change built-in or default account passwords.",
    "Apply the vendor's security updates for the operating system.",
];

const PATCHES: [(&str, Option<&str>); 4] = [
    (
        "OpenSSL security advisory",
        Some("https://vendor.example.com/advisories/openssl"),
    ),
    (
        "Web server update",
        Some("https://vendor.example.com/updates/httpd"),
    ),
    ("Operating system rollup", None),
    ("Database hotfix", None),
];

// Offsets keep the report data's random stream apart from the assets', so
// that changing a count here never reshuffles the data set.
const NOTES_STREAM: u64 = 0x005E_C1A1;
const FINDINGS_STREAM: u64 = 0xF14D;

/// Generates `count` special notes on assets picked from the data set.
pub fn generate_special_notes(assets: &[Asset], count: usize, seed: u64) -> Vec<SpecialNote> {
    if assets.is_empty() {
        return Vec::new();
    }
    let mut rng = fastrand::Rng::with_seed(seed ^ NOTES_STREAM);
    (0..count)
        .filter_map(|index| {
            let asset = assets.get(rng.usize(..assets.len()))?;
            let found = DETECTIONS.get(rng.usize(..DETECTIONS.len()))?;
            Some(SpecialNote {
                id: (1_231_000 + index * 17).to_string(),
                ip: asset.ip.to_string(),
                dns: asset.dns.clone(),
                special_note: found.category.to_owned(),
                qid: found.qid.to_owned(),
                title: found.title.to_owned(),
                port: found.port.map(|(number, _)| number),
                protocol: found.port.map(|(_, protocol)| protocol.to_owned()),
                securely_implemented: "false".to_owned(),
                comment: String::new(),
            })
        })
        .collect()
}

/// Describes the first `cap` Fail assets in ip order.
pub fn generate_non_compliant_assets(
    assets: &[Asset],
    cap: usize,
    seed: u64,
) -> Vec<NonCompliantAsset> {
    let mut rng = fastrand::Rng::with_seed(seed ^ FINDINGS_STREAM);
    assets
        .iter()
        .filter(|asset| asset.status == Compliance::Fail)
        .take(cap)
        .map(|asset| {
            let advice_count = rng.usize(1..=ADVICE.len());
            let patch_count = rng.usize(0..=2);
            NonCompliantAsset {
                ip: asset.ip.to_string(),
                dns: asset.dns.clone(),
                vuln_high: rng.u32(0..3),
                vuln_med: rng.u32(1..12),
                vuln_low: rng.u32(0..60),
                asv_comment: ADVICE
                    .iter()
                    .take(advice_count)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
                ssl_comment: if rng.bool() {
                    "The certificate is self-signed.".to_owned()
                } else {
                    String::new()
                },
                patches: PATCHES
                    .iter()
                    .skip(rng.usize(..PATCHES.len()))
                    .take(patch_count)
                    .map(|(text, url)| Patch {
                        url_text: (*text).to_owned(),
                        url: url.map(str::to_owned),
                    })
                    .collect(),
                merchant_comment: String::new(),
            }
        })
        .collect()
}
