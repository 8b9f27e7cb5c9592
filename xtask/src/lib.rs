//! Project automation, as a library so that tests and benchmarks call the same code as the
//! command line (`src/main.rs`):
//!
//! - [`codegen`]: `cargo xtask codegen [--check] [--specs DIR] [--out DIR]` generates the
//!   crates under `crates/services/` from `specs/` (parse -> IR -> emit);
//! - [`check_generated`]: `cargo xtask check-generated` generates two whole official
//!   products (and every test fixture) into a scratch workspace and runs clippy on them;
//! - [`catalog_check`]: `cargo xtask catalog-check DIR` generates every product version of a
//!   catalog of official metadata, compiles all or a sample of them with clippy, and reports;
//! - [`scratch`]: the scratch workspace both use.

pub mod catalog_check;
pub mod check_generated;
pub mod codegen;
pub mod scratch;

use std::path::{Path, PathBuf};

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}
