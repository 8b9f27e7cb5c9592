//! Property tests on stable (the `spec_loader` fuzz target's counterpart in `cargo test`):
//! the loader on random text, on damaged copies of the repository's specs, and on those
//! specs with a random part replaced by random JSON. It never panics, and every refusal is a
//! typed error that says where.

#![allow(clippy::unwrap_used)]

#[path = "../../alibabacloud-core/tests/support/strategies.rs"]
mod strategies;

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;
use strategies::{damaged, json_value, replace_at, text};

/// The repository's specs, read once.
fn repository_specs() -> &'static [String] {
    static SPECS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SPECS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs");
        ["bssopenapi/2017-12-14", "quickbi-public/2022-01-01"]
            .iter()
            .map(|dir| std::fs::read_to_string(root.join(dir).join("api-docs.json")).unwrap())
            .collect()
    })
}

/// Loads `text`; an error must say something and name where.
fn load(text: &str) -> Result<(), TestCaseError> {
    match alibabacloud_spec::load_str(text, "property.json") {
        Ok(spec) => {
            let _ = format!("{spec:?}");
        }
        Err(error) => {
            let shown = error.to_string();
            prop_assert!(shown.contains("property.json"), "{}", shown);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(strategies::config())]

    #[test]
    fn random_text_is_refused_with_a_typed_error(text in text(200)) {
        load(&text)?;
    }

    #[test]
    fn random_json_is_refused_or_loaded(value in json_value()) {
        load(&value.to_string())?;
    }

    #[test]
    fn damaged_specs_never_panic(
        (which, bytes) in (0usize..2).prop_flat_map(|which| {
            let spec = repository_specs()[which].clone().into_bytes();
            (Just(which), damaged(spec))
        }),
    ) {
        let _ = which;
        load(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn specs_with_a_random_part_replaced_never_panic(
        which in 0usize..2,
        path in prop::collection::vec(any::<usize>(), 0..9),
        replacement in json_value(),
    ) {
        let mut spec: Value = serde_json::from_str(&repository_specs()[which]).unwrap();
        replace_at(&mut spec, &path, replacement);
        load(&spec.to_string())?;
    }
}
