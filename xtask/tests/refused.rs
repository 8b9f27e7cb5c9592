//! Only what is not API metadata is an error: it names the file and the JSON path, every
//! failing file is reported in one run, and bad input never panics. (What real metadata
//! says that cannot be taken as it is gets a fallback and a warning: see `quirks.rs`.)

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use xtask::codegen::{self, CodegenError};

fn refused(case: &str) -> (CodegenError, String) {
    let root = common::refused_dir().join(case);
    let err = codegen::generate(&root).unwrap_err();
    let text = err.to_string();
    (err, text)
}

#[test]
fn invalid_json_names_the_place() {
    let (_, text) = refused("bad-json");
    assert!(
        text.contains("fxbadjson/2024-01-01/api-docs.json: operation Broken: "),
        "{text}"
    );
    assert!(text.contains("invalid JSON at line 3 column"), "{text}");
}

#[test]
fn a_document_that_is_not_an_object_is_refused() {
    let (err, text) = refused("not-metadata");
    assert!(matches!(err, CodegenError::Spec { .. }), "{err:?}");
    assert!(
        text.contains(
            "fxarray/2024-01-01/api-docs.json: $: not API metadata: the document is not an object"
        ),
        "{text}"
    );
}

#[test]
fn every_broken_file_is_reported_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = tmp.path().join("specs");
    let out = tmp.path().join("out");
    for (dir, text) in [
        (
            "a/1",
            "{\"info\": {\"style\": \"RPC\", \"product\": \"a\", \"version\": \"1\"}, \"apis\": [",
        ),
        (
            "b/1",
            "{\"info\": {\"style\": \"RPC\", \"version\": \"1\"}}",
        ),
        (
            "c/1",
            "{\"info\": {\"style\": \"RPC\", \"product\": \"c\", \"version\": \"1\"}, \"apis\": {}}",
        ),
        (
            "d/1",
            "{\"info\": {\"style\": \"RPC\", \"product\": \"other\", \"version\": \"1\"}}",
        ),
    ] {
        fs::create_dir_all(specs.join(dir)).unwrap();
        fs::write(specs.join(dir).join("api-docs.json"), text).unwrap();
    }
    let options = codegen::Options {
        specs: specs.clone(),
        out: out.clone(),
        deny_warnings: false,
        jobs: 2,
    };
    let err = codegen::run(&options).unwrap_err();
    let CodegenError::Several(errors) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(errors.len(), 3, "{err}");
    let text = err.to_string();
    assert!(
        text.starts_with("3 spec files cannot be generated (nothing was written):\n  "),
        "{text}"
    );
    assert!(
        text.contains("a/1/api-docs.json: $.apis: invalid JSON"),
        "{text}"
    );
    assert!(
        text.contains("b/1/api-docs.json: $.info: info has no \"product\""),
        "{text}"
    );
    assert!(
        text.contains("d/1/api-docs.json: $.info.product: info.product is \"other\""),
        "{text}"
    );
    assert!(!out.exists());
}

#[test]
fn a_missing_specs_directory_is_an_error() {
    let err = codegen::generate(std::path::Path::new("/nonexistent/specs")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/nonexistent/specs: $: cannot read"),
        "{err}"
    );
}

#[test]
fn two_specs_for_one_crate_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    for dir in ["fxempty/2024-01-01", "FxEmpty/2024-01-01"] {
        let target = tmp.path().join(dir);
        std::fs::create_dir_all(&target).unwrap();
        std::fs::copy(
            common::fixtures_dir().join("empty/fxempty/2024-01-01/api-docs.json"),
            target.join("api-docs.json"),
        )
        .unwrap();
    }
    let err = codegen::generate(tmp.path()).unwrap_err();
    assert!(
        matches!(err, CodegenError::DuplicateProduct { .. }),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("both generate crates/services/fxempty20240101"),
        "{err}"
    );
}
