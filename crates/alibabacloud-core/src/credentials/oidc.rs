//! Temporary credentials of a RAM role from an OIDC token (ACK RRSA and other OIDC
//! identities): STS `AssumeRoleWithOIDC`, the token file read anew on every refresh.

use std::fmt;
use std::path::PathBuf;

use super::cache::CachedCredentialsProvider;
use super::files;
use super::provider_config::ProviderConfig;
use super::sts::{RoleRequest, RoleSessionFields, StsClient, role_session};
use super::{CredentialsError, ProvideCredentials, ProvideCredentialsFuture};

/// The variable holding the role to assume.
pub const ROLE_ARN_VAR: &str = "ALIBABA_CLOUD_ROLE_ARN";
/// The variable holding the ARN of the OIDC identity provider.
pub const OIDC_PROVIDER_ARN_VAR: &str = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
/// The variable holding the path of the OIDC token file.
pub const OIDC_TOKEN_FILE_VAR: &str = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";

const NAME: &str = "oidc_role_arn";

/// What to assume with `AssumeRoleWithOIDC`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OidcSettings {
    /// The role, `acs:ram::<account>:role/<name>`.
    pub role_arn: String,
    /// The OIDC identity provider, `acs:ram::<account>:oidc-provider/<name>`.
    pub oidc_provider_arn: String,
    /// The file holding the OIDC token (re-read on every refresh: it is rotated).
    pub oidc_token_file: PathBuf,
    /// The session name; default `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else
    /// `alibabacloud-rust-<unix ms>`.
    pub role_session_name: Option<String>,
    /// How long the credentials last, at least 900; default 3600.
    pub duration_seconds: Option<u32>,
    /// A policy further restricting the session.
    pub policy: Option<String>,
    /// The STS region; default `ALIBABA_CLOUD_STS_REGION`.
    pub sts_region: Option<String>,
    /// Use the VPC endpoint; also turned on by `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`.
    pub enable_vpc: bool,
}

impl OidcSettings {
    /// Settings with every option at its default.
    pub fn new(
        role_arn: impl Into<String>,
        oidc_provider_arn: impl Into<String>,
        oidc_token_file: impl Into<PathBuf>,
    ) -> Self {
        Self {
            role_arn: role_arn.into(),
            oidc_provider_arn: oidc_provider_arn.into(),
            oidc_token_file: oidc_token_file.into(),
            role_session_name: None,
            duration_seconds: None,
            policy: None,
            sts_region: None,
            enable_vpc: false,
        }
    }
}

/// Credentials of a RAM role assumed with an OIDC token, cached and refreshed before they
/// expire.
#[derive(Debug)]
pub struct OidcRoleArnProvider {
    cached: CachedCredentialsProvider<OidcFetcher>,
}

impl OidcRoleArnProvider {
    /// The provider the environment configures: `ALIBABA_CLOUD_ROLE_ARN`,
    /// `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`, `ALIBABA_CLOUD_OIDC_TOKEN_FILE` (all three required)
    /// and optionally `ALIBABA_CLOUD_ROLE_SESSION_NAME`.
    ///
    /// # Errors
    /// [`NotConfigured`](super::CredentialsErrorKind::NotConfigured) naming the missing
    /// variables; an unusable STS endpoint.
    pub fn from_env(config: &ProviderConfig) -> Result<Self, CredentialsError> {
        let env = config.env();
        let (role, provider, file) = (
            env.get(ROLE_ARN_VAR),
            env.get(OIDC_PROVIDER_ARN_VAR),
            env.get(OIDC_TOKEN_FILE_VAR),
        );
        match (role, provider, file) {
            (Some(role), Some(provider), Some(file)) => {
                Self::new(OidcSettings::new(role, provider, file), config)
            }
            (role, provider, file) => {
                let missing: Vec<&str> = [
                    (role.is_none(), ROLE_ARN_VAR),
                    (provider.is_none(), OIDC_PROVIDER_ARN_VAR),
                    (file.is_none(), OIDC_TOKEN_FILE_VAR),
                ]
                .into_iter()
                .filter_map(|(missing, name)| missing.then_some(name))
                .collect();
                Err(CredentialsError::not_configured(
                    NAME,
                    format!("{} not set", missing.join(", ")),
                ))
            }
        }
    }

    /// A provider for `settings`.
    ///
    /// # Errors
    /// An empty role or provider ARN, a duration under 900 seconds, an unusable STS endpoint.
    pub fn new(settings: OidcSettings, config: &ProviderConfig) -> Result<Self, CredentialsError> {
        if settings.role_arn.trim().is_empty() || settings.oidc_provider_arn.trim().is_empty() {
            return Err(CredentialsError::invalid_configuration(
                NAME,
                "the role ARN and the OIDC provider ARN must not be empty",
            ));
        }
        let (request, sts) = role_session(
            NAME,
            RoleSessionFields {
                role_arn: &settings.role_arn,
                role_session_name: settings.role_session_name.as_deref(),
                duration_seconds: settings.duration_seconds,
                policy: settings.policy.as_deref(),
                sts_region: settings.sts_region.as_deref(),
                enable_vpc: settings.enable_vpc,
            },
            config,
        )?;
        let fetcher = OidcFetcher {
            request,
            oidc_provider_arn: settings.oidc_provider_arn.trim().to_string(),
            token_file: settings.oidc_token_file.clone(),
            sts,
        };
        Ok(Self {
            cached: CachedCredentialsProvider::new(
                fetcher,
                *config.cache_settings(),
                config.time_source().clone(),
            ),
        })
    }

    /// The STS base URL this provider calls.
    pub fn sts_endpoint(&self) -> &str {
        self.cached.inner().sts.endpoint()
    }
}

impl ProvideCredentials for OidcRoleArnProvider {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        self.cached.provide_credentials()
    }

    fn credentials_now(&self) -> Option<super::Credentials> {
        self.cached.credentials_now()
    }

    fn name(&self) -> &'static str {
        NAME
    }
}

/// Reads the token and calls STS, once per fetch.
struct OidcFetcher {
    request: RoleRequest,
    oidc_provider_arn: String,
    token_file: PathBuf,
    sts: StsClient,
}

impl fmt::Debug for OidcFetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcFetcher")
            .field("role_arn", &self.request.role_arn)
            .field("oidc_provider_arn", &self.oidc_provider_arn)
            .field("token_file", &self.token_file)
            .field("sts_endpoint", &self.sts.endpoint())
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for OidcFetcher {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(async move {
            let path = self.token_file.display();
            // Read off the runtime's worker thread: this happens on every refresh.
            let token = files::read_to_string(&self.token_file).await.map_err(|e| {
                CredentialsError::invalid_configuration(
                    NAME,
                    format!("cannot read the OIDC token file `{path}`"),
                )
                .with_source(e)
            })?;
            let token = token.trim();
            if token.is_empty() {
                return Err(CredentialsError::invalid_configuration(
                    NAME,
                    format!("the OIDC token file `{path}` is empty"),
                ));
            }
            self.sts
                .assume_role_with_oidc(NAME, &self.request, &self.oidc_provider_arn, token)
                .await
        })
    }

    fn name(&self) -> &'static str {
        NAME
    }
}
