//! `cargo xtask check-generated`: whole official products (and every test fixture) generated
//! into a scratch workspace (see [`crate::scratch`]), then `cargo clippy --all-targets -- -D
//! warnings` there.

use std::fmt;
use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::codegen::{self, CodegenError, FileSet};
pub use crate::scratch::CheckError;
use crate::scratch::{CargoStep, Scratch, io};

/// The official product files, unmodified, of the parse layer's tests.
pub const OFFICIAL_PRODUCTS: &[&str] = &[
    "crates/alibabacloud-spec/tests/fixtures/official/bssopenapi-2017-12-14.full.api-docs.json",
    "crates/alibabacloud-spec/tests/fixtures/official/quickbi-public-2022-01-01.full.api-docs.json",
];

/// The generator's fixtures: each sub-directory is a specs root.
pub const FIXTURES: &str = "xtask/tests/fixtures";

/// The quirks of real metadata, one class per sub-directory (a specs root each).
pub const QUIRKS: &str = "xtask/tests/quirks";

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

/// Generates and checks; see the module docs.
///
/// # Errors
/// [`CheckError::Cargo`] when clippy (or rustdoc) rejects the generated code, or the error
/// of any step before.
pub fn run(options: &CheckOptions) -> Result<Summary, CheckError> {
    let scratch = Scratch::new("xtask-check-generated");
    // The specs tree is rebuilt from scratch each run; the generated crates are rewritten in
    // place, unchanged files keeping their modification time.
    let specs = scratch.dir.join("specs");
    if specs.exists() {
        fs::remove_dir_all(&specs).map_err(io(&specs))?;
    }

    let started = Instant::now();
    let mut generated = FileSet::new();
    for official in OFFICIAL_PRODUCTS {
        let source = scratch.root.join(official);
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
        let mut roots: Vec<PathBuf> = Vec::new();
        for dir in [FIXTURES, QUIRKS] {
            let dir = scratch.root.join(dir);
            roots.extend(
                fs::read_dir(&dir)
                    .map_err(io(&dir))?
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_dir()),
            );
        }
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
    scratch.write(&generated)?;
    let generate = started.elapsed();

    let mut commands = Vec::new();
    let mut steps: Vec<CargoStep<'_>> = vec![(
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
        steps.push((
            vec!["doc", "--workspace", "--no-deps"],
            Some(("RUSTDOCFLAGS", "-D warnings")),
        ));
        steps.push((vec!["test", "--workspace", "--doc"], None));
    }
    for (args, env) in steps {
        let took = scratch.cargo(&args, env)?;
        commands.push((format!("cargo {}", args.join(" ")), took));
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
        workspace: scratch.dir,
    })
}
