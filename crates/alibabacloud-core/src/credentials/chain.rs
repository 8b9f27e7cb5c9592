//! A chain of providers tried in order, and the default chain of the official SDKs.

use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

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
use crate::time_source::{SharedTimeSource, TimeSource};

/// How long a total failure of the chain is remembered (see
/// [`CredentialsProviderChain::with_failure_memory`]).
pub const DEFAULT_CHAIN_FAILURE_MEMORY: Duration = Duration::from_secs(5);

/// Providers tried in order until one yields credentials.
///
/// - Every failure moves on to the next provider (as in the official SDKs); when none
///   succeeds, the [`ChainExhausted`](CredentialsErrorKind::ChainExhausted) error lists why
///   each one failed, in order.
/// - The provider that succeeded is remembered and asked alone from then on, so the identity
///   never changes behind the caller's back; its errors are returned as they are (a provider of
///   temporary credentials keeps serving its cached credentials while they are valid).
/// - Concurrent first calls share one probe of the chain, whatever its outcome: callers that
///   waited for a probe that failed get a copy of its error instead of walking the chain again.
/// - After a total failure nothing is selected; the error is remembered for a short time
///   ([`DEFAULT_CHAIN_FAILURE_MEMORY`], 5 s) and returned at once to the calls made meanwhile,
///   so that a burst of calls does not probe the chain (and wait for the metadata service) once
///   each. The first call after that tries the whole chain again.
pub struct CredentialsProviderChain {
    links: Vec<Link>,
    state: Mutex<ChainState>,
    probe: tokio::sync::Mutex<()>,
    time: SharedTimeSource,
    failure_memory: Duration,
}

#[derive(Default)]
struct ChainState {
    /// The index of the provider that yielded credentials.
    selected: Option<usize>,
    /// Incremented at the end of every probe, so a caller that waited knows one happened.
    generation: u64,
    /// The error of the last probe, when it failed, and when it ended.
    last_failure: Option<(CredentialsError, SystemTime)>,
}

impl ChainState {
    /// A copy of the last failure if it ended less than `memory` before `now`.
    fn recent_failure(&self, now: SystemTime, memory: Duration) -> Option<CredentialsError> {
        let (error, at) = self.last_failure.as_ref()?;
        let until = at.checked_add(memory).unwrap_or(*at);
        (*at <= now && now < until).then(|| error.duplicate())
    }
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
            state: Mutex::new(ChainState::default()),
            probe: tokio::sync::Mutex::new(()),
            time: SharedTimeSource::default(),
            failure_memory: DEFAULT_CHAIN_FAILURE_MEMORY,
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
            time: config.time_source().clone(),
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

    /// Remembers a total failure for `memory` (default [`DEFAULT_CHAIN_FAILURE_MEMORY`]): calls
    /// made meanwhile get a copy of its error without probing the chain. `Duration::ZERO` turns
    /// this off (every call after a failed probe probes again; callers that waited for the
    /// failed probe still share its error).
    #[must_use]
    pub fn with_failure_memory(mut self, memory: Duration) -> Self {
        self.failure_memory = memory;
        self
    }

    /// The names of the providers, in the order they are tried.
    pub fn provider_names(&self) -> Vec<String> {
        self.links.iter().map(Link::name).collect()
    }

    /// The name of the provider that yielded credentials and is now asked alone, if any.
    pub fn selected_provider(&self) -> Option<String> {
        let selected = self.state().selected;
        selected.and_then(|i| self.links.get(i)).map(Link::name)
    }

    fn state(&self) -> std::sync::MutexGuard<'_, ChainState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn link_at(&self, index: Option<usize>) -> Option<&SharedCredentialsProvider> {
        match index.and_then(|i| self.links.get(i)) {
            Some(Link::Ready(provider)) => Some(provider),
            _ => None,
        }
    }

    /// What a caller does next: ask the selected provider, share a failure, or probe.
    /// `waited_since`: the generation the caller saw before waiting for the probe lock.
    fn next_step(&self, waited_since: Option<u64>) -> Step<'_> {
        let now = self.time.now();
        let state = self.state();
        if let Some(provider) = self.link_at(state.selected) {
            return Step::Ask(provider);
        }
        if waited_since.is_some_and(|seen| seen != state.generation)
            && let Some((error, _)) = &state.last_failure
        {
            // A probe failed while this caller waited for it: share its error.
            return Step::Fail(error.duplicate());
        }
        if let Some(error) = state.recent_failure(now, self.failure_memory) {
            tracing::debug!(error = %error, "the chain failed moments ago; not probing it again yet");
            return Step::Fail(error);
        }
        Step::Probe(state.generation)
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        let generation = match self.next_step(None) {
            Step::Probe(generation) => generation,
            Step::Ask(provider) => return provider.provide_credentials().await,
            Step::Fail(error) => return Err(error),
        };
        let _probe = self.probe.lock().await;
        // Another caller's probe may have ended while this one waited.
        match self.next_step(Some(generation)) {
            Step::Probe(_) => {}
            Step::Ask(provider) => return provider.provide_credentials().await,
            Step::Fail(error) => return Err(error),
        }
        match self.probe().await {
            Ok((index, credentials)) => {
                let mut state = self.state();
                state.selected = Some(index);
                state.generation = state.generation.wrapping_add(1);
                state.last_failure = None;
                Ok(credentials)
            }
            Err(error) => {
                let now = self.time.now();
                let mut state = self.state();
                state.generation = state.generation.wrapping_add(1);
                state.last_failure = Some((error.duplicate(), now));
                Err(error)
            }
        }
    }

    /// Tries every provider in order; the probe lock is held.
    async fn probe(&self) -> Result<(usize, Credentials), CredentialsError> {
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
                    return Ok((index, credentials));
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

/// What a call does next.
enum Step<'a> {
    /// Probe the chain (the generation seen).
    Probe(u64),
    /// A provider was selected: ask it alone.
    Ask(&'a SharedCredentialsProvider),
    /// Return this copy of a recent failure.
    Fail(CredentialsError),
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
            .field("failure_memory", &self.failure_memory)
            .finish()
    }
}

impl ProvideCredentials for CredentialsProviderChain {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(self.credentials())
    }

    /// The selected provider's credentials of the moment; `None` before a provider is
    /// selected (a probe is an asynchronous walk of the chain).
    fn credentials_now(&self) -> Option<Credentials> {
        let selected = self.state().selected;
        self.link_at(selected)?.credentials_now()
    }

    fn name(&self) -> &'static str {
        "default_chain"
    }

    fn official_name(&self) -> std::borrow::Cow<'static, str> {
        let selected = self.state().selected;
        match self.link_at(selected) {
            Some(provider) => format!("default/{}", provider.official_name()).into(),
            None => "default".into(),
        }
    }
}
