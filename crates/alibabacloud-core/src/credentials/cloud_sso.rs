//! STS credentials of a CloudSSO access configuration, from the sign-in portal's access token
//! (the aliyun CLI's `CloudSSO` mode).

use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use bytes::Bytes;
use http::HeaderValue;
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};

use super::cache::CachedCredentialsProvider;
use super::cli_file::{self, ProfileLocation};
use super::fields::parse_object;
use super::http::{HttpClient, SERVICE_TIMEOUTS};
use super::provider_config::ProviderConfig;
use super::sign_in::{base_url, bearer, credentials_in, describe_failure, post};
use super::{
    Credentials, CredentialsError, ProvideCredentials, ProvideCredentialsFuture, SecretString,
};
use crate::time_source::{SharedTimeSource, TimeSource};

const NAME: &str = "cloud_sso";
/// The portal's path that exchanges the access token.
const PATH: &str = "/cloud-credentials";

/// What to exchange with the CloudSSO sign-in portal (the fields the aliyun CLI writes in a
/// `CloudSSO` profile when one signs in with `aliyun configure --mode CloudSSO`).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CloudSsoSettings {
    /// The portal's sign-in URL (`cloud_sso_sign_in_url`); only its scheme and host are used.
    pub sign_in_url: String,
    /// The account to sign in to (`cloud_sso_account_id`).
    pub account_id: String,
    /// The access configuration, the permissions taken on (`cloud_sso_access_config`).
    pub access_configuration_id: String,
    /// The portal's access token (`access_token`).
    pub access_token: SecretString,
    /// When the access token expires (`cloud_sso_access_token_expire`, Unix seconds).
    pub access_token_expiration: SystemTime,
}

impl CloudSsoSettings {
    /// Settings with every field given.
    pub fn new(
        sign_in_url: impl Into<String>,
        account_id: impl Into<String>,
        access_configuration_id: impl Into<String>,
        access_token: impl Into<SecretString>,
        access_token_expiration: SystemTime,
    ) -> Self {
        Self {
            sign_in_url: sign_in_url.into(),
            account_id: account_id.into(),
            access_configuration_id: access_configuration_id.into(),
            access_token: access_token.into(),
            access_token_expiration,
        }
    }
}

/// STS credentials of a CloudSSO account and access configuration, as the official SDKs get
/// them: `POST <sign-in host>/cloud-credentials` with `Authorization: Bearer <access token>`
/// and `{"AccountId", "AccessConfigurationId"}`, answered with
/// `{"CloudCredential": {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"}}`.
/// Cached and refreshed in the background before they expire; timeouts 5 s to connect and
/// 10 s to read.
///
/// The access token is not refreshed by the SDK (signing in is the CLI's job). When it has
/// expired, a provider built from a CLI profile reads the profile again (the CLI may have
/// signed in anew) before giving up with an error that says to sign in again. The token never
/// appears in `Debug`, logs or errors.
pub struct CloudSsoProvider {
    cached: CachedCredentialsProvider<SsoFetcher>,
}

impl CloudSsoProvider {
    /// A provider for `settings`.
    ///
    /// # Errors
    /// An access token that is empty or has expired, an empty sign-in URL, account or access
    /// configuration, a sign-in URL that is not http(s).
    pub fn new(
        settings: CloudSsoSettings,
        config: &ProviderConfig,
    ) -> Result<Self, CredentialsError> {
        Self::build(settings, config, None)
    }

    /// The provider of an aliyun CLI profile (re-read when its token has expired).
    pub(crate) fn for_profile(
        settings: CloudSsoSettings,
        config: &ProviderConfig,
        location: ProfileLocation,
    ) -> Result<Self, CredentialsError> {
        Self::build(settings, config, Some(location))
    }

    fn build(
        settings: CloudSsoSettings,
        config: &ProviderConfig,
        profile: Option<ProfileLocation>,
    ) -> Result<Self, CredentialsError> {
        let time = config.time_source().clone();
        check_token(
            &settings.access_token,
            settings.access_token_expiration,
            time.now(),
        )?;
        let missing: Vec<&str> = [
            ("the sign-in URL", &settings.sign_in_url),
            ("the account id", &settings.account_id),
            (
                "the access configuration",
                &settings.access_configuration_id,
            ),
        ]
        .into_iter()
        .filter(|(_, v)| v.trim().is_empty())
        .map(|(name, _)| name)
        .collect();
        if !missing.is_empty() {
            return Err(CredentialsError::invalid_configuration(
                NAME,
                format!("CloudSSO: {} empty", missing.join(", ")),
            ));
        }
        let base = base_url(&settings.sign_in_url).map_err(|what| {
            CredentialsError::invalid_configuration(
                NAME,
                format!("the CloudSSO sign-in URL {what}"),
            )
        })?;
        let fetcher = SsoFetcher {
            url: format!("{base}{PATH}"),
            account_id: settings.account_id.trim().to_owned(),
            access_configuration_id: settings.access_configuration_id.trim().to_owned(),
            token: Mutex::new((settings.access_token, settings.access_token_expiration)),
            sign_in_url: settings.sign_in_url,
            profile,
            http: HttpClient::new(SERVICE_TIMEOUTS),
            time: time.clone(),
        };
        Ok(Self {
            cached: CachedCredentialsProvider::new(fetcher, *config.cache_settings(), time),
        })
    }
}

/// Refuses an empty or expired access token.
fn check_token(
    token: &SecretString,
    expiration: SystemTime,
    now: SystemTime,
) -> Result<(), CredentialsError> {
    if token.expose_secret().trim().is_empty() || expiration <= now {
        return Err(CredentialsError::invalid_configuration(
            NAME,
            "the CloudSSO access token is empty or has expired: sign in again with the aliyun CLI (`aliyun configure --mode CloudSSO`)",
        ));
    }
    Ok(())
}

impl fmt::Debug for CloudSsoProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fetcher = self.cached.inner();
        f.debug_struct("CloudSsoProvider")
            .field("url", &fetcher.url)
            .field("account_id", &fetcher.account_id)
            .field("access_configuration_id", &fetcher.access_configuration_id)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for CloudSsoProvider {
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

struct SsoFetcher {
    url: String,
    sign_in_url: String,
    account_id: String,
    access_configuration_id: String,
    /// The access token and when it expires.
    token: Mutex<(SecretString, SystemTime)>,
    profile: Option<ProfileLocation>,
    http: HttpClient,
    time: SharedTimeSource,
}

impl fmt::Debug for SsoFetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SsoFetcher")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for SsoFetcher {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(self.fetch())
    }

    fn name(&self) -> &'static str {
        NAME
    }
}

impl SsoFetcher {
    /// The access token, read again from the profile when the one held has expired.
    async fn token(&self) -> Result<SecretString, CredentialsError> {
        let now = self.time.now();
        let (token, expiration) = self
            .token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if expiration > now {
            return Ok(token);
        }
        if let Some(location) = &self.profile {
            match cli_file::read_profile_async(location).await {
                Ok(profile) => {
                    let same = |key: &str, expected: &str| {
                        profile
                            .get(key)
                            .and_then(serde_json::Value::as_str)
                            .map(str::trim)
                            == Some(expected.trim())
                    };
                    let token = profile
                        .get("access_token")
                        .and_then(serde_json::Value::as_str);
                    let expiration = profile
                        .get("cloud_sso_access_token_expire")
                        .and_then(lenient_seconds)
                        .map(|s| SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(s));
                    if same("cloud_sso_sign_in_url", &self.sign_in_url)
                        && same("cloud_sso_account_id", &self.account_id)
                        && same("cloud_sso_access_config", &self.access_configuration_id)
                        && let (Some(token), Some(expiration)) = (token, expiration)
                        && expiration > now
                        && !token.trim().is_empty()
                    {
                        let token = SecretString::new(token.trim());
                        *self.token.lock().unwrap_or_else(PoisonError::into_inner) =
                            (token.clone(), expiration);
                        tracing::debug!(provider = NAME, profile = %location, "using the access token the aliyun CLI signed in with anew");
                        return Ok(token);
                    }
                }
                Err(e) => {
                    tracing::debug!(provider = NAME, profile = %location, error = %e, "could not read the profile again");
                }
            }
        }
        Err(CredentialsError::invalid_configuration(
            NAME,
            "the CloudSSO access token has expired: sign in again with the aliyun CLI (`aliyun configure --mode CloudSSO`)",
        ))
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let token = self.token().await?;
        let failed = |what: String| CredentialsError::provider_failed(NAME, what);
        let authorization = bearer(&token).ok_or_else(|| {
            CredentialsError::invalid_configuration(
                NAME,
                "the CloudSSO access token cannot be sent in a header (a line break or a control character)",
            )
        })?;
        let body = serde_json::json!({
            "AccountId": self.account_id,
            "AccessConfigurationId": self.access_configuration_id,
        })
        .to_string();
        let json = HeaderValue::from_static("application/json");
        let response = post(
            &self.http,
            NAME,
            &self.url,
            &[
                (ACCEPT, json.clone()),
                (CONTENT_TYPE, json),
                (AUTHORIZATION, authorization),
            ],
            Bytes::from(body),
        )
        .await?;
        if response.status() != http::StatusCode::OK {
            let hint = if matches!(response.status().as_u16(), 401 | 403) {
                " (the access token may have expired or been revoked: sign in again with the aliyun CLI)"
            } else {
                ""
            };
            return Err(failed(format!(
                "POST {} answered {}{hint}",
                self.url,
                describe_failure(&response, &[token.expose_secret()])
            )));
        }
        let object =
            parse_object(response.body()).map_err(|e| failed(format!("POST {}: {e}", self.url)))?;
        let credentials = match object.get("CloudCredential") {
            Some(serde_json::Value::Object(credentials)) => credentials,
            _ => {
                return Err(failed(format!(
                    "POST {}: the response has no `CloudCredential` object",
                    self.url
                )));
            }
        };
        credentials_in(credentials, "CloudCredential.", NAME)
            .map_err(|e| failed(format!("POST {}: {e}", self.url)))
    }
}

/// A number of seconds, written as a number or a numeric string.
pub(crate) fn lenient_seconds(value: &serde_json::Value) -> Option<u64> {
    match value {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}
