//! Client configuration: region, endpoint, credentials, signature style, timeouts, retries,
//! user agent and transport.

use std::time::Duration;

use crate::credentials::{
    CredentialsProviderChain, ProvideCredentials, ProviderConfig, SharedCredentialsProvider,
};
use crate::endpoint::{Endpoint, EndpointError, Network, is_valid_region};
use crate::env::Env;
use crate::retry::RetryConfig;
use crate::time_source::{NonceSource, SharedNonceSource, SharedTimeSource, TimeSource};
use crate::transport::{
    HttpTransport, HyperTransport, Proxy, SharedTransport, TransportError, TransportSettings,
};

/// Environment variables read for the region, first match wins: the name the official SDKs and
/// the aliyun CLI document first, then the older prefixes the CLI still accepts. (The CLI also
/// reads the bare `REGION_ID` and `REGION`; they are too generic to trust in a library.)
pub const REGION_VARS: &[&str] = &[
    "ALIBABA_CLOUD_REGION_ID",
    "ALIBABACLOUD_REGION_ID",
    "ALICLOUD_REGION_ID",
];

/// The environment variable read for an endpoint override (as the aliyun CLI reads it).
pub const ENDPOINT_VAR: &str = "ALIBABA_CLOUD_ENDPOINT";

/// Default connect timeout: 5 s (as the official SDKs).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Default read timeout: 10 s (as the official SDKs).
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Default operation timeout, retries and waits included: 60 s.
pub const DEFAULT_OPERATION_TIMEOUT: Duration = Duration::from_secs(60);

/// How requests are signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SignatureVersion {
    /// ACS3-HMAC-SHA256 (signature V3), in the `Authorization` header. The default.
    #[default]
    Acs3HmacSha256,
    /// The legacy RPC signature (HMAC-SHA1, signature V1) in the `Signature` query parameter.
    HmacSha1,
}

/// The timeouts of a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeoutConfig {
    /// Longest time to establish a connection.
    pub connect: Duration,
    /// Longest wait for the next bytes of a response.
    pub read: Duration,
    /// Longest time for one attempt; `None` leaves it to the connect and read timeouts.
    pub attempt: Option<Duration>,
    /// Longest time for the whole operation, retries and waits included; `None` for no limit.
    pub operation: Option<Duration>,
}

impl Default for TimeoutConfig {
    /// Connect 5 s, read 10 s, no attempt limit, operation 60 s.
    fn default() -> Self {
        TimeoutConfig {
            connect: DEFAULT_CONNECT_TIMEOUT,
            read: DEFAULT_READ_TIMEOUT,
            attempt: None,
            operation: Some(DEFAULT_OPERATION_TIMEOUT),
        }
    }
}

/// A configuration error, from the builder or the environment.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The endpoint is not usable.
    #[error(transparent)]
    Endpoint(#[from] EndpointError),
    /// The region is not a region id.
    #[error(
        "invalid region `{region}` (from {origin}): expected lower-case letters, digits and '-'"
    )]
    InvalidRegion {
        /// The region given.
        region: String,
        /// Where it came from (a variable name, or `builder`).
        origin: String,
    },
    /// The user agent suffix has characters a header cannot carry.
    #[error("invalid user agent suffix: only visible ASCII and spaces are allowed")]
    InvalidUserAgent,
    /// The credentials given are not usable (an empty AccessKey ID or secret): lets `?` turn
    /// the error of [`Credentials::new`](crate::Credentials::new) into a configuration error.
    #[error(transparent)]
    Credentials(#[from] crate::credentials::CredentialsError),
    /// The default HTTP transport could not be built.
    #[error("the HTTP transport could not be built")]
    Transport(#[source] TransportError),
}

/// The configuration of a client: build it with [`Config::builder`] or [`Config::from_env`].
///
/// Cloning is cheap (the transport and providers are shared), so one configuration can serve the
/// clients of several products, which then share one connection pool.
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) region: Option<String>,
    pub(crate) endpoint: Option<Endpoint>,
    pub(crate) network: Network,
    pub(crate) credentials: SharedCredentialsProvider,
    pub(crate) signature_version: SignatureVersion,
    pub(crate) timeouts: TimeoutConfig,
    pub(crate) retry: RetryConfig,
    pub(crate) user_agent: String,
    pub(crate) user_agent_header: http::HeaderValue,
    pub(crate) transport: SharedTransport,
    /// The proxy of the default transport (kept to rebuild it in a derived configuration).
    pub(crate) proxy: Proxy,
    /// True when `transport` was built from the timeouts (not given by the user): a derived
    /// configuration then builds its own, so that changed timeouts take effect.
    pub(crate) default_transport: bool,
    pub(crate) time_source: SharedTimeSource,
    pub(crate) nonce_source: SharedNonceSource,
}

impl Config {
    /// A builder with the documented defaults and no region, endpoint or credentials.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// A configuration from the process environment: the region from `ALIBABA_CLOUD_REGION_ID`
    /// (or the older names in [`REGION_VARS`]), an endpoint override from `ALIBABA_CLOUD_ENDPOINT`,
    /// and the default credentials chain
    /// ([`CredentialsProviderChain::default_chain`]: environment variables, OIDC, the aliyun
    /// CLI profile, the INI credentials file, the ECS metadata service, a credentials URI),
    /// resolved when the first request is signed.
    pub fn from_env() -> Result<Config, ConfigError> {
        Self::builder_from_env(&Env::real())?.build()
    }

    /// The configuration the generated `Client::from_env()` uses: [`Config::from_env`], and,
    /// when no region variable is set, the `region_id` of the aliyun CLI profile the
    /// credentials chain selects (`ALIBABA_CLOUD_PROFILE`, else the file's `current`).
    pub async fn load_from_env() -> Result<Config, ConfigError> {
        Self::load_from(&Env::real()).await
    }

    /// [`Config::load_from_env`] reading the given environment (for tests).
    pub async fn load_from(env: &Env) -> Result<Config, ConfigError> {
        let mut builder = Self::builder_from_env(env)?;
        if env.first_of(REGION_VARS).is_none() {
            let providers = ProviderConfig::new().with_env(env.clone());
            // The CLI file is read on tokio's blocking pool, off the async executor.
            let found = match tokio::runtime::Handle::try_current() {
                Ok(runtime) => runtime
                    .spawn_blocking(move || crate::credentials::profile_region(&providers))
                    .await
                    .unwrap_or(None),
                Err(_) => crate::credentials::profile_region(&providers),
            };
            if let Some((region, origin)) = found {
                if !is_valid_region(&region) {
                    return Err(ConfigError::InvalidRegion { region, origin });
                }
                builder = builder.region(region);
            }
        }
        builder.build()
    }

    /// A builder preset from the given environment (region, endpoint, and the default
    /// credentials chain reading `env`); the caller may change anything before building.
    pub fn builder_from_env(env: &Env) -> Result<ConfigBuilder, ConfigError> {
        let chain =
            CredentialsProviderChain::default_chain(&ProviderConfig::new().with_env(env.clone()));
        let mut builder = Config::builder().credentials_provider(chain);
        if let Some((name, region)) = env.first_of(REGION_VARS) {
            let region = region.trim().to_string();
            if !is_valid_region(&region) {
                return Err(ConfigError::InvalidRegion {
                    region,
                    origin: name.to_string(),
                });
            }
            builder = builder.region(region);
        }
        if let Some(endpoint) = env.get(ENDPOINT_VAR) {
            Endpoint::parse(&endpoint)?;
            builder = builder.endpoint(endpoint);
        }
        Ok(builder)
    }

    /// The region, if one is set.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The explicit endpoint, if one is set.
    pub fn endpoint(&self) -> Option<&Endpoint> {
        self.endpoint.as_ref()
    }

    /// The network the endpoint is chosen for (public unless set).
    pub fn network(&self) -> Network {
        self.network
    }

    /// The credentials provider.
    pub fn credentials_provider(&self) -> &SharedCredentialsProvider {
        &self.credentials
    }

    /// The signature style.
    pub fn signature_version(&self) -> SignatureVersion {
        self.signature_version
    }

    /// The timeouts.
    pub fn timeouts(&self) -> &TimeoutConfig {
        &self.timeouts
    }

    /// The retry settings.
    pub fn retry(&self) -> &RetryConfig {
        &self.retry
    }

    /// The `user-agent` header value sent with every request.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// A builder holding this configuration, to derive a changed one. A transport given with
    /// [`ConfigBuilder::transport`] is kept; the default one is rebuilt by
    /// [`ConfigBuilder::build`], so that changed connect and read timeouts take effect.
    pub fn to_builder(&self) -> ConfigBuilder {
        ConfigBuilder {
            region: self.region.clone(),
            endpoint: self.endpoint.as_ref().map(|e| e.to_string()),
            network: self.network,
            credentials: Some(self.credentials.clone()),
            signature_version: self.signature_version,
            timeouts: self.timeouts,
            retry: self.retry.clone(),
            user_agent_suffix: None,
            user_agent: Some(self.user_agent.clone()),
            transport: (!self.default_transport).then(|| self.transport.clone()),
            proxy: self.proxy.clone(),
            time_source: Some(self.time_source.clone()),
            nonce_source: Some(self.nonce_source.clone()),
        }
    }
}

/// Builds a [`Config`].
#[derive(Debug, Default, Clone)]
pub struct ConfigBuilder {
    region: Option<String>,
    endpoint: Option<String>,
    network: Network,
    credentials: Option<SharedCredentialsProvider>,
    signature_version: SignatureVersion,
    timeouts: TimeoutConfig,
    retry: RetryConfig,
    user_agent_suffix: Option<String>,
    user_agent: Option<String>,
    transport: Option<SharedTransport>,
    proxy: Proxy,
    time_source: Option<SharedTimeSource>,
    nonce_source: Option<SharedNonceSource>,
}

impl ConfigBuilder {
    /// Sets the region, e.g. `cn-hangzhou`; it chooses the endpoint unless one is set.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Sets the endpoint: a host (`business.aliyuncs.com`), `host:port`, or a full URL such as
    /// `http://127.0.0.1:8080` for a local server. HTTPS is the default scheme.
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// Sets the network whose endpoints are used, as the official SDKs' `network` setting:
    /// [`Network::Vpc`] takes the region's VPC host from the product's endpoint data (an
    /// error names the regions that have one when the region has none). An explicit
    /// [`endpoint`](ConfigBuilder::endpoint) wins over it.
    pub fn network(mut self, network: Network) -> Self {
        self.network = network;
        self
    }

    /// Sets the credentials provider (a [`crate::credentials::Credentials`] value works too).
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(SharedCredentialsProvider::new(provider));
        self
    }

    /// Sets an already shared credentials provider.
    pub fn shared_credentials_provider(mut self, provider: SharedCredentialsProvider) -> Self {
        self.credentials = Some(provider);
        self
    }

    /// Sets the signature style (ACS3-HMAC-SHA256 by default).
    pub fn signature_version(mut self, version: SignatureVersion) -> Self {
        self.signature_version = version;
        self
    }

    /// Sets the connect timeout (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.connect = timeout;
        self
    }

    /// Sets the read timeout (default 10 s).
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.read = timeout;
        self
    }

    /// Sets the timeout of one attempt (default: none beyond connect and read).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.attempt = Some(timeout);
        self
    }

    /// Removes the attempt timeout (the default): an attempt is bounded by the connect and
    /// read timeouts only.
    pub fn without_attempt_timeout(mut self) -> Self {
        self.timeouts.attempt = None;
        self
    }

    /// Sets the timeout of a whole operation, retries and waits included (default 60 s).
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.operation = Some(timeout);
        self
    }

    /// Removes the operation timeout: a call may retry (and wait) as long as the retry
    /// settings allow.
    pub fn without_operation_timeout(mut self) -> Self {
        self.timeouts.operation = None;
        self
    }

    /// Sets all the timeouts at once.
    pub fn timeouts(mut self, timeouts: TimeoutConfig) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// Sets the retry settings ([`RetryConfig::disabled`] turns retries off).
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }

    /// Appends a suffix to the `user-agent` header, e.g. `my-app/1.2`.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Sets the HTTP transport (default: [`HyperTransport`] with the configured connect and read
    /// timeouts). A transport given here applies its own connect and read timeouts: the
    /// builder's `connect_timeout` and `read_timeout` do not reach it (the attempt and
    /// operation timeouts still apply).
    pub fn transport(mut self, transport: impl HttpTransport + 'static) -> Self {
        self.transport = Some(SharedTransport::new(transport));
        self
    }

    /// Sets the HTTP proxy of the default transport (default: the one the environment names,
    /// [`Proxy::from_env`]; [`Proxy::none`] for none). A transport given with
    /// [`transport`](ConfigBuilder::transport) has its own.
    pub fn proxy(mut self, proxy: Proxy) -> Self {
        self.proxy = proxy;
        self
    }

    /// Sets the clock used for signing (for tests that compare signatures).
    pub fn time_source(mut self, source: impl TimeSource + 'static) -> Self {
        self.time_source = Some(SharedTimeSource::new(source));
        self
    }

    /// Sets the nonce source used for signing (for tests that compare signatures).
    pub fn nonce_source(mut self, source: impl NonceSource + 'static) -> Self {
        self.nonce_source = Some(SharedNonceSource::new(source));
        self
    }

    /// Validates and builds the configuration. Without a credentials provider, requests fail
    /// with a credentials error when sent.
    pub fn build(self) -> Result<Config, ConfigError> {
        let region = match self.region {
            Some(region) => {
                let region = region.trim().to_string();
                if !is_valid_region(&region) {
                    return Err(ConfigError::InvalidRegion {
                        region,
                        origin: "builder".into(),
                    });
                }
                Some(region)
            }
            None => None,
        };
        let endpoint = self.endpoint.as_deref().map(Endpoint::parse).transpose()?;
        let user_agent = match self.user_agent {
            Some(ua) => ua,
            None => default_user_agent(),
        };
        let user_agent = match self.user_agent_suffix {
            Some(suffix) => {
                if !suffix.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
                    return Err(ConfigError::InvalidUserAgent);
                }
                format!("{user_agent} {}", suffix.trim())
            }
            None => user_agent,
        };
        let user_agent_header =
            http::HeaderValue::from_str(&user_agent).map_err(|_| ConfigError::InvalidUserAgent)?;
        let default_transport = self.transport.is_none();
        let transport = match self.transport {
            Some(t) => t,
            None => SharedTransport::new(
                HyperTransport::new(
                    TransportSettings::new(self.timeouts.connect, self.timeouts.read)
                        .with_proxy(self.proxy.clone()),
                )
                .map_err(ConfigError::Transport)?,
            ),
        };
        Ok(Config {
            region,
            endpoint,
            network: self.network,
            credentials: self
                .credentials
                .unwrap_or_else(|| SharedCredentialsProvider::new(NoCredentials)),
            signature_version: self.signature_version,
            timeouts: self.timeouts,
            retry: self.retry,
            user_agent,
            user_agent_header,
            transport,
            proxy: self.proxy,
            default_transport,
            time_source: self.time_source.unwrap_or_default(),
            nonce_source: self.nonce_source.unwrap_or_default(),
        })
    }
}

/// `AlibabaCloud (<os>; <arch>) Rust alibabacloud-core/<version>`, in the shape of the official
/// SDKs' `AlibabaCloud (<os>; <arch>) <Language>/<version> Core/<version> TeaDSL/2`.
fn default_user_agent() -> String {
    format!(
        "AlibabaCloud ({}; {}) Rust alibabacloud-core/{}",
        std::env::consts::OS,
        std::env::consts::ARCH,
        env!("CARGO_PKG_VERSION"),
    )
}

/// The provider used when none is configured: every request fails with a clear error.
#[derive(Debug)]
struct NoCredentials;

impl crate::credentials::ProvideCredentials for NoCredentials {
    fn provide_credentials(&self) -> crate::credentials::ProvideCredentialsFuture<'_> {
        Box::pin(async {
            Err(crate::credentials::CredentialsError::not_configured(
                "none",
                "no credentials provider is configured; use Config::builder().credentials_provider(..) or Config::from_env()",
            ))
        })
    }

    fn name(&self) -> &'static str {
        "none"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_env_reads_region_in_documented_order() {
        let env = Env::from_pairs([
            ("ALICLOUD_REGION_ID", "cn-beijing"),
            ("ALIBABA_CLOUD_REGION_ID", "cn-shanghai"),
        ]);
        let config = Config::builder_from_env(&env).unwrap().build().unwrap();
        assert_eq!(config.region(), Some("cn-shanghai"));
        let env = Env::from_pairs([("ALICLOUD_REGION_ID", "cn-beijing")]);
        let config = Config::builder_from_env(&env).unwrap().build().unwrap();
        assert_eq!(config.region(), Some("cn-beijing"));
    }

    #[test]
    fn bad_region_in_env_names_the_variable() {
        let env = Env::from_pairs([("ALIBABA_CLOUD_REGION_ID", "CN Hangzhou")]);
        let err = Config::builder_from_env(&env).unwrap_err().to_string();
        assert!(err.contains("ALIBABA_CLOUD_REGION_ID"), "{err}");
    }

    #[test]
    fn defaults_are_documented_values() {
        let config = Config::builder().build().unwrap();
        assert_eq!(config.timeouts().connect, Duration::from_secs(5));
        assert_eq!(config.timeouts().read, Duration::from_secs(10));
        assert_eq!(config.timeouts().operation, Some(Duration::from_secs(60)));
        assert_eq!(config.retry().max_attempts(), 3);
        assert_eq!(config.signature_version(), SignatureVersion::Acs3HmacSha256);
        assert!(config.user_agent().starts_with("AlibabaCloud ("));
    }

    #[test]
    fn derived_config_rebuilds_the_default_transport_but_keeps_a_given_one() {
        let base = Config::builder().build().unwrap();
        assert!(base.default_transport);
        let derived = base
            .to_builder()
            .read_timeout(Duration::from_millis(1500))
            .build()
            .unwrap();
        assert!(derived.default_transport);
        assert!(!std::sync::Arc::ptr_eq(
            base.transport.inner(),
            derived.transport.inner()
        ));
        assert_eq!(derived.timeouts().read, Duration::from_millis(1500));

        let given = Config::builder()
            .transport(crate::transport::CannedTransport::new(200, "{}"))
            .build()
            .unwrap();
        let derived = given.to_builder().build().unwrap();
        assert!(!derived.default_transport);
        assert!(std::sync::Arc::ptr_eq(
            given.transport.inner(),
            derived.transport.inner()
        ));
    }

    #[test]
    fn builder_validates_endpoint_and_user_agent() {
        assert!(Config::builder().endpoint("http://h/x").build().is_err());
        assert!(
            Config::builder()
                .user_agent_suffix("bad\nvalue")
                .build()
                .is_err()
        );
        let c = Config::builder()
            .endpoint("http://127.0.0.1:8080")
            .user_agent_suffix("my-app/1.0")
            .build()
            .unwrap();
        assert_eq!(c.endpoint().unwrap().authority(), "127.0.0.1:8080");
        assert!(c.user_agent().ends_with(" my-app/1.0"));
    }
}
