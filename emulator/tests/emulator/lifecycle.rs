//! A report from submission to the bank, through the API and the control routes.

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::json;

use crate::common::start;

#[tokio::test]
async fn a_report_steps_through_launched_generating_and_generated() {
    let emu = start(&["--report-step-ms", "400"]).await;
    let id = emu.submit().await;
    let mut seen = vec![emu.status_of(id).await];
    let deadline = Instant::now() + Duration::from_secs(10);
    while seen.last().map(String::as_str) != Some("Generated") && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(40)).await;
        let status = emu.status_of(id).await;
        if seen.last() != Some(&status) {
            seen.push(status);
        }
    }
    assert_eq!(
        seen,
        ["Launched", "Report Generating", "Generated"],
        "the timed steps, in order"
    );
}

#[tokio::test]
async fn an_attested_report_can_be_submitted_and_still_downloaded() {
    let emu = start(&[]).await;
    let id = emu.submit().await;
    let review = emu
        .api(Method::PUT, &format!("/pci/reporting/{id}/requestReview"))
        .send()
        .await
        .unwrap();
    assert_eq!(review.status(), 200, "review requested");

    let (status, body) = emu
        .control(
            Method::POST,
            &format!("/__emulator/reports/{id}/attest"),
            None,
        )
        .await;
    assert_eq!(
        (status, body),
        (200, json!({"id": id, "status": "Attested"})),
        "attested"
    );
    assert_eq!(
        emu.status_of(id).await,
        "Attested",
        "the API sees the attestation"
    );

    let (status, body) = emu
        .control(
            Method::POST,
            &format!("/__emulator/reports/{id}/submit"),
            None,
        )
        .await;
    assert_eq!(
        (status, body),
        (200, json!({"id": id, "status": "Submitted"})),
        "submitted"
    );
    assert_eq!(
        emu.status_of(id).await,
        "Submitted",
        "the API sees the submission"
    );

    let pdf = emu
        .get(&format!(
            "/pci/reporting/download?reportId={id}&reportType=Executive"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200, "a submitted report still downloads");
}

#[tokio::test]
async fn a_rejected_report_stays_rejected() {
    let emu = start(&[]).await;
    let id = emu.submit().await;
    emu.api(Method::PUT, &format!("/pci/reporting/{id}/requestReview"))
        .send()
        .await
        .unwrap();
    let (status, _) = emu
        .control(
            Method::POST,
            &format!("/__emulator/reports/{id}/reject"),
            None,
        )
        .await;
    assert_eq!(status, 200, "rejected");
    assert_eq!(
        emu.status_of(id).await,
        "Rejected",
        "the API sees the rejection"
    );
    let (status, body) = emu
        .control(
            Method::POST,
            &format!("/__emulator/reports/{id}/submit"),
            None,
        )
        .await;
    assert_eq!(status, 409, "a rejected report cannot be submitted: {body}");
    assert_eq!(body["error"], "Conflict", "with the JSON error body");
}

#[tokio::test]
async fn control_transitions_out_of_order_answer_409_and_unknown_ids_404() {
    let emu = start(&[]).await;
    let id = emu.submit().await;
    for action in ["attest", "reject", "submit"] {
        let (status, _) = emu
            .control(
                Method::POST,
                &format!("/__emulator/reports/{id}/{action}"),
                None,
            )
            .await;
        assert_eq!(status, 409, "{action} does not apply to a Generated report");
    }
    let (status, _) = emu
        .control(Method::POST, "/__emulator/reports/9000/attest", None)
        .await;
    assert_eq!(status, 404, "an unknown report");
    let (status, _) = emu
        .control(
            Method::POST,
            &format!("/__emulator/reports/{id}/approve"),
            None,
        )
        .await;
    assert_eq!(status, 404, "an unknown action");
    let (status, _) = emu
        .control(Method::POST, "/__emulator/reports/abc/attest", None)
        .await;
    assert_eq!(status, 400, "a malformed id");
}

#[tokio::test]
async fn the_generate_control_route_finishes_a_slow_report() {
    let emu = start(&["--report-step-ms", "60000"]).await;
    let id = emu.submit().await;
    assert_eq!(
        emu.status_of(id).await,
        "Launched",
        "a slow report starts Launched"
    );
    let (status, body) = emu
        .control(
            Method::POST,
            &format!("/__emulator/reports/{id}/generate"),
            None,
        )
        .await;
    assert_eq!(
        (status, body),
        (200, json!({"id": id, "status": "Generated"})),
        "forced"
    );
    assert_eq!(
        emu.status_of(id).await,
        "Generated",
        "the API sees it generated"
    );
}

#[tokio::test]
async fn reset_forgets_reports_and_restarts_ids_but_keeps_the_data_set() {
    let emu = start(&[]).await;
    let before = emu.get_data("/pci/compliance/summary?limit=20").await;
    let id = emu.submit().await;
    let (status, body) = emu.control(Method::POST, "/__emulator/reset", None).await;
    assert_eq!(
        (status, body),
        (200, json!({"reset": true})),
        "reset answers"
    );
    let gone = emu
        .get(&format!("/pci/reporting/{id}/status"))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), 404, "the report is forgotten");
    assert_eq!(emu.submit().await, 7713, "ids start again");
    let after = emu.get_data("/pci/compliance/summary?limit=20").await;
    assert_eq!(before, after, "the data set stays");
}
