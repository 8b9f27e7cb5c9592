//! Paths shared by the integration tests.

#![allow(dead_code)]

use std::path::PathBuf;

/// `tests/fixtures/<rel>` of this crate.
pub(crate) fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The repository's `specs/` directory.
pub(crate) fn repo_specs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../specs")
}
