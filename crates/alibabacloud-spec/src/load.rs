//! Reading spec files: one file, one string, or every spec under a directory.
//!
//! Loading is tolerant. A first, cheap look reads only `info` (and counts the operations):
//! a file that is not JSON, not an object, or without `info.style`, `info.product` and
//! `info.version` is an error, and so is a style this crate does not load. Then the whole
//! file is read into the typed structs. When a value somewhere has the wrong type (an
//! official file with `"minLength": -1`), the file is read again part by part, leaving out
//! each value that does not fit, with a warning naming its path. Finally the checks of
//! [`normalize`](crate::validate) apply the documented fallbacks of the metadata's quirks.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::error::{SpecError, SpecErrorKind};
use crate::lenient;
use crate::path::JsonPath;
use crate::spec::{ApiStyle, Spec};
use crate::tree::Tree;
use crate::validate::normalize;
use crate::warning::{Warning, WarningKind};

/// The name of a spec file inside `<product>/<version>/`.
pub const SPEC_FILE_NAME: &str = "api-docs.json";

/// What a first look at a spec file finds: its `info` and the number of operations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    /// `info.style`.
    pub style: Option<ApiStyle>,
    /// `info.product` (empty when absent).
    pub product: String,
    /// `info.version` (empty when absent).
    pub version: String,
    /// The number of keys of `apis`.
    pub operations: usize,
}

/// Reads only `info` and counts the keys of `apis`; everything else is skipped unread. This
/// is how files of unsupported styles are refused cheaply.
///
/// # Errors
/// [`SpecErrorKind::Json`] when the text is not JSON; [`SpecErrorKind::InvalidField`] when
/// it is not an object or `info` is not one.
pub fn preview_str(text: &str, origin: &str) -> Result<Preview, SpecError> {
    #[derive(Deserialize)]
    struct Doc {
        #[serde(default)]
        info: Option<PreviewInfo>,
        #[serde(default)]
        apis: KeyCount,
    }
    #[derive(Deserialize)]
    struct PreviewInfo {
        #[serde(default)]
        style: Option<ApiStyle>,
        #[serde(default, deserialize_with = "lenient::text")]
        product: String,
        #[serde(default, deserialize_with = "lenient::text")]
        version: String,
    }
    let text = strip_bom(text);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let doc = serde_path_to_error::deserialize::<_, Doc>(&mut deserializer)
        .map_err(|e| e.into_inner())
        .and_then(|doc| deserializer.end().map(|()| doc));
    let doc = match doc {
        Ok(doc) if text.trim_start().starts_with('{') => doc,
        // Not JSON, or not an object: read it all to say where.
        _ => {
            let mut deserializer = serde_json::Deserializer::from_str(text);
            serde_path_to_error::deserialize::<_, Tree>(&mut deserializer)
                .map_err(|e| from_serde(origin, JsonPath::from_serde(e.path()), e.into_inner()))?;
            deserializer
                .end()
                .map_err(|e| from_serde(origin, JsonPath::root(), e))?;
            if !text.trim_start().starts_with('{') {
                return Err(invalid(
                    origin,
                    JsonPath::root(),
                    "the document is not an object",
                ));
            }
            let mut deserializer = serde_json::Deserializer::from_str(text);
            serde_path_to_error::deserialize::<_, Doc>(&mut deserializer)
                .map_err(|e| from_serde(origin, JsonPath::from_serde(e.path()), e.into_inner()))?
        }
    };
    let info = doc.info;
    Ok(Preview {
        style: info.as_ref().and_then(|i| i.style.clone()),
        product: info.as_ref().map(|i| i.product.clone()).unwrap_or_default(),
        version: info.map(|i| i.version).unwrap_or_default(),
        operations: doc.apis.0,
    })
}

/// The number of keys of an object (`null` or anything else: 0), without reading values.
#[derive(Default)]
struct KeyCount(usize);

impl<'de> Deserialize<'de> for KeyCount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CountVisitor;
        impl<'de> Visitor<'de> for CountVisitor {
            type Value = KeyCount;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyCount, A::Error> {
                let mut n = 0;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(KeyCount(n))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<KeyCount, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(KeyCount(0))
            }
            fn visit_bool<E>(self, _: bool) -> Result<KeyCount, E> {
                Ok(KeyCount(0))
            }
            fn visit_i64<E>(self, _: i64) -> Result<KeyCount, E> {
                Ok(KeyCount(0))
            }
            fn visit_u64<E>(self, _: u64) -> Result<KeyCount, E> {
                Ok(KeyCount(0))
            }
            fn visit_f64<E>(self, _: f64) -> Result<KeyCount, E> {
                Ok(KeyCount(0))
            }
            fn visit_str<E>(self, _: &str) -> Result<KeyCount, E> {
                Ok(KeyCount(0))
            }
            fn visit_unit<E>(self) -> Result<KeyCount, E> {
                Ok(KeyCount(0))
            }
        }
        deserializer.deserialize_any(CountVisitor)
    }
}

/// Parses and checks the spec in `text`; `origin` names it in errors and warnings (usually
/// its path). What the file says that cannot be taken as it is gets its documented fallback
/// and a warning in [`Spec::warnings`].
///
/// # Errors
/// A [`SpecError`] naming `origin` and the JSON path when the text is not JSON or not the
/// metadata's shape (not an object; `info`, `apis`, `components` or `endpoints` of the wrong
/// type; no `info.style`, `info.product` or `info.version`), when the style is not `RPC`,
/// `V3` or `ROA` ([`SpecErrorKind::UnsupportedStyle`], found before the rest of the file is
/// read), or when one of our `x-` keys is invalid.
pub fn load_str(text: &str, origin: &str) -> Result<Spec, SpecError> {
    let text = strip_bom(text);
    let preview = preview_str(text, origin)?;
    let info = JsonPath::root().key("info");
    match &preview.style {
        None => {
            return Err(SpecError::new(
                origin,
                info,
                SpecErrorKind::MissingField {
                    owner: "info",
                    field: "style",
                },
            ));
        }
        Some(style) if !style.is_supported() => {
            return Err(SpecError::new(
                origin,
                info.key("style"),
                SpecErrorKind::UnsupportedStyle {
                    style: style.as_str().to_owned(),
                    operations: preview.operations,
                },
            ));
        }
        Some(_) => {}
    }
    let mut warnings = Vec::new();
    let mut spec = parse(text, origin, &mut warnings)?;
    spec.origin = origin.to_owned();
    normalize(&mut spec, &mut warnings)?;
    spec.warnings = warnings;
    Ok(spec)
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The typed spec: straight from the text, or part by part when some value does not fit.
fn parse(text: &str, origin: &str, warnings: &mut Vec<Warning>) -> Result<Spec, SpecError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Spec>(&mut deserializer) {
        Ok(spec) => {
            deserializer
                .end()
                .map_err(|e| from_serde(origin, JsonPath::root(), e))?;
            Ok(spec)
        }
        Err(e) if e.inner().classify() != serde_json::error::Category::Data => Err(from_serde(
            origin,
            JsonPath::from_serde(e.path()),
            e.into_inner(),
        )),
        Err(_) => parse_tolerant(text, origin, warnings),
    }
}

/// How many values of one part (an operation, a schema, an endpoint) may be left out before
/// the part itself is.
const MAX_REPAIRS: usize = 256;

/// Reads the spec part by part: `info`, `version` and our top-level `x-` keys strictly, then
/// each operation, named schema and endpoint on its own, leaving out the values that do not
/// fit (see [`tolerant`]).
fn parse_tolerant(
    text: &str,
    origin: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Spec, SpecError> {
    let mut root: Tree =
        serde_json::from_str(text).map_err(|e| from_serde(origin, JsonPath::root(), e))?;
    if !matches!(root, Tree::Object(_)) {
        return Err(invalid(
            origin,
            JsonPath::root(),
            "the document is not an object",
        ));
    }
    let root_path = JsonPath::root();
    let apis = root.take("apis");
    let endpoints = root.take("endpoints");
    let schemas = root.get_mut("components").and_then(|c| c.take("schemas"));
    let mut spec: Spec = serde_path_to_error::deserialize(&root)
        .map_err(|e| from_serde(origin, JsonPath::from_serde(e.path()), e.into_inner()))?;

    let apis_path = root_path.key("apis");
    match apis {
        None | Some(Tree::Null) => {}
        Some(Tree::Object(members)) => {
            for (name, value) in members {
                let path = apis_path.key(&name);
                if let Some(api) = tolerant(value, &path, origin, "operation", warnings)? {
                    spec.apis.insert(name, api);
                }
            }
        }
        Some(_) => return Err(invalid(origin, apis_path, "\"apis\" is not an object")),
    }
    let schemas_path = root_path.key("components").key("schemas");
    match schemas {
        None | Some(Tree::Null) => {}
        Some(Tree::Object(members)) => {
            let mut out = IndexMap::with_capacity(members.len());
            for (name, value) in members {
                let path = schemas_path.key(&name);
                if let Some(schema) = tolerant(value, &path, origin, "schema", warnings)? {
                    out.insert(name, schema);
                }
            }
            spec.components.schemas = out;
        }
        Some(_) => {
            return Err(invalid(
                origin,
                schemas_path,
                "\"components.schemas\" is not an object",
            ));
        }
    }
    let endpoints_path = root_path.key("endpoints");
    match endpoints {
        None | Some(Tree::Null) => {}
        Some(Tree::Array(items)) => {
            for (i, value) in items.into_iter().enumerate() {
                let path = endpoints_path.index(i);
                if let Some(endpoint) = tolerant(value, &path, origin, "endpoint", warnings)? {
                    spec.endpoints.push(endpoint);
                }
            }
        }
        Some(_) => {
            return Err(invalid(
                origin,
                endpoints_path,
                "\"endpoints\" is not a list",
            ));
        }
    }
    Ok(spec)
}

/// Our `x-` keys with a typed field: a bad value under one of them is an error, not a
/// warning (our own metadata must be right).
const OUR_KEYS: &[&str] = &[
    "x-secret",
    "x-json-string",
    "x-time-format",
    "x-ram-authorization",
    "x-endpoint-rule",
];

/// `T` from `value`, leaving out each inner value that does not fit (with an
/// [`WarningKind::InvalidValue`] warning naming its path), or `None` (and a warning) when
/// `value` itself does not fit. A value under one of our `x-` keys is an error instead: our
/// own keys must be right.
fn tolerant<T: DeserializeOwned>(
    mut value: Tree,
    base: &JsonPath,
    origin: &str,
    what: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Option<T>, SpecError> {
    // Array elements left out so far, by the original path of their array, so that later
    // warnings still name the original indexes.
    let mut removed: HashMap<String, Vec<usize>> = HashMap::new();
    for _ in 0..=MAX_REPAIRS {
        let err = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(t) => return Ok(Some(t)),
            Err(err) => err,
        };
        let message = err.inner().to_string();
        let segments: Vec<Segment> = err
            .path()
            .iter()
            .map(|s| match s {
                serde_path_to_error::Segment::Seq { index } => Segment::Index(*index),
                serde_path_to_error::Segment::Map { key } => Segment::Key(key.clone()),
                serde_path_to_error::Segment::Enum { variant } => Segment::Key(variant.clone()),
                serde_path_to_error::Segment::Unknown => Segment::Unknown,
            })
            .collect();
        let (path, located) = original_path(base, &segments, &removed);
        if segments
            .iter()
            .any(|s| matches!(s, Segment::Key(k) if OUR_KEYS.contains(&k.as_str())))
        {
            return Err(SpecError::new(
                origin,
                path,
                SpecErrorKind::InvalidField(message),
            ));
        }
        if segments.is_empty() || !located || !remove_at(&mut value, &segments, &mut removed) {
            warnings.push(Warning::new(
                origin,
                base.clone(),
                WarningKind::InvalidValue,
                format!("the {what} does not have the expected shape ({message}); left out"),
            ));
            return Ok(None);
        }
        warnings.push(Warning::new(
            origin,
            path,
            WarningKind::InvalidValue,
            format!("{message}; the value is ignored"),
        ));
    }
    warnings.push(Warning::new(
        origin,
        base.clone(),
        WarningKind::InvalidValue,
        format!("the {what} has more than {MAX_REPAIRS} invalid values; left out"),
    ));
    Ok(None)
}

#[derive(Debug)]
enum Segment {
    Key(String),
    Index(usize),
    Unknown,
}

/// The path in the original file of `segments` under `base`, mapping indexes of arrays that
/// lost elements back to the original ones; `false` when a segment is unknown.
fn original_path(
    base: &JsonPath,
    segments: &[Segment],
    removed: &HashMap<String, Vec<usize>>,
) -> (JsonPath, bool) {
    // `removed` is keyed by paths relative to `base` (as `remove_at` builds them).
    let mut path = base.clone();
    let mut relative = JsonPath::root();
    for segment in segments {
        match segment {
            Segment::Key(key) => {
                path = path.key(key);
                relative = relative.key(key);
            }
            Segment::Index(index) => {
                let gone = removed
                    .get(relative.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                let original = original_index(*index, gone);
                path = path.index(original);
                relative = relative.index(original);
            }
            Segment::Unknown => return (path, false),
        }
    }
    (path, true)
}

/// The original index of the element now at `index`, when the (sorted) original indexes
/// `gone` were removed.
fn original_index(index: usize, gone: &[usize]) -> usize {
    let mut original = index;
    for g in gone {
        if *g <= original {
            original += 1;
        } else {
            break;
        }
    }
    original
}

/// Removes the value at `segments` (a key of an object, an element of an array); records
/// removed array elements in `removed` by the array's original path. `false` when there is
/// nothing there.
fn remove_at(
    value: &mut Tree,
    segments: &[Segment],
    removed: &mut HashMap<String, Vec<usize>>,
) -> bool {
    let Some((last, parents)) = segments.split_last() else {
        return false;
    };
    // The original path of the parent, relative, to key `removed`.
    let mut parent_path = JsonPath::root();
    let mut current = value;
    for segment in parents {
        let (next, next_path) = match (segment, current) {
            (Segment::Key(key), tree @ Tree::Object(_)) => {
                (tree.get_mut(key), parent_path.key(key))
            }
            (Segment::Index(i), Tree::Array(items)) => {
                let gone = removed
                    .get(parent_path.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                let original = original_index(*i, gone);
                (items.get_mut(*i), parent_path.index(original))
            }
            _ => return false,
        };
        match next {
            Some(next) => {
                current = next;
                parent_path = next_path;
            }
            None => return false,
        }
    }
    match (last, current) {
        (Segment::Key(key), tree @ Tree::Object(_)) => tree.take(key).is_some(),
        (Segment::Index(i), Tree::Array(items)) if *i < items.len() => {
            items.remove(*i);
            let gone = removed.entry(parent_path.as_str().to_owned()).or_default();
            let original = original_index(*i, gone);
            gone.push(original);
            gone.sort_unstable();
            true
        }
        _ => false,
    }
}

fn invalid(origin: &str, path: JsonPath, message: &str) -> SpecError {
    SpecError::new(
        origin,
        path,
        SpecErrorKind::InvalidField(format!("not API metadata: {message}")),
    )
}

/// Reads, parses and checks the spec file at `path` (see [`load_str`]).
///
/// # Errors
/// As [`load_str`], plus [`SpecErrorKind::Io`] when the file cannot be read.
pub fn load_file(path: &Path) -> Result<Spec, SpecError> {
    let origin = path.display().to_string();
    let text = fs::read_to_string(path)
        .map_err(|e| SpecError::new(origin.clone(), JsonPath::root(), SpecErrorKind::Io(e)))?;
    load_str(&text, &origin)
}

/// Every `<product>/<version>/api-docs.json` under `specs_root`, sorted by product directory
/// then version directory (byte order). Hidden directories (`.name`) and directories without
/// an `api-docs.json` are skipped.
///
/// # Errors
/// [`SpecErrorKind::Io`] when a directory cannot be read.
pub fn spec_files(specs_root: &Path) -> Result<Vec<PathBuf>, SpecError> {
    let mut files = Vec::new();
    for product_dir in sorted_subdirs(specs_root)? {
        for version_dir in sorted_subdirs(&product_dir)? {
            let file = version_dir.join(SPEC_FILE_NAME);
            if file.is_file() {
                files.push(file);
            }
        }
    }
    Ok(files)
}

/// Loads every spec of [`spec_files`], in that order.
///
/// # Errors
/// The first [`SpecError`] of any file; [`SpecErrorKind::Io`] when a directory cannot be
/// read; [`SpecErrorKind::Inconsistent`] when `info.product` (ignoring case) or
/// `info.version` differ from the directory names.
pub fn load_dir(specs_root: &Path) -> Result<Vec<Spec>, SpecError> {
    spec_files(specs_root)?
        .iter()
        .map(|file| {
            let spec = load_file(file)?;
            check_place(&spec, file)?;
            Ok(spec)
        })
        .collect()
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

/// Checks that a spec loaded from `file` sits in `<product>/<version>/` named after its
/// `info` (the product ignoring case).
///
/// # Errors
/// [`SpecErrorKind::Inconsistent`] naming `info.product` or `info.version`.
pub fn check_place(spec: &Spec, file: &Path) -> Result<(), SpecError> {
    let version_dir = file.parent().unwrap_or(file);
    let product_dir = version_dir.parent().unwrap_or(version_dir);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn original_indexes_skip_removed_ones() {
        assert_eq!(original_index(0, &[]), 0);
        assert_eq!(original_index(0, &[0]), 1);
        assert_eq!(original_index(1, &[0, 2]), 3);
        assert_eq!(original_index(1, &[3]), 1);
    }

    #[test]
    fn previews_count_operations_without_reading_them() {
        let preview = preview_str(
            r#"{"apis": {"A": {"methods": 5}, "B": "nonsense"},
                "info": {"style": "ROA", "product": "P", "version": 1}}"#,
            "x",
        )
        .unwrap_or_default();
        assert_eq!(preview.style, Some(ApiStyle::Roa));
        assert_eq!(
            (preview.product.as_str(), preview.version.as_str()),
            ("P", "1")
        );
        assert_eq!(preview.operations, 2);
    }
}
