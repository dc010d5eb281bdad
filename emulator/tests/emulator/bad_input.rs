//! Malformed requests get a 4xx with the JSON error body, never a dropped connection.

use reqwest::Method;

use crate::common::{error_message, start};

#[tokio::test]
async fn an_unknown_path_answers_404_with_the_json_body() {
    let emu = start(&[]).await;
    let response = emu.get("/pci/reporting/nothing/here").send().await.unwrap();
    error_message(response, 404).await;
    let response = emu.get("/").send().await.unwrap();
    error_message(response, 404).await;
}

#[tokio::test]
async fn a_wrong_method_answers_405_with_the_json_body() {
    let emu = start(&[]).await;
    let response = emu
        .api(Method::DELETE, "/pci/compliance/summary")
        .send()
        .await
        .unwrap();
    error_message(response, 405).await;
    let response = emu
        .get("/pci/reporting/reportGeneration/submit")
        .send()
        .await
        .unwrap();
    error_message(response, 405).await;
}

#[tokio::test]
async fn unknown_parameters_with_bad_values_are_named() {
    let emu = start(&[]).await;
    let response = emu
        .get("/pci/compliance/summary?%FF%FE=%00&limit=5")
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        400,
        "undecodable names are refused, not crashed on"
    );
    let response = emu
        .get("/pci/reporting/7713/status?verbose=yes")
        .send()
        .await
        .unwrap();
    assert!(
        error_message(response, 400).await.contains("verbose"),
        "the parameter is named"
    );
}

#[tokio::test]
async fn a_huge_or_odd_report_id_in_the_path_answers_400() {
    let emu = start(&[]).await;
    let long = "9".repeat(5000);
    for id in [long.as_str(), "1e3", "0x10", "%20", "7713%00"] {
        let response = emu
            .get(&format!("/pci/reporting/{id}/status"))
            .send()
            .await
            .unwrap();
        error_message(response, 400).await;
    }
}

#[tokio::test]
async fn the_server_keeps_serving_after_a_burst_of_garbage() {
    let emu = start(&[]).await;
    let junk = [
        "/pci/compliance/summary?limit=%",
        "/pci/compliance/summary?offset=99999999999999999999999",
        "/pci/reporting/download?reportId=&reportType=",
    ];
    for path in junk {
        let response = emu.get(path).send().await.unwrap();
        assert!(
            response.status().is_client_error(),
            "{path} is a client error, got {}",
            response.status()
        );
    }
    assert_eq!(
        emu.get("/pci/compliance/summary?limit=1")
            .send()
            .await
            .unwrap()
            .status(),
        200,
        "still serving"
    );
}
