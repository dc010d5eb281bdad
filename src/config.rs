//! [`ClientOptions`] checked and turned into what every request needs.

use crate::validate::{check_header_value, check_no_line_breaks};
use crate::{BaseUrl, ClientOptions, Credentials, Error};
use base64::Engine;

/// The validated form of [`ClientOptions`], shared by all clones of a client.
pub(crate) struct Config {
    pub base: BaseUrl,
    /// Every header of every request, `Authorization` included.
    pub headers: Vec<(String, String)>,
    pub timeout_ms: u32,
    pub max_retries: u32,
    pub max_retry_delay_ms: u64,
    pub on_request: Option<crate::RequestHook>,
}

/// Headers a caller may not set through `headers`, because the client owns them.
const RESERVED: [&str; 3] = ["apiversion", "x-requested-with", "content-type"];

impl Config {
    pub fn new(options: &ClientOptions) -> Result<Config, Error> {
        let base = BaseUrl::parse(&options.base_url)?;
        let authorization = match &options.credentials {
            Credentials::None => None,
            Credentials::Basic { username, password } => {
                check_no_line_breaks("username", username)?;
                check_no_line_breaks("password", password)?;
                if username.is_empty() || username.contains(':') {
                    return Err(Error::invalid(
                        "username",
                        "must be non-empty and contain no ':'",
                    ));
                }
                let pair = format!("{username}:{password}");
                Some(format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(pair)
                ))
            }
            Credentials::Bearer(token) => {
                check_header_value("bearerToken", token)?;
                if token.trim().is_empty() {
                    return Err(Error::invalid("bearerToken", "must not be empty"));
                }
                Some(format!("Bearer {token}"))
            }
        };
        if options.timeout_ms == 0 {
            return Err(Error::invalid("timeoutMs", "must be at least 1"));
        }
        check_header_value("requestedWith", &options.requested_with)?;

        let mut headers = vec![
            ("apiVersion".to_owned(), "V1".to_owned()),
            (
                "X-Requested-With".to_owned(),
                options.requested_with.clone(),
            ),
        ];
        for (name, value) in &options.headers {
            let field = format!("headers.{name}");
            if name.is_empty() || !name.bytes().all(is_token_byte) {
                return Err(Error::invalid(&field, "is not a valid header name"));
            }
            check_header_value(&field, value)?;
            let lower = name.to_ascii_lowercase();
            if RESERVED.contains(&lower.as_str())
                || (lower == "authorization" && authorization.is_some())
            {
                return Err(Error::invalid(
                    &field,
                    "is set by the client itself; remove it from headers",
                ));
            }
            headers.push((name.clone(), value.clone()));
        }
        if let Some(auth) = &authorization {
            headers.push(("Authorization".to_owned(), auth.clone()));
        }
        Ok(Config {
            base,
            headers,
            timeout_ms: options.timeout_ms,
            max_retries: options.max_retries,
            max_retry_delay_ms: options.max_retry_delay_ms,
            on_request: options.on_request.clone(),
        })
    }
}

// By hand: `Client` derives `Debug`, and a derived one would print the
// Authorization header and any proxy token passed in `headers`.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("Config")
            .field("base", &self.base.as_str())
            .field("headers", &names)
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .field("max_retry_delay_ms", &self.max_retry_delay_ms)
            .finish()
    }
}

/// RFC 9110 `tchar`.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header<'a>(c: &'a Config, name: &str) -> Option<&'a str> {
        c.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn debug_output_names_headers_but_shows_no_value() {
        let opts = ClientOptions {
            credentials: Credentials::Basic {
                username: "demo".into(),
                password: "hunter2".into(),
            },
            headers: vec![("X-Proxy-Token".into(), "proxy-secret".into())],
            ..Default::default()
        };
        let text = format!("{:?}", Config::new(&opts).expect("valid"));
        assert!(
            text.contains("Authorization") && text.contains("X-Proxy-Token"),
            "{text}"
        );
        for secret in ["ZGVtbzpodW50ZXIy", "hunter2", "proxy-secret"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
    }

    #[test]
    fn basic_credentials_become_one_authorization_header() {
        let opts = ClientOptions {
            credentials: Credentials::Basic {
                username: "demo".into(),
                password: "demo".into(),
            },
            ..Default::default()
        };
        let c = Config::new(&opts).expect("valid");
        assert_eq!(header(&c, "authorization"), Some("Basic ZGVtbzpkZW1v"));
        assert_eq!(header(&c, "apiVersion"), Some("V1"));
        assert!(header(&c, "x-requested-with").is_some_and(|v| v.starts_with("qualys-pci/")));
    }

    #[test]
    fn bearer_tokens_and_proxy_headers_are_sent_as_given() {
        let opts = ClientOptions {
            credentials: Credentials::Bearer("tok".into()),
            ..Default::default()
        };
        assert_eq!(
            header(&Config::new(&opts).expect("valid"), "Authorization"),
            Some("Bearer tok")
        );
        let opts = ClientOptions {
            headers: vec![("Authorization".into(), "Bearer proxy".into())],
            ..Default::default()
        };
        let c = Config::new(&opts).expect("a proxy token without credentials is fine");
        assert_eq!(header(&c, "Authorization"), Some("Bearer proxy"));
    }

    #[test]
    fn conflicting_or_smuggling_headers_are_refused() {
        let creds = Credentials::Basic {
            username: "u".into(),
            password: "p".into(),
        };
        let cases = [
            (
                vec![("Authorization".into(), "x".into())],
                creds.clone(),
                "headers.Authorization",
            ),
            (
                vec![("apiVersion".into(), "V2".into())],
                Credentials::None,
                "headers.apiVersion",
            ),
            (
                vec![("X-A".into(), "1\r\nX-B: 2".into())],
                Credentials::None,
                "headers.X-A",
            ),
            (
                vec![("Bad Name".into(), "1".into())],
                Credentials::None,
                "headers.Bad Name",
            ),
        ];
        for (headers, credentials, field) in cases {
            let opts = ClientOptions {
                headers,
                credentials,
                ..Default::default()
            };
            let e = Config::new(&opts).expect_err(field);
            assert_eq!(e.field(), Some(field));
        }
    }

    #[test]
    fn bad_credentials_are_refused_without_echoing_them() {
        let opts = ClientOptions {
            credentials: Credentials::Basic {
                username: "u".into(),
                password: "p\r\nX: 1".into(),
            },
            ..Default::default()
        };
        let e = Config::new(&opts).expect_err("CRLF");
        assert_eq!(e.field(), Some("password"));
        assert!(!e.message().contains("X: 1"));
        let opts = ClientOptions {
            timeout_ms: 0,
            ..Default::default()
        };
        assert_eq!(
            Config::new(&opts).expect_err("zero").field(),
            Some("timeoutMs")
        );
    }
}
