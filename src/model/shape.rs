//! The JSON shape of the two large answers, as data: what the JS layer checks
//! a `JSON.parse`d answer against instead of decoding it into Rust values
//! (see `src/js/shape.rs` for why). A native test holds each shape to its
//! serde type, so the two cannot drift apart.

/// What one JSON value must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A string.
    Text,
    /// A string, `null`, or absent.
    TextOrNull,
    /// A whole number from 0 to 2^53−1.
    Count,
    /// A string or a number (ids and QIDs).
    TextOrNumber,
    /// A string, a number, `null` or absent (ports).
    TextOrNumberOrNull,
    /// A boolean or a string (`securelyImplemented`).
    BoolOrText,
    /// An object with at least these members (others are allowed).
    Object(&'static [(&'static str, Shape)]),
    /// An array whose every element has this shape.
    ListOf(&'static Shape),
}

const ENTRY: Shape = Shape::Object(&[
    ("ip", Shape::Text),
    ("dns", Shape::TextOrNull),
    ("complianceStatus", Shape::Text),
]);

/// [`ComplianceSummaryPage`](super::ComplianceSummaryPage).
pub static COMPLIANCE_SUMMARY_PAGE: Shape = Shape::Object(&[
    ("totalCount", Shape::Count),
    ("fetchRange", Shape::Text),
    ("complianceSummaryList", Shape::ListOf(&ENTRY)),
]);

const SPECIAL_NOTE: Shape = Shape::Object(&[
    ("id", Shape::TextOrNumber),
    ("ip", Shape::Text),
    ("dns", Shape::TextOrNull),
    ("specialNote", Shape::Text),
    ("qid", Shape::TextOrNumber),
    ("title", Shape::Text),
    ("port", Shape::TextOrNumberOrNull),
    ("protocol", Shape::TextOrNull),
    ("securelyImplemented", Shape::BoolOrText),
    ("comment", Shape::TextOrNull),
]);

const PATCH: Shape = Shape::Object(&[("urlText", Shape::Text), ("url", Shape::TextOrNull)]);

const NON_COMPLIANT_ASSET: Shape = Shape::Object(&[
    ("ip", Shape::Text),
    ("dns", Shape::TextOrNull),
    ("vulnHigh", Shape::Count),
    ("vulnMed", Shape::Count),
    ("vulnLow", Shape::Count),
    ("asvComment", Shape::TextOrNull),
    ("sslComment", Shape::TextOrNull),
    ("patches", Shape::ListOf(&PATCH)),
    ("merchantComment", Shape::TextOrNull),
]);

/// [`ReportGenerationData`](super::ReportGenerationData).
pub static REPORT_GENERATION_DATA: Shape = Shape::Object(&[
    ("specialNotes", Shape::ListOf(&SPECIAL_NOTE)),
    ("nonCompliantAssets", Shape::ListOf(&NON_COMPLIANT_ASSET)),
]);

#[cfg(test)]
mod tests {
    //! Each shape against its serde type: a value built from the shape
    //! decodes; dropping any member the shape requires makes serde refuse it
    //! too; a wrong type in any member is refused by serde as well.
    use super::*;
    use crate::model::{ComplianceSummaryPage, ReportGenerationData};
    use serde::de::DeserializeOwned;
    use serde_json::{json, Value};

    fn sample(shape: &Shape) -> Value {
        match shape {
            Shape::Text => json!("text"),
            Shape::TextOrNull | Shape::TextOrNumberOrNull => Value::Null,
            Shape::Count => json!(3),
            Shape::TextOrNumber => json!("42"),
            Shape::BoolOrText => json!(false),
            Shape::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, s)| ((*k).to_owned(), sample(s)))
                    .collect(),
            ),
            Shape::ListOf(item) => json!([sample(item)]),
        }
    }

    fn required(shape: &Shape) -> bool {
        !matches!(shape, Shape::TextOrNull | Shape::TextOrNumberOrNull)
    }

    /// Every (path, member shape) pair, for mutation.
    fn members(shape: &Shape, path: Vec<String>, out: &mut Vec<(Vec<String>, Shape)>) {
        match shape {
            Shape::Object(fields) => {
                for (name, s) in *fields {
                    let mut p = path.clone();
                    p.push((*name).to_owned());
                    out.push((p.clone(), *s));
                    members(s, p, out);
                }
            }
            Shape::ListOf(item) => {
                let mut p = path;
                p.push("0".to_owned());
                members(item, p, out);
            }
            _ => {}
        }
    }

    fn parent<'a>(root: &'a mut Value, path: &[String]) -> (&'a mut Value, String) {
        let (last, init) = path.split_last().expect("non-empty path");
        let mut v = root;
        for key in init {
            v = if let Ok(i) = key.parse::<usize>() {
                &mut v[i]
            } else {
                &mut v[key.as_str()]
            };
        }
        (v, last.clone())
    }

    fn agrees<T: DeserializeOwned>(shape: &Shape) {
        let full = sample(shape);
        assert!(
            serde_json::from_value::<T>(full.clone()).is_ok(),
            "the shape's sample decodes: {full}"
        );
        let mut all = Vec::new();
        members(shape, Vec::new(), &mut all);
        for (path, member) in all {
            let mut missing = full.clone();
            let (obj, key) = parent(&mut missing, &path);
            obj.as_object_mut().expect("object").remove(&key);
            assert_eq!(
                serde_json::from_value::<T>(missing).is_ok(),
                !required(&member),
                "missing {path:?}"
            );
            let mut wrong = full.clone();
            let (obj, key) = parent(&mut wrong, &path);
            obj[key.as_str()] = json!({"not": "this"});
            assert!(
                serde_json::from_value::<T>(wrong).is_err(),
                "an object in place of {path:?} is refused"
            );
        }
    }

    #[test]
    fn the_summary_page_shape_agrees_with_its_serde_type() {
        agrees::<ComplianceSummaryPage>(&COMPLIANCE_SUMMARY_PAGE);
    }

    #[test]
    fn the_report_data_shape_agrees_with_its_serde_type() {
        agrees::<ReportGenerationData>(&REPORT_GENERATION_DATA);
    }
}
