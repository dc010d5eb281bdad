//! `PUT /pci/reporting/{reportId}/requestReview`.

use reqwest::Method;
use serde_json::{json, Value};

use crate::common::{error_message, start};

#[tokio::test]
async fn a_generated_report_goes_to_pending_review() {
    let emu = start(&[]).await;
    let id = emu.submit().await;
    let response = emu
        .api(Method::PUT, &format!("/pci/reporting/{id}/requestReview"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        200,
        "review of a generated report is accepted"
    );
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["data"],
        json!({"id": id, "status": format!("Attestation request successful for reportId {id}")}),
        "the answer matches the vendor's sample"
    );
    assert_eq!(
        emu.status_of(id).await,
        "Pending Review",
        "the status moves on"
    );
}

#[tokio::test]
async fn a_second_review_request_answers_a_plain_409() {
    let emu = start(&["--rate-limit", "100/60"]).await;
    let id = emu.submit().await;
    let path = format!("/pci/reporting/{id}/requestReview");
    assert_eq!(
        emu.api(Method::PUT, &path).send().await.unwrap().status(),
        200,
        "first review"
    );
    let again = emu.api(Method::PUT, &path).send().await.unwrap();
    assert!(
        again.headers().get("x-ratelimit-towait-sec").is_none(),
        "a state conflict must not look like a rate limit"
    );
    let message = error_message(again, 409).await;
    assert!(
        message.contains("Pending Review"),
        "the message names the current status: {message}"
    );
}

#[tokio::test]
async fn a_report_still_generating_cannot_be_reviewed() {
    let emu = start(&["--report-step-ms", "60000"]).await;
    let id = emu.submit().await;
    let response = emu
        .api(Method::PUT, &format!("/pci/reporting/{id}/requestReview"))
        .send()
        .await
        .unwrap();
    error_message(response, 409).await;
}

#[tokio::test]
async fn unknown_and_malformed_ids_answer_404_and_400() {
    let emu = start(&[]).await;
    let unknown = emu
        .api(Method::PUT, "/pci/reporting/4242/requestReview")
        .send()
        .await
        .unwrap();
    error_message(unknown, 404).await;
    let malformed = emu
        .api(Method::PUT, "/pci/reporting/x1/requestReview")
        .send()
        .await
        .unwrap();
    error_message(malformed, 400).await;
}

#[tokio::test]
async fn review_answers_only_to_put() {
    let emu = start(&[]).await;
    let id = emu.submit().await;
    let response = emu
        .get(&format!("/pci/reporting/{id}/requestReview"))
        .send()
        .await
        .unwrap();
    error_message(response, 405).await;
}
