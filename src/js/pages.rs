//! `complianceSummaryPages`: an async iterator over the summary's pages.

use super::error::to_js;
use super::json::fetch_checked;
use crate::model::shape::COMPLIANCE_SUMMARY_PAGE;
use crate::model::ComplianceSummaryQuery;
use crate::paging::{PageDecoder, Pager};
use crate::request::ApiRequest;
use crate::{CallOptions, Client, Error, ErrorKind};
use js_sys::{Object, Reflect, Symbol};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;

/// Pages as the server's own objects, checked against their shape.
#[derive(Debug, Clone, Copy)]
pub(crate) struct JsPages;

impl PageDecoder for JsPages {
    type Page = JsValue;
    async fn fetch(
        &self,
        client: &Client,
        query: &ComplianceSummaryQuery,
        call: &CallOptions,
    ) -> Result<JsValue, Error> {
        fetch_checked(
            client,
            &ApiRequest::compliance_summary(query)?,
            call,
            &COMPLIANCE_SUMMARY_PAGE,
        )
        .await
    }
    fn counts(page: &JsValue) -> (u64, u64) {
        // The shape check has made both members numbers and arrays already.
        let get =
            |key: &str| Reflect::get(page, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let rows = get("complianceSummaryList")
            .dyn_into::<js_sys::Array>()
            .map_or(0, |a| a.length());
        let total = get("totalCount").as_f64().unwrap_or(0.0);
        (u64::from(rows), total as u64)
    }
}

/// The pages of one compliance summary query; use with `for await`.
#[wasm_bindgen]
pub struct ComplianceSummaryPages {
    // Taken out while a page is in flight, so that no borrow is held across
    // an await (a second borrow would panic and kill the module).
    pages: Rc<RefCell<Option<Pager<JsPages>>>>,
}

impl ComplianceSummaryPages {
    /// Wraps `pages` and makes the object its own async iterator.
    pub(crate) fn into_js(pages: Pager<JsPages>) -> JsValue {
        let value: JsValue = ComplianceSummaryPages {
            pages: Rc::new(RefCell::new(Some(pages))),
        }
        .into();
        // `Object.prototype.valueOf` returns `this`: exactly what
        // `[Symbol.asyncIterator]()` must return, without generating code
        // from a string (which Workers forbid).
        let proto = Object::get_prototype_of(&Object::new());
        if let Ok(value_of) = Reflect::get(&proto, &JsValue::from_str("valueOf")) {
            let _ = Reflect::set(&value, &Symbol::async_iterator(), &value_of);
        }
        value
    }
}

fn step(value: JsValue, done: bool) -> JsValue {
    let result = Object::new();
    let _ = Reflect::set(&result, &JsValue::from_str("value"), &value);
    let _ = Reflect::set(
        &result,
        &JsValue::from_str("done"),
        &JsValue::from_bool(done),
    );
    result.into()
}

#[wasm_bindgen]
impl ComplianceSummaryPages {
    /// The next page, as an iterator result.
    #[wasm_bindgen(
        unchecked_return_type = "Promise<IteratorResult<ComplianceSummaryPage, undefined>>"
    )]
    pub fn next(&self) -> js_sys::Promise {
        let slot = self.pages.clone();
        future_to_promise(async move {
            let taken = slot.borrow_mut().take();
            let Some(mut pages) = taken else {
                let busy = Error::new(ErrorKind::InvalidInput, "next() was called before the previous page arrived, or after the walk ended; await each page");
                return Err(to_js(&busy));
            };
            let result = pages.next().await;
            let finished = result.is_none() || matches!(result, Some(Err(_)));
            if !finished {
                *slot.borrow_mut() = Some(pages);
            }
            match result {
                None => Ok(step(JsValue::UNDEFINED, true)),
                Some(Err(e)) => Err(to_js(&e)),
                Some(Ok(page)) => Ok(step(page, false)),
            }
        })
    }

    /// Ends the walk early (called by `break` in `for await`).
    #[wasm_bindgen(
        js_name = "return",
        unchecked_return_type = "Promise<IteratorResult<ComplianceSummaryPage, undefined>>"
    )]
    pub fn finish(&self) -> js_sys::Promise {
        self.pages.borrow_mut().take();
        js_sys::Promise::resolve(&step(JsValue::UNDEFINED, true))
    }
}
