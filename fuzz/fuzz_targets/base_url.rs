//! Any text given as `baseUrl`. An accepted URL must be https or loopback
//! http, carry no credentials, query or fragment, and be stable: checking the
//! result again gives the same result. A refusal must not echo a password.
//! The path is held to what a path prefix needs: no control characters,
//! backslashes or dot segments, in any spelling that `fetch` would resolve.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualys_pci::BaseUrl;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    match BaseUrl::parse(&text) {
        Ok(base) => {
            let url = base.as_str();
            let rest = url.split_once("://").map_or("", |(_, rest)| rest);
            let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
            assert!(
                !authority.contains('@') && !url.contains(['?', '#']),
                "{url:?} kept credentials, a query or a fragment"
            );
            assert!(
                !path.chars().any(|c| c.is_control() || c == '\\'),
                "{url:?} has a control character or a backslash in its path"
            );
            assert!(
                !path.split('/').any(is_dot_segment),
                "{url:?} has a dot segment that fetch would resolve"
            );
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "{url:?} has another scheme"
            );
            assert!(!url.ends_with('/'), "{url:?} kept a trailing slash");
            assert_eq!(
                BaseUrl::parse(url).as_ref(),
                Ok(&base),
                "{url:?} is not stable when checked again"
            );
            assert!(
                base.join("/pci/x").starts_with(base.origin()),
                "{url:?}: a joined path left the origin"
            );
        }
        Err(e) => {
            assert_eq!(e.field(), Some("baseUrl"), "the refusal names the field");
            if let Some((_, rest)) = text.split_once("://") {
                if let Some((userinfo, _)) = rest.rsplit_once('@') {
                    let echoed = format!("://{userinfo}@");
                    assert!(
                        userinfo.is_empty() || !e.message().contains(&echoed),
                        "{:?} echoes the userinfo",
                        e.message()
                    );
                }
            }
        }
    }
});

/// A segment the WHATWG URL parser, and so `fetch`, reads as `.` or `..`:
/// percent-encoded dots count too.
fn is_dot_segment(segment: &str) -> bool {
    let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
    decoded == "." || decoded == ".."
}
