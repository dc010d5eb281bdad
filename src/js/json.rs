//! The JS path of a JSON answer: the engine's `JSON.parse` on the response
//! text (which never enters wasm memory), then the shape check of `shape.rs`.
//! The caller gets the server's own object, unknown members included.

use super::shape::mismatch;
use crate::model::shape::Shape;
use crate::request::ApiRequest;
use crate::transport::{clip, not_json, send};
use crate::{CallOptions, Client, Error, ErrorKind};
use js_sys::{JsString, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    // Takes the JS string itself: `js_sys::JSON::parse` takes `&str`, which
    // would copy the body into wasm memory and back out again.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_js_string(text: &JsString) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/src/js/repair.js")]
extern "C" {
    #[wasm_bindgen(js_name = repairControls)]
    fn repair_controls(text: &JsString) -> Option<JsString>;
}

/// Sends `req` and returns the `data` of its answer, checked against `shape`.
pub(crate) async fn fetch_checked(
    client: &Client,
    req: &ApiRequest,
    call: &CallOptions,
    shape: &'static Shape,
) -> Result<JsValue, Error> {
    let sent = send(client.config(), req, call).await?;
    let text = sent.text().await?;
    let data = data_of(&text).map_err(|e| sent.annotate(e))?;
    match mismatch(&data, shape) {
        None => Ok(data),
        Some(why) => {
            let body = clip(&String::from(&text), Error::BODY_LIMIT).to_owned();
            let e = Error::new(
                ErrorKind::Decode,
                format!("the response was not the documented JSON: {why}"),
            );
            Err(sent.annotate(e.with_body(body, None)))
        }
    }
}

/// The `data` member of the envelope in `text`.
pub(crate) fn data_of(text: &JsString) -> Result<JsValue, Error> {
    let parsed = match parse_js_string(text) {
        Ok(value) => value,
        // Rare: the vendor's raw line breaks, or not JSON at all. Only the
        // first 4 KiB of a body that stays unparsable enters wasm memory.
        Err(_) => match repair_controls(text).map(|fixed| parse_js_string(&fixed)) {
            Some(Ok(value)) => value,
            _ => {
                let head = String::from(text.slice(0, Error::BODY_LIMIT as u32));
                return Err(not_json(&head, text.length() as usize));
            }
        },
    };
    if !parsed.is_object() {
        return Err(Error::new(
            ErrorKind::Decode,
            "the response was JSON but not an object with a data member",
        ));
    }
    Reflect::get(&parsed, &JsValue::from_str("data"))
        .map_err(|_| Error::new(ErrorKind::Decode, "the response had no data member"))
}
