use crate::model::ReportId;
use crate::Error;

/// Turns a JavaScript number into a [`ReportId`]: an integer from 1 to
/// 2^53−1. NaN, infinities, fractions and negatives are refused.
pub fn report_id_from_f64(value: f64) -> Result<ReportId, Error> {
    let refuse = || {
        Error::invalid(
            "reportId",
            format_args!(
                "must be an integer from 1 to {}, got {value}",
                ReportId::MAX
            ),
        )
    };
    if !value.is_finite() || value.fract() != 0.0 || value < 1.0 || value > ReportId::MAX as f64 {
        return Err(refuse());
    }
    // In range and integral, so the cast is exact.
    ReportId::new(value as u64).ok_or_else(refuse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_in_the_safe_range_are_ids() {
        assert_eq!(report_id_from_f64(1.0).map(ReportId::get), Ok(1));
        assert_eq!(
            report_id_from_f64(9007199254740991.0).map(ReportId::get),
            Ok(ReportId::MAX)
        );
    }

    #[test]
    fn everything_else_is_refused() {
        for bad in [
            0.0,
            -1.0,
            1.5,
            f64::NAN,
            f64::INFINITY,
            9007199254740992.0,
            -0.0,
        ] {
            let err = report_id_from_f64(bad).expect_err("must refuse");
            assert_eq!(err.field(), Some("reportId"), "{bad}");
        }
    }
}
