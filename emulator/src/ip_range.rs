//! Addresses and `a-b` ranges as the API accepts them in `IP` and `notActiveIps`.

use std::net::IpAddr;

/// An inclusive range of addresses of one family; a single address is a range of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpRange {
    start: IpAddr,
    end: IpAddr,
}

impl IpRange {
    /// Parses `1.2.3.4` or `1.2.3.4-1.2.3.9`, explaining what is wrong otherwise.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (start, end) = match text.split_once('-') {
            Some((start, end)) => (parse_ip(start)?, parse_ip(end)?),
            None => {
                let ip = parse_ip(text)?;
                (ip, ip)
            }
        };
        if start.is_ipv4() != end.is_ipv4() {
            return Err(format!("range {text:?} mixes ipv4 and ipv6"));
        }
        if start > end {
            return Err(format!("range {text:?} starts after it ends"));
        }
        Ok(Self { start, end })
    }

    /// Whether the address falls inside the range.
    pub fn contains(&self, ip: IpAddr) -> bool {
        self.start <= ip && ip <= self.end
    }
}

fn parse_ip(text: &str) -> Result<IpAddr, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not an ip address"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_contains_its_ends_and_nothing_past_them() {
        let range = IpRange::parse("10.0.0.9-10.0.1.2").unwrap();
        assert!(range.contains("10.0.0.9".parse().unwrap()));
        assert!(range.contains("10.0.0.200".parse().unwrap()));
        assert!(range.contains("10.0.1.2".parse().unwrap()));
        assert!(!range.contains("10.0.1.3".parse().unwrap()));
        assert!(!range.contains("::1".parse().unwrap()));
    }

    #[test]
    fn reversed_mixed_and_garbage_ranges_are_rejected() {
        assert!(IpRange::parse("10.0.0.9-10.0.0.1").is_err());
        assert!(IpRange::parse("10.0.0.1-::1").is_err());
        assert!(IpRange::parse("10.0.0").is_err());
        assert!(IpRange::parse("").is_err());
        assert!(IpRange::parse(" 10.0.0.1").is_err());
        assert!(IpRange::parse("10.0.0.1,10.0.0.2").is_err());
    }
}
