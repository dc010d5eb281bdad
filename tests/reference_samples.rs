//! Every JSON sample of the vendor's reference text, kept in `fixtures/`
//! exactly as printed (raw line breaks inside strings included), decodes into
//! the SDK's types.
#![cfg(not(target_arch = "wasm32"))]

use qualys_pci::transport::{decode_envelope, escape_raw_controls};
use qualys_pci::*;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

#[test]
fn the_compliance_summary_sample_decodes_with_its_nulls() {
    let page: ComplianceSummaryPage =
        decode_envelope(&fixture("compliance-summary.json")).expect("decodes");
    assert_eq!(page.total_count, 4264);
    assert_eq!(page.fetch_range, "1-10");
    assert_eq!(page.compliance_summary_list.len(), 10);
    let first = &page.compliance_summary_list[0];
    assert_eq!(
        (first.ip.as_str(), first.compliance_status.clone()),
        ("123.123.123.141", ComplianceStatus::Pass)
    );
    assert_eq!(
        page.compliance_summary_list[7].compliance_status,
        ComplianceStatus::Fail
    );
    assert_eq!(
        page.compliance_summary_list[8].dns, None,
        "dns null in the sample"
    );
}

#[test]
fn the_report_data_sample_decodes_despite_raw_line_breaks() {
    let text = fixture("report-data.json");
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "the printed sample is not strict JSON"
    );
    let data: ReportGenerationData = decode_envelope(&text).expect("decodes after repair");
    assert_eq!(data.special_notes.len(), 3);
    assert_eq!(data.non_compliant_assets.len(), 3);
    let note = &data.special_notes[0];
    assert_eq!(note.id, TextOrNumber::Text("1231234".into()));
    assert_eq!(note.securely_implemented, TextOrBool::Text("false".into()));
    assert_eq!((note.port.clone(), note.protocol.clone()), (None, None));
    assert_eq!(
        note.title,
        "OpenSSH \"child_set_env()\" Security Bypass Issue"
    );
    let asset = &data.non_compliant_assets[0];
    assert_eq!(
        (asset.vuln_high, asset.vuln_med, asset.vuln_low),
        (0, 0, 58)
    );
    assert!(
        asset
            .asv_comment
            .as_deref()
            .is_some_and(|c| c.contains('\n')),
        "the line break survives as text"
    );
    assert_eq!(
        asset.patches,
        vec![Patch {
            url_text: "Apache Hive".into(),
            url: None
        }]
    );
}

#[test]
fn the_submit_request_sample_is_a_submission_once_name_and_title_are_added() {
    let text = escape_raw_controls(&fixture("submit-request.json")).expect("has raw line breaks");
    let mut body: serde_json::Value = serde_json::from_str(&text).expect("JSON after repair");
    assert!(
        serde_json::from_value::<ReportSubmission>(body.clone()).is_err(),
        "the vendor's sample omits the mandatory yourName and yourTitle"
    );
    body["yourName"] = "Ada Lovelace".into();
    body["yourTitle"] = "Ms.".into();
    let submission: ReportSubmission = serde_json::from_value(body).expect("decodes");
    assert_eq!(submission.special_notes.as_ref().map(Vec::len), Some(3));
    assert_eq!(
        submission.non_compliant_assets.as_ref().map(Vec::len),
        Some(3)
    );
    assert!(validate::check_submission(&submission).is_ok());
}

#[test]
fn the_submit_status_and_review_samples_decode() {
    let submitted: ReportRequestResult =
        decode_envelope(&fixture("submit-response.json")).expect("decodes");
    assert_eq!(submitted.id.get(), 7713);
    assert_eq!(
        submitted.status,
        "Successfully submitted Report Generation request"
    );
    let status: ReportStatusResult =
        decode_envelope(&fixture("report-status.json")).expect("decodes");
    assert_eq!(
        (status.id.get(), status.status),
        (1234, ReportStatus::Generated)
    );
    let review: ReportRequestResult =
        decode_envelope(&fixture("request-review.json")).expect("decodes");
    assert_eq!(
        review.status,
        "Attestation request successful for reportId 1234"
    );
}

#[test]
fn unknown_statuses_and_fields_are_tolerated() {
    let text =
        r#"{"responseApiVersion": "V1", "data": {"id": 5, "status": "Archived", "extra": [1]}}"#;
    let status: ReportStatusResult = decode_envelope(text).expect("decodes");
    assert_eq!(status.status, ReportStatus::Other("Archived".into()));
    let text = r#"{"data": {"totalCount": 1, "fetchRange": "1-1", "complianceSummaryList":
        [{"ip": "::1", "dns": null, "complianceStatus": "Not Scanned", "os": "linux"}]}}"#;
    let page: ComplianceSummaryPage = decode_envelope(text).expect("decodes");
    assert_eq!(
        page.compliance_summary_list[0].compliance_status,
        ComplianceStatus::Other("Not Scanned".into())
    );
}

#[test]
fn a_report_id_out_of_range_is_a_decode_error() {
    let e = decode_envelope::<ReportStatusResult>(r#"{"data": {"id": 0, "status": "Generated"}}"#)
        .expect_err("id 0");
    assert_eq!(e.kind(), ErrorKind::Decode);
}

#[test]
fn numbers_in_notes_go_back_to_the_server_as_they_came() {
    let text = r#"{"data": {"specialNotes": [{"id": 7, "ip": "10.0.0.1", "dns": null, "specialNote": "Remote Access",
        "qid": "42428", "title": "t", "port": 22, "protocol": "tcp", "securelyImplemented": false, "comment": null}],
        "nonCompliantAssets": []}}"#;
    let data: ReportGenerationData = decode_envelope(text).expect("decodes");
    let again = serde_json::to_string(&data.special_notes[0]).expect("encodes");
    assert!(
        again.contains(r#""port":22,"#) && again.contains(r#""id":7,"#),
        "integers stay integers: {again}"
    );
    assert!(
        again.contains(r#""qid":"42428""#),
        "strings stay strings: {again}"
    );
}
