//! The API's base URL: checked once when the client is built.
//!
//! Hand-parsed rather than with the `url` crate, whose IDNA tables would
//! dominate the size of the wasm module; the grammar accepted here is small on
//! purpose (scheme, host, port, path prefix).

use crate::validate::is_hostname;
use crate::Error;
use std::net::{IpAddr, Ipv6Addr};

/// A checked base URL such as `https://pci-api.qualys.com` or
/// `http://127.0.0.1:8787/proxy`, kept without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    text: String,
    origin_len: usize,
}

impl BaseUrl {
    /// The vendor's production host.
    pub const DEFAULT: &'static str = "https://pci-api.qualys.com";

    /// Checks `text`: https, or http to a loopback host; no credentials, query
    /// or fragment. A trailing slash or a path prefix is fine.
    pub fn parse(text: &str) -> Result<BaseUrl, Error> {
        let bad =
            |why: &str| Error::invalid("baseUrl", format_args!("{why} (got {:?})", redact(text)));
        let (scheme, rest) = text
            .split_once("://")
            .ok_or_else(|| bad("must be an absolute URL such as https://pci-api.qualys.com"))?;
        let secure = match scheme.to_ascii_lowercase().as_str() {
            "https" => true,
            "http" => false,
            _ => return Err(bad("must use https (or http to a loopback host)")),
        };
        if rest.contains(['?', '#']) {
            return Err(bad("must not carry a query or fragment"));
        }
        let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
        if authority.contains('@') {
            return Err(bad(
                "must not carry credentials; pass username and password as options",
            ));
        }
        let host = host_of(authority).ok_or_else(|| bad("has no valid host and port"))?;
        if !secure && !is_loopback(&host) {
            return Err(bad(
                "must use https unless the host is loopback (localhost, 127.0.0.0/8, [::1])",
            ));
        }
        // Only plain path characters: `fetch` would decode `%2e%2e` or `\..`
        // into a dot segment and leave the prefix, and would drop controls.
        if !path.bytes().all(is_plain_path_byte)
            || path.split('/').any(|seg| seg == ".." || seg == ".")
        {
            return Err(bad("may only have a plain path: letters, digits and -._~!$&'()*+,;=:@/, no dot segments"));
        }
        let path = path.trim_end_matches('/');
        let origin = format!(
            "{}://{}",
            scheme.to_ascii_lowercase(),
            authority.to_ascii_lowercase()
        );
        let origin_len = origin.len();
        Ok(BaseUrl {
            text: format!("{origin}{path}"),
            origin_len,
        })
    }

    /// The URL of an API path such as `/pci/reporting/download`.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.text, path)
    }

    /// `scheme://host[:port]`, to tell a redirect to another origin.
    pub fn origin(&self) -> &str {
        self.text.get(..self.origin_len).unwrap_or(&self.text)
    }

    /// The whole base URL.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// Parses `host[:port]` and returns the host, or `None` when either is malformed.
fn host_of(authority: &str) -> Option<String> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (v6, after) = rest.split_once(']')?;
        v6.parse::<Ipv6Addr>().ok()?;
        (format!("[{v6}]"), after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h.to_owned(), Some(p)),
            None => (authority.to_owned(), None),
        }
    };
    if let Some(port) = port {
        if port.is_empty()
            || !port.bytes().all(|b| b.is_ascii_digit())
            || port.parse::<u16>().is_err()
        {
            return None;
        }
    }
    let valid = host.starts_with('[') || host.parse::<IpAddr>().is_ok() || is_hostname(&host);
    valid.then_some(host)
}

/// RFC 3986 `pchar` and `/`, without `%`: unreserved and sub-delimiters.
fn is_plain_path_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b)
}

fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.to_ascii_lowercase().ends_with(".localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Hides everything before the last `@`, so an error never echoes a password
/// however malformed the URL around it is.
fn redact(text: &str) -> String {
    match text.rfind('@') {
        Some(at) => format!("<redacted>{}", text.get(at..).unwrap_or("")),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_host_and_loopback_http_are_accepted() {
        for ok in [
            BaseUrl::DEFAULT,
            "https://pci-api.qualys.com/",
            "http://127.0.0.1:8790",
            "http://127.5.6.7",
            "http://localhost:3000/",
            "http://[::1]:8790",
            "https://proxy.example.com/api/qualys/",
        ] {
            assert!(BaseUrl::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn trailing_slash_and_path_prefix_join_cleanly() {
        let b = BaseUrl::parse("https://proxy.example.com/qualys/").expect("valid");
        assert_eq!(
            b.join("/pci/compliance/summary"),
            "https://proxy.example.com/qualys/pci/compliance/summary"
        );
        assert_eq!(b.origin(), "https://proxy.example.com");
        let b = BaseUrl::parse("HTTP://LOCALHOST:1").expect("valid");
        assert_eq!(b.as_str(), "http://localhost:1");
    }

    #[test]
    fn plain_http_to_another_host_is_refused() {
        for bad in [
            "http://pci-api.qualys.com",
            "http://10.0.0.1",
            "http://192.168.1.5:80",
            "http://[2001:db8::1]",
        ] {
            let e = BaseUrl::parse(bad).expect_err(bad);
            assert_eq!(e.field(), Some("baseUrl"));
            assert!(e.message().contains("https"), "{}", e.message());
        }
    }

    #[test]
    fn malformed_urls_are_refused_without_echoing_credentials() {
        for bad in [
            "pci-api.qualys.com",
            "ftp://x.com",
            "https://",
            "https://a b.com",
            "https://x.com:99999",
            "https://x.com:",
            "https://x.com?x=1",
            "https://x.com/a/../b",
            "https://proxy.example.com/qualys/%2e%2e/other",
            "https://proxy.example.com/q\\..\\x",
            "https://proxy.example.com/q\u{1}",
            "https://proxy.example.com/caf\u{e9}",
            "javascript:alert(1)",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
        for with_password in [
            "https://user:hunter2@x.com",
            "https:/user:hunter2@x.com",
            "user:hunter2@x.com",
        ] {
            let e = BaseUrl::parse(with_password).expect_err("credentials");
            assert!(!e.message().contains("hunter2"), "{}", e.message());
        }
    }
}
