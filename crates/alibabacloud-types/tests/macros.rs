//! `model!` and `open_enum!` on the shapes the generator emits: every field type, raw
//! names, secrets, deprecated setters, recursion, lenient reading and skipped output.

#![allow(clippy::unwrap_used, missing_docs)]

use std::collections::BTreeMap;

alibabacloud_types::open_enum! {
    /// A state.
    pub enum State {
        /// Running.
        Running = "Running",
        /// A value that is a number on the wire.
        V1 = "1",
    }
}

alibabacloud_types::open_enum! {
    /// No documented value at all.
    pub enum Nothing {}
}

alibabacloud_types::model! {
    /// A node of a tree.
    pub struct Node {
        /// Its name.
        #[wire("Name", with_name)]
        pub name: Option<String>,
        /// The next node.
        #[wire("Next", with_next)]
        pub next: Option<Box<Node>>,
        /// Its children.
        #[wire("Children", with_children)]
        pub children: Vec<Node>,
    }
}

alibabacloud_types::model! {
    /// Nothing in it.
    pub struct Empty {}
}

alibabacloud_types::model! {
    /// One field of each kind.
    pub struct Everything {
        /// A keyword as a name.
        #[wire("type", with_type)]
        pub r#type: Option<String>,
        /// An integer.
        #[wire("Count", with_count)]
        pub count: Option<i32>,
        /// A float.
        #[wire("Ratio", with_ratio)]
        pub ratio: Option<f64>,
        /// A boolean.
        #[wire("Flag", with_flag)]
        pub flag: Option<bool>,
        /// An enum.
        #[wire("State", with_state)]
        pub state: Option<State>,
        /// A list of enums.
        #[wire("States", with_states)]
        pub states: Vec<State>,
        /// A list of lists.
        #[wire("Matrix", with_matrix)]
        pub matrix: Vec<Vec<i64>>,
        /// A map.
        #[wire("Labels", with_labels)]
        pub labels: std::collections::BTreeMap<String, i64>,
        /// A nested struct, never absent.
        #[wire("Node", with_node)]
        pub node: Node,
        /// An empty nested struct.
        #[wire("Empty", with_empty)]
        pub empty: Empty,
        /// A secret.
        #[wire("Token", with_token)]
        #[secret]
        pub token: Option<String>,
        /// A secret list.
        #[wire("Keys", with_keys)]
        #[secret]
        pub keys: Vec<String>,
        /// A field whose setter is deprecated.
        #[deprecated(note = "deprecated in the API metadata")]
        #[wire("Old", with_old)]
        pub old: Option<String>,
        /// A nothing.
        #[wire("Nothing", with_nothing)]
        pub nothing: Option<Nothing>,
    }
}

#[test]
fn lenient_reading_of_every_field_kind() {
    let json = r#"{
        "type": 5, "Count": "7", "Ratio": "1.5", "Flag": "false", "State": "Running",
        "States": ["1", "Stopped"], "Matrix": [[1, "2"], []], "Labels": {"a": "3"},
        "Node": {"Name": "root", "Next": {"Name": "n"}, "Children": [{"Name": "c"}]},
        "Empty": null, "Token": "t", "Keys": null, "Unknown": {"ignored": [1]},
        "Nothing": "x"
    }"#;
    let e: Everything = serde_json::from_str(json).unwrap();
    assert_eq!(e.r#type.as_deref(), Some("5"));
    assert_eq!(e.count, Some(7));
    assert_eq!(e.ratio, Some(1.5));
    assert_eq!(e.flag, Some(false));
    assert_eq!(e.state, Some(State::Running));
    assert_eq!(e.states, [State::V1, State::Unknown("Stopped".to_owned())]);
    assert_eq!(e.matrix, [vec![1, 2], vec![]]);
    assert_eq!(e.labels, BTreeMap::from([("a".to_owned(), 3)]));
    assert_eq!(e.node.name.as_deref(), Some("root"));
    assert_eq!(e.node.next.as_ref().unwrap().name.as_deref(), Some("n"));
    assert_eq!(e.node.children[0].name.as_deref(), Some("c"));
    assert_eq!(e.empty, Empty::default());
    assert!(e.keys.is_empty());
    assert_eq!(e.nothing, Some(Nothing::Unknown("x".to_owned())));
}

#[test]
fn null_and_empty_values_are_absent() {
    let e: Everything = serde_json::from_str(
        r#"{"Count": "", "Ratio": null, "State": null, "Node": null, "Matrix": null}"#,
    )
    .unwrap();
    assert_eq!(e, Everything::new());
    assert_eq!(
        serde_json::from_str::<Everything>("{}").unwrap(),
        Everything::default()
    );
}

#[test]
fn errors_name_what_was_expected() {
    let err = serde_json::from_str::<Everything>(r#"{"Count": "x"}"#).unwrap_err();
    assert!(
        err.to_string().contains("expected a 32-bit integer"),
        "{err}"
    );
    let err = serde_json::from_str::<Everything>(r#"{"States": "Running"}"#).unwrap_err();
    assert!(err.to_string().contains("a list of a string"), "{err}");
    let err = serde_json::from_str::<Everything>(r#"{"Node": 3}"#).unwrap_err();
    assert!(err.to_string().contains("struct Node"), "{err}");
    let err = serde_json::from_str::<Everything>("[]").unwrap_err();
    assert!(err.to_string().contains("struct Everything"), "{err}");
    let err = serde_json::from_str::<Everything>(r#"{"Node": {"Children": [null]}}"#).unwrap_err();
    assert!(
        err.to_string().contains("null, expected struct Node"),
        "{err}"
    );
}

#[test]
#[allow(deprecated)]
fn setters_build_values_and_serialization_skips_what_is_absent() {
    let e = Everything::new()
        .with_type("t")
        .with_count(3)
        .with_states(vec![State::Running])
        .with_labels(BTreeMap::from([("k".to_owned(), 1)]))
        .with_node(Node::new().with_next(Node::new().with_name("n")))
        .with_old("o");
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"type":"t","Count":3,"States":["Running"],"Labels":{"k":1},"Node":{"Next":{"Name":"n"}},"Old":"o"}"#
    );
    let back: Everything = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
    assert_eq!(back, e);
    assert_eq!(serde_json::to_string(&Everything::new()).unwrap(), "{}");
}

#[test]
fn debug_redacts_secrets_but_shows_the_rest() {
    let e = Everything::new()
        .with_count(1)
        .with_token("top-secret")
        .with_keys(vec!["also-secret".to_owned()]);
    let shown = format!("{e:?}");
    assert!(
        !shown.contains("top-secret") && !shown.contains("also-secret"),
        "{shown}"
    );
    assert!(shown.contains("token: Some(\"** redacted **\")"), "{shown}");
    assert!(shown.contains("keys: \"** redacted **\""), "{shown}");
    assert!(shown.contains("count: Some(1)"), "{shown}");
    assert!(shown.starts_with("Everything {"), "{shown}");
}

#[test]
fn open_enums_convert_both_ways() {
    assert_eq!(State::from("1"), State::V1);
    assert_eq!(State::from(String::from("Running")), State::Running);
    assert_eq!("Other".parse::<State>().unwrap().as_ref(), "Other");
    assert_eq!(State::V1.to_string(), "1");
    assert_eq!(State::VALUES, ["Running", "1"]);
    assert_eq!(serde_json::from_str::<State>("1").unwrap(), State::V1);
    assert_eq!(serde_json::to_string(&State::V1).unwrap(), "\"1\"");
    assert!(Nothing::VALUES.is_empty());
    assert_eq!(Nothing::from("a").as_str(), "a");
}

#[test]
fn long_lists_are_read_whole_in_order_with_their_exact_length() {
    // Past one block of structs (64 KiB of items) and of integers, and a length that fills no
    // block exactly.
    for n in [0usize, 1, 300, 8_192, 8_193, 50_001] {
        let nodes: Vec<String> = (0..n).map(|i| format!(r#"{{"Name":"n{i}"}}"#)).collect();
        let json = format!(r#"{{"Name":"root","Children":[{}]}}"#, nodes.join(","));
        let root: Node = serde_json::from_str(&json).unwrap();
        assert_eq!(root.children.len(), n);
        assert!(
            root.children
                .iter()
                .enumerate()
                .all(|(i, c)| c.name.as_deref() == Some(format!("n{i}").as_str()))
        );
        if n > 300 {
            assert_eq!(root.children.capacity(), n, "no spare capacity");
        }

        let keys: Vec<String> = (0..n).map(|i| format!("\"{i}\"")).collect();
        let json = format!(r#"{{"Matrix":[[{}]]}}"#, keys.join(","));
        let everything: Everything = serde_json::from_str(&json).unwrap();
        let row = everything.matrix.first().cloned().unwrap_or_default();
        assert_eq!(row, (0..n as i64).collect::<Vec<_>>());
    }
    // An item that does not decode, far into a long list, is still an error.
    let mut items: Vec<String> = (0..20_000).map(|i| i.to_string()).collect();
    items[15_000] = "{}".to_owned();
    let json = format!(r#"{{"Matrix":[[{}]]}}"#, items.join(","));
    assert!(serde_json::from_str::<Everything>(&json).is_err());
}
