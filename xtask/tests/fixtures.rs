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
    has(&op, "ParamLocation::Query, \"InQuery\"");
    has(&op, "ParamLocation::Form, \"InForm\"");
    has(&op, "ParamLocation::Form, \"InBody\"");
    has(&op, "ParamLocation::Header, \"x-acs-in-header\"");
}

#[test]
fn styles() {
    let op = fixture_file("style-repeat-list", "client/src/operation/tag_resources.rs");
    has(
        &op,
        "\"Tag\",\n                ::alibabacloud_core::ParamStyle::RepeatList",
    );
    has(
        &op,
        "\"Priority\",\n                ::alibabacloud_core::ParamStyle::RepeatList",
    );
    let op = fixture_file("style-flat", "client/src/operation/create_disk.rs");
    has(
        &op,
        "\"SystemDisk\",\n                ::alibabacloud_core::ParamStyle::Flat",
    );
    has(
        &op,
        "\"Options\",\n                ::alibabacloud_core::ParamStyle::Flat",
    );
    let op = fixture_file("style-json", "client/src/operation/set_config.rs");
    for name in ["Config", "Ids", "ExtendMap"] {
        has(
            &op,
            &format!("\"{name}\",\n                ::alibabacloud_core::ParamStyle::Json"),
        );
    }
    let op = fixture_file("style-delimited", "client/src/operation/list_by_ids.rs");
    has(&op, "ParamStyle::Simple");
    has(&op, "ParamStyle::SpaceDelimited");
    has(&op, "ParamStyle::PipeDelimited");
}

#[test]
fn nested_objects_and_lists() {
    let model = fixture_file("nested", "model/src/describe_nested.rs");
    has(&model, "pub filter: ::std::vec::Vec<Filter>,");
    has(&model, "pub value: ::std::vec::Vec<::std::string::String>,");
    has(&model, "pub result: DescribeNestedResult,");
    has(&model, "pub option: DescribeNestedResultOption,");
    has(&model, "pub item: DescribeNestedItem,");
    has(&model, "pub matrix: ::std::vec::Vec<::std::vec::Vec<i32>>,");
}

#[test]
fn refs() {
    let types = fixture_file("refs", "model/src/types.rs");
    has(&types, "pub children: ::std::vec::Vec<Node>,");
    has(
        &types,
        "pub right: ::std::option::Option<::std::boxed::Box<Right>>,",
    );
    has(&types, "pub enum NodeKind {");
    let op = fixture_file("refs", "model/src/create_node.rs");
    has(&op, "pub node: ::std::option::Option<crate::types::Node>,");
    has(&op, "pub labels: ::std::vec::Vec<::std::string::String>,");
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
    has(&model, "pub int32: ::std::option::Option<i32>,");
    has(&model, "pub int64: ::std::option::Option<i64>,");
    has(
        &model,
        "pub integer_without_format: ::std::option::Option<i64>,",
    );
    has(&model, "pub float: ::std::option::Option<f64>,");
    has(&model, "pub double: ::std::option::Option<f64>,");
    has(&model, "pub flag: ::std::option::Option<bool>,");
    has(
        &model,
        "pub anything: ::std::option::Option<::serde_json::Value>,",
    );
    has(
        &model,
        "deserialize_with = \"::alibabacloud_types::de::option_i64\"",
    );
}

#[test]
fn enums() {
    let model = fixture_file("enums", "model/src/list_transactions.rs");
    has(&model, "PayFailRefund,");
    has(&model, "Self::PayFailRefund => \"Pay_Fail_Refund\",");
    has(&model, "    En,\n");
    has(&model, "    En2,\n");
    has(&model, "Unknown_,");
    has(&model, "V1,");
    has(&model, "/// `Expired`: The voucher has expired.");
    has(&model, "pub role_id: ::std::option::Option<i32>,");
    has(&model, "Documented values: `25`, `26`.");
    has(
        &model,
        "pub status: ::std::vec::Vec<ListTransactionsStatus>,",
    );
}

#[test]
fn required() {
    let op = fixture_file("required", "client/src/operation/create_order.rs");
    for wire in [
        "Name",
        "Quantity",
        "Size",
        "Ratio",
        "Confirm",
        "Mode",
        "ItemId",
        "Address",
        "Attributes",
    ] {
        has(&op, &format!("missing(\"{wire}\")"));
    }
    assert!(!op.contains("missing(\"Note\")"));
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
        "#[deprecated(note = \"deprecated in the API metadata\")]\n    pub fn legacy_id(",
    );
    let model = fixture_file("deprecated", "model/src/new_call.rs");
    has(
        &model,
        "/// **Deprecated.**\n    ///\n    /// No longer filled.",
    );
}

#[test]
fn item_node() {
    let model = fixture_file("item-node", "model/src/query_coupons.rs");
    has(&model, "pub data: Data,");
    has(&model, "pub coupon: ::std::vec::Vec<Coupon>,");
    has(
        &model,
        "pub product: ::std::vec::Vec<::std::string::String>,",
    );
}

#[test]
fn maps() {
    let model = fixture_file("maps", "model/src/tag_map.rs");
    has(
        &model,
        "pub counts: ::std::collections::BTreeMap<::std::string::String, i64>,",
    );
    has(&model, "::alibabacloud_types::de::lenient_map");
    has(
        &model,
        "pub owners: ::std::collections::BTreeMap<::std::string::String, OwnersValue>,",
    );
    has(
        &model,
        "pub free: ::std::option::Option<::serde_json::Value>,",
    );
}

#[test]
fn write_operations() {
    let delete = fixture_file("write-operation", "client/src/operation/delete_thing.rs");
    has(
        &delete,
        "operation_type: ::alibabacloud_core::OperationType::Write,",
    );
    let update = fixture_file("write-operation", "client/src/operation/update_thing.rs");
    has(
        &update,
        "operation_type: ::alibabacloud_core::OperationType::ReadAndWrite,",
    );
    has(&update, "method: ::alibabacloud_core::HttpMethod::Post,");
    let ping = fixture_file("write-operation", "client/src/operation/ping_thing.rs");
    has(
        &ping,
        "operation_type: ::alibabacloud_core::OperationType::Unspecified,",
    );
    has(&ping, "method: ::alibabacloud_core::HttpMethod::Get,");
}

#[test]
fn secrets_json_strings_and_docs() {
    let model = fixture_file("docs-and-extensions", "model/src/login_with_ticket.rs");
    has(
        &model,
        ".field(\"ticket\", &::alibabacloud_types::redact::option(&self.ticket))",
    );
    has(
        &model,
        "&::alibabacloud_types::redact::option(&self.access_token)",
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
    has(
        &op,
        "params.push_secret(::alibabacloud_core::ParamLocation::Query, \"Ticket\", ticket);",
    );
    has(&op, "&value,\n                true,");
    has(&op, "secret_response_fields: &[\"AccessToken\"],");
    has(&op, "::alibabacloud_core::SuccessCheck::Field(success),");
}

#[test]
fn an_operation_with_nothing() {
    let op = fixture_file("empty", "client/src/operation/ping.rs");
    has(&op, "fn to_params(\n    _input: PingRequest,");
    has(&op, "SuccessCheck::Envelope");
    has(
        &op,
        "pub enum PingErrorCode {\n    /// A code not documented",
    );
    let endpoints = fixture_file("empty", "client/src/endpoints.rs");
    has(&endpoints, "regional: &[],");
    has(
        &endpoints,
        "default: ::std::option::Option::Some(\"fxempty.{region}.aliyuncs.com\"),",
    );
}
