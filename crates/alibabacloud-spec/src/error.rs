//! The one error type of this crate: it always names the file and the JSON path.

use crate::path::JsonPath;

/// Why a spec could not be loaded. Always names the file and the JSON path, e.g.
/// `specs/x/api-docs.json: $.apis.QueryFoo.parameters[2]: parameter has no "name"`.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {path}: {kind}")]
pub struct SpecError {
    file: String,
    path: JsonPath,
    kind: SpecErrorKind,
}

impl SpecError {
    pub(crate) fn new(file: impl Into<String>, path: JsonPath, kind: SpecErrorKind) -> Self {
        Self {
            file: file.into(),
            path,
            kind,
        }
    }

    /// The file (or the `origin` given to [`load_str`](crate::load_str)) the error is about.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Where in the file: `$` for the whole document, else e.g. `$.apis.QueryFoo.parameters[2]`.
    pub fn json_path(&self) -> &JsonPath {
        &self.path
    }

    /// What went wrong.
    pub fn kind(&self) -> &SpecErrorKind {
        &self.kind
    }
}

/// The kinds of [`SpecError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SpecErrorKind {
    /// The file or directory could not be read.
    #[error("cannot read: {0}")]
    Io(std::io::Error),
    /// The text is not JSON.
    #[error("invalid JSON at line {line} column {column}: {message}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// A field the generator needs is absent (or empty).
    #[error("{owner} has no \"{field}\"")]
    MissingField {
        /// What lacks the field, e.g. `parameter`.
        owner: &'static str,
        /// The field's JSON name, e.g. `name`.
        field: &'static str,
    },
    /// A field has a value of the wrong type or a value that makes no sense.
    #[error("{0}")]
    InvalidField(String),
    /// The API style (`info.style`) is not one this crate handles (`RPC`, `V3` and `ROA`
    /// are). Nothing but `info` is read from such a file.
    #[error("unsupported style \"{style}\": only RPC, V3 and ROA APIs are supported")]
    UnsupportedStyle {
        /// The style found, e.g. `FC`.
        style: String,
        /// How many operations the file has (the keys of `apis`).
        operations: usize,
    },
    /// Two parts of the spec (or the spec and its place on disk) contradict each other.
    #[error("{0}")]
    Inconsistent(String),
}
