//! Decoding a 2xx JSON body into the vendor's types.

use crate::model::Envelope;
use crate::{Error, ErrorKind};
use serde::de::DeserializeOwned;

/// Decodes `{"responseApiVersion", "data": T}` and returns `data`.
///
/// The vendor's own samples print some strings with raw line breaks inside,
/// which strict JSON forbids; when the first parse fails, such control
/// characters inside strings are escaped and the parse is tried once more.
pub fn decode_envelope<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    match serde_json::from_str::<Envelope<T>>(text) {
        Ok(envelope) => Ok(envelope.data),
        Err(first) => {
            let repaired = escape_raw_controls(text).ok_or_else(|| decode_error(&first, text))?;
            serde_json::from_str::<Envelope<T>>(&repaired)
                .map(|e| e.data)
                .map_err(|_| decode_error(&first, text))
        }
    }
}

/// [`decode_envelope`] for a body as bytes, which serde_json reads directly.
pub fn decode_envelope_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    match serde_json::from_slice::<Envelope<T>>(bytes) {
        Ok(envelope) => Ok(envelope.data),
        // The slow path words the error and tries the repair.
        Err(_) => decode_envelope(&String::from_utf8_lossy(bytes)),
    }
}

fn decode_error(e: &serde_json::Error, text: &str) -> Error {
    let what = if text.trim().is_empty() {
        "the response body was empty".to_owned()
    } else if text.trim_start().starts_with('<') {
        "the response was HTML or XML, not JSON; is baseUrl pointing at the API?".to_owned()
    } else {
        format!("the response was not the documented JSON: {e}")
    };
    Error::new(ErrorKind::Decode, what).with_body(super::status::clip(text, Error::BODY_LIMIT).to_owned(), None)
}

/// `text` with raw control characters inside string literals escaped, or
/// `None` when there were none (so a second parse would fail the same way).
pub fn escape_raw_controls(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 16);
    let (mut in_string, mut escaped, mut changed) = (false, false, false);
    for c in text.chars() {
        if in_string && !escaped && (c as u32) < 0x20 {
            out.push_str(&format!("\\u{:04x}", c as u32));
            changed = true;
            continue;
        }
        match c {
            '"' if !escaped => in_string = !in_string,
            _ => {}
        }
        escaped = in_string && c == '\\' && !escaped;
        out.push(c);
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_line_breaks_inside_strings_are_escaped_and_nothing_else() {
        let text = "{\"a\": \"x\ny\", \"b\": \"q\\\"\n\"}\n";
        assert_eq!(escape_raw_controls(text).as_deref(), Some("{\"a\": \"x\\u000ay\", \"b\": \"q\\\"\\u000a\"}\n"));
        assert_eq!(escape_raw_controls("{\"a\": 1}\n"), None);
    }

    #[test]
    fn empty_html_and_junk_bodies_are_decode_errors() {
        for (body, hint) in [("", "empty"), ("<html>oops</html>", "HTML"), ("{\"data\": ", "not the documented JSON")] {
            let e = decode_envelope::<u32>(body).expect_err(body);
            assert_eq!(e.kind(), ErrorKind::Decode);
            assert!(e.message().contains(hint), "{}", e.message());
        }
    }
}
