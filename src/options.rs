//! How a [`Client`](crate::Client) is configured.

use std::fmt;

/// How requests authenticate.
#[derive(Clone, Default, PartialEq, Eq)]
pub enum Credentials {
    /// No `Authorization` header: a proxy in front of the API adds it.
    #[default]
    None,
    /// HTTP Basic with the PCI merchant account's username and password.
    Basic {
        /// The account's username.
        username: String,
        /// The account's password.
        password: String,
    },
    /// An OIDC/JWT bearer token (vendor release 1.6.6).
    Bearer(String),
}

// By hand, so that no log or panic message can print a secret.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::None => f.write_str("None"),
            Credentials::Basic { username, .. } => {
                write!(
                    f,
                    "Basic {{ username: {username:?}, password: <redacted> }}"
                )
            }
            Credentials::Bearer(_) => f.write_str("Bearer(<redacted>)"),
        }
    }
}

/// Everything a client is built from. `Default` is the vendor's host, no
/// credentials, 60 s per attempt, 2 retries, waits of up to 60 s.
#[derive(Clone)]
pub struct ClientOptions {
    /// `https://...`, or `http://` to a loopback host; may carry a path prefix.
    pub base_url: String,
    /// How requests authenticate.
    pub credentials: Credentials,
    /// Extra headers sent with every request, such as a proxy's own token.
    pub headers: Vec<(String, String)>,
    /// Time allowed for one attempt, in milliseconds.
    pub timeout_ms: u32,
    /// Retries after the first attempt, for the failures worth retrying.
    pub max_retries: u32,
    /// The longest server-requested wait the client accepts before giving up.
    pub max_retry_delay_ms: u64,
    /// The `X-Requested-With` header, which the vendor asks clients to send.
    pub requested_with: String,
    /// Called after every HTTP attempt; `None` keeps the client silent.
    pub on_request: Option<crate::RequestHook>,
}

// By hand: `headers` often carries a proxy's token, so only names are shown.
impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("ClientOptions")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("headers", &names)
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .field("max_retry_delay_ms", &self.max_retry_delay_ms)
            .field("requested_with", &self.requested_with)
            .field("on_request", &self.on_request.is_some())
            .finish()
    }
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            base_url: crate::BaseUrl::DEFAULT.to_owned(),
            credentials: Credentials::None,
            headers: Vec::new(),
            timeout_ms: 60_000,
            max_retries: 2,
            max_retry_delay_ms: 60_000,
            requested_with: concat!("qualys-pci/", env!("CARGO_PKG_VERSION")).to_owned(),
            on_request: None,
        }
    }
}

/// Per-call settings: a way to cancel and a timeout that overrides the client's.
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    /// Cancels the call when it fires (error kind `aborted`).
    pub signal: Option<web_sys::AbortSignal>,
    /// Overrides the client's per-attempt timeout, in milliseconds.
    pub timeout_ms: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_a_secret() {
        let basic = Credentials::Basic {
            username: "merchant".into(),
            password: "hunter2".into(),
        };
        let bearer = Credentials::Bearer("eyJsecret".into());
        let text = format!("{basic:?} {bearer:?}");
        assert!(
            !text.contains("hunter2") && !text.contains("eyJsecret"),
            "{text}"
        );
        assert!(
            text.contains("merchant"),
            "the username helps debugging: {text}"
        );
        let opts = ClientOptions {
            headers: vec![("Authorization".into(), "Bearer proxy".into())],
            ..Default::default()
        };
        let text = format!("{opts:?}");
        assert!(
            text.contains("Authorization") && !text.contains("Bearer proxy"),
            "{text}"
        );
    }
}
