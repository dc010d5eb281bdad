use super::parse_ip_or_range;
use crate::model::ReportSubmission;
use crate::Error;

/// Checks the mandatory fields and the rules between fields of a submission.
pub fn check_submission(s: &ReportSubmission) -> Result<(), Error> {
    if s.your_name.trim().is_empty() {
        return Err(Error::invalid(
            "yourName",
            "is required and must not be blank",
        ));
    }
    if s.your_title.trim().is_empty() {
        return Err(Error::invalid(
            "yourTitle",
            "is required and must not be blank",
        ));
    }
    let has_comment = s
        .special_notes_single_comment
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty());
    if s.special_notes_securely_implemented.is_some() && !has_comment {
        return Err(Error::invalid(
            "specialNotesSingleComment",
            "is required when specialNotesSecurelyImplemented is set",
        ));
    }
    if let Some(ips) = &s.not_active_ips {
        parse_ip_or_range(ips).map_err(|why| Error::invalid("notActiveIps", why))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> ReportSubmission {
        ReportSubmission {
            your_name: "Ada".into(),
            your_title: "Ms.".into(),
            ..Default::default()
        }
    }

    fn field_of(s: ReportSubmission) -> Option<String> {
        check_submission(&s)
            .err()
            .and_then(|e| e.field().map(str::to_owned))
    }

    #[test]
    fn name_and_title_are_enough() {
        assert!(check_submission(&valid()).is_ok());
    }

    #[test]
    fn blank_name_or_title_is_refused() {
        assert_eq!(
            field_of(ReportSubmission {
                your_name: " ".into(),
                ..valid()
            })
            .as_deref(),
            Some("yourName")
        );
        assert_eq!(
            field_of(ReportSubmission {
                your_title: "".into(),
                ..valid()
            })
            .as_deref(),
            Some("yourTitle")
        );
    }

    #[test]
    fn securely_implemented_needs_a_comment() {
        let s = ReportSubmission {
            special_notes_securely_implemented: Some(false),
            ..valid()
        };
        assert_eq!(field_of(s).as_deref(), Some("specialNotesSingleComment"));
        let s = ReportSubmission {
            special_notes_securely_implemented: Some(true),
            special_notes_single_comment: Some("firewalled".into()),
            ..valid()
        };
        assert!(check_submission(&s).is_ok());
    }

    #[test]
    fn not_active_ips_takes_an_address_or_a_range() {
        let s = ReportSubmission {
            not_active_ips: Some("123.234.0.100-123.234.0.111".into()),
            ..valid()
        };
        assert!(check_submission(&s).is_ok());
        let s = ReportSubmission {
            not_active_ips: Some("123.234.0.100,1.1.1.1".into()),
            ..valid()
        };
        assert_eq!(field_of(s).as_deref(), Some("notActiveIps"));
    }
}
