//! `cargo xtask codegen`: the service crates from the specs.
//!
//! Three layers:
//! 1. **parse**: [`alibabacloud_spec::load_str`] loads every
//!    `<product>/<version>/api-docs.json`, tolerantly: the metadata's quirks get documented
//!    fallbacks and [`Warning`]s;
//! 2. **IR** ([`ir`]): Rust names, types, docs, required-ness, error codes and endpoints,
//!    all decided ([`ir::lower`]), with the generator's own fallbacks and warnings;
//! 3. **emit** ([`emit`]): pure functions from the IR to token streams, one module per kind
//!    of output, formatted with `prettyplease`.
//!
//! [`generate_report`] does all three in memory, one spec file per thread at a time, and
//! reports every file (generated, skipped for its style, or failed); [`generate`] and
//! [`run`] turn any failure into an error, so that nothing is written unless every file
//! generates. [`files`] validates, writes (all or nothing) and checks the result.

pub mod emit;
pub mod files;
pub mod ir;
pub mod names;
pub mod paging;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use alibabacloud_spec::{Spec, SpecError, SpecErrorKind, Warning, WarningKind};

pub use files::{CheckReport, FileSet};

/// Why generation failed. Each names what was wrong and where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodegenError {
    /// A spec could not be loaded (not JSON, not the metadata's shape, an invalid `x-` key
    /// of ours, or in a directory that does not match its `info`).
    #[error("{}", spec_error_text(.source, .operations))]
    Spec {
        /// The operation concerned (from the JSON path), if any.
        operations: Vec<String>,
        /// The parse layer's error (file and JSON path).
        #[source]
        source: SpecError,
    },
    /// A spec uses something the generator cannot express at all (a product and version no
    /// crate can be named after).
    #[error(
        "{file}: {}{path}: {reason}",
        .operation.as_ref().map(|o| format!("operation {o}: ")).unwrap_or_default()
    )]
    Unsupported {
        /// The spec file.
        file: String,
        /// The operation, when the problem is inside one.
        operation: Option<String>,
        /// The JSON path, e.g. `$.info`.
        path: String,
        /// What is not supported.
        reason: String,
    },
    /// Two specs would generate the same crates.
    #[error("{first} and {second} both generate crates/services/{dir}")]
    DuplicateProduct {
        /// The crate directory.
        dir: String,
        /// One spec.
        first: String,
        /// The other.
        second: String,
    },
    /// Several spec files failed; every one is listed (nothing was written).
    #[error("{} spec files cannot be generated (nothing was written):{}", .0.len(), indented(.0))]
    Several(Vec<CodegenError>),
    /// `--deny-warnings` is set and some spec needed a fallback.
    #[error(
        "{} warnings, and warnings are denied (nothing was written):{}",
        .0.len(),
        indented(.0)
    )]
    DeniedWarnings(Vec<Warning>),
    /// `--specs` without `--out`: generating another specs folder into the repository's
    /// output would delete the crates of the products it lacks.
    #[error(
        "--specs {} needs --out: the default output, {}, holds the crates of {}, and \
         generating another specs folder there would delete the crates of every product \
         missing from it",
        .specs.display(), .out.display(), .repository_specs.display()
    )]
    SpecsWithoutOut {
        /// The specs folder given.
        specs: PathBuf,
        /// The default output.
        out: PathBuf,
        /// The repository's specs folder.
        repository_specs: PathBuf,
    },
    /// The generator produced a file that does not validate (a bug of the generator).
    #[error("generated file {path} is invalid: {reason}")]
    InvalidOutput {
        /// The file, relative to the output directory.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The output directory holds something the generator did not write.
    #[error("refusing to replace {}: {reason}", .dir.display())]
    UnsafeOutput {
        /// The output directory.
        dir: PathBuf,
        /// Why.
        reason: String,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
}

/// Each item on its own indented line.
fn indented<T: fmt::Display>(items: &[T]) -> String {
    items.iter().map(|i| format!("\n  {i}")).collect()
}

fn spec_error_text(source: &SpecError, operations: &[String]) -> String {
    let ops = match operations {
        [] => String::new(),
        [one] => format!("operation {one}: "),
        many => format!("operations {}: ", list(many)),
    };
    format!(
        "{}: {ops}{}: {}",
        source.file(),
        source.json_path(),
        source.kind()
    )
}

fn list(items: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = items
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        text.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    text
}

impl From<SpecError> for CodegenError {
    fn from(source: SpecError) -> Self {
        let operations = source.json_path().operation().into_iter().collect();
        CodegenError::Spec { operations, source }
    }
}

impl CodegenError {
    /// One error for a list of them: the error itself when there is one.
    fn from_many(mut errors: Vec<CodegenError>) -> Option<Self> {
        match errors.len() {
            0 => None,
            1 => errors.pop(),
            _ => Some(CodegenError::Several(errors)),
        }
    }
}

/// The files of the model and client crates of one spec, in memory. `spec_path` is the
/// path written in their headers.
///
/// # Errors
/// [`CodegenError::Unsupported`] for what the generator cannot express;
/// [`CodegenError::InvalidOutput`] if the emitted code does not parse (a generator bug).
pub fn generate_spec(spec: &Spec, spec_path: &str) -> Result<FileSet, CodegenError> {
    let product = ir::lower(spec, spec_path)?;
    render(&product)
}

/// The files of one lowered product.
///
/// # Errors
/// [`CodegenError::InvalidOutput`] if the emitted code does not parse.
pub fn render(product: &ir::Product) -> Result<FileSet, CodegenError> {
    let mut out = FileSet::new();
    for file in emit::product(product) {
        let text = match file.contents {
            emit::Contents::Toml(text) => {
                format!("{}\n{text}", files::header(&product.spec_path, true))
            }
            emit::Contents::Markdown(text) => {
                format!("{}\n\n{text}", files::markdown_header(&product.spec_path))
            }
            emit::Contents::Rust(tokens) => {
                let mut parsed: syn::File =
                    syn::parse2(tokens).map_err(|e| CodegenError::InvalidOutput {
                        path: file.path.clone(),
                        reason: e.to_string(),
                    })?;
                // The generator formats its files; `cargo fmt` leaves them alone, so that
                // formatting the workspace never makes the generated crates stale. (`rustfmt`
                // is a well-known cfg: rustc ignores the attribute, rustfmt skips the file.)
                parsed
                    .attrs
                    .push(syn::parse_quote!(#![cfg_attr(rustfmt, rustfmt::skip)]));
                let body = space_items(&emit::format::unparse(&parsed));
                format!("{}\n\n{body}", files::header(&product.spec_path, false))
            }
        };
        out.insert(file.path, text);
    }
    Ok(out)
}

/// Blank lines between items, which `prettyplease` does not put: after a block that closes
/// an item, after the inner docs, and after a group of `use`s.
fn space_items(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for (i, line) in lines.iter().enumerate() {
        if let Some(prev) = i.checked_sub(1).map(|j| lines[j]) {
            let current = line.trim_start();
            let indent = line.len() - current.len();
            let prev_trimmed = prev.trim_start();
            let prev_indent = prev.len() - prev_trimmed.len();
            // A doc or comment line never ends an item, even when it ends with `}` or `;`
            // (a blank line after an outer doc line would detach it from its item).
            let prev_comment = prev_trimmed.starts_with("//");
            let after_block = matches!(prev_trimmed, "}" | "};") && prev_indent == indent;
            let after_inner_docs = (prev_trimmed.starts_with("//!") && !current.starts_with("//!"))
                || (prev_trimmed.starts_with("#![") && !current.starts_with("#!["));
            let after_uses = (prev_trimmed.starts_with("pub use ")
                || prev_trimmed.starts_with("use "))
                && prev_trimmed.ends_with(';')
                && !(current.starts_with("pub use ") || current.starts_with("use "));
            // Between top-level items, except within a group of `use`s or bare `mod`s.
            let top_level = indent == 0
                && prev_indent == 0
                && !prev_comment
                && (prev_trimmed.ends_with('}') || prev_trimmed.ends_with(';'))
                && starts_item(current)
                && !(is_use_or_mod(prev_trimmed) && is_use_or_mod(current));
            if (after_block && starts_item(current)) || after_inner_docs || after_uses || top_level
            {
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn is_use_or_mod(line: &str) -> bool {
    ["use ", "pub use ", "mod ", "pub mod "]
        .iter()
        .any(|p| line.starts_with(p))
        && line.ends_with(';')
}

fn starts_item(line: &str) -> bool {
    [
        "///", "#[", "pub ", "pub(", "fn ", "impl", "static ", "const ", "async ", "mod ", "use ",
        "type ", "struct ", "enum ",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

/// The path written in the headers of a spec's files: relative to the specs root's parent,
/// as `<specs dir name>/<product>/<version>/api-docs.json`, so that output does not depend
/// on where the repository is.
pub fn header_path(specs_root: &Path, spec_file: &Path) -> String {
    let root_name = specs_root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| {
            fs::canonicalize(specs_root)
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_else(|| "specs".to_owned());
    let rel = spec_file.strip_prefix(specs_root).unwrap_or(spec_file);
    let mut parts = vec![root_name];
    parts.extend(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// What happened to one spec file.
#[derive(Debug)]
pub enum ProductOutcome {
    /// Its crates were generated.
    Generated,
    /// Its `info.style` is not supported (ROA, FC, ...): not generated (a warning says so).
    Skipped,
    /// It cannot be generated.
    Failed(CodegenError),
}

/// One spec file of a generation.
#[derive(Debug)]
pub struct ProductReport {
    /// The spec file.
    pub spec: PathBuf,
    /// `info.style` (empty when unknown).
    pub style: String,
    /// `info.product`.
    pub product: String,
    /// `info.version`.
    pub version: String,
    /// The crate directory under the output, when the crates were generated.
    pub dir: Option<String>,
    /// The operations of the file (the keys of `apis`).
    pub operations: usize,
    /// The operations generated (some may be left out, with a warning).
    pub generated_operations: usize,
    /// The warnings about this file.
    pub warnings: usize,
    /// The lines of the generated files.
    pub lines: usize,
    /// Generated, skipped or failed.
    pub outcome: ProductOutcome,
    /// The paging patterns of the generated operations.
    pub paging: paging::PagingCounts,
    /// Time spent on this file (reading, loading, lowering, rendering).
    pub time: Duration,
}

/// Where the time of a generation went. The phases are summed over the worker threads;
/// `wall` is the elapsed time.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Elapsed time of the whole generation.
    pub wall: Duration,
    /// Reading the spec files.
    pub read: Duration,
    /// Parsing and checking them (`alibabacloud_spec::load_str`).
    pub load: Duration,
    /// Lowering to the IR.
    pub lower: Duration,
    /// Emitting tokens and formatting files.
    pub render: Duration,
    /// Worker threads used.
    pub jobs: usize,
}

/// Everything a generation found: a report per spec file, in file order, the warnings in
/// file order, and the timings.
#[derive(Debug, Default)]
pub struct Summary {
    /// One per spec file, sorted by path.
    pub products: Vec<ProductReport>,
    /// Every warning, file by file.
    pub warnings: Vec<Warning>,
    /// Where the time went.
    pub timings: Timings,
}

impl Summary {
    /// The failures, in file order.
    pub fn errors(&self) -> impl Iterator<Item = &CodegenError> {
        self.products.iter().filter_map(|p| match &p.outcome {
            ProductOutcome::Failed(e) => Some(e),
            _ => None,
        })
    }

    /// The number of warnings of each kind, by kind.
    pub fn warnings_by_kind(&self) -> BTreeMap<WarningKind, usize> {
        let mut out = BTreeMap::new();
        for w in &self.warnings {
            *out.entry(w.kind()).or_insert(0) += 1;
        }
        out
    }

    /// `N warnings (kind: n, ...)`, or `no warnings`.
    pub fn warnings_line(&self) -> String {
        if self.warnings.is_empty() {
            return "no warnings".to_owned();
        }
        let kinds: Vec<String> = self
            .warnings_by_kind()
            .iter()
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        format!("{} warnings ({})", self.warnings.len(), kinds.join(", "))
    }
}

/// The generated files and what the generation found.
#[derive(Debug, Default)]
pub struct Generation {
    /// Every generated file.
    pub files: FileSet,
    /// Reports, warnings and timings.
    pub summary: Summary,
}

impl Generation {
    /// This generation when every file generated (and, with `deny_warnings`, none needed a
    /// fallback); else the error listing every failure (or every warning).
    ///
    /// # Errors
    /// The failures ([`CodegenError::Several`] when more than one), else
    /// [`CodegenError::DeniedWarnings`].
    pub fn into_complete(mut self, deny_warnings: bool) -> Result<Self, CodegenError> {
        let mut errors = Vec::new();
        for product in &mut self.summary.products {
            if let ProductOutcome::Failed(_) = product.outcome {
                let ProductOutcome::Failed(e) =
                    std::mem::replace(&mut product.outcome, ProductOutcome::Skipped)
                else {
                    continue;
                };
                errors.push(e);
            }
        }
        if let Some(error) = CodegenError::from_many(errors) {
            return Err(error);
        }
        if deny_warnings && !self.summary.warnings.is_empty() {
            return Err(CodegenError::DeniedWarnings(self.summary.warnings));
        }
        Ok(self)
    }
}

/// The result of one spec file, computed by a worker.
struct FileResult {
    report: ProductReport,
    files: FileSet,
    warnings: Vec<Warning>,
    timings: Timings,
}

/// Generates every spec under `specs_root` in memory, on `jobs` threads (0: one per core),
/// and reports every file: generated, skipped for its style, or failed. Files are handled
/// independently (the largest first), and the result does not depend on `jobs`.
///
/// # Errors
/// [`CodegenError::Spec`] when the specs directory cannot be listed. Failures of single
/// files are in the summary (see [`Generation::into_complete`]).
pub fn generate_report(specs_root: &Path, jobs: usize) -> Result<Generation, CodegenError> {
    let started = Instant::now();
    let spec_files = alibabacloud_spec::spec_files(specs_root)?;
    let jobs = match jobs {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
    .clamp(1, spec_files.len().max(1));
    // The largest files first, so that no thread is left with a big one at the end.
    let mut order: Vec<(u64, usize)> = spec_files
        .iter()
        .enumerate()
        .map(|(i, f)| (fs::metadata(f).map_or(0, |m| m.len()), i))
        .collect();
    order.sort_by(|a, b| b.cmp(a));
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<FileResult>>> =
        spec_files.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&(_, i)) = order.get(n) else {
                        break;
                    };
                    let file = &spec_files[i];
                    // A bug of the generator on one file is that file's failure, not a
                    // crash of the whole run.
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        generate_file(specs_root, file)
                    }))
                    .unwrap_or_else(|panic| panicked(file, panic.as_ref()));
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(result);
                    }
                }
            });
        }
    });

    let mut generation = Generation::default();
    let mut timings = Timings {
        jobs,
        ..Timings::default()
    };
    // Crate directory -> the spec that generates it, to refuse a second one.
    let mut dirs: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (slot, spec_file) in slots.into_iter().zip(&spec_files) {
        let result = slot.into_inner().ok().flatten();
        let Some(mut result) = result else {
            // A worker panicked before storing its result: the scope re-raised the panic,
            // so this is not reached; stay total anyway.
            continue;
        };
        if let Some(dir) = &result.report.dir {
            if let Some(first) = dirs.get(dir) {
                result.report.outcome = ProductOutcome::Failed(CodegenError::DuplicateProduct {
                    dir: dir.clone(),
                    first: first.display().to_string(),
                    second: spec_file.display().to_string(),
                });
                result.files.clear();
            } else {
                dirs.insert(dir.clone(), spec_file.clone());
            }
        }
        timings.read += result.timings.read;
        timings.load += result.timings.load;
        timings.lower += result.timings.lower;
        timings.render += result.timings.render;
        generation.files.extend(result.files);
        generation.summary.warnings.extend(result.warnings);
        generation.summary.products.push(result.report);
    }
    timings.wall = started.elapsed();
    generation.summary.timings = timings;
    Ok(generation)
}

/// The result of a file whose generation panicked (a bug of the generator).
fn panicked(spec_file: &Path, panic: &(dyn std::any::Any + Send)) -> FileResult {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    let mut result = FileResult::new(spec_file);
    result.report.outcome = ProductOutcome::Failed(CodegenError::InvalidOutput {
        path: spec_file.display().to_string(),
        reason: format!("the generator panicked (a bug): {message}"),
    });
    result
}

impl FileResult {
    /// Nothing generated yet for `spec_file` (`<product>/<version>/api-docs.json`: the
    /// names until `info` is read).
    fn new(spec_file: &Path) -> Self {
        let dir_name = |levels: usize| {
            spec_file
                .ancestors()
                .nth(levels)
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        FileResult {
            report: ProductReport {
                spec: spec_file.to_path_buf(),
                style: String::new(),
                product: dir_name(2),
                version: dir_name(1),
                dir: None,
                operations: 0,
                generated_operations: 0,
                warnings: 0,
                lines: 0,
                outcome: ProductOutcome::Generated,
                paging: paging::PagingCounts::default(),
                time: Duration::ZERO,
            },
            files: FileSet::new(),
            warnings: Vec::new(),
            timings: Timings::default(),
        }
    }
}

/// Reads, loads, lowers and renders one spec file.
fn generate_file(specs_root: &Path, spec_file: &Path) -> FileResult {
    let started = Instant::now();
    let origin = spec_file.display().to_string();
    let mut result = FileResult::new(spec_file);
    let failed = |mut result: FileResult, error: CodegenError| {
        result.report.outcome = ProductOutcome::Failed(error);
        result.report.time = started.elapsed();
        result
    };

    let phase = Instant::now();
    let text = match fs::read_to_string(spec_file) {
        Ok(text) => text,
        Err(source) => {
            return failed(
                result,
                CodegenError::Io {
                    path: spec_file.to_path_buf(),
                    source,
                },
            );
        }
    };
    result.timings.read = phase.elapsed();

    let phase = Instant::now();
    let loaded = alibabacloud_spec::load_str(&text, &origin)
        .and_then(|spec| alibabacloud_spec::check_place(&spec, spec_file).map(|()| spec));
    drop(text);
    result.timings.load = phase.elapsed();
    let spec = match loaded {
        Ok(spec) => spec,
        Err(error) => {
            if let SpecErrorKind::UnsupportedStyle { style, operations } = error.kind() {
                result.report.style = style.clone();
                result.report.operations = *operations;
                result.report.outcome = ProductOutcome::Skipped;
                result.report.warnings = 1;
                result.warnings.push(Warning::new(
                    origin.clone(),
                    error.json_path().clone(),
                    WarningKind::UnsupportedStyle,
                    format!(
                        "style \"{style}\" is not supported (only RPC, V3 and ROA are); the file \
                         ({operations} {}) is not generated",
                        if *operations == 1 {
                            "operation"
                        } else {
                            "operations"
                        }
                    ),
                ));
                result.report.time = started.elapsed();
                return result;
            }
            return failed(result, error.into());
        }
    };
    result.report.style = spec
        .info
        .style
        .as_ref()
        .map(|s| s.to_string())
        .unwrap_or_default();
    result.report.product = spec.info.product.clone();
    result.report.version = spec.info.version.clone();
    result.report.operations = spec.apis.len();

    let phase = Instant::now();
    let spec_path = header_path(specs_root, spec_file);
    let lowered = ir::lower(&spec, &spec_path);
    drop(spec);
    result.timings.lower = phase.elapsed();
    let product = match lowered {
        Ok(product) => product,
        Err(error) => return failed(result, error),
    };
    result.report.dir = Some(product.dir.clone());
    result.report.generated_operations = product.operations.len();
    result.report.paging = paging::PagingCounts::of(&product);
    result.report.warnings = product.warnings.len();

    let phase = Instant::now();
    let rendered = render(&product);
    result.timings.render = phase.elapsed();
    match rendered {
        Ok(files) => {
            result.report.lines = files
                .values()
                .map(|text| text.bytes().filter(|b| *b == b'\n').count())
                .sum();
            result.files = files;
        }
        Err(error) => return failed(result, error),
    }
    result.warnings = product.warnings;
    result.report.time = started.elapsed();
    result
}

/// Loads every spec under `specs_root` and generates all crates in memory. Warnings are
/// allowed (see [`generate_report`] for them).
///
/// # Errors
/// Every failure: the one [`CodegenError`] of a single failing spec, else
/// [`CodegenError::Several`]; [`CodegenError::DuplicateProduct`] when two specs map to the
/// same crate directory.
pub fn generate(specs_root: &Path) -> Result<FileSet, CodegenError> {
    Ok(generate_report(specs_root, 0)?.into_complete(false)?.files)
}

/// Where to read specs and write crates, and how strictly.
#[derive(Debug, Clone)]
pub struct Options {
    /// The specs root (`specs/`).
    pub specs: PathBuf,
    /// The output directory (`crates/services/`).
    pub out: PathBuf,
    /// Whether a warning is an error (nothing is written then).
    pub deny_warnings: bool,
    /// Worker threads; 0 for one per core.
    pub jobs: usize,
}

impl Options {
    /// The repository's own `specs/` and `crates/services/`, warnings allowed.
    pub fn repository() -> Self {
        let root = crate::workspace_root();
        Self {
            specs: root.join("specs"),
            out: root.join("crates").join("services"),
            deny_warnings: false,
            jobs: 0,
        }
    }

    /// Whether these options read the repository's own `specs/`.
    pub fn reads_repository_specs(&self) -> bool {
        same_dir(&self.specs, &Self::repository().specs)
    }

    /// Whether these options write the repository's own `crates/services/`.
    pub fn writes_repository_output(&self) -> bool {
        same_dir(&self.out, &Self::repository().out)
    }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// What [`run`] or [`check`] did: how the output compares with what was generated, and the
/// generation's reports, warnings and timings.
#[derive(Debug)]
pub struct Outcome {
    /// How the output tree differed (before the write, for [`run`]).
    pub report: CheckReport,
    /// Reports, warnings and timings.
    pub summary: Summary,
    /// Time spent comparing with and writing the output tree.
    pub write: Duration,
}

/// Generates everything, validates it, and replaces the output tree (all or nothing).
/// Refuses another specs folder than the repository's written into the repository's
/// output: that would delete the crates of the products the folder lacks.
///
/// # Errors
/// Any [`CodegenError`] (every failing spec is listed); on error the output tree is left as
/// it was.
pub fn run(options: &Options) -> Result<Outcome, CodegenError> {
    guard_output(options)?;
    let generation =
        generate_report(&options.specs, options.jobs)?.into_complete(options.deny_warnings)?;
    let started = Instant::now();
    files::validate(&generation.files)?;
    let disk = files::read_tree(&options.out)?;
    let report = files::compare(&options.out, &disk, &generation.files);
    if !report.is_clean() {
        files::write_over(&options.out, &generation.files, disk)?;
    }
    Ok(Outcome {
        report,
        summary: generation.summary,
        write: started.elapsed(),
    })
}

/// Generates everything in memory and compares it with the output tree.
///
/// # Errors
/// Any [`CodegenError`] of generation, or one reading the tree.
pub fn check(options: &Options) -> Result<Outcome, CodegenError> {
    guard_output(options)?;
    let generation =
        generate_report(&options.specs, options.jobs)?.into_complete(options.deny_warnings)?;
    let started = Instant::now();
    files::validate(&generation.files)?;
    let report = files::check(&options.out, &generation.files)?;
    Ok(Outcome {
        report,
        summary: generation.summary,
        write: started.elapsed(),
    })
}

/// Refuses another specs folder than `specs/` with the repository's output.
fn guard_output(options: &Options) -> Result<(), CodegenError> {
    if options.writes_repository_output() && !options.reads_repository_specs() {
        let repository = Options::repository();
        return Err(CodegenError::SpecsWithoutOut {
            specs: options.specs.clone(),
            out: options.out.clone(),
            repository_specs: repository.specs,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_paths_are_relative() {
        assert_eq!(
            header_path(
                Path::new("/abs/where/specs"),
                Path::new("/abs/where/specs/bssopenapi/2017-12-14/api-docs.json")
            ),
            "specs/bssopenapi/2017-12-14/api-docs.json"
        );
        assert_eq!(
            header_path(
                Path::new("fixtures/enums"),
                Path::new("fixtures/enums/a/1/api-docs.json")
            ),
            "enums/a/1/api-docs.json"
        );
    }

    #[test]
    fn doc_lines_ending_like_items_get_no_blank_line() {
        let text = "/// A value like {\"a\": 1}\n/// or x;\n#[derive(Clone)]\npub struct A;\n//! inner }\npub struct B;\n";
        assert_eq!(
            space_items(text),
            "/// A value like {\"a\": 1}\n/// or x;\n#[derive(Clone)]\npub struct A;\n//! inner }\n\npub struct B;\n"
        );
    }

    #[test]
    fn items_get_blank_lines() {
        let text = "//! Docs.\nuse a::b;\npub struct A {\n    x: u8,\n}\nimpl A {\n    fn f() {}\n    fn g() {\n    }\n    fn h() {}\n}\n";
        assert_eq!(
            space_items(text),
            "//! Docs.\n\nuse a::b;\n\npub struct A {\n    x: u8,\n}\n\nimpl A {\n    fn f() {}\n    fn g() {\n    }\n\n    fn h() {}\n}\n"
        );
    }
}
