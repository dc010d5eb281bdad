//! `GET /pci/compliance/summary` and its alias `/pci/reporting/complianceSummary`.

use std::cmp::Ordering;

use axum::extract::{RawQuery, State};
use axum::response::Response;
use serde::Serialize;

use super::enveloped;
use crate::data::{Asset, Compliance};
use crate::error::ApiError;
use crate::ip_range::IpRange;
use crate::query::Params;
use crate::state::AppState;

const PARAMS: [&str; 7] = [
    "sortby",
    "sortorder",
    "offset",
    "limit",
    "ip",
    "dns",
    "compliancestatus",
];
const MAX_LIMIT: usize = 1000;

#[derive(Debug, Clone, Copy)]
enum SortBy {
    Ip,
    Dns,
    Status,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<'a> {
    total_count: usize,
    fetch_range: String,
    compliance_summary_list: Vec<Row<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Row<'a> {
    ip: String,
    dns: Option<&'a str>,
    compliance_status: &'static str,
}

/// Lists assets, filtered, sorted and paged as the query asks.
pub async fn compliance_summary(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref(), &PARAMS)?;
    let sort_by = parse_sort_by(params.get("sortby"))?;
    let descending = parse_descending(params.get("sortorder"))?;
    let offset = parse_offset(params.get("offset"))?;
    let limit = parse_limit(params.get("limit"))?;
    let range = params
        .get("ip")
        .map(|text| {
            IpRange::parse(text)
                .map_err(|why| ApiError::bad_request(format!("query parameter IP: {why}")))
        })
        .transpose()?;
    let dns = params
        .get("dns")
        .map(|text| {
            if is_hostname(text) {
                Ok(text)
            } else {
                Err(ApiError::bad_request(
                    "query parameter DNS must be one hostname",
                ))
            }
        })
        .transpose()?;
    let status = params
        .get("compliancestatus")
        .map(parse_status)
        .transpose()?;

    let mut matching: Vec<&Asset> = state
        .data
        .assets
        .iter()
        .filter(|asset| range.is_none_or(|range| range.contains(asset.ip)))
        .filter(|asset| {
            dns.is_none_or(|dns| {
                asset
                    .dns
                    .as_deref()
                    .is_some_and(|name| name.eq_ignore_ascii_case(dns))
            })
        })
        .filter(|asset| status.is_none_or(|status| asset.status == status))
        .collect();
    matching.sort_by(|a, b| compare(a, b, sort_by));
    if descending {
        matching.reverse();
    }

    let total_count = matching.len();
    let rows: Vec<Row<'_>> = matching
        .into_iter()
        .skip(offset.saturating_sub(1))
        .take(limit)
        .map(|asset| Row {
            ip: asset.ip.to_string(),
            dns: asset.dns.as_deref(),
            compliance_status: asset.status.as_str(),
        })
        .collect();
    let fetch_range = if rows.is_empty() {
        String::new()
    } else {
        let first = offset.max(1);
        format!("{first}-{}", first + rows.len() - 1)
    };

    Ok(enveloped(Page {
        total_count,
        fetch_range,
        compliance_summary_list: rows,
    }))
}

// Ties always fall back to ip order so that pages never overlap or skip.
fn compare(a: &Asset, b: &Asset, sort_by: SortBy) -> Ordering {
    let primary = match sort_by {
        SortBy::Ip => Ordering::Equal,
        SortBy::Dns => match (&a.dns, &b.dns) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortBy::Status => a.status.cmp(&b.status),
    };
    primary.then(a.ip.cmp(&b.ip))
}

fn parse_sort_by(value: Option<&str>) -> Result<SortBy, ApiError> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None | Some("ip") => Ok(SortBy::Ip),
        Some("dns") => Ok(SortBy::Dns),
        Some("compliancestatus") => Ok(SortBy::Status),
        Some(_) => Err(ApiError::bad_request(
            "query parameter sortBy must be ip, dns or complianceStatus",
        )),
    }
}

fn parse_descending(value: Option<&str>) -> Result<bool, ApiError> {
    match value.map(str::to_ascii_uppercase).as_deref() {
        None | Some("ASC") => Ok(false),
        Some("DESC") => Ok(true),
        Some(_) => Err(ApiError::bad_request(
            "query parameter sortOrder must be ASC or DESC",
        )),
    }
}

fn parse_offset(value: Option<&str>) -> Result<usize, ApiError> {
    match value {
        None => Ok(1),
        Some(text) => text
            .trim()
            .parse::<usize>()
            .map(|offset| offset.max(1))
            .map_err(|_| {
                ApiError::bad_request("query parameter offset must be a whole number from 0 up")
            }),
    }
}

fn parse_limit(value: Option<&str>) -> Result<usize, ApiError> {
    match value {
        None => Ok(MAX_LIMIT),
        Some(text) => match text.trim().parse::<usize>() {
            Ok(limit) if (1..=MAX_LIMIT).contains(&limit) => Ok(limit),
            _ => Err(ApiError::bad_request(
                "query parameter limit must be a whole number from 1 to 1000",
            )),
        },
    }
}

fn parse_status(value: &str) -> Result<Compliance, ApiError> {
    if value.trim().eq_ignore_ascii_case("pass") {
        Ok(Compliance::Pass)
    } else if value.trim().eq_ignore_ascii_case("fail") {
        Ok(Compliance::Fail)
    } else {
        Err(ApiError::bad_request(
            "query parameter ComplianceStatus must be Pass or Fail",
        ))
    }
}

// RFC 1123: dot-separated labels of letters, digits and inner hyphens.
fn is_hostname(text: &str) -> bool {
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    (1..=253).contains(&text.len()) && text.split('.').all(label_ok)
}
