//! What the generator cannot handle is refused with an error naming the file, the operation
//! and the JSON path; bad input never panics.

#![allow(clippy::unwrap_used)]

mod common;

use xtask::codegen::{self, CodegenError};

fn refused(case: &str) -> (CodegenError, String) {
    let root = common::refused_dir().join(case);
    let err = codegen::generate(&root).unwrap_err();
    let text = err.to_string();
    (err, text)
}

#[test]
fn roa_is_refused() {
    let (err, text) = refused("roa");
    assert!(matches!(err, CodegenError::Spec { .. }), "{err:?}");
    assert!(
        text.contains("refused/roa/fxroa/2024-01-01/api-docs.json: "),
        "{text}"
    );
    assert!(text.contains("operation GetFoo: $.info.style: "), "{text}");
    assert!(
        text.contains("unsupported style \"ROA\": only RPC APIs are supported"),
        "{text}"
    );
}

#[test]
fn a_path_parameter_is_refused() {
    let (_, text) = refused("path-parameter");
    assert!(
        text.contains("fxpath/2024-01-01/api-docs.json: operation GetFoo: "),
        "{text}"
    );
    assert!(text.contains("$.apis.GetFoo.parameters[0].in: "), "{text}");
    assert!(text.contains("\"path\""), "{text}");
}

#[test]
fn a_method_other_than_get_or_post_is_refused() {
    let (err, text) = refused("put-method");
    match &err {
        CodegenError::Unsupported {
            file,
            operation,
            path,
            reason,
        } => {
            assert!(file.ends_with("refused/put-method/fxput/2024-01-01/api-docs.json"));
            assert_eq!(operation.as_deref(), Some("PutFoo"));
            assert_eq!(path, "$.apis.PutFoo.methods");
            assert!(reason.contains("allows only put"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert!(text.contains(
        "operation PutFoo: $.apis.PutFoo.methods: RPC operations are sent with GET or POST"
    ));
}

#[test]
fn a_response_that_is_not_an_object_is_refused() {
    let (_, text) = refused("array-response");
    assert!(
        text.contains("operation ListRaw: $.apis.ListRaw.responses['200'].schema: "),
        "{text}"
    );
    assert!(text.contains("not a JSON object"), "{text}");
}

#[test]
fn a_schema_containing_itself_without_an_object_is_refused() {
    let (_, text) = refused("array-cycle");
    assert!(
        text.contains("$.components.schemas.List.items.$ref: "),
        "{text}"
    );
    assert!(
        text.contains("contains itself through lists or maps only"),
        "{text}"
    );
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
