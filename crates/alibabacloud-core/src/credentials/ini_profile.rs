//! Credentials from the INI credentials file, `~/.alibabacloud/credentials`.

use std::fmt;
use std::path::PathBuf;

use ini::{Ini, ParseOption, Properties};

use super::cli_profile::{PROFILE_VAR, Resolved};
use super::ecs::EcsRamRoleProvider;
use super::files;
use super::provider_config::ProviderConfig;
use super::ram_role_arn::{AssumeRoleSettings, RamRoleArnProvider};
use super::{
    Credentials, CredentialsError, CredentialsErrorKind, ProvideCredentials,
    ProvideCredentialsFuture, SharedCredentialsProvider,
};
use crate::scrub::Scrubber;

/// The variable holding the path of the INI credentials file.
pub const CREDENTIALS_FILE_VAR: &str = "ALIBABA_CLOUD_CREDENTIALS_FILE";

const NAME: &str = "ini_profile";

/// Credentials from a section of the INI credentials file.
///
/// The file is `ALIBABA_CLOUD_CREDENTIALS_FILE`, else `<home>/.alibabacloud/credentials`; the
/// section is `ALIBABA_CLOUD_PROFILE`, else `default`. Its `type` is one of:
///
/// | `type` | keys |
/// |---|---|
/// | `access_key` | `access_key_id`, `access_key_secret` |
/// | `ecs_ram_role` | `role_name` |
/// | `ram_role_arn` | `access_key_id`, `access_key_secret`, `role_arn`, optional `role_session_name`, `policy` (session of 3600 s) |
///
/// ```ini
/// [default]
/// type = access_key
/// access_key_id = LTAI...
/// access_key_secret = ...
/// ```
///
/// Values may be quoted; a `#` or `;` after whitespace starts a comment; backslashes are kept
/// as they are. The file is read on first use (on tokio's blocking pool); once a section has
/// been resolved its provider (with its cache) is kept.
pub struct IniProfileProvider {
    config: ProviderConfig,
    path: Option<PathBuf>,
    profile: Option<String>,
    /// Set once a section has been resolved; concurrent first calls share one resolution.
    resolved: tokio::sync::OnceCell<Resolved>,
}

impl IniProfileProvider {
    /// A provider that reads the file and section named by the environment of `config`.
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

    /// Uses the section `name` instead of the one the environment selects.
    #[must_use]
    pub fn with_profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    async fn resolved(&self) -> Result<&Resolved, CredentialsError> {
        self.resolved.get_or_try_init(|| self.resolve()).await
    }

    async fn resolve(&self) -> Result<Resolved, CredentialsError> {
        let env = self.config.env();
        let (path, explicit) = match (&self.path, env.get(CREDENTIALS_FILE_VAR)) {
            (Some(path), _) => (path.clone(), true),
            (None, Some(path)) => (PathBuf::from(path), true),
            (None, None) => match self.config.home_dir() {
                Some(home) => (home.join(".alibabacloud").join("credentials"), false),
                None => {
                    return Err(CredentialsError::not_configured(
                        NAME,
                        "no home directory (HOME and USERPROFILE are not set)",
                    ));
                }
            },
        };
        let section = self
            .profile
            .clone()
            .or_else(|| env.get(PROFILE_VAR))
            .unwrap_or_else(|| "default".to_string());
        let shown = path.display().to_string();
        let text = match files::read_to_string(&path).await {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {
                return Err(CredentialsError::not_configured(
                    NAME,
                    format!("`{shown}` does not exist"),
                ));
            }
            Err(e) => {
                return Err(CredentialsError::invalid_configuration(
                    NAME,
                    format!("cannot read `{shown}`"),
                )
                .with_source(e));
            }
        };
        let provider = parse(&text, &section, &shown, &self.config)?;
        Ok(Resolved {
            provider,
            context: format!("section `[{section}]` of `{shown}`"),
        })
    }
}

/// The provider that section `section` of the INI text `text` (read from `shown`) describes.
/// Errors name the file, the section and the key, never a value that may hold a secret.
pub(crate) fn parse(
    text: &str,
    section: &str,
    shown: &str,
    config: &ProviderConfig,
) -> Result<SharedCredentialsProvider, CredentialsError> {
    // Whatever goes wrong, the message must not hold a secret of the file: the values of
    // `access_key_secret` as parsed, and as written on any line (a line the parser read
    // into something else, a section name or another value, is still the user's secret).
    let mut secrets: Vec<String> = text
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once('=')?;
            (key.trim() == "access_key_secret").then(|| value.trim().trim_matches(['"', '\'']))
        })
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect();
    let result = parse_section(text, section, shown, config, &mut secrets);
    result.map_err(|e| e.scrubbed(&Scrubber::of_values(secrets.iter().map(String::as_str))))
}

fn parse_section(
    text: &str,
    section: &str,
    shown: &str,
    config: &ProviderConfig,
    secrets: &mut Vec<String>,
) -> Result<SharedCredentialsProvider, CredentialsError> {
    let options = ParseOption {
        enabled_quote: true,
        enabled_escape: false,
        ..ParseOption::default()
    };
    let ini = Ini::load_from_str_opt(text, options).map_err(|e| {
        // Only the position: the parser's message may quote the line.
        CredentialsError::invalid_configuration(
            NAME,
            format!(
                "malformed `{shown}`: not valid INI (line {}, column {})",
                e.line, e.col
            ),
        )
    })?;
    let malformed = |what: String| {
        CredentialsError::invalid_configuration(NAME, format!("malformed `{shown}`: {what}"))
    };
    // Escapes are off, so a line break in a section name, a key or a value can only come from
    // a `[` or a quote not closed on its line: it holds the following lines (and their
    // secrets). Nothing of it is quoted.
    let broken = |s: &str| s.contains(['\n', '\r']);
    for (name, properties) in ini.iter() {
        if name.is_some_and(broken) {
            return Err(malformed(
                "a section name runs over several lines (a `[` or a quote not closed on its line)"
                    .to_owned(),
            ));
        }
        let section = name.map_or_else(String::new, |n| format!(" in section `[{n}]`"));
        for (key, value) in properties.iter() {
            if broken(key) {
                return Err(malformed(format!(
                    "a key{section} runs over several lines (a quote not closed on its line)"
                )));
            }
            if broken(value) {
                let line = quote_line(text, name, key)
                    .map(|n| format!(" (line {n})"))
                    .unwrap_or_default();
                return Err(malformed(format!(
                    "the value of `{key}`{section}{line} opens a quote that is not closed on its line"
                )));
            }
        }
    }
    secrets.extend(
        ini.iter()
            .flat_map(|(_, p)| p.get_all("access_key_secret"))
            .map(str::to_owned),
    );
    let Some(properties) = ini.section(Some(section)) else {
        return Err(CredentialsError::invalid_configuration(
            NAME,
            format!("no section `[{section}]` in `{shown}`"),
        ));
    };
    let reader = Section {
        properties,
        section,
        path: shown,
    };
    reader.provider(config)
}

/// The line on which `key` of `section` starts, for the message about its quote.
fn quote_line(text: &str, section: Option<&str>, key: &str) -> Option<usize> {
    let mut current: Option<&str> = None;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(name.trim());
        } else if current == section
            && let Some((k, v)) = trimmed.split_once('=')
            && k.trim() == key
            && v.contains(['"', '\''])
        {
            return Some(n + 1);
        }
    }
    None
}

impl fmt::Debug for IniProfileProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IniProfileProvider")
            .field("path", &self.path)
            .field("profile", &self.profile)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for IniProfileProvider {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(async move { self.resolved().await?.provide(NAME).await })
    }

    fn name(&self) -> &'static str {
        NAME
    }

    /// `profile/...`: the official SDKs call this provider `profile`.
    fn official_name(&self) -> std::borrow::Cow<'static, str> {
        match self.resolved.get() {
            Some(resolved) => format!("profile/{}", resolved.provider.official_name()).into(),
            None => "profile".into(),
        }
    }
}

/// One section of the file.
struct Section<'a> {
    properties: &'a Properties,
    section: &'a str,
    path: &'a str,
}

impl Section<'_> {
    fn invalid(&self, what: impl fmt::Display) -> CredentialsError {
        CredentialsError::invalid_configuration(
            NAME,
            format!("{what} in section `[{}]` of `{}`", self.section, self.path),
        )
    }

    /// The value of `key` without an inline comment; `None` when absent or empty.
    fn get(&self, key: &str) -> Option<&str> {
        let value = self.properties.get(key)?;
        let value = match value.char_indices().find(|&(i, c)| {
            (c == '#' || c == ';') && value[..i].ends_with(|p: char| p.is_whitespace())
        }) {
            Some((i, _)) => &value[..i],
            None => value,
        };
        Some(value.trim()).filter(|v| !v.is_empty())
    }

    fn required(&self, key: &str) -> Result<&str, CredentialsError> {
        self.get(key)
            .ok_or_else(|| self.invalid(format_args!("missing key `{key}`")))
    }

    fn access_key(&self) -> Result<Credentials, CredentialsError> {
        Ok(Credentials::new(
            self.required("access_key_id")?,
            self.required("access_key_secret")?,
        )
        .with_provider_name(NAME))
    }

    /// An error of a provider built for this section, in its context.
    fn wrap(&self, e: CredentialsError) -> CredentialsError {
        let kind = match e.kind() {
            CredentialsErrorKind::NotConfigured => CredentialsErrorKind::InvalidConfiguration,
            kind => kind,
        };
        CredentialsError::new(
            kind,
            NAME,
            format!("section `[{}]` of `{}`", self.section, self.path),
        )
        .with_source(e)
    }

    fn provider(
        &self,
        config: &ProviderConfig,
    ) -> Result<SharedCredentialsProvider, CredentialsError> {
        match self.required("type")? {
            "access_key" => Ok(SharedCredentialsProvider::new(self.access_key()?)),
            "ecs_ram_role" => {
                let role = self.required("role_name")?.to_string();
                let provider =
                    EcsRamRoleProvider::new(Some(role), config).map_err(|e| self.wrap(e))?;
                Ok(SharedCredentialsProvider::new(provider))
            }
            "ram_role_arn" => {
                let source = SharedCredentialsProvider::new(self.access_key()?);
                let mut settings = AssumeRoleSettings::new(self.required("role_arn")?);
                settings.role_session_name = self.get("role_session_name").map(str::to_string);
                settings.policy = self.get("policy").map(str::to_string);
                let provider =
                    RamRoleArnProvider::new(source, settings, config).map_err(|e| self.wrap(e))?;
                Ok(SharedCredentialsProvider::new(provider))
            }
            other => Err(self.invalid(format_args!(
                "unsupported type `{other}` (supported: access_key, ecs_ram_role, ram_role_arn)"
            ))),
        }
    }
}
