use std::net::IpAddr;

/// An address or an inclusive range of one family, as the API's `IP` and
/// `notActiveIps` take them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpOrRange {
    /// One address.
    Single(IpAddr),
    /// `first-last`, same family, `first <= last`.
    Range(IpAddr, IpAddr),
}

/// Parses `a` or `a-b`; the error says what is wrong in words a caller can act on.
pub fn parse_ip_or_range(text: &str) -> Result<IpOrRange, String> {
    let addr = |s: &str| {
        s.parse::<IpAddr>()
            .map_err(|_| format!("{s:?} is not an IPv4 or IPv6 address"))
    };
    // No trimming: a space would reach the server inside the query value.
    match text.split_once('-') {
        None => addr(text).map(IpOrRange::Single),
        Some((first, last)) => {
            let (first, last) = (addr(first)?, addr(last)?);
            if first.is_ipv4() != last.is_ipv4() {
                return Err(format!("range {text:?} mixes IPv4 and IPv6"));
            }
            if first > last {
                return Err(format!("range {text:?} starts after it ends"));
            }
            Ok(IpOrRange::Range(first, last))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_addresses_of_both_families_parse() {
        assert!(matches!(
            parse_ip_or_range("10.0.0.1"),
            Ok(IpOrRange::Single(_))
        ));
        assert!(matches!(
            parse_ip_or_range("2001:db8::1"),
            Ok(IpOrRange::Single(_))
        ));
    }

    #[test]
    fn ranges_parse_when_ordered_and_of_one_family() {
        assert!(matches!(
            parse_ip_or_range("10.0.0.1-10.0.0.9"),
            Ok(IpOrRange::Range(..))
        ));
        assert!(
            matches!(
                parse_ip_or_range("10.0.0.1-10.0.0.1"),
                Ok(IpOrRange::Range(..))
            ),
            "a==b"
        );
        assert!(matches!(
            parse_ip_or_range("2001:db8::1-2001:db8::ff"),
            Ok(IpOrRange::Range(..))
        ));
    }

    #[test]
    fn reversed_mixed_and_malformed_ranges_are_refused() {
        for bad in [
            "10.0.0.9-10.0.0.1",
            "10.0.0.1-2001:db8::1",
            "10.0.0.1-",
            "-10.0.0.1",
            "10.0.0.1-10.0.0.2-10.0.0.3",
            "10.0.0.256",
            " 10.0.0.1",
            "",
            "010.0.0.1",
            "10.0.0.1/24",
        ] {
            assert!(parse_ip_or_range(bad).is_err(), "{bad:?} must be refused");
        }
    }
}
