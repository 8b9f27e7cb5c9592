//! Unmodified official metadata files load, with their quirks.

#![allow(clippy::unwrap_used)]

mod common;

use alibabacloud_spec::{
    AdditionalProperties, ApiStyle, HttpMethod, OperationType, ParameterLocation, ParameterStyle,
    Schema, SchemaType, Spec, load_file,
};
use common::fixture;

fn load(name: &str) -> Spec {
    let path = fixture(&format!("official/{name}"));
    match load_file(&path) {
        Ok(spec) => spec,
        Err(e) => panic!("{e}"),
    }
}

/// Every schema of every parameter and response, depth first.
fn all_schemas(spec: &Spec) -> Vec<&Schema> {
    fn walk<'a>(s: &'a Schema, out: &mut Vec<&'a Schema>) {
        out.push(s);
        for p in s.properties.values() {
            walk(p, out);
        }
        if let Some(items) = &s.items {
            walk(items, out);
        }
        if let Some(AdditionalProperties::Schema(values)) = &s.additional_properties {
            walk(values, out);
        }
    }
    let mut out = Vec::new();
    for api in spec.apis.values() {
        for p in &api.parameters {
            walk(p.schema.as_ref().unwrap(), &mut out);
        }
        for r in api.responses.values() {
            if let Some(s) = &r.schema {
                walk(s, &mut out);
            }
        }
    }
    out
}

#[test]
fn full_quickbi_product_loads() {
    let spec = load("quickbi-public-2022-01-01.full.api-docs.json");
    assert_eq!(spec.info.style, Some(ApiStyle::Rpc));
    assert_eq!(spec.info.product, "quickbi-public");
    assert_eq!(spec.info.version, "2022-01-01");
    assert_eq!(spec.apis.len(), 130);
    assert_eq!(spec.endpoints.len(), 10);
    assert!(spec.apis.values().all(|a| a.success_schema().is_some()));
    assert!(spec.apis.values().all(|a| a.response_demos().is_ok()));

    // One formData parameter, the rest in the query; no styles.
    let params: Vec<_> = spec.apis.values().flat_map(|a| &a.parameters).collect();
    assert_eq!(params.len(), 357);
    let form = params
        .iter()
        .filter(|p| p.location == Some(ParameterLocation::FormData))
        .count();
    assert_eq!(form, 1);

    // Methods are lower-case in the file.
    let gets = spec
        .apis
        .values()
        .filter(|a| a.methods.contains(&HttpMethod::Get))
        .count();
    assert_eq!(gets, 4);

    // RPC operations that carry an empty ROA `path`.
    assert!(spec.apis.values().any(|a| a.path.as_deref() == Some("")));

    // The error-code status "297" is odd but an HTTP status number; every entry is kept.
    let errors: usize = spec
        .apis
        .values()
        .map(|a| a.error_codes_by_status().count())
        .sum();
    assert_eq!(errors, 600);
    assert!(
        spec.apis
            .values()
            .flat_map(|a| a.error_codes_by_status())
            .any(|(status, _)| status == 297)
    );

    // enumValueTitles without enum: the titles' keys are the documented values.
    let schemas = all_schemas(&spec);
    let titles_only = schemas
        .iter()
        .find(|s| s.enum_values.is_empty() && s.enum_value_titles.contains_key("hive"))
        .unwrap();
    assert!(titles_only.documented_values().contains(&"hive"));

    // Bounds written as strings.
    assert!(schemas.iter().any(|s| s.maximum.is_some()));
    // RAM actions.
    let ram = &spec.apis["QueryTicketInfo"].ram_actions[0];
    assert_eq!(
        ram.ram_action.as_ref().unwrap().action.as_deref(),
        Some("quickbi-public:QueryTicketInfo")
    );
}

#[test]
fn full_bss_product_loads() {
    let spec = load("bssopenapi-2017-12-14.full.api-docs.json");
    assert_eq!(spec.info.product, "BssOpenApi");
    assert_eq!(spec.apis.len(), 96);
    assert_eq!(spec.endpoints.len(), 25);
    assert!(spec.apis.values().all(|a| a.response_demos().is_ok()));

    // One operation has no operationType.
    assert_eq!(spec.apis["QueryProductList"].operation_type, None);
    assert_eq!(
        spec.apis["QueryCashCoupons"].operation_type,
        Some(OperationType::Read)
    );

    let params: Vec<_> = spec.apis.values().flat_map(|a| &a.parameters).collect();
    assert_eq!(params.len(), 533);
    let count = |style: ParameterStyle| {
        params
            .iter()
            .filter(|p| p.style.as_ref() == Some(&style))
            .count()
    };
    assert_eq!(count(ParameterStyle::RepeatList), 38);
    assert_eq!(count(ParameterStyle::Json), 2);
    let form = params
        .iter()
        .filter(|p| p.location == Some(ParameterLocation::FormData))
        .count();
    assert_eq!(form, 42);

    let schemas = all_schemas(&spec);
    // itemNode wrappers always hold one array.
    let wrappers: Vec<_> = schemas.iter().filter(|s| s.item_node).collect();
    assert_eq!(wrappers.len(), 41);
    assert!(wrappers.iter().all(|s| s.item_node_list().is_some()));
    // "maximum": "9223372036854775807" stays exact.
    assert!(
        schemas
            .iter()
            .any(|s| s.maximum.as_ref().and_then(|n| n.as_i64()) == Some(i64::MAX))
    );
    assert!(
        schemas
            .iter()
            .any(|s| s.minimum.as_ref().and_then(|n| n.as_i64()) == Some(i64::MIN))
    );
    // int64 fields and maps (additionalProperties).
    assert!(schemas.iter().any(
        |s| s.schema_type == Some(SchemaType::Integer) && s.format.as_deref() == Some("int64")
    ));
    assert!(schemas.iter().any(|s| matches!(
        s.additional_properties,
        Some(AdditionalProperties::Schema(_))
    )));
    // Error codes under odd statuses (200, 401, 402, 405) are kept.
    let statuses: std::collections::BTreeSet<u16> = spec
        .apis
        .values()
        .flat_map(|a| a.error_codes_by_status().map(|(s, _)| s))
        .collect();
    assert_eq!(
        statuses.into_iter().collect::<Vec<_>>(),
        [200, 400, 401, 402, 405, 500]
    );
    let errors: usize = spec
        .apis
        .values()
        .map(|a| a.error_codes_by_status().count())
        .sum();
    assert_eq!(errors, 274);
}

#[test]
fn trimmed_reference_files_load() {
    let q = load("quickbi-public-2022-01-01.QueryTicketInfo.json");
    assert_eq!(q.apis.keys().collect::<Vec<_>>(), ["QueryTicketInfo"]);
    assert_eq!(q.endpoints.len(), 10);
    assert!(q.extensions.get("x-provenance").is_some());
    assert_eq!(q.endpoint_rule, None);

    let b = load("bssopenapi-2017-12-14.QueryCashCoupons.json");
    assert_eq!(b.apis.keys().collect::<Vec<_>>(), ["QueryCashCoupons"]);
    assert_eq!(b.endpoints.len(), 25);
    assert_eq!(
        b.endpoint_for_region("cn-hangzhou").as_deref(),
        Some("business.aliyuncs.com")
    );
    // Without x-endpoint-rule an unlisted region is unknown.
    assert_eq!(b.endpoint_for_region("cn-wuhan-lr"), None);
}

#[test]
fn truncated_files_fail_without_panicking() {
    let text = std::fs::read_to_string(fixture(
        "official/bssopenapi-2017-12-14.QueryCashCoupons.json",
    ))
    .unwrap();
    let mut cut = 0;
    while cut < text.len() - 1 {
        if text.is_char_boundary(cut) {
            let err = alibabacloud_spec::load_str(&text[..cut], "cut.json").unwrap_err();
            assert!(err.to_string().starts_with("cut.json: $"), "{err}");
        }
        cut += 37;
    }
}
