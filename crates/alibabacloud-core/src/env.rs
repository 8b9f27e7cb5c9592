//! Reading environment variables through a value that tests can replace.
//!
//! Changing the process environment in tests is racy (and `unsafe` since Rust 2024), so every
//! part of the SDK that reads the environment does it through an [`Env`]: the real process
//! environment by default, or a fixed map in tests.

use std::collections::HashMap;
use std::sync::Arc;

/// A source of environment variables: the process environment, or a fixed map.
#[derive(Clone, Debug, Default)]
pub struct Env {
    fixed: Option<Arc<HashMap<String, String>>>,
}

impl Env {
    /// The real process environment.
    pub fn real() -> Self {
        Env { fixed: None }
    }

    /// A fixed set of variables, for tests; nothing else is visible.
    pub fn from_pairs<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        let map = pairs
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        Env {
            fixed: Some(Arc::new(map)),
        }
    }

    /// The value of `name`, if set, valid Unicode and not empty (the official SDKs treat an
    /// empty variable as unset).
    pub fn get(&self, name: &str) -> Option<String> {
        let value = match &self.fixed {
            Some(map) => map.get(name).cloned(),
            None => std::env::var(name).ok(),
        };
        value.filter(|v| !v.trim().is_empty())
    }

    /// The first of `names` that is set, with the name it was found under.
    pub fn first_of(&self, names: &[&'static str]) -> Option<(&'static str, String)> {
        names
            .iter()
            .find_map(|name| self.get(name).map(|v| (*name, v)))
    }

    /// True when `name` is set to `true` (case-insensitive), as the official SDKs read flags.
    pub fn flag(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_env_sees_only_its_pairs_and_treats_empty_as_unset() {
        let env = Env::from_pairs([("A", "1"), ("EMPTY", ""), ("BLANK", "  "), ("F", "TRUE")]);
        assert_eq!(env.get("A").as_deref(), Some("1"));
        assert_eq!(env.get("EMPTY"), None);
        assert_eq!(env.get("BLANK"), None);
        assert_eq!(env.get("PATH"), None);
        assert!(env.flag("F"));
        assert!(!env.flag("A"));
        assert_eq!(env.first_of(&["X", "A"]), Some(("A", "1".to_string())));
    }
}
