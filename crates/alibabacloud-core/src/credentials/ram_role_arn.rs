//! Temporary credentials of a RAM role, from STS `AssumeRole` signed with source credentials.

use std::fmt;

use super::cache::CachedCredentialsProvider;
use super::provider_config::ProviderConfig;
use super::sts::{RoleRequest, RoleSessionFields, StsClient, role_session};
use super::{
    CredentialsError, ProvideCredentials, ProvideCredentialsFuture, SharedCredentialsProvider,
};

const NAME: &str = "ram_role_arn";

/// What to assume with `AssumeRole`.
///
/// ```
/// use alibabacloud_core::credentials::AssumeRoleSettings;
/// let mut settings = AssumeRoleSettings::new("acs:ram::123456789012:role/reader");
/// settings.duration_seconds = Some(900);
/// settings.sts_region = Some("cn-hangzhou".into());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AssumeRoleSettings {
    /// The role, `acs:ram::<account>:role/<name>`.
    pub role_arn: String,
    /// The session name; default `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else
    /// `alibabacloud-rust-<unix ms>`.
    pub role_session_name: Option<String>,
    /// How long the credentials last, at least 900; default 3600.
    pub duration_seconds: Option<u32>,
    /// A policy further restricting the session.
    pub policy: Option<String>,
    /// The external ID the role's trust policy may require.
    pub external_id: Option<String>,
    /// The STS region (`sts.<region>.aliyuncs.com`); default `ALIBABA_CLOUD_STS_REGION`.
    pub sts_region: Option<String>,
    /// Use the VPC endpoint `sts-vpc.<region>.aliyuncs.com`; also turned on by
    /// `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`.
    pub enable_vpc: bool,
}

impl AssumeRoleSettings {
    /// Settings for `role_arn` with every option at its default.
    pub fn new(role_arn: impl Into<String>) -> Self {
        Self {
            role_arn: role_arn.into(),
            role_session_name: None,
            duration_seconds: None,
            policy: None,
            external_id: None,
            sts_region: None,
            enable_vpc: false,
        }
    }
}

/// Credentials of a RAM role: STS `AssumeRole`, signed with the credentials of a source
/// provider (an AccessKey, STS credentials, or another role), cached and refreshed before
/// they expire.
#[derive(Debug)]
pub struct RamRoleArnProvider {
    cached: CachedCredentialsProvider<AssumeRoleFetcher>,
}

impl RamRoleArnProvider {
    /// Assumes the role of `settings` with the credentials of `source`.
    ///
    /// # Errors
    /// An empty role ARN, a duration under 900 seconds, an unusable STS endpoint.
    pub fn new(
        source: SharedCredentialsProvider,
        settings: AssumeRoleSettings,
        config: &ProviderConfig,
    ) -> Result<Self, CredentialsError> {
        if settings.role_arn.trim().is_empty() {
            return Err(CredentialsError::invalid_configuration(
                NAME,
                "the role ARN is empty",
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
        let fetcher = AssumeRoleFetcher {
            source,
            request,
            external_id: settings
                .external_id
                .clone()
                .filter(|e| !e.trim().is_empty()),
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

impl ProvideCredentials for RamRoleArnProvider {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        self.cached.provide_credentials()
    }

    fn credentials_now(&self) -> Option<super::Credentials> {
        self.cached.credentials_now()
    }

    fn name(&self) -> &'static str {
        NAME
    }

    fn official_name(&self) -> std::borrow::Cow<'static, str> {
        format!("{NAME}/{}", self.cached.inner().source.official_name()).into()
    }
}

/// One `AssumeRole` call per fetch.
struct AssumeRoleFetcher {
    source: SharedCredentialsProvider,
    request: RoleRequest,
    external_id: Option<String>,
    sts: StsClient,
}

impl fmt::Debug for AssumeRoleFetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AssumeRoleFetcher")
            .field("source", &self.source.name())
            .field("role_arn", &self.request.role_arn)
            .field("session_name", &self.request.session_name)
            .field("sts_endpoint", &self.sts.endpoint())
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for AssumeRoleFetcher {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(async move {
            let source = self.source.provide_credentials().await.map_err(|e| {
                e.in_context(
                    NAME,
                    "the source credentials of the role could not be obtained",
                )
            })?;
            let source_name = self.source.official_name();
            self.sts
                .assume_role(
                    NAME,
                    &source,
                    &source_name,
                    &self.request,
                    self.external_id.as_deref(),
                )
                .await
        })
    }

    fn name(&self) -> &'static str {
        NAME
    }
}
