//! Handing JavaScript the server's own JSON object, parsed by the engine's
//! `JSON.parse` after the Rust decoder has checked its shape.

use crate::transport::escape_raw_controls;
use crate::{Error, ErrorKind};
use js_sys::{JsString, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // Takes the JS string itself: `js_sys::JSON::parse` takes `&str`, which
    // would copy the body into wasm memory and back out again.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_js_string(text: &JsString) -> Result<JsValue, JsValue>;
}

/// The `data` member of the envelope in `text`.
pub(crate) fn data_of(text: &JsString) -> Result<JsValue, Error> {
    let parsed = match parse_js_string(text) {
        Ok(value) => value,
        // Only reached for the vendor's raw line breaks, which the Rust
        // decoder already accepted after the same repair.
        Err(_) => escape_raw_controls(&String::from(text))
            .and_then(|fixed| js_sys::JSON::parse(&fixed).ok())
            .ok_or_else(|| Error::new(ErrorKind::Decode, "the response was not valid JSON"))?,
    };
    Reflect::get(&parsed, &JsValue::from_str("data"))
        .map_err(|_| Error::new(ErrorKind::Decode, "the response had no data member"))
}
