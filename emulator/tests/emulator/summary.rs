//! `GET /pci/compliance/summary` and its alias.

use std::net::IpAddr;

use serde_json::Value;

use crate::common::{error_message, start, Emu};

const PATH: &str = "/pci/compliance/summary";

async fn page(emu: &Emu, query: &str) -> (u64, String, Vec<Value>) {
    let data = emu.get_data(&format!("{PATH}?{query}")).await;
    let total = data["totalCount"]
        .as_u64()
        .expect("totalCount should be a number");
    let range = data["fetchRange"]
        .as_str()
        .expect("fetchRange should be a string")
        .to_owned();
    let rows = data["complianceSummaryList"]
        .as_array()
        .expect("list should be an array")
        .clone();
    (total, range, rows)
}

async fn all_rows(emu: &Emu, query: &str) -> Vec<Value> {
    let mut rows = Vec::new();
    for offset in (1..).step_by(1000) {
        let (total, _, mut chunk) = page(emu, &format!("{query}&limit=1000&offset={offset}")).await;
        rows.append(&mut chunk);
        if rows.len() as u64 >= total {
            break;
        }
    }
    rows
}

fn ip(row: &Value) -> IpAddr {
    row["ip"]
        .as_str()
        .expect("ip should be a string")
        .parse()
        .expect("ip should parse")
}

#[tokio::test]
async fn the_default_page_is_the_first_thousand_of_all_assets() {
    let emu = start(&[]).await;
    let (total, range, rows) = page(&emu, "").await;
    assert_eq!(total, 4264, "the default data set has 4264 assets");
    assert_eq!(range, "1-1000", "the default limit is 1000");
    assert_eq!(rows.len(), 1000, "a full page has 1000 rows");
    let first = &rows[0];
    assert!(
        first["dns"].is_string() || first["dns"].is_null(),
        "dns is a string or null"
    );
    assert!(first["complianceStatus"] == "Pass" || first["complianceStatus"] == "Fail");
}

#[tokio::test]
async fn the_vendor_sample_request_returns_rows_one_to_ten() {
    let emu = start(&[]).await;
    let (total, range, rows) = page(&emu, "limit=10&offset=0").await;
    assert_eq!(
        (total, range.as_str(), rows.len()),
        (4264, "1-10", 10),
        "offset 0 means the first record"
    );
    let (_, range_one, rows_one) = page(&emu, "limit=10&offset=1").await;
    assert_eq!(range_one, "1-10", "offset 1 is the same as offset 0");
    assert_eq!(rows, rows_one, "offset 0 and 1 return the same rows");
}

#[tokio::test]
async fn both_documented_paths_serve_the_same_data() {
    let emu = start(&[]).await;
    let documented = emu.get_data("/pci/compliance/summary?limit=50").await;
    let sample = emu
        .get_data("/pci/reporting/complianceSummary?limit=50")
        .await;
    assert_eq!(
        documented, sample,
        "the alias should answer exactly like the documented path"
    );
}

#[tokio::test]
async fn the_data_set_mixes_families_statuses_and_missing_hostnames() {
    let emu = start(&[]).await;
    let rows = all_rows(&emu, "").await;
    let count =
        |predicate: &dyn Fn(&Value) -> bool| rows.iter().filter(|row| predicate(row)).count();
    let ipv6 = count(&|row| ip(row).is_ipv6());
    let no_dns = count(&|row| row["dns"].is_null());
    let pass = count(&|row| row["complianceStatus"] == "Pass");
    assert!(
        (20..=200).contains(&ipv6),
        "about 2% should be ipv6, got {ipv6}"
    );
    assert!(
        (400..=900).contains(&no_dns),
        "about 15% should have no dns, got {no_dns}"
    );
    assert!(
        (3100..=3700).contains(&pass),
        "about 80% should pass, got {pass}"
    );
    let unique: std::collections::HashSet<_> = rows.iter().map(ip).collect();
    assert_eq!(unique.len(), rows.len(), "every ip should be unique");
}

#[tokio::test]
async fn the_same_seed_gives_the_same_data_and_another_seed_does_not() {
    let first = start(&["--seed", "42"]).await;
    let again = start(&["--seed", "42"]).await;
    let other = start(&["--seed", "43"]).await;
    let a = first.get_data(&format!("{PATH}?limit=100")).await;
    assert_eq!(
        a,
        again.get_data(&format!("{PATH}?limit=100")).await,
        "same seed, same data"
    );
    assert_ne!(
        a,
        other.get_data(&format!("{PATH}?limit=100")).await,
        "another seed, other data"
    );
}

#[tokio::test]
async fn the_assets_option_sets_the_size_of_the_data_set() {
    let emu = start(&["--assets", "25"]).await;
    let (total, range, rows) = page(&emu, "").await;
    assert_eq!(
        (total, range.as_str(), rows.len()),
        (25, "1-25", 25),
        "a small data set fits one page"
    );
}

#[tokio::test]
async fn ips_sort_in_numeric_order_with_ipv4_before_ipv6() {
    let emu = start(&[]).await;
    let rows = all_rows(&emu, "sortBy=ip&sortOrder=ASC").await;
    let ips: Vec<IpAddr> = rows.iter().map(ip).collect();
    assert!(
        ips.windows(2).all(|w| w[0] < w[1]),
        "ips should ascend numerically"
    );
    let texts: Vec<&str> = rows.iter().map(|row| row["ip"].as_str().unwrap()).collect();
    let mut as_text = texts.clone();
    as_text.sort_unstable();
    assert_ne!(
        texts, as_text,
        "numeric order should differ from text order in this data set"
    );
    let first_v6 = ips
        .iter()
        .position(IpAddr::is_ipv6)
        .expect("some ipv6 assets");
    assert!(
        ips[first_v6..].iter().all(IpAddr::is_ipv6),
        "ipv6 should follow every ipv4"
    );
}

#[tokio::test]
async fn descending_order_is_the_exact_reverse_of_ascending() {
    let emu = start(&["--assets", "300"]).await;
    for sort_by in ["ip", "dns", "complianceStatus"] {
        let ascending = all_rows(&emu, &format!("sortBy={sort_by}&sortOrder=ASC")).await;
        let mut descending = all_rows(&emu, &format!("sortBy={sort_by}&sortOrder=DESC")).await;
        descending.reverse();
        assert_eq!(
            ascending, descending,
            "DESC should reverse ASC when sorting by {sort_by}"
        );
    }
}

#[tokio::test]
async fn sorting_by_dns_puts_missing_hostnames_last_and_breaks_ties_by_ip() {
    let emu = start(&[]).await;
    let rows = all_rows(&emu, "sortBy=dns").await;
    let first_null = rows
        .iter()
        .position(|row| row["dns"].is_null())
        .expect("some null dns");
    assert!(
        rows[first_null..].iter().all(|row| row["dns"].is_null()),
        "nulls come last in ASC"
    );
    let names: Vec<&str> = rows[..first_null]
        .iter()
        .map(|row| row["dns"].as_str().unwrap())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "hostnames ascend");
    let null_ips: Vec<IpAddr> = rows[first_null..].iter().map(ip).collect();
    assert!(
        null_ips.windows(2).all(|w| w[0] < w[1]),
        "rows without dns tie, so they follow ip order"
    );
}

#[tokio::test]
async fn sorting_by_compliance_status_puts_fail_before_pass_in_ip_order() {
    let emu = start(&[]).await;
    let rows = all_rows(&emu, "sortby=complianceStatus").await;
    let first_pass = rows
        .iter()
        .position(|row| row["complianceStatus"] == "Pass")
        .unwrap();
    assert!(
        rows[..first_pass]
            .iter()
            .all(|row| row["complianceStatus"] == "Fail"),
        "Fail first"
    );
    assert!(
        rows[first_pass..]
            .iter()
            .all(|row| row["complianceStatus"] == "Pass"),
        "then Pass"
    );
    let fail_ips: Vec<IpAddr> = rows[..first_pass].iter().map(ip).collect();
    assert!(fail_ips.windows(2).all(|w| w[0] < w[1]), "ties break by ip");
}

#[tokio::test]
async fn pages_cover_every_asset_once_and_the_last_page_is_partial() {
    let emu = start(&[]).await;
    let whole = all_rows(&emu, "").await;
    let (total, range, rows) = page(&emu, "limit=1000&offset=4001").await;
    assert_eq!(total, 4264, "totalCount is the same on every page");
    assert_eq!(
        range, "4001-4264",
        "the last page's range ends at the total"
    );
    assert_eq!(rows.len(), 264, "the last page holds the remainder");
    assert_eq!(
        rows[..],
        whole[4000..],
        "the last page is the tail of the whole list"
    );
    let (_, range, rows) = page(&emu, "limit=7&offset=4264").await;
    assert_eq!(
        (range.as_str(), rows.len()),
        ("4264-4264", 1),
        "the very last record alone"
    );
}

#[tokio::test]
async fn an_offset_past_the_end_returns_an_empty_page_with_the_total() {
    let emu = start(&[]).await;
    let (total, range, rows) = page(&emu, "offset=4265").await;
    assert_eq!(
        (total, range.as_str(), rows.len()),
        (4264, "", 0),
        "past the end is empty, not an error"
    );
}

#[tokio::test]
async fn the_ip_parameter_filters_one_address_or_a_range() {
    let emu = start(&[]).await;
    let (_, _, rows) = page(&emu, "limit=20").await;
    let one = rows[5]["ip"].as_str().unwrap();
    let (total, range, only) = page(&emu, &format!("IP={one}")).await;
    assert_eq!(
        (total, range.as_str()),
        (1, "1-1"),
        "a single address matches itself"
    );
    assert_eq!(only[0], rows[5], "the matching row is returned");

    let low = rows[3]["ip"].as_str().unwrap();
    let high = rows[12]["ip"].as_str().unwrap();
    let (total, _, within) = page(&emu, &format!("ip={low}-{high}")).await;
    assert_eq!(total, 10, "a range includes both of its ends");
    assert_eq!(
        within[..],
        rows[3..13],
        "the range holds exactly the rows between"
    );
}

#[tokio::test]
async fn the_ip_parameter_accepts_ipv6() {
    let emu = start(&[]).await;
    let (_, _, rows) = page(&emu, "sortOrder=DESC&limit=1").await;
    let v6 = rows[0]["ip"].as_str().unwrap();
    assert!(v6.contains(':'), "the highest ip is ipv6");
    let encoded = v6.replace(':', "%3A");
    let (total, _, _) = page(&emu, &format!("IP={encoded}")).await;
    assert_eq!(total, 1, "an ipv6 address filters like an ipv4 one");
    let (total, _, _) = page(&emu, "IP=2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff").await;
    assert!(total >= 1, "an ipv6 range matches the ipv6 assets");
}

#[tokio::test]
async fn the_dns_parameter_matches_one_exact_hostname() {
    let emu = start(&[]).await;
    let (_, _, rows) = page(&emu, "limit=50").await;
    let named = rows.iter().find(|row| row["dns"].is_string()).unwrap();
    let host = named["dns"].as_str().unwrap();
    let (total, _, found) = page(&emu, &format!("DNS={host}")).await;
    assert!(total >= 1, "the hostname is found");
    assert!(
        found.iter().all(|row| row["dns"] == host),
        "only that hostname is returned"
    );
    let partial = host.split_once('.').unwrap().1;
    let (total, range, _) = page(&emu, &format!("dns={partial}")).await;
    assert_eq!(
        (total, range.as_str()),
        (0, ""),
        "a partial hostname matches nothing"
    );
}

#[tokio::test]
async fn the_compliance_status_parameter_filters_pass_or_fail() {
    let emu = start(&[]).await;
    let (all, _, _) = page(&emu, "limit=1").await;
    let (pass, _, pass_rows) = page(&emu, "ComplianceStatus=Pass").await;
    let (fail, _, fail_rows) = page(&emu, "complianceStatus=Fail").await;
    assert_eq!(pass + fail, all, "Pass and Fail partition the assets");
    assert!(
        pass_rows
            .iter()
            .all(|row| row["complianceStatus"] == "Pass"),
        "only Pass rows"
    );
    assert!(
        fail_rows
            .iter()
            .all(|row| row["complianceStatus"] == "Fail"),
        "only Fail rows"
    );
}

#[tokio::test]
async fn filters_combine_and_parameter_names_ignore_case() {
    let emu = start(&[]).await;
    let (_, _, rows) = page(&emu, "limit=100&compliancestatus=fail").await;
    let low = rows[0]["ip"].as_str().unwrap();
    let high = rows[9]["ip"].as_str().unwrap();
    let (total, _, found) = page(
        &emu,
        &format!("iP={low}-{high}&COMPLIANCESTATUS=Fail&SORTBY=ip&SortOrder=asc&LIMIT=5&Offset=2"),
    )
    .await;
    assert_eq!(total, 10, "ten Fail assets lie in the range");
    assert_eq!(
        found[..],
        rows[1..6],
        "the second page of five starts at the second row"
    );
}

#[tokio::test]
async fn every_bad_value_answers_400_naming_its_parameter() {
    let emu = start(&[]).await;
    let cases = [
        ("sortBy=size", "sortBy"),
        ("sortOrder=UP", "sortOrder"),
        ("offset=-1", "offset"),
        ("offset=two", "offset"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("limit=ten", "limit"),
        ("IP=1.2.3", "IP"),
        ("IP=1.2.3.9-1.2.3.1", "IP"),
        ("IP=1.2.3.4-::1", "IP"),
        ("DNS=", "DNS"),
        ("ComplianceStatus=Maybe", "ComplianceStatus"),
        ("colour=blue", "colour"),
        ("limit=5&LIMIT=6", "LIMIT"),
    ];
    for (query, parameter) in cases {
        let response = emu.get(&format!("{PATH}?{query}")).send().await.unwrap();
        let message = error_message(response, 400).await;
        assert!(
            message.contains(parameter),
            "the message for {query} should name {parameter}: {message}"
        );
    }
}
