//! Reading spec files: one file, one string, or every spec under a directory.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{SpecError, SpecErrorKind};
use crate::path::JsonPath;
use crate::spec::Spec;
use crate::validate::validate;

/// The name of a spec file inside `<product>/<version>/`.
pub const SPEC_FILE_NAME: &str = "api-docs.json";

/// Parses and validates the spec in `text`; `origin` names it in errors (usually its path).
///
/// # Errors
/// A [`SpecError`] naming `origin` and the JSON path when the text is not JSON, a field has
/// the wrong type, or validation fails (see the crate docs).
pub fn load_str(text: &str, origin: &str) -> Result<Spec, SpecError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let mut spec: Spec = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|e| from_serde(origin, JsonPath::from_serde(e.path()), e.into_inner()))?;
    deserializer
        .end()
        .map_err(|e| from_serde(origin, JsonPath::root(), e))?;
    spec.origin = origin.to_owned();
    validate(&spec)?;
    Ok(spec)
}

/// Reads, parses and validates the spec file at `path`.
///
/// # Errors
/// As [`load_str`], plus [`SpecErrorKind::Io`] when the file cannot be read.
pub fn load_file(path: &Path) -> Result<Spec, SpecError> {
    let origin = path.display().to_string();
    let text = fs::read_to_string(path)
        .map_err(|e| SpecError::new(origin.clone(), JsonPath::root(), SpecErrorKind::Io(e)))?;
    load_str(&text, &origin)
}

/// Loads every `<product>/<version>/api-docs.json` under `specs_root`, sorted by product
/// directory then version directory (byte order), so the result is deterministic. Hidden
/// directories (`.name`) and directories without an `api-docs.json` are skipped.
///
/// # Errors
/// The first [`SpecError`] of any file; [`SpecErrorKind::Io`] when a directory cannot be
/// read; [`SpecErrorKind::Inconsistent`] when `info.product` (ignoring case) or
/// `info.version` differ from the directory names.
pub fn load_dir(specs_root: &Path) -> Result<Vec<Spec>, SpecError> {
    let mut specs = Vec::new();
    for product_dir in sorted_subdirs(specs_root)? {
        for version_dir in sorted_subdirs(&product_dir)? {
            let file = version_dir.join(SPEC_FILE_NAME);
            if !file.is_file() {
                continue;
            }
            let spec = load_file(&file)?;
            check_place(&spec, &product_dir, &version_dir)?;
            specs.push(spec);
        }
    }
    Ok(specs)
}

/// The sub-directories of `dir`, sorted, without hidden ones.
fn sorted_subdirs(dir: &Path) -> Result<Vec<PathBuf>, SpecError> {
    let io_err = |e| {
        SpecError::new(
            dir.display().to_string(),
            JsonPath::root(),
            SpecErrorKind::Io(e),
        )
    };
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err)? {
        let entry = entry.map_err(io_err)?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && path.is_dir() {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Checks that a spec sits in `<product>/<version>/` named after its `info`.
fn check_place(spec: &Spec, product_dir: &Path, version_dir: &Path) -> Result<(), SpecError> {
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let (product, version) = (name(product_dir), name(version_dir));
    let info = JsonPath::root().key("info");
    if !product.eq_ignore_ascii_case(&spec.info.product) {
        return Err(SpecError::new(
            spec.origin.clone(),
            info.key("product"),
            SpecErrorKind::Inconsistent(format!(
                "info.product is \"{}\" but the file is in directory \"{product}\"",
                spec.info.product
            )),
        ));
    }
    if version != spec.info.version {
        return Err(SpecError::new(
            spec.origin.clone(),
            info.key("version"),
            SpecErrorKind::Inconsistent(format!(
                "info.version is \"{}\" but the file is in directory \"{version}\"",
                spec.info.version
            )),
        ));
    }
    Ok(())
}

/// Turns a `serde_json` error into a [`SpecError`] at `path`.
fn from_serde(origin: &str, path: JsonPath, err: serde_json::Error) -> SpecError {
    use serde_json::error::Category;
    let kind = match err.classify() {
        Category::Data => SpecErrorKind::InvalidField(err.to_string()),
        Category::Syntax | Category::Eof | Category::Io => {
            let full = err.to_string();
            let suffix = format!(" at line {} column {}", err.line(), err.column());
            let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
            SpecErrorKind::Json {
                line: err.line(),
                column: err.column(),
                message,
            }
        }
    };
    SpecError::new(origin, path, kind)
}
