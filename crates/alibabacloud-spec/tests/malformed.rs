//! Malformed specs are refused with an error naming the file and the JSON path.

#![allow(clippy::unwrap_used)]

mod common;

use alibabacloud_spec::{SpecError, SpecErrorKind, load_dir, load_file, load_str};
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
fn parameter_without_name() {
    let err = error_of(|s| {
        op(s)["parameters"][1]
            .as_object_mut()
            .unwrap()
            .remove("name");
    });
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.apis.QueryFoo.parameters[1]: parameter has no \"name\""
    );
}

#[test]
fn parameter_without_location_or_schema() {
    let err = error_of(|s| {
        op(s)["parameters"][0].as_object_mut().unwrap().remove("in");
    });
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.apis.QueryFoo.parameters[0]: parameter has no \"in\""
    );
    let err = error_of(|s| {
        op(s)["parameters"][0]
            .as_object_mut()
            .unwrap()
            .remove("schema");
    });
    assert_eq!(err.json_path().as_str(), "$.apis.QueryFoo.parameters[0]");
}

#[test]
fn dangling_ref() {
    let err = error_of(|s| {
        op(s)["responses"]["200"]["schema"]["properties"]["Thing"]["$ref"] =
            json!("#/components/schemas/Nope");
    });
    assert!(matches!(err.kind(), SpecErrorKind::DanglingRef { .. }));
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.apis.QueryFoo.responses['200'].schema.properties.Thing.$ref: \
         $ref \"#/components/schemas/Nope\" points to no schema in components.schemas"
    );
    // Inside components too, and refs of another form.
    let err = error_of(|s| {
        s["components"]["schemas"]["Thing"]["properties"]["Id"] =
            json!({"$ref": "#/definitions/Id"});
    });
    assert_eq!(
        err.json_path().as_str(),
        "$.components.schemas.Thing.properties.Id.$ref"
    );
}

#[test]
fn unsupported_style_roa() {
    let path = fixture("malformed/roa.json");
    let err = load_file(&path).unwrap_err();
    assert!(matches!(err.kind(), SpecErrorKind::UnsupportedStyle { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: $.info.style: unsupported style \"ROA\": only RPC APIs are supported",
            path.display()
        )
    );
}

#[test]
fn unknown_parameter_style() {
    let err = error_of(|s| op(s)["parameters"][1]["style"] = json!("form"));
    assert!(matches!(
        err.kind(),
        SpecErrorKind::UnsupportedParameterStyle { .. }
    ));
    assert!(
        err.to_string().starts_with(
            "specs/x/api-docs.json: $.apis.QueryFoo.parameters[1].style: \
             unsupported parameter style \"form\""
        ),
        "{err}"
    );
}

#[test]
fn unknown_or_roa_parameter_location() {
    let err = error_of(|s| op(s)["parameters"][0]["in"] = json!("cookie"));
    assert!(matches!(
        err.kind(),
        SpecErrorKind::UnsupportedParameterLocation { .. }
    ));
    assert!(
        err.to_string().starts_with(
            "specs/x/api-docs.json: $.apis.QueryFoo.parameters[0].in: \
             unsupported parameter location \"in\": \"cookie\""
        ),
        "{err}"
    );
    let err = error_of(|s| op(s)["parameters"][0]["in"] = json!("path"));
    assert!(err.to_string().contains("ROA"), "{err}");
}

#[test]
fn array_without_items() {
    let err = error_of(|s| {
        op(s)["parameters"][1]["schema"]
            .as_object_mut()
            .unwrap()
            .remove("items");
    });
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.apis.QueryFoo.parameters[1].schema: array schema has no \"items\""
    );
}

#[test]
fn wrong_type_names_the_field() {
    let err = error_of(|s| op(s)["parameters"][0]["schema"]["x-secret"] = json!("yes"));
    assert!(matches!(err.kind(), SpecErrorKind::InvalidField(_)));
    assert!(
        err.to_string().starts_with(
            "specs/x/api-docs.json: $.apis.QueryFoo.parameters[0].schema.x-secret: invalid type"
        ),
        "{err}"
    );
    let err = error_of(|s| op(s)["parameters"] = json!(5));
    assert!(
        err.to_string()
            .starts_with("specs/x/api-docs.json: $.apis.QueryFoo.parameters: "),
        "{err}"
    );
    let err = error_of(|s| op(s)["parameters"][0]["schema"]["required"] = json!("maybe"));
    assert_eq!(
        err.json_path().as_str(),
        "$.apis.QueryFoo.parameters[0].schema.required"
    );
}

#[test]
fn error_code_keys_are_http_statuses() {
    let err = error_of(|s| op(s)["errorCodes"] = json!({"4xx": [{"errorCode": "X"}]}));
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.apis.QueryFoo.errorCodes['4xx']: \
         errorCodes key \"4xx\" is not an HTTP status (100-599)"
    );
    let err = error_of(|s| op(s)["errorCodes"] = json!({"400": [{"errorMessage": "no code"}]}));
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.apis.QueryFoo.errorCodes['400'][0]: error has no \"errorCode\""
    );
}

#[test]
fn methods_must_be_known_and_present() {
    let err = error_of(|s| op(s)["methods"] = json!([]));
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.apis.QueryFoo: operation has no \"methods\""
    );
    let err = error_of(|s| op(s)["methods"] = json!(["post", "fetch"]));
    assert_eq!(err.json_path().as_str(), "$.apis.QueryFoo.methods[1]");
}

#[test]
fn inconsistencies() {
    let err = error_of(|s| op(s)["parameters"][1]["name"] = json!("Id"));
    assert!(matches!(err.kind(), SpecErrorKind::Inconsistent(_)));
    assert_eq!(
        err.to_string(),
        "specs/x/api-docs.json: $.apis.QueryFoo.parameters[1]: \
         parameter \"Id\" is also parameters[0]"
    );
    let err = error_of(|s| {
        s["endpoints"]
            .as_array_mut()
            .unwrap()
            .push(json!({"regionId": "cn-hangzhou", "endpoint": "x.aliyuncs.com"}));
    });
    assert_eq!(err.json_path().as_str(), "$.endpoints[1].regionId");
    let err = error_of(|s| {
        op(s)["parameters"][0]["schema"]["enum"] = json!(["a"]);
        op(s)["parameters"][0]["schema"]["enumValueTitles"] = json!({"a": "", "b": ""});
    });
    assert_eq!(
        err.json_path().as_str(),
        "$.apis.QueryFoo.parameters[0].schema.enumValueTitles.b"
    );
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
fn our_x_keys_are_checked() {
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
