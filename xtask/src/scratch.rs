//! A scratch workspace for generated crates, shared by `check-generated` and
//! `catalog-check`: it mirrors ours (the same `[workspace.package]`,
//! `[workspace.dependencies]` with the hand-written crates by absolute path,
//! `[workspace.lints]` and profiles, a copy of our `Cargo.lock` and `clippy.toml`) and
//! builds into our target directory, so that dependencies are not rebuilt. It lives at a
//! fixed place under the target directory, so that cargo's fingerprints stay valid from one
//! run to the next and reruns only rebuild what changed.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::codegen::{CodegenError, FileSet, files};
use crate::workspace_root;

/// Why a scratch workspace could not be set up or checked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CheckError {
    /// Generation failed.
    #[error(transparent)]
    Codegen(#[from] CodegenError),
    /// A file could not be read or written.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
    /// Our `Cargo.toml` lacks a section the scratch workspace needs.
    #[error("the workspace Cargo.toml has no [{0}] section")]
    Manifest(&'static str),
    /// Cargo failed (the generated code does not pass).
    #[error("`{command}` failed in {} ({status})", .workspace.display())]
    Cargo {
        /// The command.
        command: String,
        /// Its exit status.
        status: String,
        /// The scratch workspace (kept for inspection).
        workspace: PathBuf,
    },
}

pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CheckError + '_ {
    move |source| CheckError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A cargo command's arguments, and an environment variable to set for it.
pub type CargoStep<'a> = (Vec<&'a str>, Option<(&'a str, &'a str)>);

/// A scratch workspace under the target directory.
#[derive(Debug, Clone)]
pub struct Scratch {
    /// Our workspace root.
    pub root: PathBuf,
    /// The scratch workspace (`<target>/<name>`).
    pub dir: PathBuf,
    /// The target directory it builds into: `$CARGO_TARGET_DIR`, else ours.
    pub target_dir: PathBuf,
}

/// What a cargo command reported, package by package (`--message-format=json`).
#[derive(Debug, Clone, Default)]
pub struct CargoReport {
    /// How long it took.
    pub took: Duration,
    /// Whether it exited successfully.
    pub success: bool,
    /// Package manifest directory -> the diagnostics at error level, by code (`clippy::x`,
    /// `unused_imports`, or `error` for errors without a code), with the first rendered one.
    pub errors: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Package manifest directories that produced their library (checked or documented).
    pub built: Vec<PathBuf>,
}

/// One error-level diagnostic of a package.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The lint or error code (`clippy::doc_lazy_continuation`), or `error`.
    pub code: String,
    /// Where, as `file:line` relative to the package, when known.
    pub place: String,
    /// The message.
    pub message: String,
}

impl Scratch {
    /// The scratch workspace `<target>/<name>`.
    pub fn new(name: &str) -> Self {
        let root = workspace_root();
        let target_dir = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target"));
        let dir = target_dir.join(name);
        Self {
            root,
            dir,
            target_dir,
        }
    }

    /// Where the generated crates go: `crates/services/` of the scratch workspace.
    pub fn services(&self) -> PathBuf {
        self.dir.join("crates").join("services")
    }

    /// Writes `files` as the generated crates (all or nothing; unchanged files keep their
    /// modification time) and the workspace's `Cargo.toml`, `Cargo.lock`, `clippy.toml`.
    ///
    /// # Errors
    /// When a file cannot be written or our manifest lacks a section.
    pub fn write(&self, files: &FileSet) -> Result<(), CheckError> {
        files::write(&self.services(), files)?;
        let manifest_path = self.root.join("Cargo.toml");
        let manifest = fs::read_to_string(&manifest_path).map_err(io(&manifest_path))?;
        let text = workspace_manifest(&manifest, &self.root)?;
        let out = self.dir.join("Cargo.toml");
        fs::write(&out, text).map_err(io(&out))?;
        for name in ["Cargo.lock", "clippy.toml"] {
            let source = self.root.join(name);
            if source.exists() {
                let target = self.dir.join(name);
                fs::copy(&source, &target).map_err(io(&target))?;
            }
        }
        Ok(())
    }

    fn command(&self, args: &[&str], env: Option<(&str, &str)>) -> Command {
        let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        cmd.args(args)
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", &self.target_dir);
        if let Some((key, value)) = env {
            cmd.env(key, value);
        }
        cmd
    }

    /// Runs `cargo <args>` in the workspace, its output going to ours.
    ///
    /// # Errors
    /// [`CheckError::Cargo`] when it fails.
    pub fn cargo(&self, args: &[&str], env: Option<(&str, &str)>) -> Result<Duration, CheckError> {
        let command = format!("cargo {}", args.join(" "));
        eprintln!("running `{command}` in {}", self.dir.display());
        let started = Instant::now();
        let status = self.command(args, env).status().map_err(io(&self.dir))?;
        if !status.success() {
            return Err(CheckError::Cargo {
                command,
                status: status.to_string(),
                workspace: self.dir.clone(),
            });
        }
        Ok(started.elapsed())
    }

    /// Runs `cargo <args> --message-format=json` in the workspace and collects, package by
    /// package, the error-level diagnostics and the libraries built. Cargo's own progress
    /// goes to our stderr.
    ///
    /// # Errors
    /// [`CheckError::Io`] when cargo cannot be started.
    pub fn cargo_report(
        &self,
        args: &[&str],
        env: Option<(&str, &str)>,
    ) -> Result<CargoReport, CheckError> {
        let mut full: Vec<&str> = Vec::with_capacity(args.len() + 1);
        let split = args.iter().position(|a| *a == "--").unwrap_or(args.len());
        full.extend_from_slice(&args[..split]);
        full.push("--message-format=json");
        full.extend_from_slice(&args[split..]);
        eprintln!(
            "running `cargo {}` in {}",
            full.join(" "),
            self.dir.display()
        );
        let started = Instant::now();
        let mut child = self
            .command(&full, env)
            .stdout(Stdio::piped())
            .spawn()
            .map_err(io(&self.dir))?;
        let mut report = CargoReport::default();
        if let Some(stdout) = child.stdout.take() {
            for line in BufReader::new(stdout).lines() {
                let line = line.map_err(io(&self.dir))?;
                report.read_message(&line);
            }
        }
        let status = child.wait().map_err(io(&self.dir))?;
        report.success = status.success();
        report.took = started.elapsed();
        Ok(report)
    }
}

impl CargoReport {
    /// Takes in one line of cargo's JSON output.
    fn read_message(&mut self, line: &str) {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            return;
        };
        let manifest_dir = || {
            message
                .get("manifest_path")
                .and_then(serde_json::Value::as_str)
                .and_then(|p| Path::new(p).parent())
                .map(Path::to_path_buf)
        };
        match message.get("reason").and_then(serde_json::Value::as_str) {
            Some("compiler-artifact") => {
                let is_lib = message
                    .pointer("/target/kind")
                    .and_then(serde_json::Value::as_array)
                    .is_some_and(|kinds| kinds.iter().any(|k| k == "lib"));
                if is_lib && let Some(dir) = manifest_dir() {
                    self.built.push(dir);
                }
            }
            Some("compiler-message") => {
                let Some(dir) = manifest_dir() else {
                    return;
                };
                let diagnostic = &message["message"];
                if diagnostic["level"] != "error" {
                    return;
                }
                let code = diagnostic
                    .pointer("/code/code")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or("error")
                    .to_owned();
                let text = diagnostic["message"].as_str().unwrap_or_default();
                // `-D warnings` reports each lint once, then a summary error without a code.
                if code == "error" && text.contains("previous error") {
                    return;
                }
                let place = diagnostic["spans"]
                    .as_array()
                    .and_then(|spans| spans.first())
                    .map(|span| {
                        format!(
                            "{}:{}",
                            span["file_name"].as_str().unwrap_or("?"),
                            span["line_start"].as_u64().unwrap_or(0)
                        )
                    })
                    .unwrap_or_default();
                self.errors.entry(dir).or_default().push(Diagnostic {
                    code,
                    place,
                    message: text.to_owned(),
                });
            }
            _ => {}
        }
    }
}

/// The scratch workspace's manifest from ours: the generated crates as members, and our
/// `[workspace.package]`, `[workspace.dependencies]` (paths made absolute, our generated
/// crates left out), `[workspace.lints.*]` and `[profile.*]` sections.
///
/// # Errors
/// [`CheckError::Manifest`] when ours lacks a section.
pub fn workspace_manifest(ours: &str, root: &Path) -> Result<String, CheckError> {
    let mut out = String::from(
        "# Scratch workspace of `cargo xtask`.\n[workspace]\nresolver = \"3\"\nmembers = [\"crates/services/*/*\"]\n",
    );
    let mut section = String::new();
    let mut seen = Vec::new();
    for line in ours.lines() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_owned();
            if keep_section(&section) {
                out.push('\n');
                out.push_str(line);
                out.push('\n');
                seen.push(section.clone());
            }
            continue;
        }
        if !keep_section(&section) {
            continue;
        }
        if section == "workspace.dependencies"
            && let Some(rewritten) = rewrite_path(line, root)
        {
            if let Some(kept) = rewritten {
                out.push_str(&kept);
                out.push('\n');
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    for required in [
        "workspace.package",
        "workspace.dependencies",
        "workspace.lints.rust",
    ] {
        if !seen.iter().any(|s| s == required) {
            return Err(CheckError::Manifest(required));
        }
    }
    Ok(out)
}

fn keep_section(section: &str) -> bool {
    // Profile overrides of our own tools (`xtask`, the spec parser, the formatter) name
    // packages the scratch workspace does not have.
    let own_tool = section.split_once(".package.").is_some_and(|(_, package)| {
        matches!(
            package,
            "xtask" | "alibabacloud-spec" | "prettyplease" | "libmimalloc-sys"
        )
    });
    section == "workspace.package"
        || section == "workspace.dependencies"
        || section.starts_with("workspace.lints")
        || (section.starts_with("profile") && !own_tool)
}

/// For a dependency line with `path = "..."`: `Some(None)` to drop it (a generated crate),
/// `Some(Some(line))` with the path made absolute; `None` when it has no path.
fn rewrite_path(line: &str, root: &Path) -> Option<Option<String>> {
    let start = line.find("path = \"")? + "path = \"".len();
    let len = line[start..].find('"')?;
    let path = &line[start..start + len];
    if path.starts_with("crates/services/") {
        return Some(None);
    }
    let absolute = root.join(path);
    let absolute = absolute.to_string_lossy().replace('\\', "/");
    Some(Some(format!(
        "{}{}{}",
        &line[..start],
        absolute,
        &line[start + len..]
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_keeps_our_settings_with_absolute_paths() {
        let ours = "[workspace]\nmembers = [\"x\"]\n\n[workspace.package]\nversion = \"0.1.0\"\n\n[workspace.dependencies]\nalibabacloud-core = { path = \"crates/alibabacloud-core\", version = \"0.1.0\" }\nalibabacloud-foo20200101 = { path = \"crates/services/foo20200101/client\" }\nserde = \"1\"\n\n[workspace.lints.rust]\nmissing_docs = \"warn\"\n\n[workspace.lints.clippy]\nunwrap_used = \"warn\"\n\n[profile.bench]\ndebug = false\n\n[profile.dev.package.xtask]\nopt-level = 3\n\n[profile.dev.package.syn]\nopt-level = 3\n\n[patch.crates-io]\nx = \"1\"\n";
        let text = workspace_manifest(ours, Path::new("/repo")).unwrap_or_default();
        assert!(
            text.contains("members = [\"crates/services/*/*\"]"),
            "{text}"
        );
        assert!(
            text.contains("path = \"/repo/crates/alibabacloud-core\""),
            "{text}"
        );
        assert!(!text.contains("foo20200101"), "{text}");
        assert!(text.contains("serde = \"1\""), "{text}");
        assert!(
            text.contains("[workspace.lints.clippy]\nunwrap_used = \"warn\""),
            "{text}"
        );
        assert!(text.contains("[profile.bench]"), "{text}");
        assert!(text.contains("[profile.dev.package.syn]"), "{text}");
        assert!(!text.contains("package.xtask"), "{text}");
        assert!(!text.contains("patch"), "{text}");
        assert!(!text.contains("members = [\"x\"]"), "{text}");
        assert!(workspace_manifest("[workspace]\n", Path::new("/")).is_err());
    }

    #[test]
    fn cargo_messages_are_collected_by_package() {
        let mut report = CargoReport::default();
        let manifest = "/w/crates/services/a20200101/model/Cargo.toml";
        report.read_message(&format!(
            r#"{{"reason":"compiler-message","manifest_path":"{manifest}","message":{{"level":"error","message":"empty line after doc comment","code":{{"code":"clippy::empty_line_after_doc_comments"}},"spans":[{{"file_name":"src/x.rs","line_start":7}}]}}}}"#
        ));
        report.read_message(&format!(
            r#"{{"reason":"compiler-message","manifest_path":"{manifest}","message":{{"level":"error","message":"could not compile due to 1 previous error","code":null,"spans":[]}}}}"#
        ));
        report.read_message(&format!(
            r#"{{"reason":"compiler-message","manifest_path":"{manifest}","message":{{"level":"warning","message":"w","code":null,"spans":[]}}}}"#
        ));
        report.read_message(&format!(
            r#"{{"reason":"compiler-artifact","manifest_path":"{manifest}","target":{{"kind":["lib"]}}}}"#
        ));
        report.read_message("not json");
        let dir = PathBuf::from("/w/crates/services/a20200101/model");
        let errors = &report.errors[&dir];
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "clippy::empty_line_after_doc_comments");
        assert_eq!(errors[0].place, "src/x.rs:7");
        assert_eq!(report.built, [dir]);
    }
}
