//! Downloading a report PDF as a `File`, without its bytes ever entering wasm
//! memory: the `Response`'s own `blob()`, or its stream's chunks handed
//! straight to the `Blob` constructor when progress is wanted.

use crate::model::{ReportId, ReportType};
use crate::request::ApiRequest;
use crate::transport::{send, Sent};
use crate::{CallOptions, Client, Error, ErrorKind};
use js_sys::{Array, Reflect, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FilePropertyBag, ReadableStreamDefaultReader};

/// Called with bytes received so far and the `Content-Length`, when known.
pub type DownloadProgress = Rc<dyn Fn(u64, Option<u64>)>;

/// Options of [`Client::download_report`].
#[derive(Clone, Default)]
pub struct DownloadOptions {
    /// Signal and timeout; the timeout covers the whole body, so raise it for
    /// large reports on slow links.
    pub call: CallOptions,
    /// Called after each chunk with bytes received and `Content-Length`.
    pub on_progress: Option<DownloadProgress>,
}

impl std::fmt::Debug for DownloadOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DownloadOptions")
            .field("call", &self.call)
            .finish()
    }
}

/// The name used when the server sends no `Content-Disposition` file name.
pub fn fallback_name(report_id: ReportId, report_type: ReportType) -> String {
    format!(
        "pci-{}-report-{report_id}.pdf",
        report_type.as_str().to_ascii_lowercase()
    )
}

impl Client {
    /// Downloads the Executive or Technical PDF of a generated report.
    pub async fn download_report(
        &self,
        report_id: ReportId,
        report_type: ReportType,
        options: &DownloadOptions,
    ) -> Result<File, Error> {
        let sent = send(
            self.config(),
            &ApiRequest::download(report_id, report_type)?,
            &options.call,
        )
        .await?;
        let headers = sent.response.headers();
        let name = headers
            .get("content-disposition")
            .ok()
            .flatten()
            .and_then(|h| crate::disposition::filename(&h))
            .unwrap_or_else(|| fallback_name(report_id, report_type));
        let mime = headers
            .get("content-type")
            .ok()
            .flatten()
            .unwrap_or_else(|| "application/pdf".to_owned());

        let blob = match &options.on_progress {
            None => whole_blob(&sent).await?,
            Some(progress) => {
                let total = headers
                    .get("content-length")
                    .ok()
                    .flatten()
                    .and_then(|v| v.trim().parse().ok());
                streamed_blob(&sent, &mime, total, progress.as_ref()).await?
            }
        };
        let bag = FilePropertyBag::new();
        bag.set_type(&mime);
        File::new_with_blob_sequence_and_options(&Array::of1(&blob), &name, &bag).map_err(|e| {
            sent.annotate(Error::new(
                ErrorKind::Decode,
                format!(
                    "could not build the File: {}",
                    crate::transport::js_message(&e)
                ),
            ))
        })
    }
}

async fn whole_blob(sent: &Sent) -> Result<Blob, Error> {
    let promise = sent.response.blob().map_err(|e| sent.body_error(&e))?;
    let value = JsFuture::from(promise)
        .await
        .map_err(|e| sent.body_error(&e))?;
    value
        .dyn_into::<Blob>()
        .map_err(|_| sent.annotate(Error::new(ErrorKind::Decode, "the body was not a Blob")))
}

/// Reads the stream chunk by chunk, reporting progress, and keeps the chunks
/// as JS values for the `Blob` constructor.
async fn streamed_blob(
    sent: &Sent,
    mime: &str,
    total: Option<u64>,
    progress: &dyn Fn(u64, Option<u64>),
) -> Result<Blob, Error> {
    let Some(stream) = sent.response.body() else {
        return whole_blob(sent).await;
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().dyn_into().map_err(|_| {
        sent.annotate(Error::new(
            ErrorKind::Network,
            "the response stream could not be read",
        ))
    })?;
    let chunks = Array::new();
    let mut received: u64 = 0;
    progress(0, total);
    loop {
        let step = JsFuture::from(reader.read())
            .await
            .map_err(|e| sent.body_error(&e))?;
        if Reflect::get(&step, &JsValue::from_str("done"))
            .ok()
            .and_then(|d| d.as_bool())
            != Some(false)
        {
            break;
        }
        let chunk = Reflect::get(&step, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
        let Some(bytes) = chunk.dyn_ref::<Uint8Array>() else {
            return Err(sent.annotate(Error::new(
                ErrorKind::Decode,
                "the response stream yielded something other than bytes",
            )));
        };
        received += u64::from(bytes.length());
        chunks.push(&chunk);
        progress(received, total);
    }
    if let Some(expected) = total {
        if received < expected {
            return Err(sent.annotate(Error::new(
                ErrorKind::Network,
                format!("the download ended after {received} of {expected} bytes; try again"),
            )));
        }
    }
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&chunks, &bag).map_err(|e| {
        sent.annotate(Error::new(
            ErrorKind::Decode,
            format!(
                "could not build the Blob: {}",
                crate::transport::js_message(&e)
            ),
        ))
    })
}
