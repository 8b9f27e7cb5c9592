//! What every provider of the default chain shares: the environment, the clock, the addresses of
//! STS and of the instance metadata service (overridable for tests), and the cache settings.

use std::fmt;
use std::path::PathBuf;

use super::cache::CacheSettings;
use crate::env::Env;
use crate::time_source::{SharedTimeSource, TimeSource};

/// The base URL of the ECS instance metadata service.
pub const DEFAULT_METADATA_ENDPOINT: &str = "http://100.100.100.200";

/// Settings shared by the credentials providers: where they read environment variables, which
/// clock they use, and where STS and the metadata service are.
///
/// The defaults are the real ones: the process environment, the system clock, the STS endpoint
/// chosen like the official SDKs do, and `http://100.100.100.200`. Tests replace them:
///
/// ```
/// use alibabacloud_core::credentials::ProviderConfig;
/// use alibabacloud_core::env::Env;
/// let config = ProviderConfig::new()
///     .with_env(Env::from_pairs([("HOME", "/tmp/test-home")]))
///     .with_sts_endpoint("http://127.0.0.1:8081")
///     .with_metadata_endpoint("http://127.0.0.1:8082");
/// assert_eq!(config.metadata_endpoint(), "http://127.0.0.1:8082");
/// ```
#[derive(Clone, Default)]
pub struct ProviderConfig {
    env: Env,
    time_source: SharedTimeSource,
    sts_endpoint: Option<String>,
    metadata_endpoint: Option<String>,
    oauth_sign_in_url: Option<String>,
    cache: CacheSettings,
}

impl ProviderConfig {
    /// The real environment, the system clock and the real service addresses.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads environment variables (and the home directory) from `env`.
    #[must_use]
    pub fn with_env(mut self, env: Env) -> Self {
        self.env = env;
        self
    }

    /// Uses `source` as the clock for expirations and signatures.
    #[must_use]
    pub fn with_time_source(mut self, source: impl TimeSource + 'static) -> Self {
        self.time_source = SharedTimeSource::new(source);
        self
    }

    /// Sends every STS request to `endpoint` (`sts.cn-hangzhou.aliyuncs.com`, or a URL such as
    /// `http://127.0.0.1:8081`), overriding `ALIBABA_CLOUD_STS_ENDPOINT` and the region rule.
    #[must_use]
    pub fn with_sts_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.sts_endpoint = Some(endpoint.into());
        self
    }

    /// Uses `endpoint` (e.g. `http://127.0.0.1:8082`) instead of `http://100.100.100.200` as the
    /// instance metadata service.
    #[must_use]
    pub fn with_metadata_endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.metadata_endpoint = Some(endpoint.into());
        self
    }

    /// Sends the OAuth token refreshes and exchanges of the aliyun CLI's `OAuth` profiles to
    /// `url` (e.g. `http://127.0.0.1:8083`) instead of the site's sign-in service
    /// (`https://oauth.aliyun.com`, `https://oauth.alibabacloud.com`).
    #[must_use]
    pub fn with_oauth_sign_in_url(mut self, url: impl Into<String>) -> Self {
        self.oauth_sign_in_url = Some(url.into());
        self
    }

    /// Sets when cached temporary credentials are refreshed.
    #[must_use]
    pub fn with_cache_settings(mut self, settings: CacheSettings) -> Self {
        self.cache = settings;
        self
    }

    /// The environment the providers read.
    pub fn env(&self) -> &Env {
        &self.env
    }

    /// The clock.
    pub fn time_source(&self) -> &SharedTimeSource {
        &self.time_source
    }

    /// The STS endpoint override, if any.
    pub fn sts_endpoint(&self) -> Option<&str> {
        self.sts_endpoint.as_deref()
    }

    /// The base URL of the instance metadata service.
    pub fn metadata_endpoint(&self) -> &str {
        self.metadata_endpoint
            .as_deref()
            .unwrap_or(DEFAULT_METADATA_ENDPOINT)
    }

    /// The OAuth sign-in URL override, if any.
    pub fn oauth_sign_in_url(&self) -> Option<&str> {
        self.oauth_sign_in_url.as_deref()
    }

    /// The cache settings.
    pub fn cache_settings(&self) -> &CacheSettings {
        &self.cache
    }

    /// The home directory: `HOME`, else `USERPROFILE` (Windows), read through [`Self::env`].
    pub fn home_dir(&self) -> Option<PathBuf> {
        self.env
            .first_of(&["HOME", "USERPROFILE"])
            .map(|(_, home)| PathBuf::from(home))
    }
}

impl fmt::Debug for ProviderConfig {
    /// Leaves the environment out: a fixed test environment may hold secrets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("time_source", &self.time_source)
            .field("sts_endpoint", &self.sts_endpoint)
            .field("metadata_endpoint", &self.metadata_endpoint())
            .field("oauth_sign_in_url", &self.oauth_sign_in_url)
            .field("cache", &self.cache)
            .finish_non_exhaustive()
    }
}
