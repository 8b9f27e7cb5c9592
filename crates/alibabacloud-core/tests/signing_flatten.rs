//! RPC parameter flattening per metadata style.
#![allow(clippy::unwrap_used)]

use alibabacloud_core::signing::flatten::{ParamStyle, flatten, flatten_repeat_list};
use alibabacloud_core::signing::{UnknownParamStyle, canonical_query_string};
use serde_json::{Value, json};

fn pairs(style: ParamStyle, name: &str, value: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    flatten(style, name, value, &mut out);
    out
}

fn owned(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn signing_vectors_example() {
    let value = json!({
        "client": "test",
        "client1": null,
        "strs": ["str1", "str2"],
        "tag": {"key": "value"}
    });
    let mut out = Vec::new();
    flatten_repeat_list("", &value, &mut out);
    let borrowed: Vec<(&str, &str)> = out.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        canonical_query_string(&borrowed),
        "client=test&strs.1=str1&strs.2=str2&tag.key=value"
    );
}

#[test]
fn repeat_list_expands_lists_objects_and_nesting() {
    let value = json!([
        {"Key": "k1", "Value": "v1"},
        {"Key": "k2", "Value": null},
        null,
        ["a", ["b"]],
        true,
        7
    ]);
    assert_eq!(
        pairs(ParamStyle::RepeatList, "Tag", &value),
        owned(&[
            ("Tag.1.Key", "k1"),
            ("Tag.1.Value", "v1"),
            ("Tag.2.Key", "k2"),
            ("Tag.4.1", "a"),
            ("Tag.4.2.1", "b"),
            ("Tag.5", "true"),
            ("Tag.6", "7"),
        ])
    );
}

#[test]
fn scalars_nulls_and_empty_containers() {
    assert_eq!(
        pairs(ParamStyle::RepeatList, "A", &json!("x y")),
        owned(&[("A", "x y")])
    );
    assert_eq!(
        pairs(ParamStyle::RepeatList, "B", &json!(false)),
        owned(&[("B", "false")])
    );
    assert_eq!(
        pairs(ParamStyle::RepeatList, "N", &json!(-3)),
        owned(&[("N", "-3")])
    );
    assert_eq!(
        pairs(ParamStyle::RepeatList, "F", &json!(1.5)),
        owned(&[("F", "1.5")])
    );
    assert_eq!(
        pairs(ParamStyle::RepeatList, "U", &json!(u64::MAX)),
        owned(&[("U", "18446744073709551615")])
    );
    for style in [
        ParamStyle::RepeatList,
        ParamStyle::Flat,
        ParamStyle::Json,
        ParamStyle::Simple,
        ParamStyle::SpaceDelimited,
        ParamStyle::PipeDelimited,
    ] {
        assert!(pairs(style, "Z", &Value::Null).is_empty(), "{style}");
    }
    assert!(pairs(ParamStyle::RepeatList, "E", &json!([])).is_empty());
    assert!(pairs(ParamStyle::RepeatList, "E", &json!({})).is_empty());
    assert!(pairs(ParamStyle::RepeatList, "E", &json!({"a": null, "b": []})).is_empty());
}

#[test]
fn flat_expands_objects_like_repeat_list() {
    let value = json!({"Category": "cloud_essd", "Size": 40, "Tags": [{"K": "v"}]});
    let expected = owned(&[
        ("SystemDisk.Category", "cloud_essd"),
        ("SystemDisk.Size", "40"),
        ("SystemDisk.Tags.1.K", "v"),
    ]);
    assert_eq!(pairs(ParamStyle::Flat, "SystemDisk", &value), expected);
    assert_eq!(
        pairs(ParamStyle::RepeatList, "SystemDisk", &value),
        expected
    );
}

#[test]
fn json_style_sends_one_compact_json_string() {
    assert_eq!(
        pairs(
            ParamStyle::Json,
            "Tag",
            &json!([{"Key": "k", "Value": 1}, null])
        ),
        owned(&[("Tag", r#"[{"Key":"k","Value":1},null]"#)])
    );
    assert_eq!(
        pairs(ParamStyle::Json, "Obj", &json!({"a": {"b": [true]}})),
        owned(&[("Obj", r#"{"a":{"b":[true]}}"#)])
    );
    // A string is sent as it is (not quoted again), a number as JSON prints it.
    assert_eq!(
        pairs(ParamStyle::Json, "S", &json!("x")),
        owned(&[("S", "x")])
    );
    assert_eq!(
        pairs(ParamStyle::Json, "N", &json!(2)),
        owned(&[("N", "2")])
    );
    assert_eq!(
        pairs(ParamStyle::Json, "E", &json!([])),
        owned(&[("E", "[]")])
    );
}

#[test]
fn delimited_styles_join_list_items() {
    // The official utilities' unit test: ["ok", "test", 2, 3] under each style.
    let items = json!(["ok", "test", 2, 3]);
    assert_eq!(
        pairs(ParamStyle::RepeatList, "instance", &items),
        owned(&[
            ("instance.1", "ok"),
            ("instance.2", "test"),
            ("instance.3", "2"),
            ("instance.4", "3"),
        ])
    );
    assert_eq!(
        pairs(ParamStyle::Json, "instance", &items),
        owned(&[("instance", r#"["ok","test",2,3]"#)])
    );
    assert_eq!(
        pairs(ParamStyle::Simple, "instance", &items),
        owned(&[("instance", "ok,test,2,3")])
    );
    assert_eq!(
        pairs(ParamStyle::SpaceDelimited, "instance", &items),
        owned(&[("instance", "ok test 2 3")])
    );
    assert_eq!(
        pairs(ParamStyle::PipeDelimited, "instance", &items),
        owned(&[("instance", "ok|test|2|3")])
    );
    // Null items are skipped, objects and booleans are JSON, a scalar is a one-item list,
    // an empty list is an empty value.
    assert_eq!(
        pairs(ParamStyle::Simple, "X", &json!(["a", null, true, {"k": 1}])),
        owned(&[("X", r#"a,true,{"k":1}"#)])
    );
    assert_eq!(
        pairs(ParamStyle::Simple, "X", &json!("solo")),
        owned(&[("X", "solo")])
    );
    assert_eq!(
        pairs(ParamStyle::PipeDelimited, "X", &json!([])),
        owned(&[("X", "")])
    );
}

#[test]
fn styles_parse_from_metadata_names() {
    for (name, style) in [
        ("repeatList", ParamStyle::RepeatList),
        ("flat", ParamStyle::Flat),
        ("json", ParamStyle::Json),
        ("simple", ParamStyle::Simple),
        ("spaceDelimited", ParamStyle::SpaceDelimited),
        ("pipeDelimited", ParamStyle::PipeDelimited),
    ] {
        assert_eq!(name.parse::<ParamStyle>().unwrap(), style);
        assert_eq!(style.as_str(), name);
        assert_eq!(style.to_string(), name);
    }
    assert_eq!(ParamStyle::default(), ParamStyle::RepeatList);
    for bad in ["", "RepeatList", "form", "piDelimited"] {
        let err = bad.parse::<ParamStyle>().unwrap_err();
        assert_eq!(err, UnknownParamStyle(bad.to_owned()));
        assert!(err.to_string().contains("repeatList"));
    }
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    const DEPTH: usize = 50_000;
    let mut value = json!("leaf");
    for _ in 0..DEPTH {
        value = Value::Array(vec![value]);
    }
    let out = pairs(ParamStyle::RepeatList, "D", &value);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].0, format!("D{}", ".1".repeat(DEPTH)));
    assert_eq!(out[0].1, "leaf");
    // `serde_json::Value`'s own drop is recursive: leak the test value instead.
    std::mem::forget(value);
}
