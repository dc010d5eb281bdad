//! `GET /pci/reporting/{reportId}/status`.

use serde_json::json;

use crate::common::{error_message, start};

#[tokio::test]
async fn a_submitted_report_reports_its_id_and_status() {
    let emu = start(&[]).await;
    let id = emu.submit().await;
    let data = emu.get_data(&format!("/pci/reporting/{id}/status")).await;
    assert_eq!(
        data,
        json!({"id": id, "status": "Generated"}),
        "a zero step generates at once"
    );
}

#[tokio::test]
async fn an_unknown_id_answers_404() {
    let emu = start(&[]).await;
    let response = emu.get("/pci/reporting/9999/status").send().await.unwrap();
    let message = error_message(response, 404).await;
    assert!(
        message.contains("9999"),
        "the message names the id: {message}"
    );
}

#[tokio::test]
async fn an_id_that_is_not_a_positive_integer_answers_400() {
    let emu = start(&[]).await;
    for id in [
        "abc",
        "0",
        "-1",
        "1.5",
        "%2B7713",
        "99999999999999999999999",
    ] {
        let response = emu
            .get(&format!("/pci/reporting/{id}/status"))
            .send()
            .await
            .unwrap();
        let message = error_message(response, 400).await;
        assert!(
            message.contains("reportId"),
            "the message for {id} names reportId: {message}"
        );
    }
}
