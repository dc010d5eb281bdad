//! Reading response bodies without letting a hostile server decide how much
//! memory the client uses.

use crate::Error;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, Response};

/// The first [`Error::BODY_LIMIT`] bytes of an error body, as text. The rest
/// of the stream is cancelled rather than read.
pub(crate) async fn read_capped(response: &Response) -> String {
    let Some(stream) = response.body() else {
        return String::new();
    };
    let Ok(reader) = stream
        .get_reader()
        .dyn_into::<ReadableStreamDefaultReader>()
    else {
        return String::new();
    };
    let mut bytes: Vec<u8> = Vec::new();
    while bytes.len() < Error::BODY_LIMIT {
        let Ok(chunk) = JsFuture::from(reader.read()).await else {
            break;
        };
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool());
        if done != Some(false) {
            break;
        }
        let Ok(value) = Reflect::get(&chunk, &JsValue::from_str("value")) else {
            break;
        };
        let Ok(array) = value.dyn_into::<Uint8Array>() else {
            break;
        };
        let want = (Error::BODY_LIMIT - bytes.len()).min(array.length() as usize) as u32;
        let start = bytes.len();
        bytes.resize(start + want as usize, 0);
        if let Some(dest) = bytes.get_mut(start..) {
            array.subarray(0, want).copy_to(dest);
        }
    }
    let _ = reader.cancel();
    let text = String::from_utf8_lossy(&bytes);
    super::clip(&text, Error::BODY_LIMIT).to_owned()
}
