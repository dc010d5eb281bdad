//! Basic and bearer authentication of the API endpoints.

use axum::http::{HeaderMap, StatusCode};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use crate::config::Config;
use crate::error::ApiError;

/// Checks the Authorization header and returns the key its calls are counted under.
pub fn authenticate(config: &Config, headers: &HeaderMap) -> Result<String, ApiError> {
    let value = headers
        .get("authorization")
        .ok_or_else(|| unauthorized("missing authorization header"))?
        .to_str()
        .map_err(|_| unauthorized("unreadable authorization header"))?;
    let (scheme, credential) = value
        .trim()
        .split_once(' ')
        .ok_or_else(|| unauthorized("malformed authorization header"))?;
    let credential = credential.trim();

    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = STANDARD
            .decode(credential)
            .map_err(|_| unauthorized("malformed basic credentials"))?;
        let decoded =
            String::from_utf8(decoded).map_err(|_| unauthorized("malformed basic credentials"))?;
        let (user, password) = decoded
            .split_once(':')
            .ok_or_else(|| unauthorized("malformed basic credentials"))?;
        if user == config.username && password == config.password {
            return Ok(format!("basic:{user}"));
        }
        return Err(unauthorized("invalid username or password"));
    }

    if scheme.eq_ignore_ascii_case("bearer") {
        return match &config.bearer_token {
            Some(token) if token == credential => Ok("bearer".to_owned()),
            Some(_) => Err(unauthorized("invalid bearer token")),
            None => Err(unauthorized("bearer tokens are not enabled")),
        };
    }

    Err(unauthorized("unsupported authorization scheme"))
}

fn unauthorized(message: &str) -> ApiError {
    ApiError::new(StatusCode::UNAUTHORIZED, message)
}
