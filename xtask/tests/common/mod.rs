//! Helpers shared by the generator's integration tests.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use xtask::codegen::FileSet;

/// `xtask/tests/fixtures`: one specs root per construct.
pub(crate) fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// `xtask/tests/refused`: one specs root per spec the generator must refuse.
pub(crate) fn refused_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("refused")
}

/// `xtask/tests/quirks`: one specs root per quirk class of real metadata.
pub(crate) fn quirks_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("quirks")
}

/// The fixtures' names (the sub-directories of [`fixtures_dir`]), sorted.
pub(crate) fn fixture_names() -> Vec<String> {
    subdir_names(&fixtures_dir())
}

/// The names of the sub-directories of `dir`, sorted.
pub(crate) fn subdir_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Everything one fixture generates, in memory.
pub(crate) fn generate_fixture(name: &str) -> FileSet {
    match xtask::codegen::generate(&fixtures_dir().join(name)) {
        Ok(files) => files,
        Err(e) => panic!("fixture {name}: {e}"),
    }
}

/// The generated file of a fixture whose path ends with `suffix`.
pub(crate) fn fixture_file(name: &str, suffix: &str) -> String {
    let files = generate_fixture(name);
    files
        .iter()
        .find(|(path, _)| path.ends_with(suffix))
        .map(|(_, contents)| contents.clone())
        .unwrap_or_else(|| panic!("fixture {name} has no file ending with {suffix}"))
}

/// The repository's `specs/`.
pub(crate) fn repository_specs() -> PathBuf {
    xtask::workspace_root().join("specs")
}
