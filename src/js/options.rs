//! `new PciClient(options)`: the JS spelling of [`ClientOptions`].

use crate::{ClientOptions, Credentials, Error};
use serde::Deserialize;
use std::collections::BTreeMap;
use tsify::Tsify;

/// Options of `new PciClient(...)`. Give `username` and `password` (Basic),
/// or `bearerToken`, or neither when a proxy adds the credentials.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PciClientOptions {
    /// Default `"https://pci-api.qualys.com"`; may carry a path prefix (a proxy).
    #[tsify(optional)]
    pub base_url: Option<String>,
    /// PCI merchant account username (Basic authentication).
    #[tsify(optional)]
    pub username: Option<String>,
    /// PCI merchant account password (Basic authentication).
    #[tsify(optional)]
    pub password: Option<String>,
    /// OIDC/JWT bearer token, where the vendor enabled it for the account.
    #[tsify(optional)]
    pub bearer_token: Option<String>,
    /// Extra headers on every request, e.g. a proxy's own `Authorization`.
    #[tsify(optional, type = "Record<string, string>")]
    pub headers: Option<BTreeMap<String, String>>,
    /// Time allowed per attempt, default 60000.
    #[tsify(optional)]
    pub timeout_ms: Option<u32>,
    /// Retries of reads after transient failures, default 2.
    #[tsify(optional)]
    pub max_retries: Option<u32>,
    /// Longest server-requested wait accepted before failing, default 60000.
    #[tsify(optional)]
    pub max_retry_delay_ms: Option<u32>,
    /// `X-Requested-With`, default `"qualys-pci/<version>"`.
    #[tsify(optional)]
    pub requested_with: Option<String>,
    /// Called after every HTTP attempt with what happened (never a
    /// credential). Read by `PciClient` itself: a function is not JSON, so
    /// this field only declares its type.
    #[serde(default)]
    #[tsify(optional, type = "(event: RequestEvent) => void")]
    pub on_request: Option<()>,
}

impl PciClientOptions {
    /// The Rust options these describe.
    pub fn into_client_options(self) -> Result<ClientOptions, Error> {
        let credentials = match (self.username, self.password, self.bearer_token) {
            (None, None, None) => Credentials::None,
            (Some(username), Some(password), None) => Credentials::Basic { username, password },
            (None, None, Some(token)) => Credentials::Bearer(token),
            (Some(_), None, _) | (None, Some(_), _) => {
                return Err(Error::invalid(
                    "options.password",
                    "username and password go together; give both or neither",
                ))
            }
            (Some(_), Some(_), Some(_)) => {
                return Err(Error::invalid(
                    "options.bearerToken",
                    "give a bearer token or a username and password, not both",
                ))
            }
        };
        let defaults = ClientOptions::default();
        Ok(ClientOptions {
            base_url: self.base_url.unwrap_or(defaults.base_url),
            credentials,
            headers: self
                .headers
                .map(|h| h.into_iter().collect())
                .unwrap_or_default(),
            timeout_ms: self.timeout_ms.unwrap_or(defaults.timeout_ms),
            max_retries: self.max_retries.unwrap_or(defaults.max_retries),
            max_retry_delay_ms: self
                .max_retry_delay_ms
                .map_or(defaults.max_retry_delay_ms, u64::from),
            requested_with: self.requested_with.unwrap_or(defaults.requested_with),
            on_request: None,
        })
    }
}
