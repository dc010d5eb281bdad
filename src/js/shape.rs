//! The JS path's check of a parsed answer: `JSON.parse` in the engine, then a
//! walk over the result against [`Shape`] in `shape.js`. Decoding the same
//! text into Rust values first (the Rust API's path) measured about three
//! times a plain `JSON.parse` on large answers; this stays close to one.

use crate::model::shape::Shape;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/shape.js")]
extern "C" {
    #[wasm_bindgen(js_name = checkShape)]
    fn check_shape_js(value: &JsValue, shape: &JsValue) -> Option<String>;
}

fn to_js(shape: &Shape) -> JsValue {
    let leaf = |name: &str| JsValue::from_str(name);
    match shape {
        Shape::Text => leaf("text"),
        Shape::TextOrNull => leaf("text?"),
        Shape::Count => leaf("count"),
        Shape::TextOrNumber => leaf("textOrNumber"),
        Shape::TextOrNumberOrNull => leaf("textOrNumber?"),
        Shape::BoolOrText => leaf("boolOrText"),
        Shape::ListOf(item) => Array::of1(&to_js(item)).into(),
        Shape::Object(members) => {
            let object = Object::new();
            for (name, member) in *members {
                // Setting a member of a fresh plain object cannot fail.
                let _ = Reflect::set(&object, &JsValue::from_str(name), &to_js(member));
            }
            object.into()
        }
    }
}

thread_local! {
    // Each shape's JS form, built on first use: rebuilding a few dozen small
    // objects per call was measurable on 1,000-row pages.
    static BUILT: std::cell::RefCell<Vec<(&'static Shape, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

// Keyed by address: the shapes are statics, so each has exactly one.
fn js_form(shape: &'static Shape) -> JsValue {
    BUILT.with(|built| {
        if let Ok(mut built) = built.try_borrow_mut() {
            if let Some((_, js)) = built.iter().find(|(s, _)| std::ptr::eq(*s, shape)) {
                return js.clone();
            }
            let js = to_js(shape);
            built.push((shape, js.clone()));
            return js;
        }
        to_js(shape)
    })
}

/// `None` when `value` fits `shape`, else a sentence naming the first member
/// that does not.
pub(crate) fn mismatch(value: &JsValue, shape: &'static Shape) -> Option<String> {
    check_shape_js(value, &js_form(shape))
}
