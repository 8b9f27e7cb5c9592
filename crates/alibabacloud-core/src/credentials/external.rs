//! Credentials printed by a command (the aliyun CLI's `External` mode, `process_command`).

use std::fmt;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::process::Stdio;
use std::task::Poll;
use std::time::Duration;

use serde_json::Value;
use tokio::io::AsyncReadExt;

use super::cache::{CachePolicy, CachedCredentialsProvider};
use super::cli_file::{self, ProfileLocation};
use super::fields::parse_expiration;
use super::provider_config::ProviderConfig;
use super::{Credentials, CredentialsError, ProvideCredentials, ProvideCredentialsFuture};

const NAME: &str = "external";

/// How long the command may run (as the official SDKs: 60 s).
pub const DEFAULT_EXTERNAL_TIMEOUT: Duration = Duration::from_secs(60);
/// Credentials from a command are refreshed this long before they expire (as the official
/// SDKs: 180 s), or sooner if [`CacheSettings`](super::CacheSettings) say so.
pub const EXTERNAL_REFRESH_MARGIN: Duration = Duration::from_secs(180);
/// The most a command may print on its standard output.
const MAX_OUTPUT: usize = 1024 * 1024;

/// Why a command line could not be split into a program and its arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SplitError {
    Empty,
    UnclosedQuote,
    TrailingBackslash,
}

impl fmt::Display for SplitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SplitError::Empty => "the command is empty",
            SplitError::UnclosedQuote => "the command has a quote that is not closed",
            SplitError::TrailingBackslash => "the command ends with a backslash",
        })
    }
}

/// Splits a command line into a program and its arguments, without a shell, by the rules of
/// the official SDKs (credentials-go's `splitProcessCommand`):
///
/// - whitespace outside quotes separates arguments; `"..."` and `'...'` group one argument
///   (an empty pair is an empty argument);
/// - inside single quotes everything is literal;
/// - on Unix (`windows == false`), outside quotes `\` escapes the next character, and inside
///   double quotes it escapes only `"`, `\`, `$`, `` ` `` and a line break (POSIX shell
///   rules; a command ending with `\` is refused);
/// - on Windows, `\` is a path separator, kept as it is, except `\"` inside double quotes;
/// - no variable, glob or other shell syntax is interpreted.
pub(crate) fn split_command(command: &str, windows: bool) -> Result<Vec<String>, SplitError> {
    let mut args = Vec::new();
    let mut current = String::new();
    // An argument has started (even an empty quoted one).
    let mut started = false;
    let mut chars = command.trim().chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some('\'') => {
                if c == '\'' {
                    quote = None;
                } else {
                    current.push(c);
                }
            }
            Some(_) => {
                if c == '"' {
                    quote = None;
                } else if c == '\\'
                    && let Some(&next) = chars.peek()
                    && (next == '"' || (!windows && matches!(next, '\\' | '$' | '`' | '\n')))
                {
                    current.push(next);
                    chars.next();
                } else {
                    current.push(c);
                }
            }
            None => match c {
                '\\' if windows => {
                    current.push(c);
                    started = true;
                }
                '\\' => {
                    current.push(chars.next().ok_or(SplitError::TrailingBackslash)?);
                    started = true;
                }
                '\'' | '"' => {
                    quote = Some(c);
                    started = true;
                }
                c if c.is_whitespace() => {
                    if started {
                        args.push(std::mem::take(&mut current));
                        started = false;
                    }
                }
                c => {
                    current.push(c);
                    started = true;
                }
            },
        }
    }
    if quote.is_some() {
        return Err(SplitError::UnclosedQuote);
    }
    if started {
        args.push(current);
    }
    match args.first() {
        Some(program) if !program.is_empty() => Ok(args),
        _ => Err(SplitError::Empty),
    }
}

/// Credentials printed by a command, as the aliyun CLI's `External` mode gets them.
///
/// The command is split into a program and its arguments as the official SDKs split it,
/// without a shell (whitespace separates arguments; `"..."` and `'...'` group one; on Unix `\`
/// escapes as in a POSIX shell; on Windows it is kept; nothing is expanded), and run with the
/// environment of the process, no standard input, and a timeout (60 s by default), after
/// which it is killed. It must print, on its standard output, a JSON object:
///
/// ```json
/// {"mode": "StsToken", "access_key_id": "STS.…", "access_key_secret": "…",
///  "sts_token": "…", "expiration": "2025-01-02T15:04:05Z"}
/// ```
///
/// `sts_token` is required when `mode` is `StsToken`; `expiration` is optional. Credentials
/// with an expiration are cached and refreshed (in the background) 3 minutes before it; without
/// one, as in the official SDKs, the command is run again for every call (concurrent calls
/// share one run).
///
/// Errors name the program (never its arguments, which may hold a token) and say what was
/// wrong (exit status, timeout, a field missing or of the wrong type, the position of a JSON
/// error); they never quote what the command printed, on either stream: its standard error is
/// read and counted, never shown or logged.
pub struct ExternalProvider {
    cached: CachedCredentialsProvider<ExternalFetcher>,
}

impl ExternalProvider {
    /// A provider that runs `command` (split as described above).
    ///
    /// # Errors
    /// An empty command, an unclosed quote, a trailing backslash
    /// ([`InvalidConfiguration`](super::CredentialsErrorKind::InvalidConfiguration)).
    pub fn new(command: &str, config: &ProviderConfig) -> Result<Self, CredentialsError> {
        Self::build(command, config, None)
    }

    /// The provider of an aliyun CLI profile: the credentials are written back into the
    /// profile (as the official SDKs do).
    pub(crate) fn for_profile(
        command: &str,
        config: &ProviderConfig,
        location: ProfileLocation,
    ) -> Result<Self, CredentialsError> {
        Self::build(command, config, Some(location))
    }

    fn build(
        command: &str,
        config: &ProviderConfig,
        write_back: Option<ProfileLocation>,
    ) -> Result<Self, CredentialsError> {
        let argv = split_command(command, cfg!(windows)).map_err(|e| {
            CredentialsError::invalid_configuration(NAME, format!("invalid `process_command`: {e}"))
        })?;
        let settings = *config.cache_settings();
        let settings =
            settings.with_refresh_margin(settings.refresh_margin().min(EXTERNAL_REFRESH_MARGIN));
        let fetcher = ExternalFetcher {
            argv,
            timeout: DEFAULT_EXTERNAL_TIMEOUT,
            write_back,
        };
        Ok(Self {
            cached: CachedCredentialsProvider::with_policy(
                fetcher,
                settings,
                config.time_source().clone(),
                CachePolicy {
                    keep_unexpiring: false,
                    ..CachePolicy::default()
                },
            ),
        })
    }

    /// Kills the command after `timeout` instead of 60 s (to be called before the first use).
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        if let Some(fetcher) = self.cached.inner_mut() {
            fetcher.timeout = timeout;
        }
        self
    }

    /// The program the command runs (its arguments are not shown: they may hold a token).
    pub fn program(&self) -> &str {
        self.cached.inner().program()
    }
}

impl fmt::Debug for ExternalProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fetcher = self.cached.inner();
        f.debug_struct("ExternalProvider")
            .field("program", &fetcher.program())
            .field("arguments", &fetcher.argv.len().saturating_sub(1))
            .field("timeout", &fetcher.timeout)
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for ExternalProvider {
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

/// Runs the command once per fetch.
struct ExternalFetcher {
    argv: Vec<String>,
    timeout: Duration,
    write_back: Option<ProfileLocation>,
}

impl fmt::Debug for ExternalFetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExternalFetcher")
            .field("program", &self.program())
            .finish_non_exhaustive()
    }
}

impl ProvideCredentials for ExternalFetcher {
    fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
        Box::pin(async move {
            let credentials = self.run().await?;
            if let Some(location) = &self.write_back {
                write_back(location, &credentials).await;
            }
            Ok(credentials)
        })
    }

    fn name(&self) -> &'static str {
        NAME
    }
}

fn failed(message: String) -> CredentialsError {
    CredentialsError::provider_failed(NAME, message)
}

impl ExternalFetcher {
    fn program(&self) -> &str {
        self.argv.first().map_or("", String::as_str)
    }

    async fn run(&self) -> Result<Credentials, CredentialsError> {
        let program = self.program();
        if tokio::runtime::Handle::try_current().is_err() {
            return Err(failed(format!(
                "running `{program}` needs a tokio runtime (with its I/O driver)"
            )));
        }
        let mut child = tokio::process::Command::new(program)
            .args(&self.argv[1..])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| failed(format!("cannot run `{program}`")).with_source(e))?;
        let stdout = child.stdout.take();
        let stderr = child.stderr.take();
        let outcome = tokio::time::timeout(self.timeout, async {
            // Both streams are drained together (a command blocked on a full pipe would never
            // exit); standard error is counted and dropped.
            let read_out = async {
                let mut out = Vec::new();
                if let Some(stdout) = stdout {
                    stdout
                        .take(MAX_OUTPUT as u64 + 1)
                        .read_to_end(&mut out)
                        .await?;
                }
                Ok::<_, std::io::Error>(out)
            };
            let count_err = async {
                match stderr {
                    Some(mut stderr) => tokio::io::copy(&mut stderr, &mut tokio::io::sink()).await,
                    None => Ok(0),
                }
            };
            let (out, err_len) = join(read_out, count_err).await;
            let out = out?;
            if out.len() > MAX_OUTPUT {
                return Ok((out, err_len.unwrap_or(0), None));
            }
            let status = child.wait().await?;
            Ok::<_, std::io::Error>((out, err_len.unwrap_or(0), Some(status)))
        })
        .await;
        let (out, err_len, status) = match outcome {
            Ok(Ok(done)) => done,
            Ok(Err(e)) => {
                let _ = child.start_kill();
                return Err(
                    failed(format!("reading the output of `{program}` failed")).with_source(e)
                );
            }
            Err(_) => {
                let _ = child.start_kill();
                let _ = child.wait().await;
                return Err(failed(format!(
                    "`{program}` did not finish within {} ms and was killed",
                    self.timeout.as_millis()
                )));
            }
        };
        let Some(status) = status else {
            let _ = child.start_kill();
            let _ = child.wait().await;
            return Err(failed(format!(
                "`{program}` printed more than {MAX_OUTPUT} bytes (1 MiB) and was killed"
            )));
        };
        if !status.success() {
            let code = status.code().map_or_else(
                || "killed by a signal".to_owned(),
                |c| format!("exit status {c}"),
            );
            return Err(failed(format!(
                "`{program}` failed ({code}; its {err_len} bytes of standard error are not shown: they may hold secrets)"
            )));
        }
        read_output(&out).map_err(|what| failed(format!("the output of `{program}` {what}")))
    }
}

/// The credentials of the command's output; the error says what is wrong, never a value.
fn read_output(out: &[u8]) -> Result<Credentials, String> {
    let object = match serde_json::from_slice::<Value>(out) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Err("is JSON but not an object".to_owned()),
        Err(e) => {
            return Err(format!(
                "is not JSON (line {}, column {})",
                e.line(),
                e.column()
            ));
        }
    };
    let field = |name: &str| -> Result<Option<&str>, String> {
        match object.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim()).filter(|s| !s.is_empty())),
            Some(_) => Err(format!("has a field `{name}` that is not a string")),
        }
    };
    let (Some(id), Some(secret)) = (field("access_key_id")?, field("access_key_secret")?) else {
        return Err("lacks `access_key_id` or `access_key_secret` (or one is empty)".to_owned());
    };
    let mode = field("mode")?;
    let token = field("sts_token")?;
    if mode == Some("StsToken") && token.is_none() {
        return Err("says mode StsToken but its `sts_token` is missing or empty".to_owned());
    }
    // Both are non-empty (checked above); the check of `Credentials` stays the last word.
    let mut credentials = Credentials::from_provider(id, secret, NAME)
        .map_err(|e| e.message().to_owned())?
        .with_provider_name(NAME);
    if let Some(token) = token {
        credentials = credentials.with_security_token(token);
    }
    match field("expiration")?.map(parse_expiration) {
        Some(Ok(expiration)) => credentials = credentials.with_expiration(expiration),
        Some(Err(_)) => {
            // As the official SDKs: an expiration that cannot be read is no expiration (the
            // command is run again for the next call).
            tracing::warn!(
                provider = NAME,
                "the command's `expiration` is not a time such as 2006-01-02T15:04:05Z; it is run again for every call"
            );
        }
        None => {}
    }
    Ok(credentials)
}

/// Writes the command's credentials into the profile, as the official SDKs do; a failure is
/// logged (without a secret) and does not fail the call.
async fn write_back(location: &ProfileLocation, credentials: &Credentials) {
    let mut fields: Vec<(&'static str, Value)> = vec![
        ("access_key_id", credentials.access_key_id().into()),
        ("access_key_secret", credentials.access_key_secret().into()),
        (
            "sts_token",
            credentials.security_token().unwrap_or_default().into(),
        ),
    ];
    if let Some(expiration) = credentials.expiration().and_then(unix_seconds) {
        fields.push(("sts_expiration", expiration.into()));
    }
    if let Err(e) = cli_file::write_profile_fields_async(location, fields).await {
        tracing::warn!(provider = NAME, profile = %location, error = %e, "could not write the credentials back into the profile");
    }
}

/// Seconds since the Unix epoch.
pub(crate) fn unix_seconds(time: std::time::SystemTime) -> Option<u64> {
    time.duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs())
}

/// For the fuzz targets and property tests.
pub(crate) fn read_output_for_fuzzing(out: &[u8]) -> Result<(), String> {
    read_output(out).map(drop)
}

/// Both futures driven together to completion, as `tokio::join!` does, without tokio's `macros`
/// feature (and the proc-macro crates it builds) in every client's dependency tree.
async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut out_a, mut out_b) = (None, None);
    poll_fn(move |cx| {
        if out_a.is_none()
            && let Poll::Ready(value) = a.as_mut().poll(cx)
        {
            out_a = Some(value);
        }
        if out_b.is_none()
            && let Poll::Ready(value) = b.as_mut().poll(cx)
        {
            out_b = Some(value);
        }
        match (out_a.take(), out_b.take()) {
            (Some(first), Some(second)) => Poll::Ready((first, second)),
            (first, second) => {
                (out_a, out_b) = (first, second);
                Poll::Pending
            }
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(command: &str) -> Result<Vec<String>, SplitError> {
        split_command(command, false)
    }

    #[test]
    fn splits_as_the_official_sdks() {
        let cases: [(&str, &[&str]); 9] = [
            ("cmd arg1 arg2", &["cmd", "arg1", "arg2"]),
            ("  cmd   arg1\targ2  ", &["cmd", "arg1", "arg2"]),
            (
                r#""C:\Program Files\tool\cred.exe" get --profile default"#,
                &[
                    r"C:\Program Files\tool\cred.exe",
                    "get",
                    "--profile",
                    "default",
                ],
            ),
            (
                "'/usr/local/my tools/cred' arg",
                &["/usr/local/my tools/cred", "arg"],
            ),
            (
                r#"tool --name "First Last""#,
                &["tool", "--name", "First Last"],
            ),
            (r"tool arg\ with\ space", &["tool", "arg with space"]),
            (r#"tool "say \"hi\"""#, &["tool", r#"say "hi""#]),
            (r#"tool "" 'x'"#, &["tool", "", "x"]),
            (
                r#"tool "a\$b\`c\\d\e" 'lit\eral'"#,
                &["tool", r"a$b`c\d\e", r"lit\eral"],
            ),
        ];
        for (command, expected) in cases {
            assert_eq!(unix(command).unwrap(), expected, "{command}");
        }
        assert_eq!(unix("   "), Err(SplitError::Empty));
        assert_eq!(unix(r#""" arg"#), Err(SplitError::Empty));
        assert_eq!(
            unix(r#""C:\Program Files\tool.exe"#),
            Err(SplitError::UnclosedQuote)
        );
        assert_eq!(unix("'/usr/bin/tool"), Err(SplitError::UnclosedQuote));
        assert_eq!(unix(r"tool\"), Err(SplitError::TrailingBackslash));
    }

    #[test]
    fn windows_keeps_backslashes() {
        let windows = |c| split_command(c, true).unwrap();
        assert_eq!(
            windows(r"C:\Users\RUNNER~1\AppData\Local\Temp\sts_script.bat"),
            [r"C:\Users\RUNNER~1\AppData\Local\Temp\sts_script.bat"]
        );
        assert_eq!(
            windows(r#""C:\Program Files\tool\cred.exe" get"#),
            [r"C:\Program Files\tool\cred.exe", "get"]
        );
        assert_eq!(windows(r#"tool "say \"hi\"""#), ["tool", r#"say "hi""#]);
        assert_eq!(windows(r"tool\"), [r"tool\"]);
    }

    #[test]
    fn output_errors_name_fields_never_values() {
        let secret = "OutputSecret-0001";
        for (out, what) in [
            (
                format!("not json {secret}"),
                "is not JSON (line 1, column 2)",
            ),
            (format!("[\"{secret}\"]"), "not an object"),
            (
                format!(r#"{{"access_key_id": 1, "access_key_secret": "{secret}"}}"#),
                "`access_key_id` that is not a string",
            ),
            (
                format!(r#"{{"access_key_id": "", "access_key_secret": "{secret}"}}"#),
                "lacks `access_key_id` or `access_key_secret`",
            ),
            (
                format!(
                    r#"{{"mode": "StsToken", "access_key_id": "a", "access_key_secret": "{secret}"}}"#
                ),
                "`sts_token` is missing",
            ),
        ] {
            let error = read_output(out.as_bytes()).unwrap_err();
            assert!(error.contains(what), "{out}: {error}");
            assert!(!error.contains(secret), "{error}");
        }
        let credentials = read_output(
            br#"{"mode": "AK", "access_key_id": "LTAI", "access_key_secret": "s", "expiration": "not a time"}"#,
        )
        .unwrap();
        assert_eq!(credentials.expiration(), None);
        assert_eq!(credentials.security_token(), None);
        let credentials = read_output(
            br#"{"mode": "StsToken", "access_key_id": "STS.x", "access_key_secret": "s", "sts_token": "t", "expiration": "2030-01-02T03:04:05Z"}"#,
        )
        .unwrap();
        assert_eq!(credentials.security_token(), Some("t"));
        assert_eq!(
            credentials.expiration().and_then(unix_seconds),
            Some(1_893_553_445)
        );
    }
}
