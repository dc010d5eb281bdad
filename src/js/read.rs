//! Reading option objects that hold JS values serde cannot carry
//! (`AbortSignal`, callbacks), with errors that name the field.

use crate::{CallOptions, Error};
use js_sys::{Function, Reflect};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

/// An options argument: `undefined`/`null` read as `{}`.
pub(crate) struct Options {
    value: JsValue,
    name: &'static str,
}

impl Options {
    pub fn new(value: Option<JsValue>, name: &'static str) -> Result<Options, Error> {
        let value = value
            .filter(|v| !v.is_undefined() && !v.is_null())
            .unwrap_or(JsValue::UNDEFINED);
        if !value.is_undefined() && !value.is_object() {
            return Err(Error::invalid(name, "must be an object"));
        }
        Ok(Options { value, name })
    }

    fn get(&self, key: &str) -> JsValue {
        if self.value.is_undefined() {
            return JsValue::UNDEFINED;
        }
        Reflect::get(&self.value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn field(&self, key: &str) -> String {
        format!("{}.{key}", self.name)
    }

    /// A whole number from `min` to `max`.
    pub fn uint(&self, key: &str, min: f64, max: f64) -> Result<Option<f64>, Error> {
        let v = self.get(key);
        if v.is_undefined() {
            return Ok(None);
        }
        match v.as_f64() {
            Some(n) if n.fract() == 0.0 && (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(Error::invalid(
                &self.field(key),
                format_args!("must be a whole number from {min} to {max}"),
            )),
        }
    }

    pub fn signal(&self) -> Result<Option<AbortSignal>, Error> {
        let v = self.get("signal");
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.dyn_into::<AbortSignal>()
            .map(Some)
            .map_err(|_| Error::invalid(&self.field("signal"), "must be an AbortSignal"))
    }

    pub fn function(&self, key: &str) -> Result<Option<Function>, Error> {
        let v = self.get(key);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.dyn_into::<Function>()
            .map(Some)
            .map_err(|_| Error::invalid(&self.field(key), "must be a function"))
    }

    /// A member decoded with serde, e.g. an array of statuses.
    pub fn serde<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, Error> {
        let v = self.get(key);
        if v.is_undefined() {
            return Ok(None);
        }
        from_js(v, &self.field(key)).map(Some)
    }

    /// The `signal` and `timeoutMs` every call takes.
    pub fn call(&self) -> Result<CallOptions, Error> {
        Ok(CallOptions {
            signal: self.signal()?,
            timeout_ms: self
                .uint("timeoutMs", 1.0, f64::from(u32::MAX))?
                .map(|n| n as u32),
        })
    }
}

/// Decodes a JS value into `T`; the error names the offending path, such as
/// `query.limit`.
///
/// The value crosses as `JSON.stringify` text and is read with the same
/// serde_json decoder as responses: one decoder in the module instead of two,
/// and `deny_unknown_fields` sees every key (serde-wasm-bindgen reads only the
/// fields a struct declares, so a misspelt `limt` would pass unnoticed).
/// Arguments are small, so the detour costs little.
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, name: &str) -> Result<T, Error> {
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| {
            Error::invalid(
                name,
                "must be plain JSON data (no BigInt, cycles or functions)",
            )
        })?;
    let mut de = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." {
            name.to_owned()
        } else {
            format!("{name}.{path}")
        };
        Error::invalid(&field, strip_position(&e.into_inner().to_string()))
    })
}

/// serde_json ends its messages with "at line 1 column 9": a position in text
/// the caller never wrote.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

/// An optional argument decoded with serde; absent means `T::default()`.
pub(crate) fn optional<T: DeserializeOwned + Default>(
    value: Option<JsValue>,
    name: &str,
) -> Result<T, Error> {
    match value.filter(|v| !v.is_undefined() && !v.is_null()) {
        None => Ok(T::default()),
        Some(v) => from_js(v, name),
    }
}
