//! Credentials from the aliyun CLI's configuration file, `~/.aliyun/config.json`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Deserializer};

use super::cli_file::ProfileLocation;
use super::cloud_sso::{CloudSsoProvider, CloudSsoSettings};
use super::ecs::EcsRamRoleProvider;
use super::external::ExternalProvider;
use super::files;
use super::oauth::{OAuthProvider, OAuthSettings, OAuthSite};
use super::oidc::{OidcRoleArnProvider, OidcSettings};
use super::provider_config::ProviderConfig;
use super::ram_role_arn::{AssumeRoleSettings, RamRoleArnProvider};
use super::{
    Credentials, CredentialsError, CredentialsErrorKind, ProvideCredentials,
    ProvideCredentialsFuture, SharedCredentialsProvider,
};
use crate::scrub::Scrubber;

/// The variable holding the path of the CLI configuration file.
pub const CONFIG_FILE_VAR: &str = "ALIBABA_CLOUD_CONFIG_FILE";
/// The variable naming the profile (of the CLI file and of the INI credentials file).
pub const PROFILE_VAR: &str = "ALIBABA_CLOUD_PROFILE";
/// The variable that, set to `true`, turns the CLI profile provider off.
pub const CLI_PROFILE_DISABLED_VAR: &str = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";

const NAME: &str = "cli_profile";
/// The deepest chain of `source_profile`s followed.
const MAX_SOURCE_DEPTH: usize = 8;

/// The file's shape. Unknown keys are ignored; `null` is the same as absent.
#[derive(Default, Deserialize)]
#[serde(default)]
struct CliConfig {
    current: Option<String>,
    profiles: Vec<CliProfile>,
}

/// One profile; only the fields the credential modes use.
#[derive(Default, Deserialize)]
#[serde(default)]
struct CliProfile {
    name: Option<String>,
    mode: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    sts_token: Option<String>,
    ram_role_name: Option<String>,
    ram_role_arn: Option<String>,
    ram_session_name: Option<String>,
    /// The Python SDK's name for `ram_session_name` in OIDC profiles.
    role_session_name: Option<String>,
    source_profile: Option<String>,
    external_id: Option<String>,
    policy: Option<String>,
    sts_region: Option<String>,
    #[serde(deserialize_with = "lenient_bool")]
    enable_vpc: bool,
    #[serde(deserialize_with = "lenient_u32")]
    expired_seconds: Option<u32>,
    oidc_provider_arn: Option<String>,
    oidc_token_file: Option<String>,
    region_id: Option<String>,
    cloud_sso_sign_in_url: Option<String>,
    cloud_sso_account_id: Option<String>,
    cloud_sso_access_config: Option<String>,
    /// The CloudSSO portal's access token.
    access_token: Option<String>,
    #[serde(deserialize_with = "lenient_seconds")]
    cloud_sso_access_token_expire: Option<u64>,
    oauth_site_type: Option<String>,
    oauth_refresh_token: Option<String>,
    oauth_access_token: Option<String>,
    #[serde(deserialize_with = "lenient_seconds")]
    oauth_access_token_expire: Option<u64>,
    process_command: Option<String>,
}

/// `true`, `"true"` (any case); anything else is false.
fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Bool(b) => b,
        serde_json::Value::String(s) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    })
}

/// A number of seconds: a number or a numeric string; `null`, `""` and `0` mean unset.
fn lenient_seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    use serde::de::Error;
    let value = match serde_json::Value::deserialize(d)? {
        serde_json::Value::Null => return Ok(None),
        serde_json::Value::String(s) if s.trim().is_empty() => return Ok(None),
        value => super::cloud_sso::lenient_seconds(&value),
    };
    match value {
        Some(0) => Ok(None),
        Some(n) => Ok(Some(n)),
        None => Err(D::Error::custom("expected a number of seconds")),
    }
}

/// [`lenient_seconds`] that fits a `u32` (a session duration).
fn lenient_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    use serde::de::Error;
    lenient_seconds(d)?
        .map(u32::try_from)
        .transpose()
        .map_err(|_| D::Error::custom("expected a number of seconds"))
}

/// `seconds` after the Unix epoch.
fn unix_time(seconds: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(seconds)
}

/// Trimmed, non-empty.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Where the file is and which profile to use.
struct Selection {
    path: PathBuf,
    /// The path was given (explicitly or by variable): its absence is an error.
    path_explicit: bool,
    /// The profile name given (explicitly or by variable); else the file's `current`.
    profile: Option<String>,
}

fn select(
    config: &ProviderConfig,
    path: Option<&Path>,
    profile: Option<&str>,
) -> Result<Selection, CredentialsError> {
    let env = config.env();
    let (path, path_explicit) = match (path, env.get(CONFIG_FILE_VAR)) {
        (Some(path), _) => (path.to_path_buf(), true),
        (None, Some(path)) => (PathBuf::from(path), true),
        (None, None) => match config.home_dir() {
            Some(home) => (home.join(".aliyun").join("config.json"), false),
            None => {
                return Err(CredentialsError::not_configured(
                    NAME,
                    "no home directory (HOME and USERPROFILE are not set)",
                ));
            }
        },
    };
    let profile = profile.map(str::to_string).or_else(|| env.get(PROFILE_VAR));
    Ok(Selection {
        path,
        path_explicit,
        profile,
    })
}

/// Reads and parses the file, blocking. A missing file at the default path means "not
/// configured". For synchronous callers only (the region lookup); the provider reads it with
/// [`load_async`].
fn load(selection: &Selection) -> Result<CliConfig, CredentialsError> {
    let text = std::fs::read_to_string(&selection.path).map_err(|e| read_error(selection, e))?;
    parse(selection, &text)
}

/// [`load`] with the file read off the async runtime's worker thread.
async fn load_async(selection: &Selection) -> Result<CliConfig, CredentialsError> {
    let text = files::read_to_string(&selection.path)
        .await
        .map_err(|e| read_error(selection, e))?;
    parse(selection, &text)
}

fn read_error(selection: &Selection, e: std::io::Error) -> CredentialsError {
    let shown = selection.path.display();
    if e.kind() == std::io::ErrorKind::NotFound && !selection.path_explicit {
        return CredentialsError::not_configured(NAME, format!("`{shown}` does not exist"));
    }
    CredentialsError::invalid_configuration(NAME, format!("cannot read `{shown}`")).with_source(e)
}

fn parse(selection: &Selection, text: &str) -> Result<CliConfig, CredentialsError> {
    let shown = selection.path.display();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, CliConfig>(&mut deserializer).map_err(|e| {
        let inner = e.inner();
        let at = format!("line {}, column {}", inner.line(), inner.column());
        // The inner message may quote a value (a secret): only the path and position are shown.
        let what = match inner.classify() {
            serde_json::error::Category::Data => {
                format!("`{}` has an unexpected type or value ({at})", e.path())
            }
            _ => format!("it is not valid JSON ({at})"),
        };
        CredentialsError::invalid_configuration(NAME, format!("malformed `{shown}`: {what}"))
    })
}

impl CliConfig {
    /// The selected profile's name: explicit, else `current`, else `default`.
    fn selected_name(&self, selection: &Selection) -> String {
        selection
            .profile
            .clone()
            .or_else(|| present(&self.current).map(str::to_string))
            .unwrap_or_else(|| "default".to_string())
    }

    fn profile(&self, name: &str) -> Option<&CliProfile> {
        self.profiles
            .iter()
            .find(|p| present(&p.name) == Some(name))
    }
}

/// The `region_id` of the profile the CLI provider would select, with a description of where
/// it was found; `None` when there is no file, no such profile, or no region in it.
pub(crate) fn profile_region(config: &ProviderConfig) -> Option<(String, String)> {
    if config.env().flag(CLI_PROFILE_DISABLED_VAR) {
        return None;
    }
    let selection = select(config, None, None).ok()?;
    let file = load(&selection).ok()?;
    let name = file.selected_name(&selection);
    let region = present(&file.profile(&name)?.region_id)?.to_string();
    Some((
        region,
        format!(
            "region_id of profile `{name}` in `{}`",
            selection.path.display()
        ),
    ))
}

/// Credentials from a profile of the aliyun CLI's `config.json`.
///
/// The file is `ALIBABA_CLOUD_CONFIG_FILE`, else `<home>/.aliyun/config.json`; the profile is
/// `ALIBABA_CLOUD_PROFILE`, else the file's `current`, else `default`. Modes: `AK`,
/// `StsToken`, `RamRoleArn`, `EcsRamRole`, `OIDC`, `ChainableRamRoleArn` (its
/// `source_profile` resolved recursively), `CloudSSO` ([`CloudSsoProvider`]), `OAuth`
/// ([`OAuthProvider`], whose refreshed tokens are written back into the file) and `External`
/// ([`ExternalProvider`], whose credentials are written back). The file is read on first use
/// (on tokio's blocking pool); once a profile has been resolved its provider (with its cache)
/// is kept.
/// `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true` turns the provider off.
pub struct CliProfileProvider {
    config: ProviderConfig,
    path: Option<PathBuf>,
    profile: Option<String>,
    /// Set once a profile has been resolved; concurrent first calls share one resolution.
    resolved: tokio::sync::OnceCell<Resolved>,
}

/// The provider a profile file resolved to, and where it came from (for its errors). Shared
/// by the aliyun CLI profile and the INI credentials file providers.
#[derive(Clone)]
pub(crate) struct Resolved {
    pub(crate) provider: SharedCredentialsProvider,
    pub(crate) context: String,
}

impl Resolved {
    /// Credentials from the resolved provider, its errors placed in the file's context.
    pub(crate) async fn provide(
        &self,
        name: &'static str,
    ) -> Result<Credentials, CredentialsError> {
        self.provider
            .provide_credentials()
            .await
            .map_err(|e| e.in_context(name, &self.context))
    }
}

impl CliProfileProvider {
    /// A provider that reads the file and profile named by the environment of `config`.
    pub fn new(config: &ProviderConfig) -> Self {
        Self {
            config: config.clone(),
            path: None,
            profile: None,
            resolved: tokio::sync::OnceCell::new(),
        }
    }

    /// Reads `path` instead of the file the environment names.
    #[must_use]
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Uses the profile `name` instead of the one the environment or the file selects.
    #[must_use]
    pub fn with_profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    async fn resolved(&self) -> Result<&Resolved, CredentialsError> {
        self.resolved.get_or_try_init(|| self.resolve()).await
    }

    async fn resolve(&self) -> Result<Resolved, CredentialsError> {
        if self.config.env().flag(CLI_PROFILE_DISABLED_VAR) {
            return Err(CredentialsError::not_configured(
                NAME,
                format!("disabled by {CLI_PROFILE_DISABLED_VAR}=true"),
            ));
        }
        let selection = select(&self.config, self.path.as_deref(), self.profile.as_deref())?;
        let file = load_async(&selection).await?;
        let resolved = file.resolve(&selection, &self.config)?;
        tracing::debug!(context = %resolved.context, "resolved the aliyun CLI profile");
        Ok(resolved)
    }
}

impl CliConfig {
    /// The provider of the selected profile, and where it came from. Errors name the file,
    /// the profile and the field; a value they quote (a mistyped mode) is scrubbed of the
    /// file's secrets.
    fn resolve(
        &self,
        selection: &Selection,
        config: &ProviderConfig,
    ) -> Result<Resolved, CredentialsError> {
        let name = self.selected_name(selection);
        let builder = ProfileBuilder {
            file: self,
            path: &selection.path,
            config,
        };
        let provider = builder
            .build(&name, &mut Vec::new())
            .map_err(|e| e.scrubbed(&self.scrubber()))?;
        let mode = self
            .profile(&name)
            .and_then(|p| present(&p.mode))
            .unwrap_or_default();
        let context = format!(
            "profile `{name}` (mode {mode}) of `{}`",
            selection.path.display()
        );
        Ok(Resolved {
            provider,
            context: self.scrubber().text(&context).into_owned(),
        })
    }

    /// Removes the file's secrets (AccessKey secrets, STS tokens, CloudSSO and OAuth tokens,
    /// and External commands, whose arguments may hold a token) from a message.
    fn scrubber(&self) -> Scrubber {
        Scrubber::of_values(
            self.profiles
                .iter()
                .flat_map(|p| {
                    [
                        p.access_key_secret.as_deref(),
                        p.sts_token.as_deref(),
                        p.access_token.as_deref(),
                        p.oauth_access_token.as_deref(),
                        p.oauth_refresh_token.as_deref(),
                        p.process_command.as_deref(),
                    ]
                })
                .flatten(),
        )
    }
}

/// The provider the CLI configuration `text` gives for `profile` (else its `current`), as
/// [`CliProfileProvider`] resolves it, without reading a file (for fuzzing).
pub(crate) fn resolve_text(
    text: &str,
    profile: Option<&str>,
    config: &ProviderConfig,
) -> Result<SharedCredentialsProvider, CredentialsError> {
    let selection = Selection {
        path: PathBuf::from("config.json"),
        path_explicit: true,
        profile: profile.map(str::to_owned),
    };
    let file = parse(&selection, text)?;
    Ok(file.resolve(&selection, config)?.provider)
}

impl fmt::Debug for CliProfileProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CliProfileProvider")
            .field("path", &self.path)
            .field("profile", &self.profile)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for CliProfileProvider {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(async move { self.resolved().await?.provide(NAME).await })
    }

    /// The resolved profile's credentials at hand, once the file was read.
    fn credentials_now(&self) -> Option<Credentials> {
        self.resolved.get()?.provider.credentials_now()
    }

    fn name(&self) -> &'static str {
        NAME
    }

    fn official_name(&self) -> std::borrow::Cow<'static, str> {
        match self.resolved.get() {
            Some(resolved) => format!("{NAME}/{}", resolved.provider.official_name()).into(),
            None => NAME.into(),
        }
    }
}

/// Turns profiles into providers.
struct ProfileBuilder<'a> {
    file: &'a CliConfig,
    path: &'a Path,
    config: &'a ProviderConfig,
}

impl ProfileBuilder<'_> {
    fn invalid(&self, profile: &str, what: impl fmt::Display) -> CredentialsError {
        CredentialsError::invalid_configuration(
            NAME,
            format!("{what} in profile `{profile}` of `{}`", self.path.display()),
        )
    }

    fn required<'p>(
        &self,
        profile: &str,
        value: &'p Option<String>,
        field: &str,
    ) -> Result<&'p str, CredentialsError> {
        present(value).ok_or_else(|| self.invalid(profile, format_args!("missing field `{field}`")))
    }

    fn build(
        &self,
        name: &str,
        visiting: &mut Vec<String>,
    ) -> Result<SharedCredentialsProvider, CredentialsError> {
        if visiting.iter().any(|v| v == name) || visiting.len() >= MAX_SOURCE_DEPTH {
            visiting.push(name.to_string());
            return Err(CredentialsError::invalid_configuration(
                NAME,
                format!(
                    "the source_profile chain {} of `{}` loops or is too deep",
                    visiting.join(" -> "),
                    self.path.display()
                ),
            ));
        }
        visiting.push(name.to_string());
        let Some(profile) = self.file.profile(name) else {
            let known: Vec<&str> = self
                .file
                .profiles
                .iter()
                .filter_map(|p| present(&p.name))
                .collect();
            return Err(CredentialsError::invalid_configuration(
                NAME,
                format!(
                    "no profile `{name}` in `{}` (profiles: {})",
                    self.path.display(),
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ),
            ));
        };
        let mode = self.required(name, &profile.mode, "mode")?;
        let context = |e: CredentialsError| self.wrap(name, mode, e);
        let provider = match mode {
            "AK" => SharedCredentialsProvider::new(self.access_key(name, profile)?),
            "StsToken" => {
                let token = self.required(name, &profile.sts_token, "sts_token")?;
                SharedCredentialsProvider::new(
                    self.access_key(name, profile)?.with_security_token(token),
                )
            }
            "RamRoleArn" => {
                let source = SharedCredentialsProvider::new(self.access_key(name, profile)?);
                self.ram_role(name, mode, profile, source)?
            }
            "ChainableRamRoleArn" => {
                let source_name = self.required(name, &profile.source_profile, "source_profile")?;
                let source = self.build(source_name, visiting)?;
                self.ram_role(name, mode, profile, source)?
            }
            "EcsRamRole" => SharedCredentialsProvider::new(
                EcsRamRoleProvider::new(
                    present(&profile.ram_role_name).map(str::to_string),
                    self.config,
                )
                .map_err(context)?,
            ),
            "OIDC" => {
                let mut settings = OidcSettings::new(
                    self.required(name, &profile.ram_role_arn, "ram_role_arn")?,
                    self.required(name, &profile.oidc_provider_arn, "oidc_provider_arn")?,
                    self.required(name, &profile.oidc_token_file, "oidc_token_file")?,
                );
                settings.role_session_name = present(&profile.ram_session_name)
                    .or(present(&profile.role_session_name))
                    .map(str::to_string);
                settings.duration_seconds = profile.expired_seconds;
                settings.policy = present(&profile.policy).map(str::to_string);
                settings.sts_region = present(&profile.sts_region).map(str::to_string);
                settings.enable_vpc = profile.enable_vpc;
                SharedCredentialsProvider::new(
                    OidcRoleArnProvider::new(settings, self.config).map_err(context)?,
                )
            }
            "CloudSSO" => {
                let settings = CloudSsoSettings::new(
                    self.required(
                        name,
                        &profile.cloud_sso_sign_in_url,
                        "cloud_sso_sign_in_url",
                    )?,
                    self.required(name, &profile.cloud_sso_account_id, "cloud_sso_account_id")?,
                    self.required(
                        name,
                        &profile.cloud_sso_access_config,
                        "cloud_sso_access_config",
                    )?,
                    self.required(name, &profile.access_token, "access_token")?,
                    unix_time(profile.cloud_sso_access_token_expire.ok_or_else(|| {
                        self.invalid(name, "missing field `cloud_sso_access_token_expire`")
                    })?),
                );
                SharedCredentialsProvider::new(
                    CloudSsoProvider::for_profile(settings, self.config, self.location(name))
                        .map_err(context)?,
                )
            }
            "OAuth" => {
                let site_type = self.required(name, &profile.oauth_site_type, "oauth_site_type")?;
                let site = OAuthSite::from_site_type(site_type).ok_or_else(|| {
                    self.invalid(name, "invalid `oauth_site_type` (expected CN or INTL)")
                })?;
                let mut settings = OAuthSettings::new(site);
                settings.access_token = present(&profile.oauth_access_token).map(Into::into);
                settings.access_token_expiration = profile.oauth_access_token_expire.map(unix_time);
                settings.refresh_token = present(&profile.oauth_refresh_token).map(Into::into);
                SharedCredentialsProvider::new(
                    OAuthProvider::for_profile(settings, self.config, self.location(name))
                        .map_err(context)?,
                )
            }
            "External" => {
                let command = self.required(name, &profile.process_command, "process_command")?;
                SharedCredentialsProvider::new(
                    ExternalProvider::for_profile(command, self.config, self.location(name))
                        .map_err(context)?,
                )
            }
            other => {
                return Err(self.invalid(
                    name,
                    format_args!(
                        "unsupported mode `{other}` (supported: AK, StsToken, RamRoleArn, EcsRamRole, OIDC, ChainableRamRoleArn, CloudSSO, OAuth, External)"
                    ),
                ));
            }
        };
        visiting.pop();
        Ok(provider)
    }

    /// Where profile `name` is, for the providers that read it again or write it back.
    fn location(&self, name: &str) -> ProfileLocation {
        ProfileLocation {
            path: self.path.to_path_buf(),
            name: name.to_owned(),
        }
    }

    fn access_key(
        &self,
        name: &str,
        profile: &CliProfile,
    ) -> Result<Credentials, CredentialsError> {
        let id = self.required(name, &profile.access_key_id, "access_key_id")?;
        let secret = self.required(name, &profile.access_key_secret, "access_key_secret")?;
        Ok(Credentials::from_provider(id, secret, NAME)?.with_provider_name(NAME))
    }

    /// An error of a provider built for profile `name`, in that profile's context ("not
    /// configured" becomes "invalid": the profile asked for it).
    fn wrap(&self, name: &str, mode: &str, e: CredentialsError) -> CredentialsError {
        let kind = match e.kind() {
            CredentialsErrorKind::NotConfigured => CredentialsErrorKind::InvalidConfiguration,
            kind => kind,
        };
        CredentialsError::new(
            kind,
            NAME,
            format!(
                "profile `{name}` (mode {mode}) of `{}`",
                self.path.display()
            ),
        )
        .with_source(e)
    }

    fn ram_role(
        &self,
        name: &str,
        mode: &str,
        profile: &CliProfile,
        source: SharedCredentialsProvider,
    ) -> Result<SharedCredentialsProvider, CredentialsError> {
        let mut settings =
            AssumeRoleSettings::new(self.required(name, &profile.ram_role_arn, "ram_role_arn")?);
        settings.role_session_name = present(&profile.ram_session_name).map(str::to_string);
        settings.duration_seconds = profile.expired_seconds;
        settings.policy = present(&profile.policy).map(str::to_string);
        settings.external_id = present(&profile.external_id).map(str::to_string);
        settings.sts_region = present(&profile.sts_region).map(str::to_string);
        settings.enable_vpc = profile.enable_vpc;
        let provider = RamRoleArnProvider::new(source, settings, self.config)
            .map_err(|e| self.wrap(name, mode, e))?;
        Ok(SharedCredentialsProvider::new(provider))
    }
}
