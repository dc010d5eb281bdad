//! Property tests: the input rules accept exactly the documented grammar, a
//! valid query survives encoding, and backoff stays under its cap. Each rule
//! is compared with an oracle written here from the documentation, not from
//! the SDK's code.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use qualys_pci::disposition::filename;
use qualys_pci::transport::{backoff_ms, RateLimit, MAX_BACKOFF_MS};
use qualys_pci::validate::{
    check_header_value, check_summary_query, is_hostname, parse_ip_or_range, report_id_from_f64,
};
use qualys_pci::{BaseUrl, ComplianceStatus, ComplianceSummaryQuery, ReportId, SortBy, SortOrder};
use std::net::{Ipv4Addr, Ipv6Addr};

const CASES: u32 = 2048;

// ---------------------------------------------------------------- oracles

/// Dotted-quad IPv4: four decimal octets, 0 to 255, no leading zeros
/// (which some parsers read as octal, so the SDK refuses them).
fn oracle_ipv4(text: &str) -> Option<u32> {
    let octets: Vec<&str> = text.split('.').collect();
    if octets.len() != 4 {
        return None;
    }
    let mut value = 0u32;
    for octet in octets {
        let digits_only =
            !octet.is_empty() && octet.len() <= 3 && octet.bytes().all(|b| b.is_ascii_digit());
        if !digits_only || (octet.len() > 1 && octet.starts_with('0')) {
            return None;
        }
        let n: u32 = octet.parse().ok()?;
        if n > 255 {
            return None;
        }
        value = value * 256 + n;
    }
    Some(value)
}

/// An address or `a-b` range of IPv4 addresses, as the oracle sees it.
fn oracle_ipv4_or_range(text: &str) -> bool {
    match text.split_once('-') {
        None => oracle_ipv4(text).is_some(),
        Some((a, b)) => match (oracle_ipv4(a), oracle_ipv4(b)) {
            (Some(a), Some(b)) => a <= b,
            _ => false,
        },
    }
}

/// RFC 1123: labels of letters, digits and inner hyphens, 1-63 characters
/// each, 253 in all, with at most one trailing dot.
fn oracle_hostname(text: &str) -> bool {
    let name = text.strip_suffix('.').unwrap_or(text);
    let label_ok = |label: &str| {
        let chars: Vec<char> = label.chars().collect();
        let edge_ok = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        (1..=63).contains(&chars.len())
            && chars.iter().all(|c| c.is_ascii_alphanumeric() || *c == '-')
            && edge_ok(chars.first())
            && edge_ok(chars.last())
    };
    (1..=253).contains(&name.len()) && name.split('.').all(label_ok)
}

/// An integer from 1 to 2^53 - 1, JavaScript's safe integers.
fn oracle_report_id(value: f64) -> bool {
    value.is_finite() && value.trunc() == value && (1.0..=9_007_199_254_740_991.0).contains(&value)
}

// ------------------------------------------------------------- generators

/// Strings that look like addresses and ranges, broken in the ways people
/// and attackers break them.
fn ipv4ish() -> impl Strategy<Value = String> {
    // Weighted so that about one address in six is valid.
    let octet = prop_oneof![
        8 => (0u32..=255).prop_map(|n| n.to_string()),
        1 => (256u32..=999).prop_map(|n| n.to_string()),
        1 => (0u32..=99).prop_map(|n| format!("0{n}")),
        1 => Just(String::new()),
        1 => "[0-9a-z +/]{1,4}",
    ];
    let count = prop_oneof![6 => Just(4usize), 1 => Just(3usize), 1 => Just(5usize)];
    let addr = count
        .prop_flat_map(move |n| prop::collection::vec(octet.clone(), n))
        .prop_map(|o| o.join("."));
    prop_oneof![
        addr.clone(),
        (addr.clone(), addr.clone()).prop_map(|(a, b)| format!("{a}-{b}")),
        (addr.clone(), addr.clone(), addr).prop_map(|(a, b, c)| format!("{a}-{b}-{c}")),
        "[0-9.\\- /]{0,20}",
    ]
}

/// An IPv6 address in one of its valid spellings.
fn ipv6_spelling() -> impl Strategy<Value = (u128, String)> {
    (any::<u128>(), 0..3u8).prop_map(|(n, style)| {
        let addr = Ipv6Addr::from(n);
        let text = match style {
            0 => addr.to_string(),
            1 => addr
                .segments()
                .iter()
                .map(|s| format!("{s:x}"))
                .collect::<Vec<_>>()
                .join(":"),
            _ => addr
                .segments()
                .iter()
                .map(|s| format!("{s:04X}"))
                .collect::<Vec<_>>()
                .join(":"),
        };
        (n, text)
    })
}

fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z0-9]([a-zA-Z0-9-]{0,20}[a-zA-Z0-9])?",
        1 => "[a-z0-9-]{0,70}",
        1 => "[a-zA-Z0-9_ é*]{1,5}",
    ]
}

fn hostnameish() -> impl Strategy<Value = String> {
    (prop::collection::vec(label(), 1..6), any::<bool>()).prop_map(|(labels, root)| {
        let name = labels.join(".");
        if root {
            format!("{name}.")
        } else {
            name
        }
    })
}

fn valid_hostname() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?", 1..4)
        .prop_map(|labels| labels.join("."))
        .prop_filter("253 characters at most", |n| n.len() <= 253)
}

fn valid_ip_filter() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<u32>().prop_map(|n| Ipv4Addr::from(n).to_string()),
        (any::<u32>(), any::<u32>()).prop_map(|(a, b)| {
            format!("{}-{}", Ipv4Addr::from(a.min(b)), Ipv4Addr::from(a.max(b)))
        }),
        (any::<u128>(), any::<u128>()).prop_map(|(a, b)| {
            format!("{}-{}", Ipv6Addr::from(a.min(b)), Ipv6Addr::from(a.max(b)))
        }),
    ]
}

fn valid_query() -> impl Strategy<Value = ComplianceSummaryQuery> {
    let sort_by = prop::option::of(prop_oneof![
        Just(SortBy::Ip),
        Just(SortBy::Dns),
        Just(SortBy::ComplianceStatus)
    ]);
    let sort_order = prop::option::of(prop_oneof![Just(SortOrder::Asc), Just(SortOrder::Desc)]);
    let status = prop::option::of(prop_oneof![
        Just(ComplianceStatus::Pass),
        Just(ComplianceStatus::Fail)
    ]);
    (
        sort_by,
        sort_order,
        prop::option::of(any::<u32>()),
        prop::option::of(1u32..=1000),
        prop::option::of(valid_ip_filter()),
        prop::option::of(valid_hostname()),
        status,
    )
        .prop_map(
            |(sort_by, sort_order, offset, limit, ip, dns, compliance_status)| {
                ComplianceSummaryQuery {
                    sort_by,
                    sort_order,
                    offset,
                    limit,
                    ip,
                    dns,
                    compliance_status,
                }
            },
        )
}

// ------------------------------------------------------------- properties

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn ipv4_addresses_and_ranges_are_accepted_exactly_as_the_grammar_says(text in ipv4ish()) {
        prop_assert_eq!(parse_ip_or_range(&text).is_ok(), oracle_ipv4_or_range(&text), "{:?}", text);
    }

    #[test]
    fn every_spelling_of_an_ipv6_address_is_accepted(spelled in ipv6_spelling()) {
        prop_assert!(parse_ip_or_range(&spelled.1).is_ok(), "{:?}", spelled.1);
    }

    #[test]
    fn an_ipv6_range_is_accepted_only_in_order(a in ipv6_spelling(), b in ipv6_spelling()) {
        let text = format!("{}-{}", a.1, b.1);
        prop_assert_eq!(parse_ip_or_range(&text).is_ok(), a.0 <= b.0, "{:?}", text);
    }

    #[test]
    fn a_range_mixing_the_families_is_refused(v4 in any::<u32>(), v6 in any::<u128>(), v4_first in any::<bool>()) {
        let (v4, v6) = (Ipv4Addr::from(v4).to_string(), Ipv6Addr::from(v6).to_string());
        let text = if v4_first { format!("{v4}-{v6}") } else { format!("{v6}-{v4}") };
        prop_assert!(parse_ip_or_range(&text).is_err(), "{:?}", text);
    }

    #[test]
    fn padding_or_a_suffix_makes_any_address_invalid(addr in valid_ip_filter(), pad in "[ \t/%,;]|/24|%eth0") {
        for text in [format!("{pad}{addr}"), format!("{addr}{pad}")] {
            prop_assert!(parse_ip_or_range(&text).is_err(), "{:?}", text);
        }
    }

    #[test]
    fn hostnames_are_accepted_exactly_as_rfc_1123_says(text in hostnameish()) {
        prop_assert_eq!(is_hostname(&text), oracle_hostname(&text), "{:?}", text);
    }

    #[test]
    fn names_near_the_length_limits_follow_the_grammar(label_len in 60usize..=66, labels in 1usize..=5) {
        let text = vec!["a".repeat(label_len); labels].join(".");
        prop_assert_eq!(is_hostname(&text), oracle_hostname(&text), "{} labels of {}", labels, label_len);
    }

    #[test]
    fn report_ids_are_exactly_the_safe_positive_integers(value in prop_oneof![
        any::<f64>(),
        (-3i64..=3).prop_map(|n| n as f64),
        (-3i64..=3).prop_map(|n| (ReportId::MAX as i64 + n) as f64),
        (1u64..=ReportId::MAX).prop_map(|n| n as f64 + 0.5),
        Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(-0.0),
    ]) {
        let id = report_id_from_f64(value);
        prop_assert_eq!(id.is_ok(), oracle_report_id(value), "{}", value);
        if let Ok(id) = id {
            prop_assert_eq!(id.get() as f64, value, "the id is the number given");
        }
    }

    #[test]
    fn header_values_are_refused_exactly_when_they_hold_a_line_break_or_a_wide_character(
        value in "(\\PC|[\r\n\0\u{80}-\u{ff}]){0,12}",
    ) {
        let oracle = !value.contains(['\r', '\n', '\0']) && value.chars().all(|c| (c as u32) <= 0xff);
        prop_assert_eq!(check_header_value("headers.x", &value).is_ok(), oracle, "{:?}", value);
    }

    #[test]
    fn a_valid_query_passes_and_round_trips_through_its_encoding(query in valid_query()) {
        prop_assert!(check_summary_query(&query).is_ok(), "{:?}", query);
        let encoded = serde_urlencoded::to_string(&query).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let decoded: ComplianceSummaryQuery =
            serde_urlencoded::from_str(&encoded).map_err(|e| TestCaseError::fail(format!("{encoded}: {e}")))?;
        prop_assert_eq!(decoded, query, "through {:?}", encoded);
    }

    #[test]
    fn a_limit_outside_one_to_a_thousand_is_refused_and_named(limit in prop_oneof![Just(0u32), 1001u32..]) {
        let query = ComplianceSummaryQuery { limit: Some(limit), ..Default::default() };
        let field = check_summary_query(&query).err().and_then(|e| e.field().map(str::to_owned));
        prop_assert_eq!(field.as_deref(), Some("limit"), "{}", limit);
    }

    #[test]
    fn backoff_never_exceeds_its_cap_and_never_drops_below_half_a_step(attempt in any::<u32>(), unit in any::<f64>()) {
        let base = backoff_ms(1, 1.0);
        let step = base.saturating_mul(1u64 << attempt.saturating_sub(1).min(40)).min(MAX_BACKOFF_MS);
        let wait = backoff_ms(attempt, unit);
        prop_assert!(wait <= step && wait <= MAX_BACKOFF_MS, "attempt {} unit {}: {} ms", attempt, unit, wait);
        prop_assert!(wait >= step / 2, "attempt {} unit {}: {} ms is below half of {}", attempt, unit, wait, step);
    }

    #[test]
    fn any_server_wait_in_seconds_is_read_without_overflow(secs in any::<u64>(), vendor in any::<bool>()) {
        let name = if vendor { "x-ratelimit-towait-sec" } else { "retry-after" };
        let limits = RateLimit::from_headers(|n| (n == name).then(|| secs.to_string()), 0.0);
        prop_assert_eq!(limits.wait_ms(), Some(secs.saturating_mul(1000)));
    }

    #[test]
    fn a_refused_base_url_never_echoes_a_password_whatever_its_scheme_looks_like(
        scheme in prop_oneof![Just(""), Just("https://"), Just("http://"), Just("https:/"), Just("https:"), Just("//"), Just("ftp://")],
        password in "[A-Za-z0-9]{12,20}",
        host in prop_oneof![Just("pci-api.qualys.com"), Just("10.0.0.1"), Just("a b")],
    ) {
        let text = format!("{scheme}user:{password}@{host}");
        let e = BaseUrl::parse(&text);
        prop_assert!(e.is_err(), "{:?} has credentials, so it is refused", text);
        let message = e.err().map(|e| e.message().to_owned()).unwrap_or_default();
        prop_assert!(!message.contains(&password), "{:?} is echoed in {:?}", text, message);
    }

    #[test]
    fn a_safe_file_name_survives_both_content_disposition_forms(name in "[^/\\\\\\p{Cc}]{1,40}") {
        prop_assume!(name.trim() == name && !name.chars().all(|c| c == '.'));
        let quoted = name.replace('\\', "\\\\").replace('"', "\\\"");
        let plain = format!("attachment; filename=\"{quoted}\"");
        prop_assert_eq!(filename(&plain), Some(name.clone()), "{:?}", plain);
        let encoded: String = name.bytes().map(|b| format!("%{b:02X}")).collect();
        let extended = format!("attachment; filename=\"x.pdf\"; filename*=UTF-8''{encoded}");
        prop_assert_eq!(filename(&extended), Some(name.clone()), "{:?}", extended);
    }
}
