//! The credentials provider trait, its shared handle, and its error.

use std::borrow::Cow;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::Credentials;
use crate::error::BoxError;

/// The future returned by [`ProvideCredentials::provide_credentials`].
pub type ProvideCredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// Something that yields credentials to sign requests with.
///
/// Providers are asynchronous (they may call STS or the instance metadata service) and are asked
/// once per request attempt, so a provider of temporary credentials must cache them and refresh
/// them before they expire (see the caching wrapper of this module's parent). A provider that does
/// not apply in the current environment (its variables or files are absent) answers with a
/// [`CredentialsErrorKind::NotConfigured`] error so that a chain can move on to the next one.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Returns credentials, from a cache when the provider has one.
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_>;

    /// The credentials this provider would hand out at once, without waiting for anything:
    /// fixed credentials, or cached ones that are still fresh. `None` (the default) when they
    /// must be asked for with [`Self::provide_credentials`]; a provider that answers `Some`
    /// gives what `provide_credentials` would have given.
    ///
    /// The runtime asks this first, so that a call signed with fixed or freshly cached
    /// credentials does not allocate and poll a future for them.
    fn credentials_now(&self) -> Option<Credentials> {
        None
    }

    /// A short name for diagnostics (`environment`, `ecs_ram_role`, ...).
    fn name(&self) -> &'static str;

    /// The name the official Alibaba Cloud SDKs give this provider, with the providers it
    /// wraps after a `/` (`static_ak`, `env`, `cli_profile/static_sts`,
    /// `ram_role_arn/static_ak`, `default/ecs_ram_role`): what an STS `AssumeRole` call signed
    /// with this provider's credentials sends as `x-acs-credentials-provider`, as the official
    /// SDKs do. Asked after [`Self::provide_credentials`] succeeded (a chain or a profile names
    /// the provider it selected). Defaults to [`Self::name`].
    fn official_name(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.name())
    }
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        let credentials = self.clone();
        Box::pin(async move { Ok(credentials) })
    }

    fn credentials_now(&self) -> Option<Credentials> {
        Some(self.clone())
    }

    fn name(&self) -> &'static str {
        "static"
    }

    fn official_name(&self) -> Cow<'static, str> {
        Cow::Borrowed(if self.security_token().is_some() {
            "static_sts"
        } else {
            "static_ak"
        })
    }
}

/// A cheaply clonable, shareable credentials provider.
#[derive(Clone, Debug)]
pub struct SharedCredentialsProvider(Arc<dyn ProvideCredentials>);

impl SharedCredentialsProvider {
    /// Wraps a provider.
    pub fn new(provider: impl ProvideCredentials + 'static) -> Self {
        SharedCredentialsProvider(Arc::new(provider))
    }
}

impl ProvideCredentials for SharedCredentialsProvider {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        self.0.provide_credentials()
    }

    fn credentials_now(&self) -> Option<Credentials> {
        self.0.credentials_now()
    }

    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn official_name(&self) -> Cow<'static, str> {
        self.0.official_name()
    }
}

impl From<Credentials> for SharedCredentialsProvider {
    fn from(credentials: Credentials) -> Self {
        SharedCredentialsProvider::new(credentials)
    }
}

/// Why no credentials could be obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsErrorKind {
    /// The provider does not apply here (its variables or files are absent); a chain skips it.
    NotConfigured,
    /// The provider applies but its configuration is wrong (a malformed file, a missing field).
    InvalidConfiguration,
    /// The provider's source failed (STS, the metadata service, a credentials URI).
    ProviderFailed,
    /// No provider of a chain yielded credentials.
    ChainExhausted,
}

/// Why no credentials could be obtained, naming the provider and the file or URL involved.
///
/// Messages never contain secrets: providers describe what is missing or malformed, not values.
#[derive(Debug)]
pub struct CredentialsError {
    kind: CredentialsErrorKind,
    provider: Cow<'static, str>,
    message: String,
    attempts: Vec<CredentialsError>,
    source: Option<BoxError>,
}

impl CredentialsError {
    /// An error of the given kind from the named provider.
    pub fn new(
        kind: CredentialsErrorKind,
        provider: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        CredentialsError {
            kind,
            provider: provider.into(),
            message: message.into(),
            attempts: Vec::new(),
            source: None,
        }
    }

    /// The provider does not apply here.
    pub fn not_configured(
        provider: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(CredentialsErrorKind::NotConfigured, provider, message)
    }

    /// The provider's configuration is wrong.
    pub fn invalid_configuration(
        provider: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(
            CredentialsErrorKind::InvalidConfiguration,
            provider,
            message,
        )
    }

    /// The provider's source failed.
    pub fn provider_failed(
        provider: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(CredentialsErrorKind::ProviderFailed, provider, message)
    }

    /// No provider of a chain yielded credentials; `attempts` says why, one per provider.
    pub fn chain_exhausted(attempts: Vec<CredentialsError>) -> Self {
        let mut e = Self::new(
            CredentialsErrorKind::ChainExhausted,
            "default chain",
            "no provider in the chain yielded credentials",
        );
        e.attempts = attempts;
        e
    }

    /// Attaches the underlying error.
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Why the credentials could not be obtained.
    pub fn kind(&self) -> CredentialsErrorKind {
        self.kind
    }

    /// The provider that failed.
    pub fn provider(&self) -> &str {
        &self.provider
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// For a chain: why each provider failed, in the order they were tried.
    pub fn attempts(&self) -> &[CredentialsError] {
        &self.attempts
    }

    /// A copy of this error, for the callers that waited on the same failed refresh (the
    /// source becomes its message).
    pub(crate) fn duplicate(&self) -> CredentialsError {
        CredentialsError {
            kind: self.kind,
            provider: self.provider.clone(),
            message: self.message.clone(),
            attempts: self.attempts.iter().map(Self::duplicate).collect(),
            source: self
                .source
                .as_deref()
                .map(|s| BoxError::from(crate::transport::error_chain(s))),
        }
    }

    /// The same error with every message in it (its own, its source chain's, its attempts')
    /// scrubbed of `scrubber`'s secrets.
    pub(crate) fn scrubbed(self, scrubber: &crate::scrub::Scrubber) -> CredentialsError {
        let message = scrubber.text(&self.message).into_owned();
        let source = self.source.map(|source| {
            let chain = crate::transport::error_chain(&*source);
            match scrubber.text(&chain) {
                std::borrow::Cow::Borrowed(_) => source,
                std::borrow::Cow::Owned(text) => BoxError::from(text),
            }
        });
        CredentialsError {
            kind: self.kind,
            provider: self.provider,
            message,
            attempts: self
                .attempts
                .into_iter()
                .map(|a| a.scrubbed(scrubber))
                .collect(),
            source,
        }
    }

    /// The same error, reported by `provider` with `context` (a profile, a file) in front of
    /// its message.
    pub(crate) fn in_context(
        self,
        provider: impl Into<Cow<'static, str>>,
        context: impl fmt::Display,
    ) -> CredentialsError {
        let kind = self.kind;
        CredentialsError::new(kind, provider, context.to_string()).with_source(self)
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The cause is the `source()`, not repeated here. The attempts of a chain are not
        // causes (there are several): each is listed with its own causes.
        write!(f, "{}: {}", self.provider, self.message)?;
        for attempt in &self.attempts {
            write!(f, "\n  - {}", crate::transport::error_chain(attempt))?;
        }
        Ok(())
    }
}

impl std::error::Error for CredentialsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}
