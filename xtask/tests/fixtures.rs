//! What each fixture is for, checked on the generated code (the snapshots show all of it;
//! these assertions keep the point of each fixture from being re-accepted away).

#![allow(clippy::unwrap_used)]

mod common;

use common::fixture_file;

fn has(text: &str, needle: &str) {
    assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
}

#[test]
fn locations() {
    let op = fixture_file("locations", "client/src/operation/send_thing.rs");
    has(&op, "ParamSpec::query(\"InQuery\"),");
    has(&op, "ParamSpec::form(\"InForm\"),");
    has(&op, "ParamSpec::form(\"InBody\"),");
    has(&op, "ParamSpec::header(\"x-acs-in-header\"),");
}

#[test]
fn styles() {
    // `repeatList` is the default: lists as `Name.1`, objects as `Name.Key`.
    let op = fixture_file("style-repeat-list", "client/src/operation/tag_resources.rs");
    has(&op, "ParamSpec::query(\"Tag\"),");
    has(&op, "ParamSpec::query(\"Priority\"),");
    let op = fixture_file("style-flat", "client/src/operation/create_disk.rs");
    has(
        &op,
        "ParamSpec::query(\"SystemDisk\").style(ParamStyle::Flat),",
    );
    has(
        &op,
        "ParamSpec::query(\"Options\").style(ParamStyle::Flat),",
    );
    let op = fixture_file("style-json", "client/src/operation/set_config.rs");
    for name in ["Config", "Ids", "ExtendMap"] {
        has(
            &op,
            &format!("ParamSpec::query(\"{name}\").style(ParamStyle::Json),"),
        );
    }
    let op = fixture_file("style-delimited", "client/src/operation/list_by_ids.rs");
    has(&op, ".style(ParamStyle::Simple)");
    has(&op, ".style(ParamStyle::SpaceDelimited)");
    has(&op, ".style(ParamStyle::PipeDelimited)");
}

#[test]
fn nested_objects_and_lists() {
    let model = fixture_file("nested", "model/src/describe_nested.rs");
    has(&model, "pub filter: Vec<Filter>,");
    has(&model, "pub value: Vec<String>,");
    has(&model, "pub result: DescribeNestedResult,");
    has(&model, "pub option: DescribeNestedResultOption,");
    has(&model, "pub item: DescribeNestedItem,");
    has(&model, "pub matrix: Vec<Vec<i32>>,");
}

#[test]
fn refs() {
    let types = fixture_file("refs", "model/src/types.rs");
    has(&types, "pub children: Vec<Node>,");
    has(&types, "pub right: Option<Box<Right>>,");
    has(&types, "pub enum NodeKind {");
    let op = fixture_file("refs", "model/src/create_node.rs");
    has(&op, "pub node: Option<crate::types::Node>,");
    has(&op, "pub labels: Vec<String>,");
    has(&op, "pub created: crate::types::Node,");
    // The secret field of an inline object of a shared, recursive schema, found through the
    // response's `Root` (and only once, though `Node` contains itself).
    let get_tree = fixture_file("refs", "client/src/operation/get_tree.rs");
    has(&get_tree, "secret_response_fields: &[\"Key\"],");
    let create = fixture_file("refs", "client/src/operation/create_node.rs");
    has(&create, "secret_response_fields: &[\"Key\"],");
}

#[test]
fn scalars() {
    let model = fixture_file("scalars", "model/src/echo_scalars.rs");
    has(&model, "pub int32: Option<i32>,");
    has(&model, "pub int64: Option<i64>,");
    has(&model, "pub integer_without_format: Option<i64>,");
    has(&model, "pub float: Option<f64>,");
    has(&model, "pub double: Option<f64>,");
    has(&model, "pub flag: Option<bool>,");
    has(&model, "pub anything: Option<serde_json::Value>,");
    let manifest = fixture_file("scalars", "model/Cargo.toml");
    has(
        &manifest,
        "alibabacloud-types = { workspace = true, features = [\"json\"] }",
    );
}

#[test]
fn enums() {
    let model = fixture_file("enums", "model/src/list_transactions.rs");
    has(&model, "::alibabacloud_types::open_enum! {");
    has(&model, "PayFailRefund = \"Pay_Fail_Refund\",");
    has(&model, "    En = \"EN\",\n");
    has(&model, "    En2 = \"en\",\n");
    has(&model, "Unknown_ = \"Unknown\",");
    has(&model, "V1 = \"1\",");
    has(&model, "/// `Expired`: The voucher has expired.");
    has(&model, "pub role_id: Option<i32>,");
    has(&model, "Documented values: `25`, `26`.");
    has(&model, "pub status: Vec<ListTransactionsStatus>,");
}

#[test]
fn required() {
    let op = fixture_file("required", "client/src/operation/create_order.rs");
    for wire in [
        "Name", "Quantity", "Size", "Ratio", "Confirm", "Mode", "ItemId",
    ] {
        has(&op, &format!("ParamSpec::query(\"{wire}\").required(),"));
    }
    has(
        &op,
        "ParamSpec::query(\"Address\").style(ParamStyle::Flat).required(),",
    );
    has(
        &op,
        "ParamSpec::query(\"Attributes\").style(ParamStyle::Json).required(),",
    );
    has(&op, "ParamSpec::query(\"Note\"),");
    has(&op, "/// Required: `send()` fails without it.");
}

#[test]
fn deprecated() {
    let client = fixture_file("deprecated", "client/src/client.rs");
    has(
        &client,
        "#[deprecated(note = \"this operation is deprecated in the API metadata\")]\n    pub fn old_call(",
    );
    let op = fixture_file("deprecated", "client/src/operation/new_call.rs");
    has(
        &op,
        "#[deprecated(note = \"deprecated in the API metadata\")]\n        #[setters(set_legacy_id, get_legacy_id)]\n        legacy_id: Option<String>,",
    );
    let model = fixture_file("deprecated", "model/src/new_call.rs");
    has(
        &model,
        "/// **Deprecated.**\n        ///\n        /// No longer filled.",
    );
    has(
        &model,
        "#[deprecated(note = \"deprecated in the API metadata\")]\n        #[wire(\"LegacyId\", with_legacy_id)]",
    );
}

#[test]
fn item_node() {
    let model = fixture_file("item-node", "model/src/query_coupons.rs");
    has(&model, "pub data: Data,");
    has(&model, "pub coupon: Vec<Coupon>,");
    has(&model, "pub product: Vec<String>,");
}

#[test]
fn maps() {
    let model = fixture_file("maps", "model/src/tag_map.rs");
    has(
        &model,
        "pub counts: std::collections::BTreeMap<String, i64>,",
    );
    has(
        &model,
        "pub owners: std::collections::BTreeMap<String, OwnersValue>,",
    );
    has(&model, "pub free: Option<serde_json::Value>,");
}

#[test]
fn write_operations() {
    let delete = fixture_file("write-operation", "client/src/operation/delete_thing.rs");
    has(&delete, "operation_type: OperationType::Write,");
    let update = fixture_file("write-operation", "client/src/operation/update_thing.rs");
    has(&update, "operation_type: OperationType::ReadAndWrite,");
    has(&update, "method: HttpMethod::Post,");
    let ping = fixture_file("write-operation", "client/src/operation/ping_thing.rs");
    has(&ping, "operation_type: OperationType::Unspecified,");
    has(&ping, "method: HttpMethod::Get,");
}

#[test]
fn secrets_json_strings_and_docs() {
    let model = fixture_file("docs-and-extensions", "model/src/login_with_ticket.rs");
    has(
        &model,
        "#[wire(\"Ticket\", with_ticket)]\n        #[secret]\n        pub ticket: Option<String>,",
    );
    has(
        &model,
        "#[secret]\n        pub access_token: Option<String>,",
    );
    has(&model, "The string holds a JSON document.");
    has(&model, "Date-time format: `yyyy-MM-dd HH:mm:ss`.");
    has(&model, "Brackets \\[%s\\] and \\[x\\] are not links");
    has(&model, "A bare URL <https://example.com/a?b=c>.");
    has(&model, "```text");
    let op = fixture_file(
        "docs-and-extensions",
        "client/src/operation/login_with_ticket.rs",
    );
    has(&op, "ParamSpec::query(\"Ticket\").required().secret(),");
    has(
        &op,
        "ParamSpec::query(\"Credentials\").style(ParamStyle::Json).secret(),",
    );
    has(&op, "secret_response_fields: &[\"AccessToken\"],");
    has(&op, "SuccessCheck::Field(|out| out.success)");
}

#[test]
fn response_types_have_no_setters() {
    // Users build requests; responses are read (and built in tests from `Default`).
    let model = fixture_file("nested", "model/src/describe_nested.rs");
    has(&model, "#[wire(\"Filter\", with_filter)]");
    has(&model, "#[wire(\"Result\")]");
}

#[test]
fn an_operation_with_nothing() {
    let op = fixture_file("empty", "client/src/operation/ping.rs");
    has(&op, "const PARAMS: &'static [ParamSpec] = &[];");
    assert!(!op.contains("SuccessCheck"), "{op}");
    has(&op, "pub enum PingErrorCode {}");
    let endpoints = fixture_file("empty", "client/src/endpoints.rs");
    has(&endpoints, "regional: &[],");
    has(
        &endpoints,
        "default: ::std::option::Option::Some(\"fxempty.{region}.aliyuncs.com\"),",
    );
}
