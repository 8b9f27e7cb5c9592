//! Credentials: the AccessKey pair (and STS token) that requests are signed with, and the
//! providers that yield them.
//!
//! [`CredentialsProviderChain::default_chain`] resolves credentials as the official SDKs do:
//! environment, OIDC, the aliyun CLI's `config.json` (with its CloudSSO, OAuth and External
//! modes), the INI credentials file, the ECS instance metadata service, a credentials URI (see
//! `CREDENTIALS.md`). Providers of temporary credentials cache them and refresh them in the
//! background before they expire ([`CachedCredentialsProvider`]).
//! Secrets never appear in `Debug`, logs or errors.

mod cache;
mod chain;
mod cli_file;
mod cli_profile;
mod cloud_sso;
mod credentials;
mod ecs;
mod environment;
mod external;
mod fields;
mod files;
mod http;
mod ini_profile;
mod oauth;
mod oidc;
mod provider;
mod provider_config;
mod ram_role_arn;
mod sign_in;
mod sts;
mod uri;

pub use cache::{
    CacheSettings, CachedCredentialsProvider, DEFAULT_FAILURE_BACKOFF, DEFAULT_REFRESH_JITTER,
    DEFAULT_REFRESH_MARGIN, MAX_FAILURE_BACKOFF,
};
pub use chain::{CredentialsProviderChain, DEFAULT_CHAIN_FAILURE_MEMORY};
pub use cli_profile::{CLI_PROFILE_DISABLED_VAR, CONFIG_FILE_VAR, CliProfileProvider, PROFILE_VAR};
pub use cloud_sso::{CloudSsoProvider, CloudSsoSettings};
pub use credentials::*;
pub use ecs::{
    ECS_METADATA_DISABLED_VAR, ECS_METADATA_VAR, EcsRamRoleProvider, IMDSV1_DISABLED_VAR,
};
pub use environment::{
    ACCESS_KEY_ID_VAR, ACCESS_KEY_SECRET_VAR, EnvironmentProvider, SECURITY_TOKEN_VAR,
};
pub use external::{DEFAULT_EXTERNAL_TIMEOUT, EXTERNAL_REFRESH_MARGIN, ExternalProvider};
pub use ini_profile::{CREDENTIALS_FILE_VAR, IniProfileProvider};
pub use oauth::{OAuthProvider, OAuthSettings, OAuthSite};
pub use oidc::{
    OIDC_PROVIDER_ARN_VAR, OIDC_TOKEN_FILE_VAR, OidcRoleArnProvider, OidcSettings, ROLE_ARN_VAR,
};
pub use provider::{
    CredentialsError, CredentialsErrorKind, ProvideCredentials, ProvideCredentialsFuture,
    SharedCredentialsProvider,
};
pub use provider_config::{DEFAULT_METADATA_ENDPOINT, ProviderConfig};
pub use ram_role_arn::{AssumeRoleSettings, RamRoleArnProvider};
pub use sts::{ROLE_SESSION_NAME_VAR, STS_ENDPOINT_VAR, STS_REGION_VAR, VPC_ENDPOINT_ENABLED_VAR};
pub use uri::{CREDENTIALS_URI_VAR, CredentialsUriProvider};

pub(crate) use cli_profile::{profile_region, resolve_text as cli_resolve_text};
pub(crate) use ini_profile::parse as ini_parse;

/// The credentials an External command printed (for fuzzing).
pub(crate) fn read_external_output(out: &[u8]) -> Result<(), String> {
    external::read_output_for_fuzzing(out)
}

/// A command split as the External provider splits it (for fuzzing).
pub(crate) fn split_external_command(command: &str, windows: bool) -> Option<Vec<String>> {
    external::split_command(command, windows).ok()
}

/// Temporary credentials from a JSON answer (for fuzzing): STS's, under `Credentials` when
/// `nested`, else the metadata service's or a credentials URI's.
pub(crate) fn read_temporary_credentials(body: &[u8], nested: bool) -> Result<Credentials, String> {
    let object = fields::parse_object(body)?;
    if !nested {
        return fields::temporary_credentials(&object, "", "fuzzing");
    }
    match object.get("Credentials") {
        Some(serde_json::Value::Object(credentials)) => {
            fields::temporary_credentials(credentials, "Credentials.", "fuzzing")
        }
        _ => Err("the response has no `Credentials` object".to_owned()),
    }
}
