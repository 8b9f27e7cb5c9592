//! The generated file set: headers, validation, the all-or-nothing write, and the check of
//! committed output.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::CodegenError;

/// Generated files: path under the output directory (`/`-separated) -> contents.
pub type FileSet = BTreeMap<String, String>;

/// What every generated file's first line ends with; also how the writer recognizes files
/// it may replace.
pub const MARKER: &str = "by `cargo xtask codegen`; do not edit.";

/// The first line of a generated file: `// generated from <spec> by ...` (`#` for TOML).
pub fn header(spec_path: &str, toml: bool) -> String {
    let comment = if toml { "#" } else { "//" };
    format!("{comment} generated from {spec_path} {MARKER}")
}

/// The first lines of a generated `README.md`: the header in an HTML comment, which Markdown
/// renders as nothing (its first line ends with [`MARKER`], like every generated file's).
pub fn markdown_header(spec_path: &str) -> String {
    format!("<!-- generated from {spec_path} {MARKER}\n-->")
}

/// Checks every file before anything is written: the header and a sane `Cargo.toml`. The
/// Rust files need no second parse: [`render`](super::render) built each one from a
/// `syn::File` (the emitted tokens, parsed once) and formatted it with `prettyplease`.
///
/// # Errors
/// [`CodegenError::InvalidOutput`] naming the file; this is a bug of the generator.
pub fn validate(files: &FileSet) -> Result<(), CodegenError> {
    for (path, contents) in files {
        let invalid = |reason: String| CodegenError::InvalidOutput {
            path: path.clone(),
            reason,
        };
        let first = contents.lines().next().unwrap_or_default();
        if !first.ends_with(MARKER) {
            return Err(invalid(
                "the first line is not the generated-file header".to_owned(),
            ));
        }
        if path.ends_with("Cargo.toml") {
            check_cargo_toml(contents).map_err(invalid)?;
        } else if !path.ends_with(".rs") && !path.ends_with("/README.md") {
            return Err(invalid("unexpected kind of file".to_owned()));
        }
    }
    Ok(())
}

/// A light check of a generated `Cargo.toml`: known line shapes, no duplicate table or key,
/// a package name, the workspace lints.
fn check_cargo_toml(text: &str) -> Result<(), String> {
    let mut tables = BTreeSet::new();
    let mut keys = BTreeSet::new();
    let mut table = String::new();
    let mut name = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(t) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if !tables.insert(t.to_owned()) {
                return Err(format!("line {}: table [{t}] twice", n + 1));
            }
            table = t.to_owned();
            continue;
        }
        let Some((key, value)) = line.split_once(" = ") else {
            return Err(format!("line {}: not `key = value`: {line}", n + 1));
        };
        if !keys.insert(format!("{table}.{key}")) {
            return Err(format!("line {}: key {key} twice in [{table}]", n + 1));
        }
        let quoted = value.starts_with('"') && value.ends_with('"') && value.len() >= 2;
        let inline_table = value.starts_with('{') && value.ends_with('}');
        let array = value.starts_with('[') && value.ends_with(']');
        if !(quoted || inline_table || array || value == "true" || value == "false") {
            return Err(format!("line {}: unexpected value {value}", n + 1));
        }
        if table == "package" && key == "name" {
            name = Some(value.trim_matches('"').to_owned());
        }
    }
    let name = name.ok_or("no [package] name")?;
    if !name.starts_with("alibabacloud-")
        || !name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(format!("unexpected package name {name}"));
    }
    if !keys.contains("lints.workspace") {
        return Err("no `[lints] workspace = true`".to_owned());
    }
    Ok(())
}

/// Every file under `dir` (path relative to it, `/`-separated) and its contents. Nothing
/// when `dir` does not exist.
///
/// # Errors
/// [`CodegenError::Io`] when the tree cannot be read.
pub fn read_tree(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, CodegenError> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return Ok(out);
    }
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = fs::read_dir(&current).map_err(|e| io_error(&current, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_error(&current, e))?;
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| io_error(&path, e))?;
            if kind.is_dir() {
                pending.push(path);
            } else {
                let contents = fs::read(&path).map_err(|e| io_error(&path, e))?;
                out.insert(relative(dir, &path), contents);
            }
        }
    }
    Ok(out)
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn io_error(path: &Path, source: io::Error) -> CodegenError {
    CodegenError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// How the files on disk differ from the generated ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// The output directory checked.
    pub out: PathBuf,
    /// Generated but missing on disk.
    pub new: Vec<String>,
    /// On disk with other contents.
    pub changed: Vec<String>,
    /// On disk but no longer generated (e.g. the spec was removed).
    pub removed: Vec<String>,
    /// Generated and identical on disk.
    pub unchanged: usize,
}

impl CheckReport {
    /// Whether the disk matches the generated files.
    pub fn is_clean(&self) -> bool {
        self.new.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let out = self.out.display();
        if self.is_clean() {
            return write!(f, "{out}: {} files up to date", self.unchanged);
        }
        writeln!(f, "{out} is stale; run `cargo xtask codegen`:")?;
        for (label, paths) in [
            ("new (generated, not on disk)", &self.new),
            ("changed", &self.changed),
            (
                "missing from the generated output (on disk only)",
                &self.removed,
            ),
        ] {
            for path in paths {
                writeln!(f, "  {label}: {out}/{path}")?;
            }
        }
        Ok(())
    }
}

/// Compares `files` with the tree under `out`.
///
/// # Errors
/// [`CodegenError::Io`] when the tree cannot be read.
pub fn check(out: &Path, files: &FileSet) -> Result<CheckReport, CodegenError> {
    Ok(compare(out, &read_tree(out)?, files))
}

/// Compares `files` with `disk`, the tree under `out` as [`read_tree`] read it.
pub fn compare(out: &Path, disk: &BTreeMap<String, Vec<u8>>, files: &FileSet) -> CheckReport {
    let mut report = CheckReport {
        out: out.to_path_buf(),
        ..CheckReport::default()
    };
    for (path, contents) in files {
        match disk.get(path) {
            None => report.new.push(path.clone()),
            Some(old) if old.as_slice() != contents.as_bytes() => report.changed.push(path.clone()),
            Some(_) => report.unchanged += 1,
        }
    }
    report.removed = disk
        .keys()
        .filter(|p| !files.contains_key(*p))
        .cloned()
        .collect();
    report
}

/// Replaces the tree under `out` with `files`, all or nothing: the files are written into a
/// staging directory next to `out`, which is then swapped in with two renames. A failure
/// before the swap leaves `out` untouched. Files whose contents do not change keep their
/// modification time (hard links), so cargo does not rebuild what did not change.
///
/// Only a tree the generator wrote may be replaced: every file under an existing `out`
/// must start with the generated-file header.
///
/// # Errors
/// [`CodegenError::UnsafeOutput`] when `out` holds other files or is not a directory;
/// [`CodegenError::Io`] when writing fails (the old tree is then still in place).
pub fn write(out: &Path, files: &FileSet) -> Result<(), CodegenError> {
    validate(files)?;
    if out.exists() && !out.is_dir() {
        return Err(CodegenError::UnsafeOutput {
            dir: out.to_path_buf(),
            reason: "it is not a directory".to_owned(),
        });
    }
    let disk = read_tree(out)?;
    write_over(out, files, disk)
}

/// [`write`], with `disk` the tree under `out` as [`read_tree`] read it (empty when `out`
/// does not exist); `files` are validated already.
///
/// # Errors
/// As [`write`].
pub fn write_over(
    out: &Path,
    files: &FileSet,
    disk: BTreeMap<String, Vec<u8>>,
) -> Result<(), CodegenError> {
    let disk = if out.exists() {
        if !out.is_dir() {
            return Err(CodegenError::UnsafeOutput {
                dir: out.to_path_buf(),
                reason: "it is not a directory".to_owned(),
            });
        }
        for (path, contents) in &disk {
            let first = contents.split(|b| *b == b'\n').next().unwrap_or_default();
            if !String::from_utf8_lossy(first).trim_end().ends_with(MARKER) {
                return Err(CodegenError::UnsafeOutput {
                    dir: out.to_path_buf(),
                    reason: format!(
                        "{path} was not written by the generator (move it away, or choose \
                         another --out)"
                    ),
                });
            }
        }
        Some(disk)
    } else {
        None
    };

    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| CodegenError::UnsafeOutput {
            dir: out.to_path_buf(),
            reason: "it has no directory name".to_owned(),
        })?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| io_error(&parent, e))?;
    let staging = parent.join(format!(".{name}.codegen-staging"));
    let old = parent.join(format!(".{name}.codegen-old"));
    for leftover in [&staging, &old] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(|e| io_error(leftover, e))?;
        }
    }

    let staged = stage(out, &staging, files, disk.as_ref());
    if let Err(e) = staged {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }

    if disk.is_some() {
        fs::rename(out, &old).map_err(|e| {
            let _ = fs::remove_dir_all(&staging);
            io_error(out, e)
        })?;
    }
    if let Err(e) = fs::rename(&staging, out) {
        if disk.is_some() {
            let _ = fs::rename(&old, out);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(io_error(out, e));
    }
    if disk.is_some() {
        fs::remove_dir_all(&old).map_err(|e| io_error(&old, e))?;
    }
    Ok(())
}

/// Writes `files` under `staging`, linking the unchanged ones from `out`.
fn stage(
    out: &Path,
    staging: &Path,
    files: &FileSet,
    disk: Option<&BTreeMap<String, Vec<u8>>>,
) -> Result<(), CodegenError> {
    fs::create_dir_all(staging).map_err(|e| io_error(staging, e))?;
    let mut made: BTreeSet<PathBuf> = BTreeSet::new();
    for (path, contents) in files {
        let target = staging.join(path);
        if let Some(dir) = target.parent()
            && !made.contains(dir)
        {
            fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
            made.insert(dir.to_path_buf());
        }
        let unchanged = disk
            .and_then(|d| d.get(path))
            .is_some_and(|old| old.as_slice() == contents.as_bytes());
        if unchanged && fs::hard_link(out.join(path), &target).is_ok() {
            continue;
        }
        fs::write(&target, contents).map_err(|e| io_error(&target, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_toml_checks() {
        let good = "# generated\n[package]\nname = \"alibabacloud-x\"\nversion.workspace = true\n\n[dependencies]\na = { path = \"../model\" }\n\n[lints]\nworkspace = true\n";
        assert_eq!(check_cargo_toml(good), Ok(()));
        let twice = good.replace("[lints]", "[package]");
        assert!(check_cargo_toml(&twice).is_err());
        assert!(
            check_cargo_toml(&good.replace("name = \"alibabacloud-x\"", "name = \"X\"")).is_err()
        );
        assert!(check_cargo_toml(&good.replace("workspace = true\n", "")).is_err());
        assert!(check_cargo_toml(&good.replace("version.workspace = true", "version")).is_err());
    }
}
