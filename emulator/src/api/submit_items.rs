//! The notes and assets inside a submission, checked field by field against
//! the shapes `/pci/reporting/reportGeneration/fetch` hands out, so that a
//! malformed item is a 400 rather than a silently accepted report.

use serde_json::{Map, Value};

use crate::error::ApiError;

/// What a field may hold.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    TextOrNull,
    TextOrInteger,
    PortOrNull,
    TextOrBool,
    Count,
    Patches,
}

const SPECIAL_NOTE: &[(&str, Kind)] = &[
    ("id", Kind::TextOrInteger),
    ("ip", Kind::Text),
    ("dns", Kind::TextOrNull),
    ("specialNote", Kind::Text),
    ("qid", Kind::TextOrInteger),
    ("title", Kind::Text),
    ("port", Kind::PortOrNull),
    ("protocol", Kind::TextOrNull),
    ("securelyImplemented", Kind::TextOrBool),
    ("comment", Kind::TextOrNull),
];

const NON_COMPLIANT_ASSET: &[(&str, Kind)] = &[
    ("ip", Kind::Text),
    ("dns", Kind::TextOrNull),
    ("vulnHigh", Kind::Count),
    ("vulnMed", Kind::Count),
    ("vulnLow", Kind::Count),
    ("asvComment", Kind::TextOrNull),
    ("sslComment", Kind::TextOrNull),
    ("patches", Kind::Patches),
    ("merchantComment", Kind::TextOrNull),
];

const PATCH: &[(&str, Kind)] = &[("urlText", Kind::Text), ("url", Kind::TextOrNull)];

/// Checks `specialNotes` and returns how many there are.
pub fn special_notes(fields: &Map<String, Value>) -> Result<usize, ApiError> {
    items(fields, "specialNotes", SPECIAL_NOTE)
}

/// Checks `nonCompliantAssets` and returns how many there are.
pub fn non_compliant_assets(fields: &Map<String, Value>) -> Result<usize, ApiError> {
    items(fields, "nonCompliantAssets", NON_COMPLIANT_ASSET)
}

fn items(
    fields: &Map<String, Value>,
    name: &str,
    shape: &[(&str, Kind)],
) -> Result<usize, ApiError> {
    match fields.get(name) {
        None => Ok(0),
        Some(Value::Array(items)) => {
            for (index, item) in items.iter().enumerate() {
                check_object(item, shape, &format!("{name}[{index}]"))?;
            }
            Ok(items.len())
        }
        Some(_) => Err(ApiError::bad_request(format!(
            "{name} must be an array of objects"
        ))),
    }
}

fn check_object(item: &Value, shape: &[(&str, Kind)], at: &str) -> Result<(), ApiError> {
    let Value::Object(object) = item else {
        return Err(ApiError::bad_request(format!("{at} must be an object")));
    };
    for (field, kind) in shape {
        let path = format!("{at}.{field}");
        let value = object
            .get(*field)
            .ok_or_else(|| ApiError::bad_request(format!("{path} is required")))?;
        check_value(value, *kind, &path)?;
    }
    Ok(())
}

fn check_value(value: &Value, kind: Kind, path: &str) -> Result<(), ApiError> {
    let fits = match kind {
        Kind::Text => value.is_string(),
        Kind::TextOrNull => value.is_string() || value.is_null(),
        Kind::TextOrInteger => value.is_string() || value.is_u64(),
        Kind::PortOrNull => {
            value.is_null() || value.is_string() || value.as_u64().is_some_and(|port| port <= 65535)
        }
        Kind::TextOrBool => value.is_string() || value.is_boolean(),
        Kind::Count => value.is_u64(),
        Kind::Patches => {
            let Value::Array(patches) = value else {
                return Err(ApiError::bad_request(format!("{path} must be an array")));
            };
            for (index, patch) in patches.iter().enumerate() {
                check_object(patch, PATCH, &format!("{path}[{index}]"))?;
            }
            true
        }
    };
    if fits {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!(
            "{path} must be {}",
            expected(kind)
        )))
    }
}

fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "a string",
        Kind::TextOrNull => "a string or null",
        Kind::TextOrInteger => "a string or a non-negative integer",
        Kind::PortOrNull => "a port number, a string or null",
        Kind::TextOrBool => "a string or a boolean",
        Kind::Count => "a non-negative integer",
        Kind::Patches => "an array of patches",
    }
}
