//! `cargo xtask check-generated`: whole official products (and every test fixture) generated
//! into a temporary workspace, then `cargo clippy --all-targets -- -D warnings` there.
//!
//! The temporary workspace mirrors ours: the same `[workspace.package]`,
//! `[workspace.dependencies]` (hand-written crates by absolute path), `[workspace.lints]` and
//! profiles, a copy of our `Cargo.lock` and `clippy.toml`, and our target directory, so that
//! dependencies are not rebuilt.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::codegen::{self, CodegenError, FileSet, files};
use crate::workspace_root;

/// The official product files, unmodified, of the parse layer's tests.
pub const OFFICIAL_PRODUCTS: &[&str] = &[
    "crates/alibabacloud-spec/tests/fixtures/official/bssopenapi-2017-12-14.full.api-docs.json",
    "crates/alibabacloud-spec/tests/fixtures/official/quickbi-public-2022-01-01.full.api-docs.json",
];

/// The generator's fixtures: each sub-directory is a specs root.
pub const FIXTURES: &str = "xtask/tests/fixtures";

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Also build the docs with `-D warnings` and run the doc tests.
    pub doc: bool,
    /// Also generate every fixture of [`FIXTURES`].
    pub fixtures: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self {
            doc: false,
            fixtures: true,
        }
    }
}

/// Why the check failed.
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
    /// Our `Cargo.toml` lacks a section the temporary workspace needs.
    #[error("the workspace Cargo.toml has no [{0}] section")]
    Manifest(&'static str),
    /// Cargo failed (the generated code does not pass).
    #[error("`{command}` failed in {} ({status})", .workspace.display())]
    Cargo {
        /// The command.
        command: String,
        /// Its exit status.
        status: String,
        /// The temporary workspace (kept for inspection).
        workspace: PathBuf,
    },
}

/// What was checked and how long it took.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Crates generated (model and client count separately).
    pub crates: usize,
    /// Operations generated.
    pub operations: usize,
    /// Time to generate everything in memory and write it.
    pub generate: Duration,
    /// Each cargo command and its duration.
    pub commands: Vec<(String, Duration)>,
    /// The workspace the crates were generated into (kept for inspection and for
    /// incremental builds on the next run).
    pub workspace: PathBuf,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "check-generated: {} crates, {} operations; generated in {:.2?}",
            self.crates, self.operations, self.generate
        )?;
        for (command, took) in &self.commands {
            writeln!(f, "  `{command}` passed in {:.1?}", took)?;
        }
        write!(f, "  workspace: {}", self.workspace.display())
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CheckError + '_ {
    move |source| CheckError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Generates and checks; see the module docs.
///
/// # Errors
/// [`CheckError::Cargo`] when clippy (or rustdoc) rejects the generated code, or the error
/// of any step before.
pub fn run(options: &CheckOptions) -> Result<Summary, CheckError> {
    let root = workspace_root();
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    // A fixed place under the target directory (not a fresh temporary directory), so that
    // cargo's fingerprints of the generated crates stay valid from one run to the next.
    let tmp = target_dir.join("xtask-check-generated");
    // The specs tree is rebuilt from scratch each run; the generated crates are rewritten in
    // place, unchanged files keeping their modification time.
    let specs = tmp.join("specs");
    if specs.exists() {
        fs::remove_dir_all(&specs).map_err(io(&specs))?;
    }

    let started = Instant::now();
    let mut generated = FileSet::new();
    for official in OFFICIAL_PRODUCTS {
        let source = root.join(official);
        let spec = alibabacloud_spec::load_file(&source).map_err(CodegenError::from)?;
        let dir = specs
            .join(spec.info.product.to_ascii_lowercase())
            .join(&spec.info.version);
        fs::create_dir_all(&dir).map_err(io(&dir))?;
        let target = dir.join(alibabacloud_spec::SPEC_FILE_NAME);
        fs::copy(&source, &target).map_err(io(&target))?;
    }
    generated.extend(codegen::generate(&specs)?);
    if options.fixtures {
        let fixtures = root.join(FIXTURES);
        let mut roots: Vec<PathBuf> = fs::read_dir(&fixtures)
            .map_err(io(&fixtures))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        roots.sort();
        for fixture in roots {
            for (path, contents) in codegen::generate(&fixture)? {
                if generated.insert(path.clone(), contents).is_some() {
                    return Err(CheckError::Codegen(CodegenError::DuplicateProduct {
                        dir: path,
                        first: "another fixture or product".to_owned(),
                        second: fixture.display().to_string(),
                    }));
                }
            }
        }
    }
    let services = tmp.join("crates").join("services");
    files::write(&services, &generated)?;
    let generate = started.elapsed();

    write_workspace(&root, &tmp)?;

    let mut commands = Vec::new();
    // Each command's arguments and environment variable.
    type Step = (Vec<&'static str>, Option<(&'static str, &'static str)>);
    let mut cargo_steps: Vec<Step> = vec![(
        vec![
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        None,
    )];
    if options.doc {
        cargo_steps.push((
            vec!["doc", "--workspace", "--no-deps"],
            Some(("RUSTDOCFLAGS", "-D warnings")),
        ));
        cargo_steps.push((vec!["test", "--workspace", "--doc"], None));
    }
    for (args, env) in cargo_steps {
        let command = format!("cargo {}", args.join(" "));
        eprintln!("check-generated: running `{command}` in {}", tmp.display());
        let started = Instant::now();
        let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        cmd.args(&args)
            .current_dir(&tmp)
            .env("CARGO_TARGET_DIR", &target_dir);
        if let Some((key, value)) = env {
            cmd.env(key, value);
        }
        let status = cmd.status().map_err(io(&tmp))?;
        if !status.success() {
            return Err(CheckError::Cargo {
                command,
                status: status.to_string(),
                workspace: tmp,
            });
        }
        commands.push((command, started.elapsed()));
    }

    let crates = generated
        .keys()
        .filter(|p| p.ends_with("/Cargo.toml"))
        .count();
    let operations = generated
        .keys()
        .filter(|p| p.contains("/client/src/operation/") && !p.ends_with("/mod.rs"))
        .count();
    Ok(Summary {
        crates,
        operations,
        generate,
        commands,
        workspace: tmp,
    })
}

/// Writes the temporary workspace's `Cargo.toml`, `Cargo.lock` and `clippy.toml`.
fn write_workspace(root: &Path, tmp: &Path) -> Result<(), CheckError> {
    let manifest_path = root.join("Cargo.toml");
    let manifest = fs::read_to_string(&manifest_path).map_err(io(&manifest_path))?;
    let text = workspace_manifest(&manifest, root)?;
    let out = tmp.join("Cargo.toml");
    fs::write(&out, text).map_err(io(&out))?;
    for name in ["Cargo.lock", "clippy.toml"] {
        let source = root.join(name);
        if source.exists() {
            let target = tmp.join(name);
            fs::copy(&source, &target).map_err(io(&target))?;
        }
    }
    Ok(())
}

/// The temporary workspace's manifest from ours: the generated crates as members, and our
/// `[workspace.package]`, `[workspace.dependencies]` (paths made absolute, our generated
/// crates left out), `[workspace.lints.*]` and `[profile.*]` sections.
pub fn workspace_manifest(ours: &str, root: &Path) -> Result<String, CheckError> {
    let mut out = String::from(
        "# Temporary workspace of `cargo xtask check-generated`.\n[workspace]\nresolver = \"3\"\nmembers = [\"crates/services/*/*\"]\n",
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
    section == "workspace.package"
        || section == "workspace.dependencies"
        || section.starts_with("workspace.lints")
        || section.starts_with("profile")
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
        let ours = "[workspace]\nmembers = [\"x\"]\n\n[workspace.package]\nversion = \"0.1.0\"\n\n[workspace.dependencies]\nalibabacloud-core = { path = \"crates/alibabacloud-core\", version = \"0.1.0\" }\nalibabacloud-foo20200101 = { path = \"crates/services/foo20200101/client\" }\nserde = \"1\"\n\n[workspace.lints.rust]\nmissing_docs = \"warn\"\n\n[workspace.lints.clippy]\nunwrap_used = \"warn\"\n\n[profile.bench]\ndebug = false\n\n[patch.crates-io]\nx = \"1\"\n";
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
        assert!(!text.contains("patch"), "{text}");
        assert!(!text.contains("members = [\"x\"]"), "{text}");
        assert!(workspace_manifest("[workspace]\n", Path::new("/")).is_err());
    }
}
