//! [`Client`]: one async method per API operation.

use crate::config::Config;
use crate::model::{
    ComplianceSummaryPage, ComplianceSummaryQuery, ReportGenerationData, ReportId,
    ReportRequestResult, ReportStatusResult, ReportSubmission,
};
use crate::request::ApiRequest;
use crate::transport::{decode_envelope_bytes, send};
use crate::{CallOptions, ClientOptions, Error};
use serde::de::DeserializeOwned;
use std::rc::Rc;

/// A client of the PCI Merchant API. Cheap to clone: clones share one
/// configuration.
///
/// ```no_run
/// # async fn demo() -> Result<(), qualys_pci::Error> {
/// use qualys_pci::{CallOptions, Client, ClientOptions, ComplianceSummaryQuery, Credentials};
///
/// let client = Client::new(ClientOptions {
///     credentials: Credentials::Basic { username: "merchant".into(), password: "secret".into() },
///     ..ClientOptions::default()
/// })?;
/// let page = client
///     .compliance_summary(&ComplianceSummaryQuery { limit: Some(10), ..Default::default() }, &CallOptions::default())
///     .await?;
/// println!("{} assets, first page {}", page.total_count, page.fetch_range);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
pub struct Client {
    config: Rc<Config>,
}

impl Client {
    /// Checks the options and builds the client; a bad option is an
    /// `invalidInput` error naming it.
    pub fn new(options: ClientOptions) -> Result<Client, Error> {
        Ok(Client {
            config: Rc::new(Config::new(&options)?),
        })
    }

    pub(crate) fn config(&self) -> &Config {
        &self.config
    }

    /// One page of the compliance summary (`GET /pci/compliance/summary`).
    pub async fn compliance_summary(
        &self,
        query: &ComplianceSummaryQuery,
        call: &CallOptions,
    ) -> Result<ComplianceSummaryPage, Error> {
        self.json(&ApiRequest::compliance_summary(query)?, call)
            .await
    }

    /// The special notes and non-compliant assets a report submission
    /// justifies (`GET /pci/reporting/reportGeneration/fetch`).
    pub async fn fetch_report_data(
        &self,
        call: &CallOptions,
    ) -> Result<ReportGenerationData, Error> {
        self.json(&ApiRequest::report_data(), call).await
    }

    /// Submits a report generation request. Never retried: a second request
    /// would be a second report.
    pub async fn submit_report(
        &self,
        submission: &ReportSubmission,
        call: &CallOptions,
    ) -> Result<ReportRequestResult, Error> {
        self.json(&ApiRequest::submit(submission)?, call).await
    }

    /// The report's status (`GET /pci/reporting/{reportId}/status`).
    pub async fn report_status(
        &self,
        report_id: ReportId,
        call: &CallOptions,
    ) -> Result<ReportStatusResult, Error> {
        self.json(&ApiRequest::report_status(report_id), call).await
    }

    /// Sends a generated report to the admin user for review
    /// (`PUT /pci/reporting/{reportId}/requestReview`).
    pub async fn request_review(
        &self,
        report_id: ReportId,
        call: &CallOptions,
    ) -> Result<ReportRequestResult, Error> {
        self.json(&ApiRequest::request_review(report_id), call)
            .await
    }

    /// Sends `req` and decodes its `data` from the body's bytes (copied into
    /// wasm in one block, not converted from a JS string).
    async fn json<T: DeserializeOwned>(
        &self,
        req: &ApiRequest,
        call: &CallOptions,
    ) -> Result<T, Error> {
        let sent = send(&self.config, req, call).await?;
        let bytes = sent.bytes().await?;
        decode_envelope_bytes::<T>(&bytes).map_err(|e| sent.annotate(e))
    }
}
