//! `x-` keys that this crate does not model, kept so that new ones survive a load.

use std::fmt;

use indexmap::IndexMap;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

/// The `x-` keys of one JSON object that have no typed field in this crate (for example
/// `x-provenance`), in file order. Keys that do not start with `x-` are not kept: they are
/// official keys this crate ignores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extensions(IndexMap<String, Value>);

impl Extensions {
    /// The value of `key` (e.g. `"x-provenance"`), if the object has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// Every kept key and value, in file order.
    pub fn iter(&self) -> indexmap::map::Iter<'_, String, Value> {
        self.0.iter()
    }

    /// How many keys are kept.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no `x-` key was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Extensions {
    type Item = (&'a String, &'a Value);
    type IntoIter = indexmap::map::Iter<'a, String, Value>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'de> Deserialize<'de> for Extensions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ExtensionsVisitor)
    }
}

struct ExtensionsVisitor;

impl<'de> Visitor<'de> for ExtensionsVisitor {
    type Value = Extensions;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Extensions, A::Error> {
        let mut out = IndexMap::new();
        while let Some(key) = map.next_key::<String>()? {
            if key.starts_with("x-") {
                let value = map.next_value::<Value>()?;
                out.insert(key, value);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Extensions(out))
    }
}
