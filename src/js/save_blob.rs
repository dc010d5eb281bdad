//! `saveBlob`: the browser's "save as" for a downloaded report.

use super::error::to_js;
use crate::{Error, ErrorKind};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, File, HtmlAnchorElement, Url};

/// Saves `blob` through an object URL and a temporary link. Outside a browser
/// page (Node, Workers) it throws a `PciError` saying what to do instead.
#[wasm_bindgen(js_name = saveBlob)]
pub fn save_blob(blob: &Blob, filename: Option<String>) -> Result<(), JsValue> {
    save(blob, filename).map_err(|e| to_js(&e))
}

fn save(blob: &Blob, filename: Option<String>) -> Result<(), Error> {
    let no_page = || {
        Error::new(
            ErrorKind::InvalidInput,
            "saveBlob needs a browser page with a document; in Node write `new Uint8Array(await file.arrayBuffer())` to disk, in a Worker return the File in a Response",
        )
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(no_page)?;
    let name = filename
        .or_else(|| blob.dyn_ref::<File>().map(File::name))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "report.pdf".to_owned());
    let url = Url::create_object_url_with_blob(blob).map_err(|_| no_page())?;
    let link: HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into().ok())
        .ok_or_else(no_page)?;
    link.set_href(&url);
    link.set_download(&name);
    link.click();
    // Revoking at once can cancel the save in some browsers; a minute later
    // the download has long started.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
