//! `GET /pci/reporting/reportGeneration/fetch`.

use std::collections::HashMap;

use serde_json::Value;

use crate::common::{error_message, start};

const PATH: &str = "/pci/reporting/reportGeneration/fetch";

async fn assets_by_ip(emu: &crate::common::Emu) -> HashMap<String, Value> {
    let mut assets = HashMap::new();
    for offset in [1, 1001, 2001, 3001, 4001] {
        let data = emu
            .get_data(&format!(
                "/pci/compliance/summary?limit=1000&offset={offset}"
            ))
            .await;
        for row in data["complianceSummaryList"].as_array().unwrap() {
            assets.insert(row["ip"].as_str().unwrap().to_owned(), row.clone());
        }
    }
    assets
}

#[tokio::test]
async fn special_notes_have_the_vendor_fields_and_name_real_assets() {
    let emu = start(&[]).await;
    let data = emu.get_data(PATH).await;
    let assets = assets_by_ip(&emu).await;
    let notes = data["specialNotes"]
        .as_array()
        .expect("specialNotes should be an array");
    assert!(
        (24..=60).contains(&notes.len()),
        "a few dozen notes, got {}",
        notes.len()
    );
    for note in notes {
        assert!(
            note["id"].is_string() && note["qid"].is_string(),
            "id and qid are strings: {note}"
        );
        assert_eq!(
            note["securelyImplemented"], "false",
            "securelyImplemented is the string false"
        );
        assert!(
            note["port"].is_null() || note["port"].is_u64(),
            "port is null or a number: {note}"
        );
        assert!(
            note["protocol"].is_null() || note["protocol"].is_string(),
            "protocol: {note}"
        );
        for field in ["specialNote", "title", "comment"] {
            assert!(
                note[field].is_string(),
                "{field} should be a string: {note}"
            );
        }
        let asset = assets
            .get(note["ip"].as_str().unwrap())
            .expect("a note's ip is an asset");
        assert_eq!(asset["dns"], note["dns"], "a note's dns is its asset's dns");
    }
}

#[tokio::test]
async fn non_compliant_assets_are_the_first_fail_assets_in_ip_order() {
    let emu = start(&[]).await;
    let data = emu.get_data(PATH).await;
    let listed = data["nonCompliantAssets"]
        .as_array()
        .expect("nonCompliantAssets should be an array");
    let fails = emu
        .get_data("/pci/compliance/summary?ComplianceStatus=Fail&limit=200")
        .await;
    let fails = fails["complianceSummaryList"].as_array().unwrap();
    assert_eq!(listed.len(), 200, "capped at 200 by default");
    for (asset, fail) in listed.iter().zip(fails) {
        assert_eq!(
            asset["ip"], fail["ip"],
            "the list follows the Fail assets in ip order"
        );
        assert_eq!(asset["dns"], fail["dns"], "with their hostnames");
        for field in ["vulnHigh", "vulnMed", "vulnLow"] {
            assert!(asset[field].is_u64(), "{field} is a number: {asset}");
        }
        for field in ["asvComment", "sslComment", "merchantComment"] {
            assert!(asset[field].is_string(), "{field} is a string: {asset}");
        }
        for patch in asset["patches"].as_array().expect("patches is an array") {
            assert!(patch["urlText"].is_string(), "a patch has urlText: {patch}");
            assert!(
                patch["url"].is_null() || patch["url"].is_string(),
                "url is null or text"
            );
        }
    }
}

#[tokio::test]
async fn the_hidden_options_scale_the_report_data_for_benchmarks() {
    let emu = start(&[
        "--assets",
        "30000",
        "--special-notes",
        "5000",
        "--non-compliant-assets",
        "5000",
    ])
    .await;
    let data = emu.get_data(PATH).await;
    assert_eq!(
        data["specialNotes"].as_array().unwrap().len(),
        5000,
        "5000 notes asked for"
    );
    assert_eq!(
        data["nonCompliantAssets"].as_array().unwrap().len(),
        5000,
        "5000 assets asked for"
    );
}

#[tokio::test]
async fn a_query_parameter_is_refused_by_name() {
    let emu = start(&[]).await;
    let response = emu.get(&format!("{PATH}?limit=5")).send().await.unwrap();
    let message = error_message(response, 400).await;
    assert!(
        message.contains("limit"),
        "the message names the parameter: {message}"
    );
}
