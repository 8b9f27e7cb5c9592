//! How RPC operation parameters become flat `name=value` pairs, per the `style` of the
//! official API metadata (`api-docs.json`).
//!
//! | style | `Tag = [{"Key":"k","Value":"v"}]`, `Ids = ["a","b"]` | source |
//! |---|---|---|
//! | `repeatList` (default) | `Tag.1.Key=k`, `Tag.1.Value=v`; `Ids.1=a`, `Ids.2=b` | `Query`/`flatRepeatedList` |
//! | `flat` | same expansion (objects as `Name.Key`) | generated clients put such values straight into `Query` |
//! | `json` | `Tag=[{"Key":"k","Value":"v"}]` (compact JSON, one value) | `ArrayToStringWithSpecifiedStyle(.., "json")` |
//! | `simple` | `Ids=a,b` | `ArrayToStringWithSpecifiedStyle(.., "simple")` |
//! | `spaceDelimited` | `Ids=a b` | same, `" "` |
//! | `pipeDelimited` | `Ids=a\|b` | same, `"\|"` |
//!
//! Sources: aliyun/darabonba-openapi-util and the `utils` package of aliyun/darabonba-openapi
//! (`Query`, `flatRepeatedList`, `ArrayToStringWithSpecifiedStyle`, `flatArray`), and the
//! clients generated from them in aliyun/alibabacloud-go-sdk (object parameters such as
//! `SystemDisk` go into `query` unchanged and come out as `SystemDisk.Category`;
//! `json`/`simple`/... parameters are sent as one `...Shrink` string).
//!
//! Rules shared by all styles:
//! - `null` is dropped, at any depth (an absent value); in a list its index is still used, so
//!   `["a", null, "b"]` gives `Name.1=a`, `Name.3=b`.
//! - strings are sent as they are; booleans as `true`/`false`; numbers as JSON prints them.
//! - list indexes start at 1; nested values join their path with `.` (`Name.1.Key`).
//! - an empty list or object gives nothing in `repeatList`/`flat`.
//! - the delimited styles join list items (strings as they are, other items as compact JSON,
//!   `null` items skipped); a value that is not a list is joined as a one-item list; an empty
//!   list is sent as an empty value (`Name=`), as the official generated clients do.
//! - `json` sends a string value unchanged (the official `toJSONString` returns strings as
//!   they are) and anything else as compact JSON.
//! - an empty `name` adds no prefix: an object's keys become the parameter names.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::str::FromStr;

use serde_json::Value;

/// How a parameter's value is serialized into request parameters (the `style` key of the
/// metadata).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ParamStyle {
    /// Lists as `Name.1`, `Name.2`, objects as `Name.Key`, recursively. The default.
    #[default]
    RepeatList,
    /// Same expansion as [`ParamStyle::RepeatList`]; the metadata uses it for objects.
    Flat,
    /// The whole value as one compact JSON string.
    Json,
    /// List items joined by `,`.
    Simple,
    /// List items joined by a space.
    SpaceDelimited,
    /// List items joined by `|`.
    PipeDelimited,
}

impl ParamStyle {
    /// The name used in the metadata (`repeatList`, `flat`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ParamStyle::RepeatList => "repeatList",
            ParamStyle::Flat => "flat",
            ParamStyle::Json => "json",
            ParamStyle::Simple => "simple",
            ParamStyle::SpaceDelimited => "spaceDelimited",
            ParamStyle::PipeDelimited => "pipeDelimited",
        }
    }

    fn delimiter(self) -> Option<&'static str> {
        match self {
            ParamStyle::Simple => Some(","),
            ParamStyle::SpaceDelimited => Some(" "),
            ParamStyle::PipeDelimited => Some("|"),
            ParamStyle::RepeatList | ParamStyle::Flat | ParamStyle::Json => None,
        }
    }
}

impl fmt::Display for ParamStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `style` this crate does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown parameter style {0:?}: expected repeatList, flat, json, simple, spaceDelimited or pipeDelimited"
)]
pub struct UnknownParamStyle(pub String);

impl FromStr for ParamStyle {
    type Err = UnknownParamStyle;

    /// Parses a metadata style name; the match is exact (the metadata is case-consistent).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "repeatList" => ParamStyle::RepeatList,
            "flat" => ParamStyle::Flat,
            "json" => ParamStyle::Json,
            "simple" => ParamStyle::Simple,
            "spaceDelimited" => ParamStyle::SpaceDelimited,
            "pipeDelimited" => ParamStyle::PipeDelimited,
            other => return Err(UnknownParamStyle(other.to_owned())),
        })
    }
}

/// Appends to `out` the pairs that parameter `name` with `value` is sent as, in `style`.
///
/// ```
/// use alibabacloud_core::signing::flatten::{ParamStyle, flatten};
/// let mut out = Vec::new();
/// flatten(ParamStyle::RepeatList, "Tag", &serde_json::json!([{"Key": "k"}]), &mut out);
/// flatten(ParamStyle::Simple, "Ids", &serde_json::json!(["a", "b"]), &mut out);
/// assert_eq!(out, [("Tag.1.Key".into(), "k".into()), ("Ids".into(), "a,b".into())]);
/// ```
pub fn flatten(style: ParamStyle, name: &str, value: &Value, out: &mut Vec<(String, String)>) {
    if value.is_null() {
        return;
    }
    match style {
        ParamStyle::RepeatList | ParamStyle::Flat => flatten_repeat_list(name, value, out),
        ParamStyle::Json => out.push((name.to_owned(), json_text(value).into_owned())),
        ParamStyle::Simple | ParamStyle::SpaceDelimited | ParamStyle::PipeDelimited => {
            let delimiter = style.delimiter().unwrap_or(",");
            out.push((name.to_owned(), join_items(value, delimiter)));
        }
    }
}

/// The default (`repeatList`) expansion of `value` under `name`; see the module docs.
///
/// Iterative, so a deeply nested value cannot overflow the stack.
pub fn flatten_repeat_list(name: &str, value: &Value, out: &mut Vec<(String, String)>) {
    let mut pending: Vec<(String, &Value)> = vec![(name.to_owned(), value)];
    while let Some((key, value)) = pending.pop() {
        match value {
            Value::Null => {}
            Value::Bool(b) => out.push((key, if *b { "true" } else { "false" }.to_owned())),
            Value::Number(n) => out.push((key, n.to_string())),
            Value::String(s) => out.push((key, s.clone())),
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate().rev() {
                    let mut child = key.clone();
                    if !child.is_empty() {
                        child.push('.');
                    }
                    let _ = write!(child, "{}", index + 1);
                    pending.push((child, item));
                }
            }
            Value::Object(map) => {
                for (field, item) in map.iter().rev() {
                    pending.push((child_key(&key, field), item));
                }
            }
        }
    }
}

fn child_key(prefix: &str, segment: &str) -> String {
    if prefix.is_empty() {
        return segment.to_owned();
    }
    let mut key = String::with_capacity(prefix.len() + 1 + segment.len());
    key.push_str(prefix);
    key.push('.');
    key.push_str(segment);
    key
}

/// A string as it is; anything else as compact JSON.
fn json_text(value: &Value) -> Cow<'_, str> {
    match value {
        Value::String(s) => Cow::Borrowed(s),
        other => Cow::Owned(other.to_string()),
    }
}

fn join_items(value: &Value, delimiter: &str) -> String {
    match value {
        Value::Array(items) => {
            let mut joined = String::new();
            for (i, item) in items.iter().filter(|v| !v.is_null()).enumerate() {
                if i > 0 {
                    joined.push_str(delimiter);
                }
                joined.push_str(&json_text(item));
            }
            joined
        }
        other => json_text(other).into_owned(),
    }
}
