use crate::Error;

/// Refuses a header value with CR, LF or NUL, which could smuggle a second
/// header into the request, and characters beyond ISO-8859-1, which `fetch`
/// itself would reject with an exception instead of an error.
pub fn check_header_value(field: &str, value: &str) -> Result<(), Error> {
    check_no_line_breaks(field, value)?;
    if value.chars().any(|c| c > '\u{ff}') {
        return Err(Error::invalid(
            field,
            "must be ISO-8859-1 text (headers cannot carry other characters)",
        ));
    }
    Ok(())
}

/// Refuses CR, LF and NUL. Used alone for Basic credentials, which travel
/// base64-encoded and so may hold any Unicode text.
pub fn check_no_line_breaks(field: &str, value: &str) -> Result<(), Error> {
    if value.contains(['\r', '\n', '\0']) {
        return Err(Error::invalid(
            field,
            "must not contain CR, LF or NUL characters",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_in_header_values_are_refused() {
        assert!(check_header_value("password", "a\r\nX-Evil: 1").is_err());
        assert!(check_header_value("password", "a\nb").is_err());
        assert!(check_header_value("password", "a\0b").is_err());
        assert!(check_header_value("password", "s3cr:et!").is_ok());
        assert!(
            check_header_value("x", "caf\u{e9}").is_ok(),
            "Latin-1 is fine"
        );
        assert!(
            check_header_value("x", "\u{20ac}").is_err(),
            "the euro sign is not Latin-1"
        );
    }
}
