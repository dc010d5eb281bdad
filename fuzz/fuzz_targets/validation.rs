//! The input rules on free text: IP addresses and ranges, hostnames, and
//! header values. What they accept must be what the server and `fetch` can
//! take without surprise.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualys_pci::validate::{check_header_value, is_hostname, parse_ip_or_range, IpOrRange};
use std::net::IpAddr;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);

    match parse_ip_or_range(&text) {
        Ok(IpOrRange::Single(a)) => {
            assert_eq!(
                text.parse::<IpAddr>().ok(),
                Some(a),
                "{text:?} is exactly one address"
            );
        }
        Ok(IpOrRange::Range(a, b)) => {
            assert!(
                a.is_ipv4() == b.is_ipv4() && a <= b,
                "{text:?}: one family, in order"
            );
            assert_eq!(
                text.matches('-').count(),
                1,
                "{text:?}: exactly one separator"
            );
        }
        Err(why) => assert!(!why.is_empty(), "a refusal says why"),
    }

    if is_hostname(&text) {
        let bare = text.strip_suffix('.').unwrap_or(&text);
        assert!(
            bare.len() <= 253 && bare.is_ascii(),
            "{text:?} is too long or not ASCII"
        );
        assert!(
            bare.split('.').all(|l| (1..=63).contains(&l.len())),
            "{text:?} has a bad label length"
        );
    }

    if check_header_value("headers.x", &text).is_ok() {
        assert!(
            !text.contains(['\r', '\n', '\0']),
            "{text:?} could smuggle a header"
        );
        assert!(
            text.chars().all(|c| c <= '\u{ff}'),
            "{text:?} would make fetch throw"
        );
    }
});
