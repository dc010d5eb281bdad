//! Any bytes a server could send as a 2xx body, decoded as each of the four
//! response payloads, both as the Rust client reads them (bytes) and as the
//! JS layer does (text). Whatever the input, decoding returns: a value that
//! survives being encoded and decoded again, or a `decode` error whose kept
//! body is capped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qualys_pci::transport::{decode_envelope, decode_envelope_bytes};
use qualys_pci::{
    ComplianceSummaryPage, Error, ErrorKind, ReportGenerationData, ReportRequestResult,
    ReportStatusResult,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;

fuzz_target!(|bytes: &[u8]| {
    // A fetch `text()` decodes the body as UTF-8 with replacement, so the JS
    // layer only ever sees valid strings.
    let text = String::from_utf8_lossy(bytes);
    for body in [Body::Bytes(bytes), Body::Text(&text)] {
        check::<ComplianceSummaryPage>(body, true);
        check::<ReportStatusResult>(body, true);
        check::<ReportRequestResult>(body, true);
        // Report data holds free numbers (f64), which serde_json may read back
        // one unit in the last place off, so only "decodes again" is asserted.
        check::<ReportGenerationData>(body, false);
    }
});

#[derive(Clone, Copy)]
enum Body<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

fn check<T: DeserializeOwned + Serialize + PartialEq + Debug>(body: Body, exact: bool) {
    let decoded = match body {
        Body::Bytes(bytes) => decode_envelope_bytes::<T>(bytes),
        Body::Text(text) => decode_envelope::<T>(text),
    };
    match decoded {
        Ok(data) => {
            let again = serde_json::to_string(&data)
                .map(|json| format!(r#"{{"responseApiVersion":"V1","data":{json}}}"#));
            let again = again.ok().map(|t| decode_envelope::<T>(&t));
            match again {
                Some(Ok(second)) if !exact || second == data => {}
                other => panic!("decoded {data:?} but re-encoding it gave {other:?}"),
            }
        }
        Err(e) => {
            assert_eq!(
                e.kind(),
                ErrorKind::Decode,
                "a bad body is a decode error: {e}"
            );
            assert!(
                e.body().is_some_and(|b| b.len() <= Error::BODY_LIMIT),
                "the kept body is capped"
            );
        }
    }
}
