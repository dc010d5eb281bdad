use super::{is_hostname, parse_ip_or_range};
use crate::model::{ComplianceStatus, ComplianceSummaryQuery};
use crate::Error;

/// Checks a summary query against the documented ranges and grammars.
pub fn check_summary_query(q: &ComplianceSummaryQuery) -> Result<(), Error> {
    if let Some(limit) = q.limit {
        if !(1..=1000).contains(&limit) {
            return Err(Error::invalid(
                "limit",
                format_args!("must be 1 to 1000, got {limit}"),
            ));
        }
    }
    if let Some(ip) = &q.ip {
        parse_ip_or_range(ip).map_err(|why| Error::invalid("ip", why))?;
    }
    if let Some(dns) = &q.dns {
        if !is_hostname(dns) {
            return Err(Error::invalid(
                "dns",
                format_args!(
                    "{dns:?} is not one hostname (RFC 1123 letters, digits, hyphens and dots)"
                ),
            ));
        }
    }
    if let Some(ComplianceStatus::Other(s)) = &q.compliance_status {
        return Err(Error::invalid(
            "complianceStatus",
            format_args!("must be \"Pass\" or \"Fail\", got {s:?}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(q: ComplianceSummaryQuery) -> Option<String> {
        check_summary_query(&q)
            .err()
            .and_then(|e| e.field().map(str::to_owned))
    }

    #[test]
    fn an_empty_query_is_valid() {
        assert!(check_summary_query(&ComplianceSummaryQuery::default()).is_ok());
    }

    #[test]
    fn limit_must_be_one_to_a_thousand() {
        for ok in [1, 1000] {
            let q = ComplianceSummaryQuery {
                limit: Some(ok),
                ..Default::default()
            };
            assert!(check_summary_query(&q).is_ok(), "{ok}");
        }
        for bad in [0, 1001] {
            let q = ComplianceSummaryQuery {
                limit: Some(bad),
                ..Default::default()
            };
            assert_eq!(field_of(q).as_deref(), Some("limit"), "{bad}");
        }
    }

    #[test]
    fn ip_dns_and_status_filters_are_checked() {
        let q = ComplianceSummaryQuery {
            ip: Some("1.2.3.4-1.2.3.1".into()),
            ..Default::default()
        };
        assert_eq!(field_of(q).as_deref(), Some("ip"));
        let q = ComplianceSummaryQuery {
            dns: Some("a.com b.com".into()),
            ..Default::default()
        };
        assert_eq!(field_of(q).as_deref(), Some("dns"));
        let q = ComplianceSummaryQuery {
            compliance_status: Some("pass".into()),
            ..Default::default()
        };
        assert_eq!(field_of(q).as_deref(), Some("complianceStatus"));
        let q = ComplianceSummaryQuery {
            ip: Some("1.2.3.4".into()),
            dns: Some("abc.com".into()),
            compliance_status: Some(ComplianceStatus::Fail),
            ..Default::default()
        };
        assert!(check_summary_query(&q).is_ok());
    }
}
