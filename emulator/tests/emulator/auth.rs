//! Basic and bearer authentication.

use reqwest::Method;

use crate::common::{error_message, start};

const PATH: &str = "/pci/compliance/summary?limit=1";

#[tokio::test]
async fn a_missing_credential_answers_401_exactly_once() {
    let emu = start(&[]).await;
    let response = emu.client.get(emu.url(PATH)).send().await.unwrap();
    let message = error_message(response, 401).await;
    assert!(
        message.contains("authorization"),
        "the message says what is missing: {message}"
    );
    let log = emu.requests(10).await;
    assert_eq!(log.len(), 1, "exactly one request reached the emulator");
    assert_eq!(log[0]["status"], 401, "and it was answered 401");
    assert_eq!(log[0]["hasAuthorization"], false, "without credentials");
}

#[tokio::test]
async fn a_wrong_password_answers_401() {
    let emu = start(&[]).await;
    let response = emu
        .client
        .get(emu.url(PATH))
        .basic_auth("demo", Some("nope"))
        .send()
        .await
        .unwrap();
    error_message(response, 401).await;
    let response = emu
        .client
        .get(emu.url(PATH))
        .basic_auth("admin", Some("demo"))
        .send()
        .await
        .unwrap();
    error_message(response, 401).await;
}

#[tokio::test]
async fn configured_credentials_replace_the_defaults() {
    let emu = start(&[
        "--username",
        "merchant@pci",
        "--password",
        "s3cret:with:colons",
    ])
    .await;
    let ok = emu
        .client
        .get(emu.url(PATH))
        .basic_auth("merchant@pci", Some("s3cret:with:colons"))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200, "the configured pair is accepted");
    let old = emu
        .client
        .get(emu.url(PATH))
        .basic_auth("demo", Some("demo"))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 401, "the default pair no longer works");
}

#[tokio::test]
async fn a_bearer_token_works_only_when_configured_and_correct() {
    let off = start(&[]).await;
    let refused = off
        .client
        .get(off.url(PATH))
        .bearer_auth("anything")
        .send()
        .await
        .unwrap();
    error_message(refused, 401).await;

    let on = start(&["--bearer-token", "tok-123"]).await;
    let ok = on
        .client
        .get(on.url(PATH))
        .bearer_auth("tok-123")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200, "the configured token is accepted");
    let wrong = on
        .client
        .get(on.url(PATH))
        .bearer_auth("tok-124")
        .send()
        .await
        .unwrap();
    error_message(wrong, 401).await;
    let basic = on
        .client
        .get(on.url(PATH))
        .basic_auth("demo", Some("demo"))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status(), 200, "basic still works beside the token");
    let log = on.requests(3).await;
    let schemes: Vec<_> = log.iter().map(|r| r["authScheme"].clone()).collect();
    assert_eq!(
        schemes,
        ["Bearer", "Bearer", "Basic"],
        "the log names each scheme"
    );
}

#[tokio::test]
async fn every_api_endpoint_requires_credentials() {
    let emu = start(&[]).await;
    let calls = [
        (Method::GET, "/pci/compliance/summary"),
        (Method::GET, "/pci/reporting/complianceSummary"),
        (Method::GET, "/pci/reporting/reportGeneration/fetch"),
        (Method::POST, "/pci/reporting/reportGeneration/submit"),
        (Method::GET, "/pci/reporting/7713/status"),
        (
            Method::GET,
            "/pci/reporting/download?reportId=7713&reportType=Executive",
        ),
        (Method::PUT, "/pci/reporting/7713/requestReview"),
    ];
    for (method, path) in calls {
        let response = emu
            .client
            .request(method.clone(), emu.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "{method} {path} needs credentials");
    }
}

#[tokio::test]
async fn control_routes_need_no_credentials() {
    let emu = start(&[]).await;
    let (status, _) = emu.control(Method::GET, "/__emulator/stats", None).await;
    assert_eq!(status, 200, "stats are open");
    let (status, _) = emu.control(Method::POST, "/__emulator/reset", None).await;
    assert_eq!(status, 200, "reset is open");
}

#[tokio::test]
async fn the_request_log_never_shows_credential_values() {
    let emu = start(&[]).await;
    emu.get(PATH)
        .header("Cookie", "session=abc")
        .send()
        .await
        .unwrap();
    let log = emu.requests(1).await;
    let headers = &log[0]["headers"];
    assert_eq!(
        headers["authorization"], "<redacted>",
        "authorization is hidden"
    );
    assert_eq!(headers["cookie"], "<redacted>", "cookies are hidden");
    assert_eq!(headers["apiversion"], "V1", "other headers are shown");
    assert_eq!(log[0]["hasAuthorization"], true, "the presence is recorded");
    assert!(
        !log[0].to_string().contains("ZGVtbzpkZW1v"),
        "the encoded password appears nowhere"
    );
}
