//! Generation of the assets behind the compliance summary.

use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::Serialize;

/// The compliance status of one asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Compliance {
    /// The asset fails PCI compliance.
    Fail,
    /// The asset passes PCI compliance.
    Pass,
}

impl Compliance {
    /// The vendor's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fail => "Fail",
            Self::Pass => "Pass",
        }
    }
}

/// One scanned asset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Its address; unique in the data set.
    pub ip: IpAddr,
    /// Its hostname, when one resolves.
    pub dns: Option<String>,
    /// Whether it passes.
    pub status: Compliance,
}

// First octets of publicly routed blocks, so that the addresses look like a
// merchant's external perimeter rather than a private network.
const FIRST_OCTETS: [u8; 12] = [12, 23, 34, 45, 52, 64, 98, 104, 123, 145, 185, 203];

const DOMAINS: [&str; 6] = [
    "shop.example.com",
    "pay.example.net",
    "cdn.example.org",
    "compute.example.com",
    "pos.example.net",
    "mail.example.org",
];

const PREFIXES: [&str; 6] = ["www", "api", "vpn", "checkout", "edge", "mx"];

/// Generates `count` assets with unique addresses, in ip order.
pub fn generate_assets(count: usize, seed: u64) -> Vec<Asset> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut seen = HashSet::with_capacity(count);
    let mut assets = Vec::with_capacity(count);

    while assets.len() < count {
        let ip = if rng.u8(0..100) < 2 {
            random_ipv6(&mut rng)
        } else {
            random_ipv4(&mut rng)
        };
        if !seen.insert(ip) {
            continue;
        }
        let dns = (rng.u8(0..100) >= 15).then(|| hostname(&mut rng, ip, assets.len()));
        let status = if rng.u8(0..100) < 80 {
            Compliance::Pass
        } else {
            Compliance::Fail
        };
        assets.push(Asset { ip, dns, status });
    }

    assets.sort_by_key(|asset| asset.ip);
    assets
}

fn random_ipv4(rng: &mut fastrand::Rng) -> IpAddr {
    let first = FIRST_OCTETS
        .get(rng.usize(..FIRST_OCTETS.len()))
        .copied()
        .unwrap_or(12);
    IpAddr::V4(Ipv4Addr::new(first, rng.u8(..), rng.u8(..), rng.u8(1..255)))
}

fn random_ipv6(rng: &mut fastrand::Rng) -> IpAddr {
    // 2001:db8::/32 is reserved for documentation, so no real host is named.
    IpAddr::V6(Ipv6Addr::new(
        0x2001,
        0x0db8,
        rng.u16(..),
        rng.u16(..),
        0,
        0,
        0,
        rng.u16(1..),
    ))
}

fn hostname(rng: &mut fastrand::Rng, ip: IpAddr, serial: usize) -> String {
    let domain = pick(rng, &DOMAINS);
    match (ip, rng.u8(0..3)) {
        (IpAddr::V4(v4), 0) => {
            let [a, b, c, d] = v4.octets();
            format!("ip-{a}-{b}-{c}-{d}.{domain}")
        }
        (_, 1) => format!("{}{serial}.{domain}", pick(rng, &PREFIXES)),
        _ => format!("host-{serial}.{domain}"),
    }
}

fn pick<'a>(rng: &mut fastrand::Rng, items: &[&'a str]) -> &'a str {
    items.get(rng.usize(..items.len())).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_assets() {
        assert_eq!(generate_assets(500, 7), generate_assets(500, 7));
        assert_ne!(generate_assets(500, 7), generate_assets(500, 8));
    }

    #[test]
    fn addresses_are_unique_and_sorted() {
        let assets = generate_assets(3000, 1);
        let unique: HashSet<_> = assets.iter().map(|asset| asset.ip).collect();
        assert_eq!(unique.len(), 3000, "every address should appear once");
        assert!(
            assets.windows(2).all(|w| w[0].ip < w[1].ip),
            "assets should be in ip order"
        );
    }
}
