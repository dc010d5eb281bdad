//! Inputs the fuzzers (fuzz/) found, kept as native tests so that they never
//! come back. Each names its target and how the input was found.
#![cfg(not(target_arch = "wasm32"))]

use qualys_pci::BaseUrl;

/// `fetch` reads these as `..` or `/` and would resolve them, so a path
/// prefix checked here would not be the one requested.
fn bends_the_path(path: &str) -> bool {
    path.contains('\\')
        || path.chars().any(char::is_control)
        || path.split('/').any(|segment| {
            let decoded = segment.to_ascii_lowercase().replace("%2e", ".");
            decoded == "." || decoded == ".."
        })
}

#[test]
fn a_base_url_path_with_a_control_character_is_refused() {
    // fuzz target base_url, artifacts crash-e806331880558279f69ddfcfc053f07fc2e4c7a3
    // and crash-b4ad3126b2f332e43f3a1bd0bad528a1e32d1fc0, bytes as found, read
    // as UTF-8 with replacement as the target does.
    let found: [&[u8]; 2] = [
        &[
            72, 84, 84, 112, 115, 58, 47, 47, 112, 99, 105, 45, 97, 72, 84, 47, 76, 79, 255, 255,
            255, 65, 76, 255, 255, 255, 64, 54, 64, 255, 255, 255, 255, 255, 127, 255, 47, 45,
        ],
        b"https://0ci/pci\x01\0\0\0\0\0\0\x03\0\x96",
    ];
    for bytes in found {
        let text = String::from_utf8_lossy(bytes);
        match BaseUrl::parse(&text) {
            Ok(base) => {
                let rest = base.as_str().split_once("://").map_or("", |(_, r)| r);
                let path = rest.find('/').map_or("", |i| &rest[i..]);
                assert!(
                    !bends_the_path(path),
                    "{text:?} was accepted with the path {path:?}"
                );
            }
            Err(e) => assert_eq!(e.field(), Some("baseUrl"), "{e}"),
        }
    }
}

#[test]
fn a_base_url_path_that_fetch_would_resolve_upwards_is_refused() {
    // Variants of the crash above, written out by hand: the WHATWG URL parser
    // treats `\` as `/` and `%2e` as `.` in https URLs.
    for text in [
        "https://proxy.example.com/qualys/%2e%2e/other",
        "https://proxy.example.com/qualys/.%2E/other",
        "https://proxy.example.com/qualys\\..\\other",
        "https://proxy.example.com/qualys/\u{7f}",
    ] {
        assert!(BaseUrl::parse(text).is_err(), "{text:?} must be refused");
    }
}
