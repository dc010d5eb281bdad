//! Decoding a 2xx JSON body into the vendor's types.

use crate::model::Envelope;
use crate::{Error, ErrorKind};
use serde::de::DeserializeOwned;

/// The largest JSON answer this client decodes. Wasm memory never shrinks,
/// so a hostile or broken server must not be able to grow it without bound.
pub const MAX_JSON_BYTES: usize = 64 * 1024 * 1024;

/// Decodes `{"responseApiVersion", "data": T}` and returns `data`.
///
/// The vendor's own samples print some strings with raw line breaks inside,
/// which strict JSON forbids; when the parse fails on exactly that, such
/// control characters inside strings are escaped and the parse is tried once
/// more. Any other failure is reported without copying the text again.
pub fn decode_envelope<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    decode_envelope_bytes(text.as_bytes())
}

/// [`decode_envelope`] for a body as bytes, which serde_json reads directly.
pub fn decode_envelope_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let first = match serde_json::from_slice::<Envelope<T>>(bytes) {
        Ok(envelope) => return Ok(envelope.data),
        Err(e) => e,
    };
    let head = String::from_utf8_lossy(bytes.get(..Error::BODY_LIMIT).unwrap_or(bytes));
    if !first.to_string().starts_with("control character") {
        return Err(not_json(&head, bytes.len()).with_detail(&first));
    }
    let repaired = std::str::from_utf8(bytes)
        .ok()
        .and_then(escape_raw_controls);
    match repaired.map(|text| serde_json::from_str::<Envelope<T>>(&text)) {
        Some(Ok(envelope)) => Ok(envelope.data),
        _ => Err(not_json(&head, bytes.len()).with_detail(&first)),
    }
}

/// The `decode` error for a body that is not the documented JSON, worded
/// from its first bytes; `head` is kept as the error's body.
pub fn not_json(head: &str, total_len: usize) -> Error {
    let what = if total_len == 0 || head.trim().is_empty() {
        "the response body was empty"
    } else if head.trim_start().starts_with('<') {
        "the response was HTML or XML, not JSON; is baseUrl pointing at the API?"
    } else {
        "the response was not the documented JSON"
    };
    Error::new(ErrorKind::Decode, what).with_body(
        super::status::clip(head, Error::BODY_LIMIT).to_owned(),
        None,
    )
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
        assert_eq!(
            escape_raw_controls(text).as_deref(),
            Some("{\"a\": \"x\\u000ay\", \"b\": \"q\\\"\\u000a\"}\n")
        );
        assert_eq!(escape_raw_controls("{\"a\": 1}\n"), None);
    }

    #[test]
    fn empty_html_and_junk_bodies_are_decode_errors() {
        for (body, hint) in [
            ("", "empty"),
            ("<html>oops</html>", "HTML"),
            ("{\"data\": ", "not the documented JSON"),
        ] {
            let e = decode_envelope::<u32>(body).expect_err(body);
            assert_eq!(e.kind(), ErrorKind::Decode);
            assert!(e.message().contains(hint), "{}", e.message());
        }
    }
}
