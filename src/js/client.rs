//! `PciClient`: the JavaScript face of [`Client`]. Each method converts its
//! arguments, delegates, and converts the result; every failure, argument
//! errors included, becomes a rejected promise with a `PciError`.

use super::error::to_js;
use super::json::fetch_checked;
use super::options::PciClientOptions;
use super::pages::{ComplianceSummaryPages, JsPages};
use super::read::{optional, Options};
use super::types::{
    JsAllOptions, JsCallOptions, JsClientOptions, JsDownloadOptions, JsSummaryQuery, JsWaitOptions,
};
use crate::model::shape::{COMPLIANCE_SUMMARY_PAGE, REPORT_GENERATION_DATA};
use crate::model::{ComplianceSummaryQuery, ReportStatusResult, ReportSubmission, ReportType};
use crate::paging::{all_pages, Pager};
use crate::request::ApiRequest;
use crate::validate::report_id_from_f64;
use crate::{
    AllOptions, Client, DownloadOptions, Error, ReportId, ReportStatus, RequestEvent, RequestHook,
    WaitOptions,
};
use js_sys::{Array, Function, Promise};
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

/// A client of the Qualys PCI Merchant API.
#[wasm_bindgen]
pub struct PciClient {
    client: Client,
}

/// Runs `work` as a promise whose rejections are `PciError`s.
fn promise<F>(work: F) -> Promise
where
    F: Future<Output = Result<JsValue, Error>> + 'static,
{
    future_to_promise(async move { work.await.map_err(|e| to_js(&e)) })
}

fn report_id(value: &JsValue) -> Result<ReportId, Error> {
    match value.as_f64() {
        Some(n) => report_id_from_f64(n),
        None => Err(Error::invalid(
            "reportId",
            "must be a number (an integer from 1 to 2^53-1), not a string or other value",
        )),
    }
}

fn to_plain<T: serde::Serialize>(value: &T) -> Result<JsValue, Error> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            Error::new(
                crate::ErrorKind::Decode,
                format!("could not convert the result: {e}"),
            )
        })
}

/// Wraps a JS callback; an exception it throws is the caller's and is ignored
/// here rather than aborting the operation.
fn callback2(f: Function) -> impl Fn(JsValue, JsValue) {
    move |a, b| {
        let _ = f.call2(&JsValue::UNDEFINED, &a, &b);
    }
}

#[wasm_bindgen]
impl PciClient {
    /// Checks the options and builds a client; throws a `PciError` of kind
    /// `invalidInput` naming a bad option.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<JsClientOptions>) -> Result<PciClient, JsValue> {
        let build = || -> Result<PciClient, Error> {
            let value = options.map(JsValue::from);
            let hook = Options::new(value.clone(), "options")?.function("onRequest")?;
            let options: PciClientOptions = optional(value, "options")?;
            let mut client_options = options.into_client_options()?;
            client_options.on_request = hook.map(|f| {
                Rc::new(move |event: &RequestEvent| {
                    if let Ok(v) = to_plain(event) {
                        let _ = f.call1(&JsValue::UNDEFINED, &v);
                    }
                }) as RequestHook
            });
            Ok(PciClient {
                client: Client::new(client_options)?,
            })
        };
        build().map_err(|e| to_js(&e))
    }

    /// One page of the compliance summary.
    #[wasm_bindgen(js_name = complianceSummary, unchecked_return_type = "Promise<ComplianceSummaryPage>")]
    pub fn compliance_summary(
        &self,
        query: Option<JsSummaryQuery>,
        call: Option<JsCallOptions>,
    ) -> Promise {
        let client = self.client.clone();
        promise(async move {
            let query: ComplianceSummaryQuery = optional(query.map(JsValue::from), "query")?;
            let call = Options::new(call.map(JsValue::from), "call")?.call()?;
            fetch_checked(
                &client,
                &ApiRequest::compliance_summary(&query)?,
                &call,
                &COMPLIANCE_SUMMARY_PAGE,
            )
            .await
        })
    }

    /// Every page of the query, from its offset (the first record by
    /// default), for `for await`.
    #[wasm_bindgen(js_name = complianceSummaryPages, unchecked_return_type = "AsyncIterableIterator<ComplianceSummaryPage>")]
    pub fn compliance_summary_pages(
        &self,
        query: Option<JsSummaryQuery>,
        call: Option<JsCallOptions>,
    ) -> Result<JsValue, JsValue> {
        let build = || -> Result<JsValue, Error> {
            let query: ComplianceSummaryQuery = optional(query.map(JsValue::from), "query")?;
            crate::validate::check_summary_query(&query)?;
            let call = Options::new(call.map(JsValue::from), "call")?.call()?;
            Ok(ComplianceSummaryPages::into_js(Pager::new(
                JsPages,
                self.client.clone(),
                query,
                call,
            )))
        };
        build().map_err(|e| to_js(&e))
    }

    /// Every row of the query, in order.
    #[wasm_bindgen(js_name = complianceSummaryAll, unchecked_return_type = "Promise<ComplianceSummaryEntry[]>")]
    pub fn compliance_summary_all(
        &self,
        query: Option<JsSummaryQuery>,
        options: Option<JsAllOptions>,
    ) -> Promise {
        let client = self.client.clone();
        promise(async move {
            let query: ComplianceSummaryQuery = optional(query.map(JsValue::from), "query")?;
            let opts = Options::new(options.map(JsValue::from), "options")?;
            let on_progress = opts.function("onProgress")?.map(|f| {
                let f = callback2(f);
                Rc::new(move |received: u64, total: u64| {
                    f((received as f64).into(), (total as f64).into())
                }) as Rc<dyn Fn(u64, u64)>
            });
            let all = AllOptions {
                concurrency: opts.uint("concurrency", 1.0, 8.0)?.map(|n| n as u32),
                on_progress,
                call: crate::CallOptions {
                    signal: opts.signal()?,
                    timeout_ms: None,
                },
            };
            let pages = all_pages(&client, &JsPages, &query, &all).await?;
            let lists = Array::new();
            for page in &pages {
                let list = js_sys::Reflect::get(page, &JsValue::from_str("complianceSummaryList"))
                    .unwrap_or_else(|_| Array::new().into());
                lists.push(&list);
            }
            Ok(lists.flat(1).into())
        })
    }

    /// The special notes and non-compliant assets to justify.
    #[wasm_bindgen(js_name = fetchReportData, unchecked_return_type = "Promise<ReportGenerationData>")]
    pub fn fetch_report_data(&self, call: Option<JsCallOptions>) -> Promise {
        let client = self.client.clone();
        promise(async move {
            let call = Options::new(call.map(JsValue::from), "call")?.call()?;
            fetch_checked(
                &client,
                &ApiRequest::report_data(),
                &call,
                &REPORT_GENERATION_DATA,
            )
            .await
        })
    }

    /// Submits a report generation request. Never retried.
    #[wasm_bindgen(js_name = submitReport, unchecked_return_type = "Promise<ReportRequestResult>")]
    pub fn submit_report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReportSubmission")] submission: JsValue,
        call: Option<JsCallOptions>,
    ) -> Promise {
        let client = self.client.clone();
        promise(async move {
            let submission: ReportSubmission = super::read::from_js(submission, "submission")?;
            let call = Options::new(call.map(JsValue::from), "call")?.call()?;
            to_plain(&client.submit_report(&submission, &call).await?)
        })
    }

    /// The report's status.
    #[wasm_bindgen(js_name = reportStatus, unchecked_return_type = "Promise<ReportStatusResult>")]
    pub fn report_status(
        &self,
        #[wasm_bindgen(js_name = reportId, unchecked_param_type = "number")]
        report_id_value: JsValue,
        call: Option<JsCallOptions>,
    ) -> Promise {
        let client = self.client.clone();
        promise(async move {
            let id = report_id(&report_id_value)?;
            let call = Options::new(call.map(JsValue::from), "call")?.call()?;
            to_plain(&client.report_status(id, &call).await?)
        })
    }

    /// Polls the status until it is one of `until` (default `["Generated"]`);
    /// rejects on `Rejected`, on timeout or abort.
    #[wasm_bindgen(js_name = waitForReport, unchecked_return_type = "Promise<ReportStatusResult>")]
    pub fn wait_for_report(
        &self,
        #[wasm_bindgen(js_name = reportId, unchecked_param_type = "number")]
        report_id_value: JsValue,
        options: Option<JsWaitOptions>,
    ) -> Promise {
        let client = self.client.clone();
        promise(async move {
            let id = report_id(&report_id_value)?;
            let opts = Options::new(options.map(JsValue::from), "options")?;
            let defaults = WaitOptions::default();
            let until: Option<Vec<String>> = opts.serde("until")?;
            let until = match until {
                None => defaults.until,
                Some(names) => names
                    .iter()
                    .map(|n| {
                        ReportStatus::documented(n).ok_or_else(|| {
                            Error::invalid(
                                "options.until",
                                format_args!("{n:?} is not one of {:?}", ReportStatus::DOCUMENTED),
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?,
            };
            let on_status = opts.function("onStatus")?.map(|f| {
                Rc::new(move |s: &ReportStatusResult| {
                    if let Ok(v) = to_plain(s) {
                        let _ = f.call1(&JsValue::UNDEFINED, &v);
                    }
                }) as Rc<dyn Fn(&ReportStatusResult)>
            });
            let wait = WaitOptions {
                until,
                interval_ms: opts
                    .uint("intervalMs", 1.0, f64::from(u32::MAX))?
                    .map_or(defaults.interval_ms, |n| n as u32),
                max_interval_ms: defaults.max_interval_ms,
                timeout_ms: opts
                    .uint("timeoutMs", 1.0, 9007199254740991.0)?
                    .map_or(defaults.timeout_ms, |n| n as u64),
                on_status,
                call: crate::CallOptions {
                    signal: opts.signal()?,
                    timeout_ms: None,
                },
            };
            to_plain(&client.wait_for_report(id, &wait).await?)
        })
    }

    /// Downloads the report's PDF as a `File` (a `Blob` with a name).
    #[wasm_bindgen(js_name = downloadReport, unchecked_return_type = "Promise<File>")]
    pub fn download_report(
        &self,
        #[wasm_bindgen(js_name = reportId, unchecked_param_type = "number")]
        report_id_value: JsValue,
        #[wasm_bindgen(js_name = reportType, unchecked_param_type = "ReportType")]
        report_type: JsValue,
        options: Option<JsDownloadOptions>,
    ) -> Promise {
        let client = self.client.clone();
        promise(async move {
            let id = report_id(&report_id_value)?;
            let report_type: ReportType = super::read::from_js(report_type, "reportType")?;
            let opts = Options::new(options.map(JsValue::from), "options")?;
            let on_progress = opts.function("onProgress")?.map(|f| {
                let f = callback2(f);
                Rc::new(move |received: u64, total: Option<u64>| {
                    f(
                        (received as f64).into(),
                        total.map_or(JsValue::UNDEFINED, |t| (t as f64).into()),
                    )
                }) as Rc<dyn Fn(u64, Option<u64>)>
            });
            let download = DownloadOptions {
                call: opts.call()?,
                on_progress,
            };
            Ok(client
                .download_report(id, report_type, &download)
                .await?
                .into())
        })
    }

    /// Sends a generated report to the admin user for review.
    #[wasm_bindgen(js_name = requestReview, unchecked_return_type = "Promise<ReportRequestResult>")]
    pub fn request_review(
        &self,
        #[wasm_bindgen(js_name = reportId, unchecked_param_type = "number")]
        report_id_value: JsValue,
        call: Option<JsCallOptions>,
    ) -> Promise {
        let client = self.client.clone();
        promise(async move {
            let id = report_id(&report_id_value)?;
            let call = Options::new(call.map(JsValue::from), "call")?.call()?;
            to_plain(&client.request_review(id, &call).await?)
        })
    }
}
