//! Temporary credentials from a URL that answers them as JSON (`ALIBABA_CLOUD_CREDENTIALS_URI`).

use std::fmt;

use bytes::Bytes;
use http::header::ACCEPT;

use super::cache::CachedCredentialsProvider;
use super::fields::{optional_string, parse_object, temporary_credentials};
use super::http::{HttpClient, SERVICE_TIMEOUTS, display_url, excerpt};
use super::provider_config::ProviderConfig;
use super::{Credentials, CredentialsError, ProvideCredentials, ProvideCredentialsFuture};
use crate::scrub::Scrubber;

/// The variable holding the credentials URI.
pub const CREDENTIALS_URI_VAR: &str = "ALIBABA_CLOUD_CREDENTIALS_URI";

const NAME: &str = "credentials_uri";

/// Credentials from `GET <uri>`, which must answer
/// `{"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}` (and, if it has a
/// `Code`, `"Code": "Success"`); cached and refreshed before they expire. Timeouts: 5 s to
/// connect, 10 s to read.
///
/// Messages name the URL without its query (which may hold a token) and never quote a
/// successful answer.
pub struct CredentialsUriProvider {
    cached: CachedCredentialsProvider<UriFetcher>,
}

impl CredentialsUriProvider {
    /// The provider for `ALIBABA_CLOUD_CREDENTIALS_URI`.
    ///
    /// # Errors
    /// [`NotConfigured`](super::CredentialsErrorKind::NotConfigured) when the variable is not
    /// set; an invalid URL.
    pub fn from_env(config: &ProviderConfig) -> Result<Self, CredentialsError> {
        match config.env().get(CREDENTIALS_URI_VAR) {
            Some(uri) => Self::new(uri, config),
            None => Err(CredentialsError::not_configured(
                NAME,
                format!("{CREDENTIALS_URI_VAR} is not set"),
            )),
        }
    }

    /// The provider for `uri` (`http://` or `https://`).
    ///
    /// # Errors
    /// A URI that is not an absolute `http(s)` URL.
    pub fn new(uri: impl Into<String>, config: &ProviderConfig) -> Result<Self, CredentialsError> {
        let uri = uri.into().trim().to_string();
        let valid = uri.parse::<http::Uri>().is_ok_and(|u| {
            matches!(u.scheme_str(), Some("http" | "https")) && u.authority().is_some()
        });
        if !valid {
            return Err(CredentialsError::invalid_configuration(
                NAME,
                format!(
                    "the credentials URI `{}` is not an http(s) URL",
                    display_url(&uri)
                ),
            ));
        }
        let fetcher = UriFetcher {
            uri,
            http: HttpClient::new(SERVICE_TIMEOUTS),
        };
        Ok(Self {
            cached: CachedCredentialsProvider::new(
                fetcher,
                *config.cache_settings(),
                config.time_source().clone(),
            ),
        })
    }
}

impl fmt::Debug for CredentialsUriProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CredentialsUriProvider")
            .field("uri", &display_url(&self.cached.inner().uri))
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for CredentialsUriProvider {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        self.cached.provide_credentials()
    }

    fn credentials_now(&self) -> Option<Credentials> {
        self.cached.credentials_now()
    }

    fn name(&self) -> &'static str {
        NAME
    }

    fn official_name(&self) -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("credential_uri")
    }
}

struct UriFetcher {
    uri: String,
    http: HttpClient,
}

impl fmt::Debug for UriFetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UriFetcher")
            .field("uri", &display_url(&self.uri))
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for UriFetcher {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(self.fetch())
    }

    fn name(&self) -> &'static str {
        NAME
    }
}

impl UriFetcher {
    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let shown = display_url(&self.uri);
        let request = http::Request::builder()
            .method(http::Method::GET)
            .uri(&self.uri)
            .header(ACCEPT, "application/json")
            .body(Bytes::new())
            .map_err(|e| {
                CredentialsError::invalid_configuration(NAME, format!("invalid URL `{shown}`"))
                    .with_source(e)
            })?;
        let response = self
            .http
            .send(request)
            .await
            .map_err(|e| failed(format!("GET {shown} failed")).with_source(e))?;
        let status = response.status();
        if !status.is_success() {
            // An excerpt of the answer, without the credentials fields it may hold nor the
            // values of the URI's query (a token, often), taken after they are removed.
            let query = self.uri.split_once('?').map_or("", |(_, q)| q);
            let values: Vec<String> = query
                .split('&')
                .filter_map(|pair| pair.split_once('=').map(|(_, v)| v))
                .filter(|v| !v.is_empty())
                .map(|v| {
                    percent_encoding::percent_decode_str(v)
                        .decode_utf8_lossy()
                        .into_owned()
                })
                .collect();
            let body = response.body();
            let scrubber = Scrubber::new(values.iter().map(String::as_str), &[], body);
            let scrubbed = scrubber.bytes(body);
            return Err(failed(format!(
                "GET {shown} answered HTTP {}: {}",
                status.as_u16(),
                excerpt(scrubbed.as_deref().unwrap_or(body), 200)
            )));
        }
        let object =
            parse_object(response.body()).map_err(|e| failed(format!("GET {shown}: {e}")))?;
        if let Some(code) = optional_string(&object, "Code")
            && code != "Success"
        {
            let scrubber = Scrubber::new(std::iter::empty(), &[], response.body());
            return Err(failed(format!(
                "GET {shown} answered Code `{}` instead of `Success`",
                scrubber.text(&code)
            )));
        }
        temporary_credentials(&object, "", NAME).map_err(|e| failed(format!("GET {shown}: {e}")))
    }
}

fn failed(message: String) -> CredentialsError {
    CredentialsError::provider_failed(NAME, message)
}
