//! [`Error`] as the JavaScript `PciError`: a real `Error` (with a stack)
//! whose `name` is `"PciError"`, carrying the kind and what is known of the
//! exchange as properties.

use crate::Error;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// Builds the `PciError` object for `e`.
pub(crate) fn to_js(e: &Error) -> JsValue {
    let js = js_sys::Error::new(e.message());
    js.set_name("PciError");
    let set = |key: &str, value: JsValue| {
        // Setting a data property on a fresh Error cannot fail; if it ever
        // did, the error would still carry its message and name.
        let _ = Reflect::set(&js, &JsValue::from_str(key), &value);
    };
    let opt_str = |v: Option<&str>| v.map_or(JsValue::UNDEFINED, JsValue::from_str);
    set("kind", JsValue::from_str(e.kind().code()));
    set(
        "status",
        e.status().map_or(JsValue::UNDEFINED, JsValue::from),
    );
    set(
        "retryAfterMs",
        e.retry_after_ms()
            .map_or(JsValue::UNDEFINED, |ms| JsValue::from(ms as f64)),
    );
    set("url", opt_str(e.url()));
    set("attempts", JsValue::from(e.attempts()));
    set("body", opt_str(e.body()));
    set("field", opt_str(e.field()));
    js.into()
}
