//! `cargo xtask codegen`: the service crates from the specs.
//!
//! Three layers:
//! 1. **parse**: [`alibabacloud_spec::load_dir`] loads and validates every
//!    `<product>/<version>/api-docs.json`;
//! 2. **IR** ([`ir`]): Rust names, types, docs, required-ness, error codes and endpoints,
//!    all decided ([`ir::lower`]);
//! 3. **emit** ([`emit`]): pure functions from the IR to token streams, one module per kind
//!    of output, formatted with `prettyplease`.
//!
//! [`generate`] does all three in memory; [`files`] validates, writes (all or nothing) and
//! checks the result.

pub mod emit;
pub mod files;
pub mod ir;
pub mod names;

use std::fs;
use std::path::{Path, PathBuf};

use alibabacloud_spec::{JsonPath, Spec, SpecError, SpecErrorKind};

pub use files::{CheckReport, FileSet};

/// Why generation failed. Each names what was wrong and where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodegenError {
    /// A spec could not be loaded (not JSON, invalid, or a style the parse layer refuses,
    /// such as ROA).
    #[error("{}", spec_error_text(.source, .operations))]
    Spec {
        /// The operations concerned (from the JSON path; all of the file's for a refused
        /// file).
        operations: Vec<String>,
        /// The parse layer's error (file and JSON path).
        #[source]
        source: SpecError,
    },
    /// A spec uses something the generator cannot express.
    #[error(
        "{file}: {}{path}: {reason}",
        .operation.as_ref().map(|o| format!("operation {o}: ")).unwrap_or_default()
    )]
    Unsupported {
        /// The spec file.
        file: String,
        /// The operation, when the problem is inside one.
        operation: Option<String>,
        /// The JSON path, e.g. `$.apis.PutFoo.methods`.
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
        let operations = match source.kind() {
            // The whole file is refused: name its operations.
            SpecErrorKind::UnsupportedStyle { .. } => operation_names(Path::new(source.file())),
            _ => operation_in_path(source.json_path()).into_iter().collect(),
        };
        CodegenError::Spec { operations, source }
    }
}

/// The operation a JSON path is inside (`$.apis.QueryFoo.parameters[2]` -> `QueryFoo`).
fn operation_in_path(path: &JsonPath) -> Option<String> {
    let rest = path.as_str().strip_prefix("$.apis")?;
    if let Some(dotted) = rest.strip_prefix('.') {
        let end = dotted.find(['.', '[']).unwrap_or(dotted.len());
        return Some(dotted[..end].to_owned());
    }
    let quoted = rest.strip_prefix("['")?;
    let end = quoted.find("']")?;
    Some(quoted[..end].replace("\\'", "'"))
}

/// The operation names of a spec file the parse layer refused as a whole, read leniently.
fn operation_names(file: &Path) -> Vec<String> {
    let Ok(text) = fs::read_to_string(file) else {
        return Vec::new();
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Vec::new();
    };
    value
        .get("apis")
        .and_then(serde_json::Value::as_object)
        .map(|apis| apis.keys().cloned().collect())
        .unwrap_or_default()
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

/// Loads every spec under `specs_root` and generates all crates in memory.
///
/// # Errors
/// The first [`CodegenError`] of any spec; [`CodegenError::DuplicateProduct`] when two specs
/// map to the same crate directory.
pub fn generate(specs_root: &Path) -> Result<FileSet, CodegenError> {
    let specs = alibabacloud_spec::load_dir(specs_root)?;
    let mut all = FileSet::new();
    let mut dirs: Vec<(String, String)> = Vec::new();
    for spec in &specs {
        let spec_path = header_path(specs_root, Path::new(&spec.origin));
        let product = ir::lower(spec, &spec_path)?;
        if let Some((_, first)) = dirs.iter().find(|(d, _)| *d == product.dir) {
            return Err(CodegenError::DuplicateProduct {
                dir: product.dir.clone(),
                first: first.clone(),
                second: spec.origin.clone(),
            });
        }
        dirs.push((product.dir.clone(), spec.origin.clone()));
        all.extend(render(&product)?);
    }
    Ok(all)
}

/// Where to read specs and write crates.
#[derive(Debug, Clone)]
pub struct Options {
    /// The specs root (`specs/`).
    pub specs: PathBuf,
    /// The output directory (`crates/services/`).
    pub out: PathBuf,
}

impl Options {
    /// The repository's own `specs/` and `crates/services/`.
    pub fn repository() -> Self {
        let root = crate::workspace_root();
        Self {
            specs: root.join("specs"),
            out: root.join("crates").join("services"),
        }
    }
}

/// Generates everything, validates it, and replaces the output tree (all or nothing).
/// Returns the check report from before the write (what changed).
///
/// # Errors
/// Any [`CodegenError`]; on error the output tree is left as it was.
pub fn run(options: &Options) -> Result<CheckReport, CodegenError> {
    let generated = generate(&options.specs)?;
    files::validate(&generated)?;
    let report = files::check(&options.out, &generated)?;
    if !report.is_clean() {
        files::write(&options.out, &generated)?;
    }
    Ok(report)
}

/// Generates everything in memory and compares it with the output tree.
///
/// # Errors
/// Any [`CodegenError`] of generation, or one reading the tree.
pub fn check(options: &Options) -> Result<CheckReport, CodegenError> {
    let generated = generate(&options.specs)?;
    files::validate(&generated)?;
    files::check(&options.out, &generated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_from_json_paths() {
        let p = JsonPath::root()
            .key("apis")
            .key("QueryFoo")
            .key("parameters")
            .index(2);
        assert_eq!(operation_in_path(&p).as_deref(), Some("QueryFoo"));
        let p = JsonPath::root().key("apis").key("Odd Name").key("methods");
        assert_eq!(operation_in_path(&p).as_deref(), Some("Odd Name"));
        assert_eq!(operation_in_path(&JsonPath::root().key("info")), None);
    }

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
    fn items_get_blank_lines() {
        let text = "//! Docs.\nuse a::b;\npub struct A {\n    x: u8,\n}\nimpl A {\n    fn f() {}\n    fn g() {\n    }\n    fn h() {}\n}\n";
        assert_eq!(
            space_items(text),
            "//! Docs.\n\nuse a::b;\n\npub struct A {\n    x: u8,\n}\n\nimpl A {\n    fn f() {}\n    fn g() {\n    }\n\n    fn h() {}\n}\n"
        );
    }
}
