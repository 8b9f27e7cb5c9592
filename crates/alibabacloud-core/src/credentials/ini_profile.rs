//! Credentials from the INI credentials file, `~/.alibabacloud/credentials`.

use std::fmt;
use std::path::PathBuf;

use std::collections::HashMap;

use configparser::ini::Ini;

use super::cli_profile::{PROFILE_VAR, Resolved};
use super::ecs::EcsRamRoleProvider;
use super::files;
use super::oidc::{
    OIDC_PROVIDER_ARN_VAR, OIDC_TOKEN_FILE_VAR, OidcRoleArnProvider, OidcSettings, ROLE_ARN_VAR,
};
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
/// | `oidc_role_arn` | `role_arn`, `oidc_provider_arn`, `oidc_token_file_path` (each else its `ALIBABA_CLOUD_*` variable), optional `role_session_name`, `policy` |
///
/// `rsa_key_pair` (retired) is refused with an error that says so.
///
/// ```ini
/// [default]
/// type = access_key
/// access_key_id = LTAI...
/// access_key_secret = ...
/// ```
///
/// Lines are `[section]`, `key = value` (or `key: value`), or comments starting with `#` or
/// `;`. Values may be quoted (`"..."` or `'...'`, a quote must close on its line); outside
/// quotes a `#` or `;` after whitespace starts a comment; backslashes are kept as they are.
/// Keys and sections are case-sensitive. The file is read on first use (on tokio's blocking
/// pool); once a section has been resolved its provider (with its cache) is kept.
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
    let sections = read_sections(text).map_err(|what| {
        CredentialsError::invalid_configuration(
            NAME,
            format!("malformed `{shown}`: not valid INI ({what})"),
        )
    })?;
    secrets.extend(
        sections
            .values()
            .filter_map(|keys| keys.get("access_key_secret").cloned().flatten()),
    );
    let Some(keys) = sections.get(section) else {
        return Err(CredentialsError::invalid_configuration(
            NAME,
            format!("no section `[{section}]` in `{shown}`"),
        ));
    };
    let reader = Section {
        keys,
        text,
        section,
        path: shown,
    };
    reader.provider(config)
}

/// The key/value pairs of each section, as written (comments and quotes are handled by
/// [`Section::get`]).
type Sections = HashMap<String, HashMap<String, Option<String>>>;

/// The name under which the parser files the keys written before any section header: a
/// header's name is trimmed, so no `[...]` can select it.
const BEFORE_ANY_SECTION: &str = " (before any section)";

/// Parses the file line by line: `[section]` headers, `key = value` (or `key: value`) lines,
/// and `;` or `#` comment lines. Keys and sections are case-sensitive; a value never runs
/// over to the next line. The error names the line and what is wrong there, never its text.
fn read_sections(text: &str) -> Result<Sections, String> {
    let mut defaults = Ini::new_cs().defaults();
    defaults.default_section = BEFORE_ANY_SECTION.to_owned();
    defaults.comment_symbols = vec![';', '#'];
    defaults.delimiters = vec!['=', ':'];
    // A `#` or `;` inside a value is not a comment unless whitespace precedes it
    // ([`Section::get`] strips those), and quotes are ours to handle.
    defaults.enable_inline_comments = false;
    defaults.multiline = false;
    Ini::new_from_defaults(defaults)
        .read(text.to_owned())
        .map_err(|message| {
            // Only the line number is kept of the parser's message, and what is known of it.
            let line = message
                .strip_prefix("line ")
                .map(|rest| {
                    rest.chars()
                        .take_while(char::is_ascii_digit)
                        .collect::<String>()
                })
                .filter(|digits| !digits.is_empty());
            let what = if message.contains("bracket") {
                "a section header without its closing `]`"
            } else if message.contains("Key cannot be empty") {
                "a value without a key"
            } else {
                "unreadable"
            };
            match line {
                Some(line) => format!("line {line}: {what}"),
                None => what.to_owned(),
            }
        })
}

/// The line on which `key` of `section` starts, for the message about its quote.
fn quote_line(text: &str, section: &str, key: &str) -> Option<usize> {
    let mut current: Option<&str> = None;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|l| l.rsplit_once(']')) {
            current = Some(name.0.trim());
        } else if current == Some(section)
            && let Some(at) = trimmed.find(['=', ':'])
            && trimmed[..at].trim() == key
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

    /// The resolved profile's credentials at hand, once the file was read.
    fn credentials_now(&self) -> Option<Credentials> {
        self.resolved.get()?.provider.credentials_now()
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
    keys: &'a HashMap<String, Option<String>>,
    text: &'a str,
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

    /// The value of `key`: unquoted (`"..."` or `'...'`, kept as written inside), else
    /// without an inline comment (a `#` or `;` after whitespace); `None` when absent or
    /// empty.
    ///
    /// # Errors
    /// A quote opened and not closed on its line (naming the key, section and line).
    fn get(&self, key: &str) -> Result<Option<&str>, CredentialsError> {
        let Some(value) = self.keys.get(key).and_then(Option::as_deref) else {
            return Ok(None);
        };
        let value = value.trim();
        let value = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => match value[1..].find(quote) {
                Some(end) => &value[1..=end],
                None => {
                    let line = quote_line(self.text, self.section, key)
                        .map(|n| format!(" (line {n})"))
                        .unwrap_or_default();
                    return Err(self.invalid(format_args!(
                        "the value of `{key}`{line} opens a quote that is not closed on its line"
                    )));
                }
            },
            _ => match value
                .char_indices()
                .find(|&(i, c)| (c == '#' || c == ';') && value[..i].ends_with(char::is_whitespace))
            {
                Some((i, _)) => value[..i].trim_end(),
                None => value,
            },
        };
        Ok(Some(value.trim()).filter(|v| !v.is_empty()))
    }

    fn required(&self, key: &str) -> Result<&str, CredentialsError> {
        self.get(key)?
            .ok_or_else(|| self.invalid(format_args!("missing key `{key}`")))
    }

    /// The value of `key`, else of the environment variable `var` (as the official SDKs
    /// fall back for OIDC).
    fn required_or_env(
        &self,
        key: &str,
        var: &str,
        config: &ProviderConfig,
    ) -> Result<String, CredentialsError> {
        match self.get(key)? {
            Some(value) => Ok(value.to_owned()),
            None => config.env().get(var).ok_or_else(|| {
                self.invalid(format_args!("missing key `{key}` (and {var} is not set)"))
            }),
        }
    }

    fn access_key(&self) -> Result<Credentials, CredentialsError> {
        Ok(Credentials::from_provider(
            self.required("access_key_id")?,
            self.required("access_key_secret")?,
            NAME,
        )?
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
                settings.role_session_name = self.get("role_session_name")?.map(str::to_string);
                settings.policy = self.get("policy")?.map(str::to_string);
                let provider =
                    RamRoleArnProvider::new(source, settings, config).map_err(|e| self.wrap(e))?;
                Ok(SharedCredentialsProvider::new(provider))
            }
            "oidc_role_arn" => {
                let mut settings = OidcSettings::new(
                    self.required_or_env("role_arn", ROLE_ARN_VAR, config)?,
                    self.required_or_env("oidc_provider_arn", OIDC_PROVIDER_ARN_VAR, config)?,
                    self.required_or_env("oidc_token_file_path", OIDC_TOKEN_FILE_VAR, config)?,
                );
                settings.role_session_name = self.get("role_session_name")?.map(str::to_string);
                settings.policy = self.get("policy")?.map(str::to_string);
                let provider =
                    OidcRoleArnProvider::new(settings, config).map_err(|e| self.wrap(e))?;
                Ok(SharedCredentialsProvider::new(provider))
            }
            "rsa_key_pair" => Err(self.invalid(
                "unsupported type `rsa_key_pair`: key-pair credentials (STS \
                 `GenerateSessionAccessKey`, Japan site only) are retired and the official Go \
                 SDK no longer reads them; use `access_key`, `ram_role_arn` or `oidc_role_arn`",
            )),
            other => Err(self.invalid(format_args!(
                "unsupported type `{other}` (supported: access_key, ecs_ram_role, ram_role_arn, oidc_role_arn)"
            ))),
        }
    }
}
