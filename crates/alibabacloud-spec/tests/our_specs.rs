//! Our specs load; the two with seed pages say what their pages say (the ROA fixtures of
//! CS and Elasticsearch and the V3 one of OCR are cut unmodified out of the official files).

#![allow(clippy::unwrap_used)]

mod common;

use alibabacloud_spec::{
    Api, HttpMethod, OperationType, ParameterLocation, Schema, SchemaType, Spec, load_dir,
};
use common::repo_specs;
use serde_json::Value;

fn specs() -> Vec<Spec> {
    match load_dir(&repo_specs()) {
        Ok(specs) => specs,
        Err(e) => panic!("{e}"),
    }
}

fn spec(product: &str) -> Spec {
    specs()
        .into_iter()
        .find(|s| s.info.product == product)
        .unwrap()
}

fn prop<'a>(schema: &'a Schema, path: &[&str]) -> &'a Schema {
    path.iter().fold(schema, |s, name| {
        let s = s.items.as_deref().unwrap_or(s);
        s.properties
            .get(*name)
            .unwrap_or_else(|| panic!("no property {name}"))
    })
}

/// The `json` success example of `responseDemo` matches the response schema exactly: every
/// field of the example is in the schema with a matching type, and every field of the schema
/// is in the example.
fn check_demo(api: &Api) -> Value {
    let demos = api.response_demos().unwrap();
    let json = demos.iter().find(|d| d.demo_type == "json").unwrap();
    let example: Value = serde_json::from_str(&json.example).unwrap();
    fn check(schema: &Schema, value: &Value, path: &str) {
        match schema.schema_type.as_ref().unwrap() {
            SchemaType::Object => {
                let object = value
                    .as_object()
                    .unwrap_or_else(|| panic!("{path}: not an object"));
                for key in object.keys() {
                    assert!(
                        schema.properties.contains_key(key),
                        "{path}.{key} not in schema"
                    );
                }
                for (key, property) in &schema.properties {
                    let v = object
                        .get(key)
                        .unwrap_or_else(|| panic!("{path}.{key} not in demo"));
                    check(property, v, &format!("{path}.{key}"));
                }
            }
            SchemaType::Array => {
                let items = value
                    .as_array()
                    .unwrap_or_else(|| panic!("{path}: not an array"));
                assert!(!items.is_empty(), "{path}: empty");
                for (i, item) in items.iter().enumerate() {
                    check(
                        schema.items.as_ref().unwrap(),
                        item,
                        &format!("{path}[{i}]"),
                    );
                }
            }
            SchemaType::String => {
                let s = value
                    .as_str()
                    .unwrap_or_else(|| panic!("{path}: not a string"));
                if !schema.enum_values.is_empty() {
                    assert!(
                        schema.enum_values.iter().any(|e| e == s),
                        "{path}: not in enum"
                    );
                }
                // The page's example of the field is the one in the demo.
                assert_eq!(
                    schema.example.as_ref().and_then(Value::as_str),
                    Some(s),
                    "{path}"
                );
            }
            SchemaType::Integer => {
                let n = value
                    .as_i64()
                    .unwrap_or_else(|| panic!("{path}: not an integer"));
                let example = schema.example.as_ref().and_then(Value::as_str).unwrap();
                assert_eq!(example, n.to_string(), "{path}");
            }
            SchemaType::Boolean => assert!(value.is_boolean(), "{path}: not a boolean"),
            other => panic!("{path}: unexpected type {other}"),
        }
    }
    check(api.success_schema().unwrap(), &example, "$");
    example
}

#[test]
fn load_dir_finds_every_spec_in_order() {
    let specs = specs();
    let names: Vec<_> = specs
        .iter()
        .map(|s| (s.info.product.as_str(), s.info.version.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("BssOpenApi", "2017-12-14"),
            ("CS", "2015-12-15"),
            ("elasticsearch", "2017-06-13"),
            ("ocr-api", "2021-07-07"),
            ("quickbi-public", "2022-01-01")
        ]
    );
    assert!(
        specs[0]
            .origin
            .ends_with("bssopenapi/2017-12-14/api-docs.json")
    );
    for spec in &specs {
        let provenance = spec.extensions.get("x-provenance").unwrap();
        assert!(provenance.get("changes").is_some_and(Value::is_array));
        assert!(provenance.get("upstream").is_some());
    }
}

#[test]
fn query_ticket_info_says_what_the_page_says() {
    let spec = spec("quickbi-public");
    let api = &spec.apis["QueryTicketInfo"];
    assert_eq!(api.methods, [HttpMethod::Post]);
    assert_eq!(api.operation_type, Some(OperationType::Read));
    assert!(!api.deprecated);

    // The one request parameter: required, a secret.
    assert_eq!(api.parameters.len(), 1);
    let ticket = &api.parameters[0];
    assert_eq!(ticket.name, "Ticket");
    assert_eq!(ticket.location, Some(ParameterLocation::Query));
    let schema = ticket.schema.as_ref().unwrap();
    assert!(ticket.is_required() && schema.secret);
    assert_eq!(schema.schema_type, Some(SchemaType::String));
    assert_eq!(
        schema.description.as_deref(),
        Some("The value of the bill.\n")
    );
    assert_eq!(
        schema.example,
        Some(Value::from("a27a9aec-****-****-bd40-1a21ea41d7c5"))
    );

    // Response fields.
    let body = api.success_schema().unwrap();
    assert_eq!(
        body.properties.keys().collect::<Vec<_>>(),
        ["RequestId", "Result", "Success"]
    );
    let result = prop(body, &["Result"]);
    assert_eq!(result.properties.len(), 11);
    assert!(prop(result, &["AccessTicket"]).secret);
    assert!(!prop(result, &["CmptId"]).secret);
    assert!(prop(result, &["GlobalParam"]).json_string);
    for name in ["MaxTicketNum", "UsedTicketNum"] {
        let s = prop(result, &[name]);
        assert_eq!(s.schema_type, Some(SchemaType::Integer));
        assert_eq!(s.format.as_deref(), Some("int32"));
    }
    for name in ["InvalidTime", "RegisterTime"] {
        assert_eq!(
            prop(result, &[name]).time_format.as_deref(),
            Some("yyyy-MM-dd HH:mm:ss")
        );
    }
    assert_eq!(
        prop(result, &["WatermarkParam"]).example,
        Some(Value::from("ticket"))
    );
    assert_eq!(
        prop(body, &["Success"]).schema_type,
        Some(SchemaType::Boolean)
    );

    // Errors: seven, all 400, with the page's wording.
    let errors: Vec<_> = api.error_codes_by_status().collect();
    assert_eq!(errors.len(), 7);
    assert!(errors.iter().all(|(status, _)| *status == 400));
    let find = |code: &str| errors.iter().find(|(_, e)| e.error_code == code).unwrap().1;
    assert_eq!(
        find("Authorize3rdTicket.Num.Exceed")
            .error_message
            .as_deref(),
        Some("The number of tickets %s is invalid.")
    );
    let no_permission = find("NoPermissionTo.Operate.Object");
    assert_eq!(
        no_permission.error_message.as_deref(),
        Some("You are not authorized to operate the objects.")
    );
    assert_eq!(
        no_permission.description.as_deref(),
        Some("You are not authorized to do this.")
    );

    // RAM: the action, access level "get", all resources, nothing dependent.
    assert_eq!(api.ram_actions.len(), 1);
    let entry = &api.ram_actions[0];
    assert_eq!(entry.operation_type.as_deref(), Some("get"));
    let action = entry.ram_action.as_ref().unwrap();
    assert_eq!(
        action.action.as_deref(),
        Some("quickbi-public:QueryTicketInfo")
    );
    assert_eq!(action.resources[0].arn.as_deref(), Some("*"));
    let auth = api.ram_authorization.as_ref().unwrap();
    assert!(auth.disclosed && auth.dependent_actions.is_empty());

    // Endpoints: the table, then the rule.
    assert_eq!(spec.endpoints.len(), 10);
    assert_eq!(
        spec.endpoint_for_region("cn-hangzhou").as_deref(),
        Some("quickbi-public.cn-hangzhou.aliyuncs.com")
    );
    assert_eq!(
        spec.endpoint_for_region("cn-beijing").as_deref(),
        Some("quickbi-public.cn-beijing.aliyuncs.com")
    );
    assert_eq!(spec.endpoint_for_region("evil.com/x"), None);

    // The page's success example, made valid JSON.
    let demo = check_demo(api);
    let global = demo["Result"]["GlobalParam"].as_str().unwrap();
    assert!(global.starts_with(r#"[{"paramKey":"price""#));
    assert!(global.ends_with("\\n"));
    assert_eq!(demo["Result"]["MaxTicketNum"], 9999);
}

#[test]
fn query_cash_coupons_says_what_the_page_says() {
    let spec = spec("BssOpenApi");
    let api = &spec.apis["QueryCashCoupons"];
    assert_eq!(api.methods, [HttpMethod::Post, HttpMethod::Get]);
    assert!(api.is_read_only());

    let names: Vec<_> = api.parameters.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["ExpiryTimeEnd", "ExpiryTimeStart", "EffectiveOrNot"]
    );
    assert!(api.parameters.iter().all(|p| !p.is_required()));
    assert!(
        api.parameters
            .iter()
            .all(|p| p.location == Some(ParameterLocation::Query))
    );
    let end = api.parameters[0].schema.as_ref().unwrap();
    assert_eq!(end.time_format.as_deref(), Some("yyyy-MM-ddTHH:mm:ssZ"));
    assert_eq!(end.example, Some(Value::from("2018-08-01T00:00:00Z")));
    assert_eq!(
        api.parameters[2].schema.as_ref().unwrap().schema_type,
        Some(SchemaType::Boolean)
    );

    // Data is the itemNode wrapper of CashCoupon[].
    let body = api.success_schema().unwrap();
    let data = prop(body, &["Data"]);
    let (list_name, list) = data.item_node_list().unwrap();
    assert_eq!(list_name, "CashCoupon");
    let coupon = list.items.as_deref().unwrap();
    assert_eq!(coupon.properties.len(), 11);
    let id = prop(coupon, &["CashCouponId"]);
    assert_eq!(id.schema_type, Some(SchemaType::Integer));
    assert_eq!(id.format.as_deref(), Some("int64"));
    let status = prop(coupon, &["Status"]);
    assert_eq!(status.enum_values, ["Available", "Expired", "Cancelled"]);
    assert_eq!(
        status.enum_value_title("Cancelled"),
        Some("The voucher is canceled.")
    );
    for name in ["ExpiryTime", "GrantedTime", "EffectiveTime"] {
        assert_eq!(
            prop(coupon, &[name]).time_format.as_deref(),
            Some("yyyy-MM-ddTHH:mm:ssZ")
        );
    }

    // Errors: six 400s and one 500.
    let errors: Vec<_> = api
        .error_codes_by_status()
        .map(|(s, e)| (s, e.error_code.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (400, "NotApplicable"),
            (400, "NotAuthorized"),
            (400, "MissingParameter"),
            (400, "InvalidParameter"),
            (400, "InvalidOwner"),
            (400, "InternalError"),
            (500, "UndefinedError"),
        ]
    );

    // No authorization information is disclosed.
    assert!(api.ram_actions.is_empty());
    let auth = api.ram_authorization.as_ref().unwrap();
    assert!(!auth.disclosed);
    assert!(
        auth.note
            .as_deref()
            .unwrap()
            .contains("no authorization information")
    );

    // Endpoints: 25 in the table; cn-* to business.aliyuncs.com, others to Singapore.
    assert_eq!(spec.endpoints.len(), 25);
    assert_eq!(
        spec.endpoint_for_region("ap-northeast-1").as_deref(),
        Some("business.ap-southeast-1.aliyuncs.com")
    );
    assert_eq!(
        spec.endpoint_for_region("cn-wuhan-lr").as_deref(),
        Some("business.aliyuncs.com")
    );
    assert_eq!(
        spec.endpoint_for_region("me-central-1").as_deref(),
        Some("business.ap-southeast-1.aliyuncs.com")
    );

    let demo = check_demo(api);
    let first = &demo["Data"]["CashCoupon"][0];
    assert_eq!(first["CashCouponId"], 34_534_253_254_325_i64);
    assert_eq!(demo["Message"], "Successful");
    assert!(
        first["ApplicableScenarios"]
            .as_str()
            .unwrap()
            .ends_with("service\n")
    );
}
