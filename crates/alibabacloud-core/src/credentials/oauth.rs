//! STS credentials from an OAuth access token, refreshed with its refresh token (the aliyun
//! CLI's `OAuth` mode).

use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::HeaderValue;
use http::header::{AUTHORIZATION, CONTENT_TYPE};

use super::cache::CachedCredentialsProvider;
use super::cli_file::{self, ProfileLocation};
use super::cloud_sso::lenient_seconds;
use super::external::unix_seconds;
use super::fields::{optional_string, parse_object};
use super::http::{HttpClient, SERVICE_TIMEOUTS};
use super::provider_config::ProviderConfig;
use super::sign_in::{base_url, bearer, credentials_in, describe_failure, post};
use super::{
    Credentials, CredentialsError, ProvideCredentials, ProvideCredentialsFuture, SecretString,
};
use crate::signing::{form_urlencode, format_timestamp};
use crate::time_source::{SharedTimeSource, TimeSource};

const NAME: &str = "oauth";
/// The access token is refreshed when it has less than this left (as credentials-go: 20 min).
const TOKEN_REFRESH_MARGIN: Duration = Duration::from_secs(1200);
/// The access token's lifetime when the token endpoint does not say (as credentials-python).
const DEFAULT_TOKEN_LIFETIME: Duration = Duration::from_secs(3600);

/// The Alibaba Cloud site an OAuth sign-in belongs to (`oauth_site_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OAuthSite {
    /// The China site (`CN`): `https://oauth.aliyun.com`.
    China,
    /// The international site (`INTL`): `https://oauth.alibabacloud.com`.
    International,
}

impl OAuthSite {
    /// The site of an `oauth_site_type` (`CN` or `INTL`, in any case).
    pub fn from_site_type(site_type: &str) -> Option<Self> {
        match site_type.trim().to_ascii_uppercase().as_str() {
            "CN" => Some(Self::China),
            "INTL" => Some(Self::International),
            _ => None,
        }
    }

    /// The sign-in service.
    pub fn sign_in_url(self) -> &'static str {
        match self {
            Self::China => "https://oauth.aliyun.com",
            Self::International => "https://oauth.alibabacloud.com",
        }
    }

    /// The aliyun CLI's OAuth client on this site.
    pub fn client_id(self) -> &'static str {
        match self {
            Self::China => "4038181954557748008",
            Self::International => "4103531455503354461",
        }
    }
}

/// The tokens of an OAuth sign-in (the fields the aliyun CLI writes in an `OAuth` profile).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct OAuthSettings {
    /// The site (`oauth_site_type`).
    pub site: OAuthSite,
    /// The access token (`oauth_access_token`).
    pub access_token: Option<SecretString>,
    /// When it expires (`oauth_access_token_expire`, Unix seconds).
    pub access_token_expiration: Option<SystemTime>,
    /// The refresh token (`oauth_refresh_token`).
    pub refresh_token: Option<SecretString>,
}

impl OAuthSettings {
    /// Settings for `site` with no token yet.
    pub fn new(site: OAuthSite) -> Self {
        Self {
            site,
            access_token: None,
            access_token_expiration: None,
            refresh_token: None,
        }
    }
}

/// STS credentials from an OAuth sign-in, as the official SDKs get them:
///
/// 1. when there is a refresh token and the access token is missing or has less than 20
///    minutes left, `POST <site>/v1/token` (form: `grant_type=refresh_token`, `refresh_token`,
///    `client_id`, `Timestamp`), answered with `access_token`, `refresh_token`, `expires_in`;
/// 2. `POST <site>/v1/exchange` with `Authorization: Bearer <access token>`, answered with
///    `AccessKeyId`, `AccessKeySecret`, `SecurityToken`, `Expiration`.
///
/// Cached and refreshed in the background before they expire; timeouts 5 s to connect and
/// 10 s to read. Built from an aliyun CLI profile, the refreshed tokens and the STS
/// credentials are written back into the profile as the official SDKs do (see
/// `CREDENTIALS.md`), and the profile is read again before a token refresh (another process
/// may have refreshed, and rotated the refresh token, meanwhile). Tokens never appear in
/// `Debug`, logs or errors.
pub struct OAuthProvider {
    cached: CachedCredentialsProvider<OAuthFetcher>,
}

impl OAuthProvider {
    /// A provider for `settings`.
    ///
    /// # Errors
    /// Neither an access token nor a refresh token; a sign-in URL (from
    /// [`ProviderConfig::with_oauth_sign_in_url`]) that is not http(s).
    pub fn new(settings: OAuthSettings, config: &ProviderConfig) -> Result<Self, CredentialsError> {
        Self::build(settings, config, None)
    }

    /// The provider of an aliyun CLI profile (written back, re-read before a refresh).
    pub(crate) fn for_profile(
        settings: OAuthSettings,
        config: &ProviderConfig,
        location: ProfileLocation,
    ) -> Result<Self, CredentialsError> {
        Self::build(settings, config, Some(location))
    }

    fn build(
        settings: OAuthSettings,
        config: &ProviderConfig,
        profile: Option<ProfileLocation>,
    ) -> Result<Self, CredentialsError> {
        let present =
            |t: &Option<SecretString>| t.clone().filter(|t| !t.expose_secret().trim().is_empty());
        let tokens = Tokens {
            access: present(&settings.access_token),
            access_expiration: settings.access_token_expiration,
            refresh: present(&settings.refresh_token),
        };
        if tokens.access.is_none() && tokens.refresh.is_none() {
            return Err(CredentialsError::invalid_configuration(
                NAME,
                "OAuth: no access token and no refresh token: sign in with the aliyun CLI (`aliyun configure --mode OAuth`)",
            ));
        }
        let url = config
            .oauth_sign_in_url()
            .unwrap_or(settings.site.sign_in_url());
        let base = base_url(url).map_err(|what| {
            CredentialsError::invalid_configuration(NAME, format!("the OAuth sign-in URL {what}"))
        })?;
        let fetcher = OAuthFetcher {
            base,
            client_id: settings.site.client_id(),
            tokens: Mutex::new(tokens),
            profile,
            http: HttpClient::new(SERVICE_TIMEOUTS),
            time: config.time_source().clone(),
        };
        Ok(Self {
            cached: CachedCredentialsProvider::new(
                fetcher,
                *config.cache_settings(),
                config.time_source().clone(),
            ),
        })
    }
}

impl fmt::Debug for OAuthProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fetcher = self.cached.inner();
        f.debug_struct("OAuthProvider")
            .field("sign_in_url", &fetcher.base)
            .field("client_id", &fetcher.client_id)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for OAuthProvider {
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

#[derive(Clone)]
struct Tokens {
    access: Option<SecretString>,
    access_expiration: Option<SystemTime>,
    refresh: Option<SecretString>,
}

impl Tokens {
    /// Whether the access token must be refreshed first (there is a refresh token, and the
    /// access token is missing, of unknown expiry, or has less than 20 minutes left).
    fn needs_refresh(&self, now: SystemTime) -> bool {
        self.refresh.is_some()
            && (self.access.is_none()
                || self.access_expiration.is_none_or(|e| {
                    e.duration_since(now).unwrap_or_default() <= TOKEN_REFRESH_MARGIN
                }))
    }

    fn secrets(&self) -> Vec<&str> {
        [&self.access, &self.refresh]
            .into_iter()
            .flatten()
            .map(SecretString::expose_secret)
            .collect()
    }
}

struct OAuthFetcher {
    base: String,
    client_id: &'static str,
    tokens: Mutex<Tokens>,
    profile: Option<ProfileLocation>,
    http: HttpClient,
    time: SharedTimeSource,
}

impl fmt::Debug for OAuthFetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthFetcher")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for OAuthFetcher {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(self.fetch())
    }

    fn name(&self) -> &'static str {
        NAME
    }
}

fn failed(message: String) -> CredentialsError {
    CredentialsError::provider_failed(NAME, message)
}

impl OAuthFetcher {
    fn tokens(&self) -> Tokens {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn set_tokens(&self, tokens: Tokens) {
        *self.tokens.lock().unwrap_or_else(PoisonError::into_inner) = tokens;
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let mut tokens = self.tokens();
        let mut refreshed = false;
        if tokens.needs_refresh(self.time.now()) {
            tokens = self.reload(tokens).await;
            if tokens.needs_refresh(self.time.now()) {
                tokens = self.refresh_token(&tokens).await?;
                refreshed = true;
            }
            self.set_tokens(tokens.clone());
        }
        let credentials = self.exchange(&tokens).await;
        if let Some(location) = &self.profile {
            match &credentials {
                Ok(credentials) => write_back(location, &tokens, Some(credentials)).await,
                // A rotated refresh token must not be lost with a failed exchange.
                Err(_) if refreshed => write_back(location, &tokens, None).await,
                Err(_) => {}
            }
        }
        credentials
    }

    /// The tokens of the profile, when it holds newer ones than `tokens` (another process
    /// refreshed them).
    async fn reload(&self, tokens: Tokens) -> Tokens {
        let Some(location) = &self.profile else {
            return tokens;
        };
        let profile = match cli_file::read_profile_async(location).await {
            Ok(profile) => profile,
            Err(e) => {
                tracing::debug!(provider = NAME, profile = %location, error = %e, "could not read the profile again");
                return tokens;
            }
        };
        let text = |key: &str| {
            profile
                .get(key)
                .and_then(serde_json::Value::as_str)
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(SecretString::new)
        };
        let expiration = profile
            .get("oauth_access_token_expire")
            .and_then(lenient_seconds)
            .map(|s| SystemTime::UNIX_EPOCH + Duration::from_secs(s));
        let mut reloaded = tokens.clone();
        if let (Some(access), Some(expiration)) = (text("oauth_access_token"), expiration)
            && tokens
                .access_expiration
                .is_none_or(|ours| expiration > ours)
        {
            reloaded.access = Some(access);
            reloaded.access_expiration = Some(expiration);
        }
        if let Some(refresh) = text("oauth_refresh_token") {
            reloaded.refresh = Some(refresh);
        }
        reloaded
    }

    /// `POST /v1/token`: new access and refresh tokens.
    async fn refresh_token(&self, tokens: &Tokens) -> Result<Tokens, CredentialsError> {
        let Some(refresh) = &tokens.refresh else {
            return Ok(tokens.clone());
        };
        let url = format!("{}/v1/token", self.base);
        let now = self.time.now();
        let timestamp = format_timestamp(now)
            .map_err(|e| failed("the clock is out of range".to_owned()).with_source(e))?;
        let form = form_urlencode(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.expose_secret()),
            ("client_id", self.client_id),
            ("Timestamp", &timestamp),
        ]);
        let response = post(
            &self.http,
            NAME,
            &url,
            &[(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            )],
            Bytes::from(form),
        )
        .await?;
        if response.status() != http::StatusCode::OK {
            let hint = if response.status().is_client_error() {
                " (the refresh token may have expired or been revoked: sign in again with `aliyun configure --mode OAuth`)"
            } else {
                ""
            };
            return Err(failed(format!(
                "refreshing the OAuth token: POST {url} answered {}{hint}",
                describe_failure(&response, &tokens.secrets())
            )));
        }
        let object = parse_object(response.body())
            .map_err(|e| failed(format!("refreshing the OAuth token: POST {url}: {e}")))?;
        let (Some(access), Some(refresh)) = (
            optional_string(&object, "access_token"),
            optional_string(&object, "refresh_token"),
        ) else {
            return Err(failed(format!(
                "refreshing the OAuth token: POST {url}: the answer lacks `access_token` or `refresh_token`"
            )));
        };
        let lifetime = object
            .get("expires_in")
            .and_then(lenient_seconds)
            .map_or(DEFAULT_TOKEN_LIFETIME, Duration::from_secs);
        tracing::debug!(provider = NAME, "refreshed the OAuth access token");
        Ok(Tokens {
            access: Some(SecretString::new(access)),
            access_expiration: now.checked_add(lifetime),
            refresh: Some(SecretString::new(refresh)),
        })
    }

    /// `POST /v1/exchange`: STS credentials for the access token.
    async fn exchange(&self, tokens: &Tokens) -> Result<Credentials, CredentialsError> {
        let url = format!("{}/v1/exchange", self.base);
        let token = tokens
            .access
            .clone()
            .unwrap_or_else(|| SecretString::new(""));
        let authorization = bearer(&token).ok_or_else(|| {
            CredentialsError::invalid_configuration(
                NAME,
                "the OAuth access token cannot be sent in a header (a line break or a control character)",
            )
        })?;
        let response = post(
            &self.http,
            NAME,
            &url,
            &[
                (CONTENT_TYPE, HeaderValue::from_static("application/json")),
                (AUTHORIZATION, authorization),
            ],
            Bytes::new(),
        )
        .await?;
        if response.status() != http::StatusCode::OK {
            let hint = if matches!(response.status().as_u16(), 401 | 403) {
                " (the access token may have expired or been revoked: sign in again with `aliyun configure --mode OAuth`)"
            } else {
                ""
            };
            return Err(failed(format!(
                "POST {url} answered {}{hint}",
                describe_failure(&response, &tokens.secrets())
            )));
        }
        let object =
            parse_object(response.body()).map_err(|e| failed(format!("POST {url}: {e}")))?;
        if object.contains_key("error") {
            return Err(failed(format!(
                "POST {url} answered {}",
                describe_failure(&response, &tokens.secrets())
            )));
        }
        credentials_in(&object, "", NAME).map_err(|e| failed(format!("POST {url}: {e}")))
    }
}

/// Writes the tokens (and the STS credentials) into the profile, as the official SDKs do; a
/// failure is logged (without a secret) and does not fail the call.
async fn write_back(
    location: &ProfileLocation,
    tokens: &Tokens,
    credentials: Option<&Credentials>,
) {
    let secret = |t: &Option<SecretString>| {
        t.as_ref()
            .map_or_else(String::new, |t| t.expose_secret().to_owned())
    };
    let mut fields: Vec<(&'static str, serde_json::Value)> = vec![
        ("oauth_refresh_token", secret(&tokens.refresh).into()),
        ("oauth_access_token", secret(&tokens.access).into()),
        (
            "oauth_access_token_expire",
            tokens
                .access_expiration
                .and_then(unix_seconds)
                .unwrap_or_default()
                .into(),
        ),
    ];
    if let Some(credentials) = credentials {
        fields.extend([
            ("access_key_id", credentials.access_key_id().into()),
            ("access_key_secret", credentials.access_key_secret().into()),
            (
                "sts_token",
                credentials.security_token().unwrap_or_default().into(),
            ),
            (
                "sts_expiration",
                credentials
                    .expiration()
                    .and_then(unix_seconds)
                    .unwrap_or_default()
                    .into(),
            ),
        ]);
    }
    if let Err(e) = cli_file::write_profile_fields_async(location, fields).await {
        tracing::warn!(provider = NAME, profile = %location, error = %e, "could not write the OAuth tokens back into the profile");
    }
}
