//! Any `Content-Disposition` value a server could send. A name, when one comes
//! back, must be safe to hand to `saveBlob`: no path, no control characters,
//! not blank, not only dots.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualys_pci::disposition::filename;

fuzz_target!(|bytes: &[u8]| {
    // Header values reach wasm as strings (ByteString, widened), so any
    // valid string is possible.
    let header = String::from_utf8_lossy(bytes);
    if let Some(name) = filename(&header) {
        assert!(
            !name.contains(['/', '\\']),
            "{name:?} keeps a path separator"
        );
        assert!(
            !name.chars().any(char::is_control),
            "{name:?} keeps a control character"
        );
        assert!(
            !name.trim().is_empty() && name.trim() == name,
            "{name:?} is blank or padded"
        );
        assert!(!name.chars().all(|c| c == '.'), "{name:?} is only dots");
    }
});
