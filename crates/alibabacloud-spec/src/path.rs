//! JSON paths (`$.apis.QueryFoo.parameters[2]`) that name where in a file something is.

use std::fmt;

/// A JSON path into a spec file, in the dotted JSONPath notation:
/// `$` is the document, `.key` a member, `['key']` a member whose name is not a plain
/// identifier, and `[i]` an array element.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct JsonPath(String);

impl JsonPath {
    /// The path of the whole document, `$`.
    pub fn root() -> Self {
        Self("$".to_owned())
    }

    /// The path of member `key` of the value at `self`.
    pub fn key(&self, key: &str) -> Self {
        let mut out = self.clone();
        out.push_key(key);
        out
    }

    /// The path of element `index` of the array at `self`.
    pub fn index(&self, index: usize) -> Self {
        let mut out = self.clone();
        out.push_index(index);
        out
    }

    /// The path as text, e.g. `$.apis.QueryFoo.parameters[2]`.
    pub fn as_str(&self) -> &str {
        if self.0.is_empty() { "$" } else { &self.0 }
    }

    /// The operation the path is inside: `$.apis.QueryFoo.parameters[2]` -> `QueryFoo`.
    pub fn operation(&self) -> Option<String> {
        let rest = self.as_str().strip_prefix("$.apis")?;
        if let Some(dotted) = rest.strip_prefix('.') {
            let end = dotted.find(['.', '[']).unwrap_or(dotted.len());
            return Some(dotted[..end].to_owned());
        }
        let quoted = rest.strip_prefix("['")?;
        let mut name = String::new();
        let mut chars = quoted.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => name.extend(chars.next()),
                '\'' => return Some(name),
                c => name.push(c),
            }
        }
        None
    }

    /// The path of a `serde_path_to_error` path. A trailing unknown segment (the key that
    /// was being read when the error happened) is dropped: the path names its object.
    pub(crate) fn from_serde(path: &serde_path_to_error::Path) -> Self {
        let segments: Vec<_> = path.iter().collect();
        let known = segments
            .iter()
            .rposition(|s| !matches!(s, serde_path_to_error::Segment::Unknown))
            .map_or(0, |i| i + 1);
        let mut out = Self::root();
        for segment in &segments[..known] {
            match segment {
                serde_path_to_error::Segment::Seq { index } => out.push_index(*index),
                serde_path_to_error::Segment::Map { key } => out.push_key(key),
                serde_path_to_error::Segment::Enum { variant } => out.push_key(variant),
                serde_path_to_error::Segment::Unknown => out.0.push_str(".?"),
            }
        }
        out
    }

    fn push_key(&mut self, key: &str) {
        if self.0.is_empty() {
            self.0.push('$');
        }
        if is_plain(key) {
            self.0.push('.');
            self.0.push_str(key);
        } else {
            self.0.push_str("['");
            for c in key.chars() {
                match c {
                    '\'' => self.0.push_str("\\'"),
                    '\\' => self.0.push_str("\\\\"),
                    c => self.0.push(c),
                }
            }
            self.0.push_str("']");
        }
    }

    fn push_index(&mut self, index: usize) {
        if self.0.is_empty() {
            self.0.push('$');
        }
        self.0.push('[');
        self.0.push_str(&index.to_string());
        self.0.push(']');
    }
}

/// Whether `key` can be written after a dot: starts with a letter, `_` or `$`, and holds only
/// letters, digits, `_`, `$` and `-` (so `x-secret` stays readable).
fn is_plain(key: &str) -> bool {
    let mut chars = key.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$' => {}
        _ => return false,
    }
    chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$' || c == '-')
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::JsonPath;

    #[test]
    fn formats_keys_and_indexes() {
        let p = JsonPath::root()
            .key("apis")
            .key("QueryFoo")
            .key("parameters")
            .index(2)
            .key("schema")
            .key("x-secret");
        assert_eq!(p.as_str(), "$.apis.QueryFoo.parameters[2].schema.x-secret");
    }

    #[test]
    fn operations_of_paths() {
        let p = JsonPath::root()
            .key("apis")
            .key("QueryFoo")
            .key("parameters")
            .index(2);
        assert_eq!(p.operation().as_deref(), Some("QueryFoo"));
        let p = JsonPath::root()
            .key("apis")
            .key("Odd Name's")
            .key("methods");
        assert_eq!(p.operation().as_deref(), Some("Odd Name's"));
        assert_eq!(JsonPath::root().key("apis").operation(), None);
        assert_eq!(JsonPath::root().key("info").operation(), None);
        assert_eq!(JsonPath::root().key("apisX").key("A").operation(), None);
    }

    #[test]
    fn quotes_keys_that_are_not_identifiers() {
        let p = JsonPath::root()
            .key("errorCodes")
            .key("400")
            .key("a b")
            .key("it's");
        assert_eq!(p.as_str(), "$.errorCodes['400']['a b']['it\\'s']");
        assert_eq!(JsonPath::default().as_str(), "$");
        assert_eq!(JsonPath::root().key("$ref").as_str(), "$.$ref");
    }
}
