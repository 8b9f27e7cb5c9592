//! Reading environment variables through a value that tests can replace.
//!
//! Changing the process environment in tests is racy (and `unsafe` since Rust 2024), so every
//! part of the SDK that reads the environment does it through an [`Env`]: the real process
//! environment by default, or a fixed map in tests.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// A source of environment variables: the process environment, or a fixed map.
///
/// `Debug` shows the names of a fixed map's variables, never their values (they include
/// `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and the security token).
#[derive(Clone, Default)]
pub struct Env {
    fixed: Option<Arc<HashMap<String, String>>>,
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.fixed {
            None => f.write_str("Env(process environment)"),
            Some(map) => {
                let mut names: Vec<&str> = map.keys().map(String::as_str).collect();
                names.sort_unstable();
                f.debug_struct("Env")
                    .field("names", &names)
                    .field("values", &format_args!("<redacted>"))
                    .finish()
            }
        }
    }
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

    #[test]
    fn debug_names_the_variables_but_never_shows_a_value() {
        let env = Env::from_pairs([
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s3cr3t-value"),
            ("ALIBABA_CLOUD_SECURITY_TOKEN", "t0ken-value"),
        ]);
        let shown = format!("{env:?} {env:#?}");
        assert!(shown.contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), "{shown}");
        assert!(
            !shown.contains("s3cr3t") && !shown.contains("t0ken"),
            "{shown}"
        );
        assert_eq!(format!("{:?}", Env::real()), "Env(process environment)");
    }
}
