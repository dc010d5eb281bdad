//! Query strings whose parameter names match case-insensitively.

use std::collections::HashMap;

use crate::error::ApiError;

/// Query parameters keyed by their lowercase name.
#[derive(Debug, Default)]
pub struct Params {
    values: HashMap<String, String>,
}

impl Params {
    /// Parses a raw query, refusing names outside `allowed` (lowercase) and repeated names.
    pub fn parse(query: Option<&str>, allowed: &[&str]) -> Result<Self, ApiError> {
        let mut values = HashMap::new();
        let pairs = form_urlencoded::parse(query.unwrap_or("").as_bytes());
        for (name, value) in pairs {
            let key = name.to_ascii_lowercase();
            if !allowed.contains(&key.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "unknown query parameter {name:?}"
                )));
            }
            if values.insert(key, value.into_owned()).is_some() {
                return Err(ApiError::bad_request(format!(
                    "query parameter {name:?} is given more than once"
                )));
            }
        }
        Ok(Self { values })
    }

    /// The value of a parameter, by lowercase name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// The value of a parameter that must be present and not blank.
    pub fn required(&self, name: &str, spelled: &str) -> Result<&str, ApiError> {
        match self.get(name) {
            Some(value) if !value.trim().is_empty() => Ok(value),
            _ => Err(ApiError::bad_request(format!(
                "query parameter {spelled} is required"
            ))),
        }
    }
}
