//! Proptest strategies shared by the property tests of the workspace (core, spec, e2e):
//! JSON documents, text with the characters that matter to the parsers, and damaged copies of
//! valid inputs. Included with `#[path = ".../support/strategies.rs"] mod strategies;`.

#![allow(dead_code, unreachable_pub)]

use proptest::prelude::*;
use serde_json::Value;

/// How many cases each property runs: a few thousand, as the fuzzing targets' stable
/// counterpart (the whole suite stays well under 30 s).
pub const CASES: u32 = 2000;

/// The configuration of every property: [`CASES`] cases from a fixed seed, so that
/// `cargo test` is the same run every time (the fuzzers explore; `PROPTEST_RNG_SEED=<n>`
/// runs other cases).
pub fn config() -> ProptestConfig {
    let seed = std::env::var("PROPTEST_RNG_SEED")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0x5EED_0009);
    ProptestConfig {
        cases: CASES,
        rng_seed: proptest::test_runner::RngSeed::Fixed(seed),
        ..ProptestConfig::default()
    }
}

/// Characters that matter to the parsers (quotes, escapes, separators, brackets, line
/// breaks, percent signs), letters, digits, and some non-ASCII.
pub fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        2 => prop::char::range('0', '9'),
        4 => prop::sample::select(vec![
            '"', '\'', '\\', '/', '%', '&', '=', '?', '#', ';', ':', ',', '.', '-', '_', '*', '+',
            ' ', '\t', '\n', '\r', '[', ']', '{', '}', '<', '>', '\u{0}',
        ]),
        1 => prop::sample::select(vec!['é', '票', '据', '\u{feff}', '\u{1F600}']),
        1 => any::<char>(),
    ]
}

/// A string of up to `max` [`interesting_char`]s.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..=max).prop_map(|chars| chars.into_iter().collect())
}

/// A word of letters and digits, `min..=max` long.
pub fn word(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::char::range('a', 'z'),
            prop::char::range('A', 'Z'),
            prop::char::range('0', '9')
        ],
        min..=max,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Any JSON value, a few levels deep, with keys that the decoders look for among random ones.
pub fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        // Binary fractions: they read back exactly.
        any::<i32>().prop_map(|n| Value::from(f64::from(n) / 8.0)),
        text(12).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

/// An object key: one the decoders and specs know, or a random one.
pub fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "Code", "code", "Message", "RequestId", "HostId", "Recommend", "AccessDeniedDetail",
            "Success", "success", "Data", "Result", "AccessTicket", "AccessKeySecret",
            "SecurityToken", "Credentials", "AccessKeyId", "Expiration", "TotalCount",
            "CashCoupon", "Status", "info", "apis", "parameters", "schema", "type", "properties",
            "items", "$ref", "components", "schemas", "endpoints", "responses", "200", "profiles",
            "name", "mode", "current",
        ])
        .prop_map(str::to_owned),
        1 => text(8),
    ]
}

/// A copy of `bytes` damaged in one of the ways a network or an editor damages a document:
/// cut short, a byte changed, a run of bytes removed or repeated.
pub fn damaged(bytes: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = bytes.len().max(1);
    (0..4u8, 0..len, 0..len, any::<u8>()).prop_map(move |(how, a, b, byte)| {
        let mut out = bytes.clone();
        let (lo, hi) = (a.min(b), a.max(b).min(out.len()));
        match how {
            0 => out.truncate(a),
            1 => {
                if let Some(slot) = out.get_mut(a) {
                    *slot = byte;
                }
            }
            2 => {
                out.drain(lo.min(out.len())..hi);
            }
            _ => {
                let run = out.get(lo..hi).unwrap_or_default().to_vec();
                let at = hi.min(out.len());
                out.splice(at..at, run);
            }
        }
        out
    })
}

/// `node` with the part reached by following `path` (indices into objects and arrays, taken
/// modulo their sizes; a scalar ends the walk) replaced by `replacement`.
pub fn replace_at(node: &mut Value, path: &[usize], replacement: Value) {
    let Some((&step, rest)) = path.split_first() else {
        *node = replacement;
        return;
    };
    match node {
        Value::Object(map) if !map.is_empty() => {
            let len = map.len();
            if let Some(child) = map.values_mut().nth(step % len) {
                replace_at(child, rest, replacement);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let len = items.len();
            replace_at(&mut items[step % len], rest, replacement);
        }
        _ => *node = replacement,
    }
}

/// Whether `text` holds `secret` as a whole token: not preceded nor followed by a letter, a
/// digit or `_` (what the SDK's scrubber promises never to leave in what it reports).
pub fn holds_whole(text: &str, secret: &str) -> bool {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(secret).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(is_word)
            && !text[at + secret.len()..]
                .chars()
                .next()
                .is_some_and(is_word)
    })
}
