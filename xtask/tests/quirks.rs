//! The quirks of real metadata: one specs root per class under `tests/quirks/`, each an
//! operation cut unmodified out of an official file (see `tests/quirks/README.md` for the
//! origins), plus `generator-fallbacks` for the classes no official file of our sample has.
//! Each generates, with the warnings of its class (snapshotted) and its documented fallback
//! in the generated code.

#![allow(clippy::unwrap_used)]

mod common;

use alibabacloud_spec::WarningKind;
use xtask::codegen::{self, FileSet};

/// The classes: the sub-directories of `tests/quirks`, sorted.
fn classes() -> Vec<String> {
    common::subdir_names(&common::quirks_dir())
}

/// The generated files and the warnings (one per line, paths relative to the class's root).
fn generate(class: &str) -> (FileSet, String) {
    let root = common::quirks_dir().join(class);
    let generation = codegen::generate_report(&root, 1)
        .unwrap()
        .into_complete(false)
        .unwrap_or_else(|e| panic!("{class}: {e}"));
    let prefix = format!("{}/", root.display());
    let warnings: Vec<String> = generation
        .summary
        .warnings
        .iter()
        .map(|w| w.to_string().replace(&prefix, ""))
        .collect();
    codegen::files::validate(&generation.files).unwrap();
    (generation.files, warnings.join("\n") + "\n")
}

fn file(files: &FileSet, suffix: &str) -> String {
    files
        .iter()
        .find(|(path, _)| path.ends_with(suffix))
        .map(|(_, text)| text.clone())
        .unwrap_or_else(|| panic!("no file ending with {suffix}"))
}

fn has(text: &str, needle: &str) {
    assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
}

#[test]
fn every_class_generates_with_its_warnings() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/quirks");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    for class in classes() {
        let (_, warnings) = generate(&class);
        let kind = match class.as_str() {
            "dangling-ref-in-components" => Some(WarningKind::DanglingRef),
            // Generated as they are since ROA calls are (no warning).
            "generator-fallbacks" | "roa" | "v3-binary-body" | "v3-path" | "v3-put" => None,
            name => Some(
                *WarningKind::ALL
                    .iter()
                    .find(|k| k.name() == name)
                    .unwrap_or_else(|| panic!("{name} names no warning kind")),
            ),
        };
        if let Some(kind) = kind {
            has(&warnings, &format!("[{kind}]"));
        }
        settings.bind(|| insta::assert_snapshot!(class.clone(), warnings));
    }
}

#[test]
fn the_fallbacks_show_in_the_generated_code() {
    // Merged duplicates: one field.
    let (files, _) = generate("duplicate-parameter");
    let model = file(&files, "model/src/start_instances.rs");
    assert_eq!(model.matches("pub region_id:").count(), 1);

    // Dangling `$ref`s, in an operation and in a named schema: any JSON value.
    let (files, _) = generate("dangling-ref");
    has(
        &file(&files, "model/src/get_vod_packaging_group.rs"),
        "pub packaging_group: Option<serde_json::Value>,",
    );
    let (files, _) = generate("dangling-ref-in-components");
    has(
        &file(&files, "model/src/types.rs"),
        "Vec<serde_json::Value>",
    );

    // An array without items: a list of JSON values.
    let (files, _) = generate("array-items");
    has(
        &file(
            &files,
            "model/src/describe_load_balancer_udp_listener_attribute.rs",
        ),
        "pub acl_id: Vec<serde_json::Value>,",
    );

    // A string with items (the wire has a list): any JSON value.
    let (files, _) = generate("schema-keys");
    has(
        &file(&files, "model/src/get_node.rs"),
        "pub auth_types: Option<serde_json::Value>,",
    );

    // Codes under a key that is not an HTTP status have no documented status.
    let (files, _) = generate("error-status");
    let op = file(
        &files,
        "client/src/operation/create_tenant_read_only_connection.rs",
    );
    has(&op, "HTTP status not documented");
    has(&op, "InternalError = (\"InternalError\", _),");

    // A file of a gateway style is not generated.
    let (files, _) = generate("unsupported-style");
    assert!(
        !files
            .keys()
            .any(|p| p.contains("/operation/") && !p.ends_with("mod.rs")),
        "{:?}",
        files.keys().collect::<Vec<_>>()
    );
    // V3 operations with a path, another method or a raw body are sent as they say.
    let (files, _) = generate("v3-binary-body");
    let model = file(&files, "model/src/recognize_car_vin_code.rs");
    has(&model, "pub url: ");
    has(&model, "pub body: Option<alibabacloud_types::Blob>,");
    has(
        &file(&files, "client/src/operation/recognize_car_vin_code.rs"),
        "ParamSpec::payload(\"body\")",
    );
    let (files, _) = generate("v3-path");
    let op = file(&files, "client/src/operation/create_text_file.rs");
    has(&op, "path: \"/{WorkspaceId}/data/textFile\",");
    has(&op, "ParamSpec::path(\"WorkspaceId\")");
    let (files, _) = generate("roa");
    let op = file(&files, "client/src/operation/describe_import_file_url.rs");
    has(&op, "style: ApiStyle::Roa,");
    let (files, _) = generate("v3-put");
    let op = file(&files, "client/src/operation/cancel_task.rs");
    has(&op, "method: HttpMethod::Put,");
    has(&op, "ParamSpec::path(\"taskId\")");

    // Extra methods are ignored: POST.
    let (files, _) = generate("http-method");
    has(
        &file(&files, "client/src/operation/check_service_linked_role.rs"),
        "method: HttpMethod::Post,",
    );

    // The generator's own fallbacks.
    let (files, _) = generate("generator-fallbacks");
    let export = file(&files, "model/src/export_jobs.rs");
    has(&export, "#[transparent]");
    has(&export, "pub body: Option<String>,");
    let raw = file(&files, "model/src/list_raw.rs");
    has(&raw, "#[transparent]");
    has(&raw, "pub body: Vec<Body>,");
    let list = file(&files, "model/src/get_list.rs");
    has(&list, "pub no_location: Option<String>,");
    has(&list, "pub no_schema: Option<String>,");
    has(&list, "pub payload: Option<serde_json::Value>,");
    assert!(!list.contains("pub cookie:"), "{list}");
    // `List` is a list of itself: the inner reference is any JSON value.
    has(&list, "pub items: Vec<serde_json::Value>,");
    let op = file(&files, "client/src/operation/get_list.rs");
    has(&op, "method: HttpMethod::Post,");
    // An unknown style: the type's default (a list: `Ids.1`, `Ids.2`, ...).
    has(&op, "ParamSpec::query(\"Ids\"),");
    assert!(!files.keys().any(|p| p.contains("set_cookie")));
    // ROA: an operation allowing only `options`, or with a path variable no parameter
    // fills, is left out; a path parameter the template does not name is left out; `[name]`
    // is read as `{name}`; an XML body and a second body are left out.
    assert!(!files.keys().any(|p| p.contains("options_only")));
    assert!(!files.keys().any(|p| p.contains("unfilled_path")));
    let op = file(&files, "fxroa20240101/client/src/operation/get_thing.rs");
    has(&op, "path: \"/things/{ThingId}\",");
    assert!(!op.contains("Stray"), "{op}");
    let model = file(&files, "fxroa20240101/model/src/put_xml.rs");
    has(&model, "pub name: Option<String>,");
    assert!(
        !model.contains("pub doc:") && !model.contains("pub extra:"),
        "{model}"
    );
}
