//! What is not API metadata is refused with an error naming the file and the JSON path;
//! the quirks of real metadata load, with a documented fallback and a warning naming the
//! path.

#![allow(clippy::unwrap_used)]

mod common;

use alibabacloud_spec::{
    HttpMethod, SchemaType, Spec, SpecError, SpecErrorKind, WarningKind, load_dir, load_file,
    load_str,
};
use common::fixture;
use serde_json::{Value, json};

const FILE: &str = "specs/x/api-docs.json";

/// A valid spec with one operation `QueryFoo`, changed by `edit`, then loaded.
fn load_edited(edit: impl FnOnce(&mut Value)) -> Result<alibabacloud_spec::Spec, SpecError> {
    let mut spec = json!({
        "info": {"style": "RPC", "product": "Demo", "version": "2024-01-01"},
        "components": {"schemas": {"Thing": {"type": "object",
            "properties": {"Id": {"type": "string"}}}}},
        "apis": {
            "QueryFoo": {
                "methods": ["post"],
                "parameters": [
                    {"name": "Id", "in": "query", "schema": {"type": "string", "required": true}},
                    {"name": "Tags", "in": "query", "style": "repeatList",
                     "schema": {"type": "array", "items": {"type": "string"}}}
                ],
                "responses": {"200": {"schema": {"type": "object", "properties": {
                    "RequestId": {"type": "string"},
                    "Thing": {"$ref": "#/components/schemas/Thing"}
                }}}},
                "errorCodes": {"400": [{"errorCode": "Foo.Bad", "errorMessage": "Bad."}]}
            }
        },
        "endpoints": [{"regionId": "cn-hangzhou", "endpoint": "demo.cn-hangzhou.aliyuncs.com"}],
        "x-endpoint-rule": {"rules": [{"regionPrefix": "cn-", "endpoint": "demo.aliyuncs.com"}]}
    });
    edit(&mut spec);
    load_str(&spec.to_string(), FILE)
}

fn error_of(edit: impl FnOnce(&mut Value)) -> SpecError {
    match load_edited(edit) {
        Ok(_) => panic!("the edited spec loaded"),
        Err(e) => e,
    }
}

/// The edited spec, loaded, and its warnings as `(kind, path)`.
fn warnings_of(edit: impl FnOnce(&mut Value)) -> (Spec, Vec<(WarningKind, String)>) {
    let spec = match load_edited(edit) {
        Ok(spec) => spec,
        Err(e) => panic!("the edited spec did not load: {e}"),
    };
    let warnings = spec
        .warnings
        .iter()
        .map(|w| (w.kind(), w.json_path().to_string()))
        .collect();
    (spec, warnings)
}

fn op(spec: &mut Value) -> &mut Value {
    &mut spec["apis"]["QueryFoo"]
}

#[test]
fn the_base_spec_loads() {
    let spec = load_edited(|_| {}).unwrap();
    assert_eq!(spec.origin, FILE);
    let thing = &spec.apis["QueryFoo"].success_schema().unwrap().properties["Thing"];
    assert_eq!(spec.resolve(thing).properties.len(), 1);
}

#[test]
fn bad_json_names_file_line_and_path() {
    let path = fixture("malformed/bad-json.json");
    let err = load_file(&path).unwrap_err();
    let SpecErrorKind::Json { line, column, .. } = err.kind() else {
        panic!("{err}");
    };
    assert_eq!((*line, *column), (7, 37));
    assert_eq!(err.file(), path.display().to_string());
    assert_eq!(err.json_path().as_str(), "$.apis.QueryFoo.parameters[0]");
    let text = err.to_string();
    assert!(text.starts_with(&format!(
        "{}: $.apis.QueryFoo.parameters[0]: ",
        path.display()
    )));
    assert!(
        text.contains("invalid JSON at line 7 column 37: expected `,` or `}`"),
        "{text}"
    );
}

#[test]
fn trailing_characters_are_bad_json() {
    let err = load_str(r#"{"info": {"style": "RPC"}} x"#, FILE).unwrap_err();
    assert!(matches!(err.kind(), SpecErrorKind::Json { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("specs/x/api-docs.json: $: invalid JSON"),
        "{err}"
    );
}

#[test]
fn missing_style() {
    let err = error_of(|s| {
        s["info"].as_object_mut().unwrap().remove("style");
    });
    assert!(matches!(err.kind(), SpecErrorKind::MissingField { .. }));
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.info: info has no \"style\""
    );
    let err = load_str("{}", FILE).unwrap_err();
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.info: info has no \"style\""
    );
}

#[test]
fn not_metadata_is_an_error() {
    for (text, path) in [
        ("[1, 2]", "$"),
        (r#"{"info": "RPC"}"#, "$.info"),
        (
            r#"{"info": {"style": "RPC", "product": "P", "version": "1"}, "apis": []}"#,
            "$.apis",
        ),
        (
            r#"{"info": {"style": "RPC", "product": "P", "version": "1"}, "endpoints": {}}"#,
            "$.endpoints",
        ),
    ] {
        let err = load_str(text, FILE).unwrap_err();
        assert_eq!(err.json_path().as_str(), path, "{text}: {err}");
    }
    let err = error_of(|s| {
        s["info"].as_object_mut().unwrap().remove("version");
    });
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.info: info has no \"version\""
    );
}

#[test]
fn parameters_without_name_are_left_out() {
    let (spec, warnings) = warnings_of(|s| {
        op(s)["parameters"][1]
            .as_object_mut()
            .unwrap()
            .remove("name");
    });
    assert_eq!(
        warnings,
        [(
            WarningKind::ParameterName,
            "$.apis.QueryFoo.parameters[1]".to_owned()
        )]
    );
    assert_eq!(spec.apis["QueryFoo"].parameters.len(), 1);
    let text = spec.warnings[0].to_string();
    assert_eq!(
        text,
        "specs/x/api-docs.json: operation QueryFoo: $.apis.QueryFoo.parameters[1]: the \
         parameter has no name; left out [parameter-name]"
    );
}

#[test]
fn parameters_without_location_or_schema_load() {
    // The generator decides what to do with them (and warns).
    let (spec, warnings) = warnings_of(|s| {
        op(s)["parameters"][0].as_object_mut().unwrap().remove("in");
        op(s)["parameters"][1]
            .as_object_mut()
            .unwrap()
            .remove("schema");
    });
    assert!(warnings.is_empty(), "{warnings:?}");
    let parameters = &spec.apis["QueryFoo"].parameters;
    assert!(parameters[0].location.is_none() && parameters[1].schema.is_none());
}

#[test]
fn dangling_refs_are_any_json_value() {
    let (spec, warnings) = warnings_of(|s| {
        op(s)["responses"]["200"]["schema"]["properties"]["Thing"]["$ref"] =
            json!("#/components/schemas/Nope");
        s["components"]["schemas"]["Thing"]["properties"]["Id"] =
            json!({"$ref": "#/definitions/Id", "description": "kept"});
    });
    assert_eq!(
        warnings,
        [
            (
                WarningKind::DanglingRef,
                "$.components.schemas.Thing.properties.Id.$ref".to_owned()
            ),
            (
                WarningKind::DanglingRef,
                "$.apis.QueryFoo.responses['200'].schema.properties.Thing.$ref".to_owned()
            ),
        ]
    );
    let thing = &spec.apis["QueryFoo"].success_schema().unwrap().properties["Thing"];
    assert_eq!(thing.schema_type, Some(SchemaType::Any));
    assert!(thing.reference.is_none());
    let id = &spec.components.schemas["Thing"].properties["Id"];
    assert_eq!(id.description.as_deref(), Some("kept"));
    assert!(spec.warnings[1].to_string().contains(
        "$ref \"#/components/schemas/Nope\" points to no schema of components.schemas; typed as \
         any JSON value [dangling-ref]"
    ));
}

#[test]
fn unsupported_style_roa() {
    let path = fixture("malformed/roa.json");
    let err = load_file(&path).unwrap_err();
    assert!(matches!(
        err.kind(),
        SpecErrorKind::UnsupportedStyle { operations: 1, .. }
    ));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: $.info.style: unsupported style \"ROA\": only RPC and V3 APIs are supported",
            path.display()
        )
    );
    // Refused on `info.style` alone: the rest is not read, even when it is nonsense.
    let err = load_str(
        r#"{"apis": {"A": 5, "B": [true]}, "info": {"style": "FC"}}"#,
        FILE,
    )
    .unwrap_err();
    assert!(matches!(
        err.kind(),
        SpecErrorKind::UnsupportedStyle { operations: 2, .. }
    ));
    // V3 files load.
    let spec = load_edited(|s| s["info"]["style"] = json!("V3")).unwrap();
    assert_eq!(spec.info.style, Some(alibabacloud_spec::ApiStyle::V3));
}

#[test]
fn unknown_parameter_styles_and_locations_load() {
    let (spec, warnings) = warnings_of(|s| {
        op(s)["parameters"][1]["style"] = json!("form");
        op(s)["parameters"][0]["in"] = json!("cookie");
    });
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        spec.apis["QueryFoo"].parameters[1].style,
        Some(alibabacloud_spec::ParameterStyle::Other("form".to_owned()))
    );
}

#[test]
fn arrays_without_items_hold_any_json_value() {
    let (spec, warnings) = warnings_of(|s| {
        op(s)["parameters"][1]["schema"]
            .as_object_mut()
            .unwrap()
            .remove("items");
    });
    assert_eq!(
        warnings,
        [(
            WarningKind::ArrayItems,
            "$.apis.QueryFoo.parameters[1].schema".to_owned()
        )]
    );
    let items = spec.apis["QueryFoo"].parameters[1]
        .schema
        .as_ref()
        .and_then(|s| s.items.as_deref())
        .unwrap();
    assert_eq!(items.schema_type, Some(SchemaType::Any));
}

#[test]
fn values_of_the_wrong_type_are_ignored() {
    let (spec, warnings) = warnings_of(|s| {
        op(s)["parameters"][0]["schema"]["minLength"] = json!(-1);
        op(s)["parameters"][0]["schema"]["required"] = json!("maybe");
        op(s)["parameters"][1]["schema"]["maxItems"] = json!({"a": 1});
    });
    assert_eq!(
        warnings,
        // In file order (`json!` writes keys sorted).
        [
            (
                WarningKind::InvalidValue,
                "$.apis.QueryFoo.parameters[0].schema.minLength".to_owned()
            ),
            (
                WarningKind::InvalidValue,
                "$.apis.QueryFoo.parameters[0].schema.required".to_owned()
            ),
            (
                WarningKind::InvalidValue,
                "$.apis.QueryFoo.parameters[1].schema.maxItems".to_owned()
            ),
        ]
    );
    let id = spec.apis["QueryFoo"].parameters[0].schema.as_ref().unwrap();
    assert!(!id.required && id.min_length.is_none());
    assert!(
        spec.warnings[0].to_string().contains(
            "invalid value: integer `-1`, expected a non-negative integer or a string holding \
             one; the value is ignored [invalid-value]"
        ),
        "{}",
        spec.warnings[0]
    );
    // The order of properties survives the tolerant reading.
    let props: Vec<_> = spec.apis["QueryFoo"]
        .success_schema()
        .unwrap()
        .properties
        .keys()
        .collect();
    assert_eq!(props, ["RequestId", "Thing"]);
}

#[test]
fn parts_that_are_not_objects_are_left_out_with_their_original_indexes() {
    let (spec, warnings) = warnings_of(|s| {
        op(s)["parameters"] = json!([
            "not a parameter",
            {"name": "Id", "in": "query", "schema": {"type": "string", "minLength": -5}},
            7,
            {"name": "Tags", "in": "query", "schema": {"type": "string", "maxLength": -2}}
        ]);
        s["apis"]["Broken"] = json!("nonsense");
        s["endpoints"] = json!([5, {"regionId": "cn-x", "endpoint": "x.aliyuncs.com"}]);
    });
    let paths: Vec<&str> = warnings.iter().map(|(_, p)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.apis.Broken",
            "$.apis.QueryFoo.parameters[0]",
            "$.apis.QueryFoo.parameters[1].schema.minLength",
            "$.apis.QueryFoo.parameters[2]",
            "$.apis.QueryFoo.parameters[3].schema.maxLength",
            "$.endpoints[0]",
        ]
    );
    assert!(
        warnings
            .iter()
            .all(|(k, _)| *k == WarningKind::InvalidValue)
    );
    assert_eq!(spec.apis.len(), 1);
    assert_eq!(spec.apis["QueryFoo"].parameters.len(), 2);
    assert_eq!(spec.endpoints.len(), 1);
}

#[test]
fn odd_error_code_keys_keep_their_codes() {
    let (spec, warnings) = warnings_of(|s| {
        op(s)["errorCodes"] = json!({
            "4092": [{"errorCode": "Odd.Status"}],
            "400": [{"errorMessage": "no code"}, {"errorCode": "Foo.Bad"}]
        });
        op(s)["responses"]["5XX"] = json!({"schema": {"type": "object"}});
    });
    assert_eq!(
        warnings,
        [
            (
                WarningKind::ResponseStatus,
                "$.apis.QueryFoo.responses['5XX']".to_owned()
            ),
            (
                WarningKind::ErrorCode,
                "$.apis.QueryFoo.errorCodes['400'][0]".to_owned()
            ),
            (
                WarningKind::ErrorStatus,
                "$.apis.QueryFoo.errorCodes['4092']".to_owned()
            ),
        ]
    );
    let errors: Vec<_> = spec.apis["QueryFoo"]
        .documented_errors()
        .map(|(status, e)| (status, e.error_code.as_str()))
        .collect();
    assert_eq!(errors, [(Some(400), "Foo.Bad"), (None, "Odd.Status")]);
}

#[test]
fn methods_are_filtered() {
    let (spec, warnings) = warnings_of(|s| op(s)["methods"] = json!(["post", "fetch", "put"]));
    assert_eq!(
        warnings,
        [(
            WarningKind::UnknownMethod,
            "$.apis.QueryFoo.methods[1]".to_owned()
        )]
    );
    assert_eq!(
        spec.apis["QueryFoo"].methods,
        [HttpMethod::Post, HttpMethod::Put]
    );
    let (spec, warnings) = warnings_of(|s| op(s)["methods"] = json!([]));
    assert!(warnings.is_empty() && spec.apis["QueryFoo"].methods.is_empty());
}

#[test]
fn duplicates_and_other_inconsistencies() {
    let (spec, warnings) = warnings_of(|s| {
        let first = op(s)["parameters"][0].clone();
        let mut other = first.clone();
        other["schema"]["required"] = json!(false);
        op(s)["parameters"].as_array_mut().unwrap().push(first);
        op(s)["parameters"].as_array_mut().unwrap().push(other);
        s["endpoints"]
            .as_array_mut()
            .unwrap()
            .push(json!({"regionId": "cn-hangzhou", "endpoint": "x.aliyuncs.com"}));
        op(s)["parameters"][1]["schema"]["enum"] = json!(["a"]);
        op(s)["parameters"][1]["schema"]["enumValueTitles"] = json!({"a": "", "b": ""});
        op(s)["operationType"] = json!("list");
    });
    assert_eq!(
        warnings,
        [
            (
                WarningKind::OperationType,
                "$.apis.QueryFoo.operationType".to_owned()
            ),
            (
                WarningKind::EnumTitle,
                "$.apis.QueryFoo.parameters[1].schema.enumValueTitles.b".to_owned()
            ),
            (
                WarningKind::DuplicateParameter,
                "$.apis.QueryFoo.parameters[2]".to_owned()
            ),
            (
                WarningKind::ConflictingParameter,
                "$.apis.QueryFoo.parameters[3]".to_owned()
            ),
            (WarningKind::Endpoint, "$.endpoints[1]".to_owned()),
        ]
    );
    assert!(
        spec.warnings[3]
            .message()
            .contains("differs in schema.required")
    );
    // The first listing wins; the titles keep only values of `enum`.
    let parameters = &spec.apis["QueryFoo"].parameters;
    assert_eq!(parameters.len(), 2);
    assert!(parameters[0].schema.as_ref().unwrap().required);
    let tags = parameters[1].schema.as_ref().unwrap();
    assert_eq!(tags.enum_value_titles.len(), 1);
    assert_eq!(spec.endpoints.len(), 1);
    // Our own keys stay strict.
    let err = error_of(|s| {
        op(s)["ramActions"] = json!([{"ramAction": {"action": "demo:QueryFoo"}}]);
        op(s)["x-ram-authorization"] = json!({"disclosed": false});
    });
    assert!(
        matches!(err.kind(), SpecErrorKind::Inconsistent(_)),
        "{err}"
    );
}

#[test]
fn endpoints_are_trimmed_or_left_out() {
    let (spec, warnings) = warnings_of(|s| {
        s["endpoints"] = json!([
            {"regionId": "cn-hangzhou", "endpoint": "demo.cn-hangzhou.aliyuncs.com\t"},
            {"regionId": " cn-beijing", "endpoint": "demo.cn-beijing.aliyuncs.com"},
            {"regionId": "cn-x", "endpoint": "not a host"},
            {"regionId": "cn-y", "endpoint": ""},
            {"regionId": "cn-beijing", "endpoint": "other.aliyuncs.com"}
        ]);
    });
    let paths: Vec<&str> = warnings.iter().map(|(_, p)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.endpoints[0].endpoint",
            "$.endpoints[1].regionId",
            "$.endpoints[2]",
            "$.endpoints[3]",
            "$.endpoints[4]",
        ]
    );
    assert!(warnings.iter().all(|(k, _)| *k == WarningKind::Endpoint));
    let hosts: Vec<(&str, &str)> = spec
        .endpoints
        .iter()
        .map(|e| (e.region_id.as_str(), e.endpoint.as_str()))
        .collect();
    assert_eq!(
        hosts,
        [
            ("cn-hangzhou", "demo.cn-hangzhou.aliyuncs.com"),
            ("cn-beijing", "demo.cn-beijing.aliyuncs.com")
        ]
    );
}

#[test]
fn vpc_hosts_are_trimmed_or_left_out() {
    let (spec, warnings) = warnings_of(|s| {
        s["endpoints"] = json!([
            {"regionId": "cn-a", "endpoint": "a.aliyuncs.com", "vpc": " a-vpc.aliyuncs.com "},
            {"regionId": "cn-b", "endpoint": "b.aliyuncs.com", "vpc": ""},
            {"regionId": "cn-c", "endpoint": "c.aliyuncs.com", "vpc": "not a host"}
        ]);
    });
    let paths: Vec<&str> = warnings.iter().map(|(_, p)| p.as_str()).collect();
    assert_eq!(paths, ["$.endpoints[2].vpc"]);
    let vpc: Vec<Option<&str>> = spec.endpoints.iter().map(|e| e.vpc.as_deref()).collect();
    assert_eq!(vpc, [Some("a-vpc.aliyuncs.com"), None, None]);
}

#[test]
fn schema_quirks() {
    let (spec, warnings) = warnings_of(|s| {
        let props = &mut op(s)["responses"]["200"]["schema"]["properties"];
        props["Odd"] = json!({"type": "file"});
        props["Wrapped"] = json!({"type": "object", "itemNode": true, "properties": {
            "A": {"type": "string"}, "B": {"type": "string"}}});
        props["Both"] = json!({"type": "object", "items": {"type": "string"},
            "properties": {"X": {"type": "string"}}});
    });
    assert_eq!(
        warnings,
        [
            (
                WarningKind::SchemaKeys,
                "$.apis.QueryFoo.responses['200'].schema.properties.Both".to_owned()
            ),
            (
                WarningKind::UnknownType,
                "$.apis.QueryFoo.responses['200'].schema.properties.Odd.type".to_owned()
            ),
            (
                WarningKind::ItemNode,
                "$.apis.QueryFoo.responses['200'].schema.properties.Wrapped.itemNode".to_owned()
            ),
        ]
    );
    let props = &spec.apis["QueryFoo"].success_schema().unwrap().properties;
    assert!(!props["Wrapped"].item_node);
}

#[test]
fn our_x_keys_are_checked() {
    let err = error_of(|s| op(s)["parameters"][0]["schema"]["x-secret"] = json!("yes"));
    assert!(matches!(err.kind(), SpecErrorKind::InvalidField(_)));
    assert!(
        err.to_string().starts_with(
            "specs/x/api-docs.json: $.apis.QueryFoo.parameters[0].schema.x-secret: invalid type"
        ),
        "{err}"
    );
    let err = error_of(|s| s["x-endpoint-rule"]["rules"][0]["regionprefix"] = json!("cn-"));
    assert!(
        err.to_string().contains("unknown field `regionprefix`"),
        "{err}"
    );
    assert_eq!(
        err.json_path().as_str(),
        "$.x-endpoint-rule.rules[0].regionprefix"
    );
    let err = error_of(|s| s["x-endpoint-rule"]["default"] = json!("{zone}.aliyuncs.com"));
    assert_eq!(err.json_path().as_str(), "$.x-endpoint-rule.default");
    let err = error_of(|s| op(s)["parameters"][1]["schema"]["x-json-string"] = json!(true));
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.apis.QueryFoo.parameters[1].schema.x-json-string: \
         x-json-string is only for schemas of type string"
    );
    let err = error_of(|s| op(s)["x-ram-authorization"] = json!({"note": "?"}));
    assert!(
        err.to_string().contains("missing field `disclosed`"),
        "{err}"
    );
}

#[test]
fn unknown_keys_are_ignored_and_new_x_keys_kept() {
    let spec = load_edited(|s| {
        s["somethingNew"] = json!({"a": [1, 2]});
        s["x-new-top"] = json!(1);
        op(s)["systemTags"] = json!({"operationType": "get"});
        op(s)["x-new-op"] = json!("kept");
        op(s)["parameters"][0]["schema"]["whatever"] = json!(null);
        op(s)["parameters"][0]["x-new-param"] = json!(true);
    })
    .unwrap();
    assert_eq!(spec.extensions.get("x-new-top"), Some(&json!(1)));
    let api = &spec.apis["QueryFoo"];
    assert_eq!(api.extensions.get("x-new-op"), Some(&json!("kept")));
    assert_eq!(
        api.parameters[0].extensions.get("x-new-param"),
        Some(&json!(true))
    );
    assert!(api.extensions.get("systemTags").is_none());
}

#[test]
fn io_errors_name_the_file() {
    let missing = fixture("malformed/does-not-exist.json");
    let err = load_file(&missing).unwrap_err();
    assert!(matches!(err.kind(), SpecErrorKind::Io(_)));
    assert!(
        err.to_string()
            .starts_with(&format!("{}: $: cannot read: ", missing.display())),
        "{err}"
    );
    let err = load_dir(&fixture("no-such-dir")).unwrap_err();
    assert!(matches!(err.kind(), SpecErrorKind::Io(_)));
}

#[test]
fn load_dir_is_sorted_and_checks_places() {
    let root = tempfile::tempdir().unwrap();
    let write = |rel: &str, product: &str, version: &str| {
        let dir = root.path().join(rel);
        std::fs::create_dir_all(&dir).unwrap();
        let text = json!({
            "info": {"style": "RPC", "product": product, "version": version},
            "apis": {}
        });
        std::fs::write(dir.join("api-docs.json"), text.to_string()).unwrap();
    };
    write("zeta/2020-01-01", "Zeta", "2020-01-01");
    write("alpha/2021-01-01", "Alpha", "2021-01-01");
    write("alpha/2019-01-01", "alpha", "2019-01-01");
    std::fs::create_dir_all(root.path().join("empty/2020-01-01")).unwrap();
    std::fs::create_dir_all(root.path().join(".hidden/x")).unwrap();
    std::fs::write(root.path().join("README.md"), "not a spec").unwrap();

    let specs = load_dir(root.path()).unwrap();
    let got: Vec<_> = specs
        .iter()
        .map(|s| (s.info.product.as_str(), s.info.version.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("alpha", "2019-01-01"),
            ("Alpha", "2021-01-01"),
            ("Zeta", "2020-01-01")
        ]
    );

    write("beta/2022-01-01", "Gamma", "2022-01-01");
    let err = load_dir(root.path()).unwrap_err();
    assert!(matches!(err.kind(), SpecErrorKind::Inconsistent(_)));
    assert_eq!(err.json_path().as_str(), "$.info.product");
    assert!(
        err.file().ends_with("beta/2022-01-01/api-docs.json"),
        "{err}"
    );
}
