//! What each operation sends: method, path, query and body, built from typed
//! inputs. Pure data, so it is tested natively.

use crate::model::{ComplianceSummaryQuery, ReportId, ReportSubmission, ReportType};
use crate::validate::{check_submission, check_summary_query};
use crate::{BaseUrl, Error, ErrorKind};
use serde::Serialize;

/// The HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
    Put,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
        }
    }
}

/// Which failures an operation may be retried after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retry {
    /// Reads: any transient failure.
    Always,
    /// A state change the server refused before acting (rate limit, 503):
    /// retried; a lost connection, which may have applied it, is not.
    WhenRefused,
    /// Submit: a second request would be a second report.
    Never,
}

/// One API call, ready to send.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApiRequest {
    pub method: Method,
    /// Path and query, e.g. `/pci/compliance/summary?limit=10`.
    pub path_and_query: String,
    /// The JSON body of a submit.
    pub json_body: Option<String>,
    pub retry: Retry,
}

/// The summary query with the vendor's wire names, which differ in case from
/// the JS-facing names (`IP`, `DNS`, `ComplianceStatus`).
#[derive(Serialize)]
struct SummaryParams<'a> {
    #[serde(rename = "sortBy", skip_serializing_if = "Option::is_none")]
    sort_by: Option<crate::model::SortBy>,
    #[serde(rename = "sortOrder", skip_serializing_if = "Option::is_none")]
    sort_order: Option<crate::model::SortOrder>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<u32>,
    #[serde(rename = "IP", skip_serializing_if = "Option::is_none")]
    ip: Option<&'a str>,
    #[serde(rename = "DNS", skip_serializing_if = "Option::is_none")]
    dns: Option<&'a str>,
    #[serde(rename = "ComplianceStatus", skip_serializing_if = "Option::is_none")]
    compliance_status: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DownloadParams {
    report_id: u64,
    report_type: &'static str,
}

fn encode<T: Serialize>(params: &T) -> Result<String, Error> {
    serde_urlencoded::to_string(params).map_err(|e| {
        Error::new(
            ErrorKind::InvalidInput,
            format!("could not encode the query: {e}"),
        )
    })
}

impl ApiRequest {
    fn get(path_and_query: String) -> ApiRequest {
        ApiRequest {
            method: Method::Get,
            path_and_query,
            json_body: None,
            retry: Retry::Always,
        }
    }

    /// `GET /pci/compliance/summary`, the path the vendor's endpoint table documents.
    pub fn compliance_summary(q: &ComplianceSummaryQuery) -> Result<ApiRequest, Error> {
        check_summary_query(q)?;
        let query = encode(&SummaryParams {
            sort_by: q.sort_by,
            sort_order: q.sort_order,
            offset: q.offset,
            limit: q.limit,
            ip: q.ip.as_deref(),
            dns: q.dns.as_deref(),
            compliance_status: q.compliance_status.as_ref().map(|s| s.as_str()),
        })?;
        let sep = if query.is_empty() { "" } else { "?" };
        Ok(ApiRequest::get(format!(
            "/pci/compliance/summary{sep}{query}"
        )))
    }

    /// `GET /pci/reporting/reportGeneration/fetch`.
    pub fn report_data() -> ApiRequest {
        ApiRequest::get("/pci/reporting/reportGeneration/fetch".to_owned())
    }

    /// `POST /pci/reporting/reportGeneration/submit`.
    pub fn submit(s: &ReportSubmission) -> Result<ApiRequest, Error> {
        check_submission(s)?;
        let body = serde_json::to_string(s).map_err(|e| {
            Error::new(
                ErrorKind::InvalidInput,
                format!("could not encode the submission: {e}"),
            )
        })?;
        Ok(ApiRequest {
            method: Method::Post,
            path_and_query: "/pci/reporting/reportGeneration/submit".to_owned(),
            json_body: Some(body),
            retry: Retry::Never,
        })
    }

    /// `GET /pci/reporting/{reportId}/status`.
    pub fn report_status(id: ReportId) -> ApiRequest {
        ApiRequest::get(format!("/pci/reporting/{id}/status"))
    }

    /// `GET /pci/reporting/download?reportId=..&reportType=..`.
    pub fn download(id: ReportId, report_type: ReportType) -> Result<ApiRequest, Error> {
        let query = encode(&DownloadParams {
            report_id: id.get(),
            report_type: report_type.as_str(),
        })?;
        Ok(ApiRequest::get(format!("/pci/reporting/download?{query}")))
    }

    /// `PUT /pci/reporting/{reportId}/requestReview`.
    pub fn request_review(id: ReportId) -> ApiRequest {
        ApiRequest {
            method: Method::Put,
            path_and_query: format!("/pci/reporting/{id}/requestReview"),
            json_body: None,
            retry: Retry::WhenRefused,
        }
    }

    /// The absolute URL under `base`.
    pub fn url(&self, base: &BaseUrl) -> String {
        base.join(&self.path_and_query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ComplianceStatus, SortBy, SortOrder};

    fn base() -> BaseUrl {
        BaseUrl::parse("http://127.0.0.1:8790/prefix/").expect("valid")
    }

    #[test]
    fn summary_uses_the_vendor_wire_names() {
        let q = ComplianceSummaryQuery {
            sort_by: Some(SortBy::ComplianceStatus),
            sort_order: Some(SortOrder::Desc),
            offset: Some(0),
            limit: Some(10),
            ip: Some("10.0.0.1-10.0.0.9".into()),
            dns: Some("abc.com".into()),
            compliance_status: Some(ComplianceStatus::Fail),
        };
        let r = ApiRequest::compliance_summary(&q).expect("valid");
        assert_eq!(
            r.url(&base()),
            "http://127.0.0.1:8790/prefix/pci/compliance/summary?sortBy=complianceStatus&sortOrder=DESC\
             &offset=0&limit=10&IP=10.0.0.1-10.0.0.9&DNS=abc.com&ComplianceStatus=Fail"
        );
        assert_eq!(r.method, Method::Get);
    }

    #[test]
    fn an_empty_summary_query_sends_no_question_mark() {
        let r = ApiRequest::compliance_summary(&ComplianceSummaryQuery::default()).expect("valid");
        assert_eq!(r.path_and_query, "/pci/compliance/summary");
    }

    #[test]
    fn ipv6_ranges_are_percent_encoded() {
        let q = ComplianceSummaryQuery {
            ip: Some("2001:db8::1".into()),
            ..Default::default()
        };
        let r = ApiRequest::compliance_summary(&q).expect("valid");
        assert!(
            r.path_and_query.ends_with("IP=2001%3Adb8%3A%3A1"),
            "{}",
            r.path_and_query
        );
    }

    #[test]
    fn report_paths_carry_only_the_numeric_id() {
        let id = ReportId::new(7713).expect("valid id");
        assert_eq!(
            ApiRequest::report_status(id).path_and_query,
            "/pci/reporting/7713/status"
        );
        let review = ApiRequest::request_review(id);
        assert_eq!(
            (review.method, review.path_and_query.as_str()),
            (Method::Put, "/pci/reporting/7713/requestReview")
        );
        assert_eq!(review.retry, Retry::WhenRefused);
        let d = ApiRequest::download(id, ReportType::Technical).expect("valid");
        assert_eq!(
            d.path_and_query,
            "/pci/reporting/download?reportId=7713&reportType=Technical"
        );
    }

    #[test]
    fn submit_is_json_and_never_retried() {
        let s = ReportSubmission {
            your_name: "Ada".into(),
            your_title: "Ms.".into(),
            ..Default::default()
        };
        let r = ApiRequest::submit(&s).expect("valid");
        assert_eq!(r.method, Method::Post);
        assert_eq!(r.retry, Retry::Never);
        assert_eq!(
            r.json_body.as_deref(),
            Some(r#"{"yourName":"Ada","yourTitle":"Ms."}"#)
        );
        let blank = ReportSubmission {
            your_name: "".into(),
            ..s
        };
        assert_eq!(
            ApiRequest::submit(&blank).expect_err("blank").field(),
            Some("yourName")
        );
    }
}
