//! `POST /pci/reporting/reportGeneration/submit`.

use reqwest::Method;
use serde_json::{json, Value};

use crate::common::{error_message, start, Emu};

const PATH: &str = "/pci/reporting/reportGeneration/submit";

async fn post(emu: &Emu, body: &Value) -> reqwest::Response {
    emu.api(Method::POST, PATH).json(body).send().await.unwrap()
}

#[tokio::test]
async fn the_vendor_sample_body_is_accepted_with_id_7713() {
    let emu = start(&[]).await;
    let fetched = emu.get_data("/pci/reporting/reportGeneration/fetch").await;
    let body = json!({
        "specialNotes": fetched["specialNotes"],
        "nonCompliantAssets": fetched["nonCompliantAssets"],
        "specialNotesSecurelyImplemented": true,
        "specialNotesSingleComment": "compensating controls are in place",
        "nonCompliantSingleComment": "patches are scheduled",
        "yourName": "Pat Smith",
        "yourTitle": "Ms.",
        "notActiveIps": "123.234.0.100-123.234.0.111",
        "submissionTitle": "Q3 attestation",
    });
    let response = post(&emu, &body).await;
    assert_eq!(response.status(), 200, "a full body is accepted");
    let reply: Value = response.json().await.unwrap();
    assert_eq!(
        reply["responseApiVersion"], "LATEST - V1",
        "the reply is enveloped"
    );
    assert_eq!(
        reply["data"],
        json!({"id": 7713, "status": "Successfully submitted Report Generation request"}),
        "the first report gets the vendor's sample id"
    );
}

#[tokio::test]
async fn ids_increase_with_each_submission() {
    let emu = start(&[]).await;
    let ids = [emu.submit().await, emu.submit().await, emu.submit().await];
    assert_eq!(ids, [7713, 7714, 7715], "ids count up from 7713");
}

#[tokio::test]
async fn the_flag_accepts_booleans_numbers_and_strings() {
    let emu = start(&[]).await;
    for flag in [
        json!(true),
        json!(false),
        json!(0),
        json!(1),
        json!("true"),
        json!("0"),
    ] {
        let body = json!({
            "yourName": "A", "yourTitle": "Mr.",
            "specialNotesSecurelyImplemented": flag,
            "specialNotesSingleComment": "why",
        });
        assert_eq!(
            post(&emu, &body).await.status(),
            200,
            "{flag} is a valid flag"
        );
    }
}

#[tokio::test]
async fn not_active_ips_accepts_an_address_or_a_range() {
    let emu = start(&[]).await;
    for ips in ["10.1.2.3", "10.1.2.3-10.1.2.9", "2001:db8::1-2001:db8::ff"] {
        let body = json!({ "yourName": "A", "yourTitle": "Mr.", "notActiveIps": ips });
        assert_eq!(post(&emu, &body).await.status(), 200, "{ips:?} is accepted");
    }
}

#[tokio::test]
async fn each_invalid_field_answers_400_naming_it() {
    let emu = start(&[]).await;
    let cases = [
        (json!({ "yourTitle": "Mr." }), "yourName"),
        (json!({ "yourName": "A" }), "yourTitle"),
        (json!({ "yourName": "  ", "yourTitle": "Mr." }), "yourName"),
        (json!({ "yourName": "A", "yourTitle": "" }), "yourTitle"),
        (json!({ "yourName": 5, "yourTitle": "Mr." }), "yourName"),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "specialNotesSecurelyImplemented": true }),
            "specialNotesSingleComment",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "specialNotesSecurelyImplemented": 2, "specialNotesSingleComment": "x" }),
            "specialNotesSecurelyImplemented",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "specialNotesSecurelyImplemented": "yes", "specialNotesSingleComment": "x" }),
            "specialNotesSecurelyImplemented",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "notActiveIps": "10.0.0.300" }),
            "notActiveIps",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "notActiveIps": "10.0.0.9-10.0.0.1" }),
            "notActiveIps",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "notActiveIps": "10.0.0.1-::1" }),
            "notActiveIps",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "notActiveIps": "" }),
            "notActiveIps",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "notActiveIps": "10.0.0.1,10.0.0.2" }),
            "notActiveIps",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "specialNotes": {} }),
            "specialNotes",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "nonCompliantAssets": [1] }),
            "nonCompliantAssets",
        ),
        (
            json!({ "yourName": "A", "yourTitle": "Mr.", "submissionTitle": [] }),
            "submissionTitle",
        ),
    ];
    for (body, field) in cases {
        let message = error_message(post(&emu, &body).await, 400).await;
        assert!(
            message.contains(field),
            "the message for {body} should name {field}: {message}"
        );
    }
}

#[tokio::test]
async fn a_body_that_is_not_a_json_object_is_refused() {
    let emu = start(&[]).await;
    for raw in ["{\"yourName\": ", "[1, 2]", "", "yourName=A"] {
        let response = emu
            .api(Method::POST, PATH)
            .header("Content-Type", "application/json")
            .body(raw)
            .send()
            .await
            .unwrap();
        let message = error_message(response, 400).await;
        assert!(
            message.contains("json"),
            "the message for {raw:?} says json: {message}"
        );
    }
}

#[tokio::test]
async fn a_body_without_the_json_content_type_answers_415() {
    let emu = start(&[]).await;
    let json_text = r#"{"yourName": "A", "yourTitle": "Mr."}"#;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let mut request = emu.api(Method::POST, PATH).body(json_text);
        if let Some(content_type) = content_type {
            request = request.header("Content-Type", content_type);
        }
        let message = error_message(request.send().await.unwrap(), 415).await;
        assert!(
            message.contains("content-type"),
            "the message names the header: {message}"
        );
    }
    let with_charset = emu
        .api(Method::POST, PATH)
        .header("Content-Type", "application/json; charset=utf-8")
        .body(json_text)
        .send()
        .await
        .unwrap();
    assert_eq!(with_charset.status(), 200, "a charset parameter is fine");
}

#[tokio::test]
async fn a_malformed_note_or_asset_answers_400_naming_the_item_field() {
    let emu = start(&[]).await;
    let fetched = emu.get_data("/pci/reporting/reportGeneration/fetch").await;
    let base = json!({"yourName": "Pat Smith", "yourTitle": "Ms."});
    let cases = [
        (
            "specialNotes",
            "comment",
            json!(42),
            "specialNotes[0].comment",
        ),
        ("specialNotes", "ip", Value::Null, "specialNotes[0].ip"),
        (
            "nonCompliantAssets",
            "merchantComment",
            json!(7),
            "nonCompliantAssets[0].merchantComment",
        ),
        (
            "nonCompliantAssets",
            "vulnHigh",
            json!(-1),
            "nonCompliantAssets[0].vulnHigh",
        ),
        (
            "nonCompliantAssets",
            "patches",
            json!([{"urlText": 1, "url": null}]),
            "nonCompliantAssets[0].patches[0].urlText",
        ),
    ];
    for (list, field, bad, named) in cases {
        let mut items = fetched[list].clone();
        items[0][field] = bad.clone();
        let mut body = base.clone();
        body[list] = items;
        let message = error_message(post(&emu, &body).await, 400).await;
        assert!(
            message.contains(named),
            "the message names {named}: {message}"
        );
    }
    let mut missing = fetched["specialNotes"].clone();
    missing[0].as_object_mut().unwrap().remove("title");
    let mut body = base.clone();
    body["specialNotes"] = missing;
    assert_eq!(
        post(&emu, &body).await.status(),
        400,
        "a missing item field is refused"
    );
}
