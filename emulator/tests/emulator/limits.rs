//! The real rate and concurrency limits, in-flight counting and the body size limit.

use std::time::Duration;

use futures_util::future::join_all;
use reqwest::Method;

use crate::common::{error_message, start};

const PATH: &str = "/pci/compliance/summary?limit=1";

#[tokio::test]
async fn the_rate_limit_counts_calls_and_answers_409_with_the_wait() {
    let emu = start(&["--rate-limit", "3/60"]).await;
    for remaining in ["2", "1", "0"] {
        let response = emu.get(PATH).send().await.unwrap();
        assert_eq!(response.status(), 200, "within the budget");
        let headers = response.headers();
        assert_eq!(
            headers["x-ratelimit-limit"], "3",
            "the limit is sent on every answer"
        );
        assert_eq!(headers["x-ratelimit-window-sec"], "60", "so is the window");
        assert_eq!(
            headers["x-ratelimit-remaining"], remaining,
            "and what remains"
        );
    }
    let refused = emu.get(PATH).send().await.unwrap();
    let wait: u64 = refused.headers()["x-ratelimit-towait-sec"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (1..=60).contains(&wait),
        "the wait is within the window: {wait}"
    );
    assert_eq!(
        refused.headers()["x-ratelimit-remaining"],
        "0",
        "nothing remains"
    );
    let message = error_message(refused, 409).await;
    assert!(
        message.contains("rate limit"),
        "the message names the limit: {message}"
    );
    assert_eq!(
        emu.stats().await["rateLimited"],
        1,
        "the stats count the refusal"
    );
}

#[tokio::test]
async fn each_credential_has_its_own_window_and_bad_credentials_use_none() {
    let emu = start(&["--rate-limit", "1/60", "--bearer-token", "tok"]).await;
    let bad = emu
        .client
        .get(emu.url(PATH))
        .basic_auth("demo", Some("wrong"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        bad.status(),
        401,
        "a bad credential is refused before counting"
    );
    assert_eq!(
        emu.get(PATH).send().await.unwrap().status(),
        200,
        "basic has its call"
    );
    assert_eq!(
        emu.get(PATH).send().await.unwrap().status(),
        409,
        "and then none"
    );
    let bearer = emu
        .client
        .get(emu.url(PATH))
        .bearer_auth("tok")
        .send()
        .await
        .unwrap();
    assert_eq!(bearer.status(), 200, "the token has a window of its own");
}

#[tokio::test]
async fn the_window_slides_so_calls_come_back() {
    let emu = start(&["--rate-limit", "2/1"]).await;
    for _ in 0..2 {
        assert_eq!(
            emu.get(PATH).send().await.unwrap().status(),
            200,
            "within the budget"
        );
    }
    assert_eq!(
        emu.get(PATH).send().await.unwrap().status(),
        409,
        "over the budget"
    );
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        emu.get(PATH).send().await.unwrap().status(),
        200,
        "the window has moved on"
    );
}

#[tokio::test]
async fn the_concurrency_limit_refuses_requests_past_the_running_count() {
    let emu = start(&["--concurrency-limit", "2", "--latency-ms", "500"]).await;
    let responses = join_all((0..4).map(|_| emu.get(PATH).send())).await;
    let mut ok = 0;
    let mut refused = 0;
    for response in responses {
        let response = response.unwrap();
        let headers = response.headers().clone();
        assert_eq!(
            headers["x-concurrency-limit-limit"], "2",
            "the limit is on every answer"
        );
        assert!(
            headers.contains_key("x-concurrency-limit-running"),
            "so is the running count"
        );
        assert!(
            !headers.contains_key("x-ratelimit-towait-sec"),
            "no rate wait for concurrency"
        );
        match response.status().as_u16() {
            200 => ok += 1,
            409 => {
                assert_eq!(
                    headers["x-concurrency-limit-running"], "2",
                    "both slots were taken"
                );
                refused += 1;
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!((ok, refused), (2, 2), "two run and two are refused");
    assert_eq!(
        emu.stats().await["rateLimited"],
        2,
        "both refusals are counted"
    );
    assert_eq!(
        emu.get(PATH).send().await.unwrap().status(),
        200,
        "slots free up afterwards"
    );
}

#[tokio::test]
async fn without_limits_no_limit_headers_are_sent() {
    let emu = start(&[]).await;
    let response = emu.get(PATH).send().await.unwrap();
    assert!(
        !response.headers().contains_key("x-ratelimit-limit"),
        "no rate headers"
    );
    assert!(
        !response.headers().contains_key("x-concurrency-limit-limit"),
        "no concurrency headers"
    );
}

#[tokio::test]
async fn stats_record_the_most_requests_in_flight() {
    let emu = start(&["--latency-ms", "300"]).await;
    join_all((0..3).map(|_| emu.get(PATH).send())).await;
    let stats = emu.stats().await;
    assert_eq!(stats["maxInFlight"], 3, "three ran at once: {stats}");
    assert_eq!(stats["inFlight"], 0, "none is running now");
    assert_eq!(stats["requests"], 3, "three were counted");
    assert_eq!(
        stats["byPath"]["/pci/compliance/summary"], 3,
        "all on one path"
    );
}

#[tokio::test]
async fn a_body_over_one_mebibyte_answers_413() {
    let emu = start(&[]).await;
    let big = format!(
        "{{\"yourName\": \"{}\", \"yourTitle\": \"Mr.\"}}",
        "a".repeat(1024 * 1024)
    );
    let response = emu
        .api(Method::POST, "/pci/reporting/reportGeneration/submit")
        .header("Content-Type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    error_message(response, 413).await;
    let almost = format!(
        "{{\"yourName\": \"{}\", \"yourTitle\": \"Mr.\"}}",
        "a".repeat(1000 * 1000)
    );
    let response = emu
        .api(Method::POST, "/pci/reporting/reportGeneration/submit")
        .header("Content-Type", "application/json")
        .body(almost)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        200,
        "a body just under the limit is accepted"
    );
}
