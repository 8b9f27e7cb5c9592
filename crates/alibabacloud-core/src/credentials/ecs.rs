//! Temporary credentials of the RAM role attached to an ECS instance, from the instance
//! metadata service (IMDSv2 session token first, IMDSv1 as the fallback unless disabled).

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use http::HeaderValue;

use super::cache::{CachePolicy, CachedCredentialsProvider};
use super::fields::{optional_string, parse_object, temporary_credentials};
use super::http::{HttpClient, METADATA_TIMEOUTS};
use super::provider_config::ProviderConfig;
use super::{Credentials, CredentialsError, ProvideCredentials, ProvideCredentialsFuture};
use crate::scrub::Scrubber;
use crate::signing::percent_encode;
use crate::transport::HttpResponse;

/// The variable naming the role (skips role discovery).
pub const ECS_METADATA_VAR: &str = "ALIBABA_CLOUD_ECS_METADATA";
/// The variable that, set to `true`, turns the metadata service off.
pub const ECS_METADATA_DISABLED_VAR: &str = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
/// The variable that, set to `true`, forbids the IMDSv1 fallback (tokenless requests).
pub const IMDSV1_DISABLED_VAR: &str = "ALIBABA_CLOUD_IMDSV1_DISABLED";

const NAME: &str = "ecs_ram_role";
const TOKEN_PATH: &str = "/latest/api/token";
const CREDENTIALS_PATH: &str = "/latest/meta-data/ram/security-credentials/";
const TOKEN_TTL_HEADER: &str = "X-aliyun-ecs-metadata-token-ttl-seconds";
const TOKEN_HEADER: &str = "X-aliyun-ecs-metadata-token";
/// The lifetime asked for the IMDSv2 session token: 6 hours.
const TOKEN_TTL_SECONDS: &str = "21600";
/// The longest session token accepted (the service's are about 60 characters).
const MAX_TOKEN_LEN: usize = 4096;

/// Credentials are prefetched this long after each fetch, in the background (as the official
/// SDKs: every hour), however long they last (the service's last six hours).
const PREFETCH_AFTER: Duration = Duration::from_secs(3600);

/// The longest a whole fetch (token, role, credentials) may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(2);

/// Credentials of the instance's RAM role from the metadata service, cached and refreshed
/// before they expire. As in the official SDKs they are also prefetched in the background an
/// hour after each fetch (the service's credentials last six hours), so that the calls keep
/// using credentials the service still serves. Each request has a 1 s connect and a 1 s read
/// timeout, and the whole fetch (all its requests) at most 2 s.
///
/// A fetch asks for an IMDSv2 session token (`PUT /latest/api/token`), then discovers the role
/// (`GET /latest/meta-data/ram/security-credentials/`) unless it is configured, then reads its
/// credentials. When the token request gets an HTTP answer other than a token (an older
/// metadata service), the GETs go without a token unless `ALIBABA_CLOUD_IMDSV1_DISABLED=true`;
/// when it gets no answer (refused, timed out), the fetch fails at once, so a machine that is
/// not an ECS instance costs at most about one second. A token that cannot be sent back (not
/// a valid header value) is an error of its own. Errors never quote what the service answered
/// (its status and the size of its answer are given instead).
pub struct EcsRamRoleProvider {
    cached: CachedCredentialsProvider<EcsFetcher>,
}

impl EcsRamRoleProvider {
    /// The provider the environment configures: the role from `ALIBABA_CLOUD_ECS_METADATA` (else
    /// discovered).
    ///
    /// # Errors
    /// [`NotConfigured`](super::CredentialsErrorKind::NotConfigured) when
    /// `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`.
    pub fn from_env(config: &ProviderConfig) -> Result<Self, CredentialsError> {
        Self::new(config.env().get(ECS_METADATA_VAR), config)
    }

    /// The provider for `role_name` (discovered when `None`).
    ///
    /// # Errors
    /// [`NotConfigured`](super::CredentialsErrorKind::NotConfigured) when
    /// `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`.
    pub fn new(
        role_name: Option<String>,
        config: &ProviderConfig,
    ) -> Result<Self, CredentialsError> {
        let env = config.env();
        if env.flag(ECS_METADATA_DISABLED_VAR) {
            return Err(CredentialsError::not_configured(
                NAME,
                format!("the metadata service is disabled by {ECS_METADATA_DISABLED_VAR}=true"),
            ));
        }
        let fetcher = EcsFetcher {
            base: config.metadata_endpoint().trim_end_matches('/').to_string(),
            role_name: role_name
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty()),
            imds_v1_disabled: env.flag(IMDSV1_DISABLED_VAR),
            http: HttpClient::direct(METADATA_TIMEOUTS),
        };
        Ok(Self {
            cached: CachedCredentialsProvider::with_policy(
                fetcher,
                *config.cache_settings(),
                config.time_source().clone(),
                CachePolicy {
                    prefetch_after: Some(PREFETCH_AFTER),
                    ..CachePolicy::default()
                },
            ),
        })
    }
}

impl fmt::Debug for EcsRamRoleProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fetcher = self.cached.inner();
        f.debug_struct("EcsRamRoleProvider")
            .field("metadata_endpoint", &fetcher.base)
            .field("role_name", &fetcher.role_name)
            .field("imds_v1_disabled", &fetcher.imds_v1_disabled)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for EcsRamRoleProvider {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        self.cached.provide_credentials()
    }

    fn credentials_now(&self) -> Option<Credentials> {
        self.cached.credentials_now()
    }

    fn name(&self) -> &'static str {
        NAME
    }
}

struct EcsFetcher {
    base: String,
    role_name: Option<String>,
    imds_v1_disabled: bool,
    http: HttpClient,
}

impl fmt::Debug for EcsFetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EcsFetcher")
            .field("base", &self.base)
            .field("role_name", &self.role_name)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for EcsFetcher {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(self.fetch())
    }

    fn name(&self) -> &'static str {
        NAME
    }
}

impl EcsFetcher {
    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        match tokio::time::timeout(FETCH_TIMEOUT, self.fetch_steps()).await {
            Ok(result) => result,
            Err(_) => Err(failed(format!(
                "the metadata service at {} did not complete the fetch (session token, role, credentials) within {} s",
                self.base,
                FETCH_TIMEOUT.as_secs()
            ))),
        }
    }

    async fn fetch_steps(&self) -> Result<Credentials, CredentialsError> {
        let token = self.session_token().await?;
        let role = match &self.role_name {
            Some(role) => role.clone(),
            None => self.discover_role(token.as_ref()).await?,
        };
        let path = format!("{CREDENTIALS_PATH}{}", percent_encode(&role));
        let response = self.get(&path, token.as_ref()).await?;
        let url = format!("{}{path}", self.base);
        let object = parse_object(response.body()).map_err(|e| failed(format!("{url}: {e}")))?;
        if let Some(code) = optional_string(&object, "Code")
            && code != "Success"
        {
            // The code is quoted (`Failed`, ...), never a secret of the same answer.
            let scrubber = Scrubber::new(std::iter::empty(), &[], response.body());
            return Err(failed(format!(
                "{url} answered Code `{}` instead of `Success`",
                scrubber.text(&code)
            )));
        }
        temporary_credentials(&object, "", NAME).map_err(|e| failed(format!("{url}: {e}")))
    }

    /// An IMDSv2 session token, or `None` to go on with IMDSv1.
    async fn session_token(&self) -> Result<Option<HeaderValue>, CredentialsError> {
        let url = format!("{}{TOKEN_PATH}", self.base);
        let request = http::Request::builder()
            .method(http::Method::PUT)
            .uri(&url)
            .header(TOKEN_TTL_HEADER, TOKEN_TTL_SECONDS)
            .body(Bytes::new())
            .map_err(|e| {
                CredentialsError::invalid_configuration(
                    NAME,
                    format!("invalid metadata service URL `{}`", self.base),
                )
                .with_source(e)
            })?;
        let problem = match self.http.send(request).await {
            Ok(response) if response.status().is_success() => {
                let body = response.body();
                let token = body.trim_ascii();
                if token.is_empty() {
                    format!("PUT {url} answered an empty token")
                } else {
                    // Sent back in a header: anything else than visible ASCII (a page, a
                    // line break) cannot be, and would not be a token anyway.
                    return match HeaderValue::from_bytes(token) {
                        Ok(mut value) if token.len() <= MAX_TOKEN_LEN => {
                            value.set_sensitive(true);
                            Ok(Some(value))
                        }
                        _ => Err(failed(format!(
                            "PUT {url} answered a session token that cannot be used ({} bytes; expected at most {MAX_TOKEN_LEN} visible ASCII characters)",
                            body.len()
                        ))),
                    };
                }
            }
            Ok(response) => format!("PUT {url} answered HTTP {}", response.status().as_u16()),
            Err(e) if !e.is_no_answer() => {
                return Err(failed(format!("PUT {url} failed")).with_source(e));
            }
            Err(e) => {
                // Nothing answers there (or nothing in time): the tokenless requests of IMDSv1
                // would not fare better, so fail now instead of waiting again.
                return Err(failed(format!(
                    "the metadata service at {} did not answer (not running on ECS?)",
                    self.base
                ))
                .with_source(e));
            }
        };
        if self.imds_v1_disabled {
            return Err(failed(format!(
                "the IMDSv2 session token could not be obtained ({problem}) and IMDSv1 is disabled by {IMDSV1_DISABLED_VAR}=true"
            )));
        }
        tracing::debug!(problem = %problem, "no IMDSv2 session token; falling back to IMDSv1");
        Ok(None)
    }

    async fn discover_role(&self, token: Option<&HeaderValue>) -> Result<String, CredentialsError> {
        let response = self.get(CREDENTIALS_PATH, token).await?;
        let role = String::from_utf8_lossy(response.body())
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        let listed = format!("{}{CREDENTIALS_PATH}", self.base);
        if role.is_empty() {
            return Err(failed(format!(
                "no RAM role is attached to the instance ({listed} is empty)"
            )));
        }
        // RAM role names: at most 64 letters, digits and `.@_-`.
        let valid = role.len() <= 64
            && role
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".@_-".contains(&b));
        if !valid {
            return Err(failed(format!(
                "{listed} answered something that is not a RAM role name ({} bytes)",
                response.body().len()
            )));
        }
        Ok(role)
    }

    /// `GET path` with the session token when there is one; errors for anything but 200.
    async fn get(
        &self,
        path: &str,
        token: Option<&HeaderValue>,
    ) -> Result<HttpResponse, CredentialsError> {
        let url = format!("{}{path}", self.base);
        let mut request = http::Request::builder().method(http::Method::GET).uri(&url);
        if let Some(token) = token {
            request = request.header(TOKEN_HEADER, token.clone());
        }
        let request = request.body(Bytes::new()).map_err(|e| {
            CredentialsError::invalid_configuration(NAME, format!("invalid metadata URL `{url}`"))
                .with_source(e)
        })?;
        let response = self
            .http
            .send(request)
            .await
            .map_err(|e| failed(format!("GET {url} failed")).with_source(e))?;
        let status = response.status();
        if !status.is_success() {
            // The answer is not quoted: it may echo the session token, or hold anything.
            return Err(failed(format!(
                "GET {url} answered HTTP {} ({} bytes not shown)",
                status.as_u16(),
                response.body().len()
            )));
        }
        Ok(response)
    }
}

fn failed(message: String) -> CredentialsError {
    CredentialsError::provider_failed(NAME, message)
}
