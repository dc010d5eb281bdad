//! `GET /__emulator/openapi.json`: the project's OpenAPI description, as JSON.

use std::sync::OnceLock;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

use crate::error::ApiError;

// Embedded so the binary serves the description it was built and tested with.
const SOURCE: &str = include_str!("../../openapi/pci-merchant.yaml");

/// Serves the OpenAPI document converted from YAML once.
pub async fn openapi_json() -> Response {
    static CONVERTED: OnceLock<Result<Value, String>> = OnceLock::new();
    match CONVERTED.get_or_init(|| convert(SOURCE)) {
        Ok(document) => Json(document).into_response(),
        Err(why) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, why.clone()).into_response(),
    }
}

// Going through the YAML value lets integer keys such as response codes
// become JSON strings instead of failing.
fn convert(yaml: &str) -> Result<Value, String> {
    let document: serde_yaml_ng::Value = serde_yaml_ng::from_str(yaml)
        .map_err(|error| format!("the embedded openapi document is not valid yaml: {error}"))?;
    serde_json::to_value(document)
        .map_err(|error| format!("the embedded openapi document has no json form: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_document_converts_to_json() {
        let document = convert(SOURCE).expect("the embedded yaml should convert");
        assert!(
            document["openapi"].is_string(),
            "an openapi version is declared"
        );
        assert!(document["paths"].is_object(), "paths are described");
    }

    #[test]
    fn integer_keys_become_strings() {
        let document = convert("responses:\n  200:\n    description: ok\n").unwrap();
        assert_eq!(document["responses"]["200"]["description"], "ok");
    }
}
