//! A chain of providers tried in order, and the default chain of the official SDKs.

use std::fmt;
use std::sync::{Mutex, PoisonError};

use super::cli_profile::CliProfileProvider;
use super::ecs::EcsRamRoleProvider;
use super::ini_profile::IniProfileProvider;
use super::oidc::OidcRoleArnProvider;
use super::provider_config::ProviderConfig;
use super::uri::CredentialsUriProvider;
use super::{
    Credentials, CredentialsError, CredentialsErrorKind, EnvironmentProvider, ProvideCredentials,
    ProvideCredentialsFuture, SharedCredentialsProvider,
};

/// Providers tried in order until one yields credentials.
///
/// - Every failure moves on to the next provider (as in the official SDKs); when none
///   succeeds, the [`ChainExhausted`](CredentialsErrorKind::ChainExhausted) error lists why
///   each one failed, in order.
/// - The provider that succeeded is remembered and asked alone from then on, so the identity
///   never changes behind the caller's back; its errors are returned as they are (a provider of
///   temporary credentials keeps serving its cached credentials while they are valid). After a
///   total failure nothing is remembered: the next call tries the whole chain again.
/// - Concurrent first calls share one probe of the chain.
pub struct CredentialsProviderChain {
    links: Vec<Link>,
    selected: Mutex<Option<usize>>,
    probe: tokio::sync::Mutex<()>,
}

/// A provider of the chain, or the reason it was left out when the chain was built.
enum Link {
    Ready(SharedCredentialsProvider),
    Skipped(CredentialsError),
}

impl Link {
    fn name(&self) -> String {
        match self {
            Link::Ready(p) => p.name().to_string(),
            Link::Skipped(e) => e.provider().to_string(),
        }
    }
}

impl CredentialsProviderChain {
    /// An empty chain; add providers with [`Self::or_else`].
    pub fn new() -> Self {
        Self {
            links: Vec::new(),
            selected: Mutex::new(None),
            probe: tokio::sync::Mutex::new(()),
        }
    }

    /// The default chain of the official SDKs, in their order:
    ///
    /// 1. `environment`: `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`,
    ///    `ALIBABA_CLOUD_SECURITY_TOKEN`;
    /// 2. `oidc_role_arn`: `ALIBABA_CLOUD_ROLE_ARN`, `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`,
    ///    `ALIBABA_CLOUD_OIDC_TOKEN_FILE` (all three) through STS `AssumeRoleWithOIDC`;
    /// 3. `cli_profile`: the aliyun CLI's `~/.aliyun/config.json`;
    /// 4. `ini_profile`: `~/.alibabacloud/credentials`;
    /// 5. `ecs_ram_role`: the instance metadata service, unless
    ///    `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true`;
    /// 6. `credentials_uri`: `ALIBABA_CLOUD_CREDENTIALS_URI`, when set.
    ///
    /// Providers whose variables are absent are part of the chain as a reason (so the final
    /// error says why each was not used) but cost nothing.
    pub fn default_chain(config: &ProviderConfig) -> Self {
        let links = vec![
            Link::Ready(SharedCredentialsProvider::new(
                EnvironmentProvider::with_env(config.env().clone()),
            )),
            link(OidcRoleArnProvider::from_env(config)),
            Link::Ready(SharedCredentialsProvider::new(CliProfileProvider::new(
                config,
            ))),
            Link::Ready(SharedCredentialsProvider::new(IniProfileProvider::new(
                config,
            ))),
            link(EcsRamRoleProvider::from_env(config)),
            link(CredentialsUriProvider::from_env(config)),
        ];
        Self {
            links,
            ..Self::new()
        }
    }

    /// The chain with `provider` tried after the others.
    #[must_use]
    pub fn or_else(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.links
            .push(Link::Ready(SharedCredentialsProvider::new(provider)));
        self
    }

    /// The names of the providers, in the order they are tried.
    pub fn provider_names(&self) -> Vec<String> {
        self.links.iter().map(Link::name).collect()
    }

    /// The name of the provider that yielded credentials and is now asked alone, if any.
    pub fn selected_provider(&self) -> Option<String> {
        let selected = *self.selected.lock().unwrap_or_else(PoisonError::into_inner);
        selected.and_then(|i| self.links.get(i)).map(Link::name)
    }

    fn selected_link(&self) -> Option<&SharedCredentialsProvider> {
        let selected = *self.selected.lock().unwrap_or_else(PoisonError::into_inner);
        match selected.and_then(|i| self.links.get(i)) {
            Some(Link::Ready(provider)) => Some(provider),
            _ => None,
        }
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        if let Some(provider) = self.selected_link() {
            return provider.provide_credentials().await;
        }
        let _probe = self.probe.lock().await;
        // Another caller's probe may have finished while this one waited.
        if let Some(provider) = self.selected_link() {
            return provider.provide_credentials().await;
        }
        let mut attempts = Vec::new();
        for (index, link) in self.links.iter().enumerate() {
            let provider = match link {
                Link::Ready(provider) => provider,
                Link::Skipped(reason) => {
                    if reason.kind() != CredentialsErrorKind::NotConfigured {
                        tracing::warn!(provider = reason.provider(), error = %reason, "provider misconfigured; trying the next one");
                    }
                    attempts.push(reason.duplicate());
                    continue;
                }
            };
            match provider.provide_credentials().await {
                Ok(credentials) => {
                    tracing::debug!(provider = provider.name(), "credentials found");
                    *self.selected.lock().unwrap_or_else(PoisonError::into_inner) = Some(index);
                    return Ok(credentials);
                }
                Err(error) => {
                    if error.kind() == CredentialsErrorKind::NotConfigured {
                        tracing::debug!(provider = provider.name(), reason = %error, "provider skipped");
                    } else {
                        tracing::warn!(provider = provider.name(), error = %error, "provider failed; trying the next one");
                    }
                    attempts.push(error);
                }
            }
        }
        Err(CredentialsError::chain_exhausted(attempts))
    }
}

fn link<P: ProvideCredentials + 'static>(provider: Result<P, CredentialsError>) -> Link {
    match provider {
        Ok(provider) => Link::Ready(SharedCredentialsProvider::new(provider)),
        Err(reason) => Link::Skipped(reason),
    }
}

impl Default for CredentialsProviderChain {
    /// An empty chain.
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for CredentialsProviderChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CredentialsProviderChain")
            .field("providers", &self.provider_names())
            .field("selected", &self.selected_provider())
            .finish()
    }
}

impl ProvideCredentials for CredentialsProviderChain {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(self.credentials())
    }

    fn name(&self) -> &'static str {
        "default_chain"
    }
}
