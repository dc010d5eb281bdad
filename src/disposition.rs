//! The file name of a download, from `Content-Disposition`.

/// The name in a `Content-Disposition` header, preferring the RFC 6266
/// `filename*=UTF-8''...` form, made safe to use as a file name: no path, no
/// control characters. `None` when the header names no usable file.
pub fn filename(header: &str) -> Option<String> {
    let mut plain = None;
    let mut extended = None;
    for part in split_params(header) {
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        match key.trim().to_ascii_lowercase().as_str() {
            "filename*" => extended = decode_extended(value.trim()),
            "filename" => plain = Some(unquote(value.trim())),
            _ => {}
        }
    }
    extended.or(plain).and_then(|name| sanitize(&name))
}

/// Splits on `;` outside quoted strings.
fn split_params(header: &str) -> Vec<&str> {
    let (mut parts, mut start, mut quoted, mut escaped) = (Vec::new(), 0, false, false);
    for (i, c) in header.char_indices() {
        match c {
            '\\' if quoted && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => quoted = !quoted,
            ';' if !quoted => {
                parts.push(header.get(start..i).unwrap_or(""));
                start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    parts.push(header.get(start..).unwrap_or(""));
    parts
}

fn unquote(value: &str) -> String {
    let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) else {
        return value.to_owned();
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        out.push(if c == '\\' {
            chars.next().unwrap_or('\\')
        } else {
            c
        });
    }
    out
}

/// `UTF-8''%e2%82%ac.pdf` → `€.pdf`; other charsets are ignored.
fn decode_extended(value: &str) -> Option<String> {
    let mut pieces = value.splitn(3, '\'');
    let charset = pieces.next()?;
    let _language = pieces.next()?;
    let encoded = pieces.next()?;
    if !charset.eq_ignore_ascii_case("utf-8") {
        return None;
    }
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = encoded.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Keeps the last path segment, drops control characters, and refuses names
/// that are empty or only dots.
fn sanitize(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim().to_owned();
    (!clean.is_empty() && !clean.chars().all(|c| c == '.')).then_some(clean)
}

#[cfg(test)]
mod tests {
    use super::filename;

    #[test]
    fn quoted_and_bare_names_are_read() {
        assert_eq!(
            filename(r#"attachment; filename="PCI_Executive_Report_7713.pdf""#).as_deref(),
            Some("PCI_Executive_Report_7713.pdf")
        );
        assert_eq!(
            filename("attachment; filename=report.pdf").as_deref(),
            Some("report.pdf")
        );
        assert_eq!(
            filename(r#"attachment; filename="a;b \"c\".pdf""#).as_deref(),
            Some(r#"a;b "c".pdf"#)
        );
    }

    #[test]
    fn the_extended_utf8_form_wins() {
        let h = r#"attachment; filename="fallback.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%E2%82%AC.pdf"#;
        assert_eq!(filename(h).as_deref(), Some("résumé €.pdf"));
        assert_eq!(
            filename("attachment; filename*=ISO-8859-1''x.pdf; filename=y.pdf").as_deref(),
            Some("y.pdf")
        );
    }

    #[test]
    fn paths_controls_and_empty_names_are_refused_or_cleaned() {
        assert_eq!(
            filename(r#"attachment; filename="../../etc/passwd""#).as_deref(),
            Some("passwd")
        );
        assert_eq!(
            filename(r#"attachment; filename="C:\\x\\y.pdf""#).as_deref(),
            Some("y.pdf")
        );
        assert_eq!(
            filename("attachment; filename=\"a\u{7}b.pdf\"").as_deref(),
            Some("ab.pdf")
        );
        for none in [
            "attachment",
            "attachment; filename=\"\"",
            "attachment; filename=..",
            "inline; filename*=UTF-8''%zz",
            "",
        ] {
            assert_eq!(filename(none), None, "{none:?}");
        }
    }
}
