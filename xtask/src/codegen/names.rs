//! The one identifier sanitizer: every Rust name the generator emits comes from here.
//!
//! Rules (tested below):
//! - case with `heck` (`snake_case` for modules, functions and fields; `UpperCamelCase` for
//!   types and variants), after dropping characters that are not ASCII (`Name名称` ->
//!   `name`); a name made only of such characters is spelt with their code points
//!   (`名称` -> `u540d_u79f0`).
//! - separators (`.`, `-`, spaces, `_`) split words: `Name.With.Dots` -> `name_with_dots`,
//!   `x-foo` -> `x_foo`; nothing left (`__`) -> `value` / `Value`.
//! - a leading digit gets a `v` / `V` prefix: `123abc` -> `v123abc` / `V123abc`.
//! - Rust keywords become raw identifiers (`type` -> `r#type`) except those that cannot be
//!   raw (`self`, `Self`, `super`, `crate`), which get a `_` suffix (`self_`, `Self_`).
//! - [`Namespace`] hands out names that are unique in one scope: a name the scope reserves
//!   (e.g. `send` among builder methods) gets a `_` suffix, a name already taken a numeric
//!   suffix (`foo_2`, `Foo2`).

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Keywords of Rust 2024 (strict and reserved) that can be written as raw identifiers.
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Which case an identifier is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `snake_case`: modules, functions, fields.
    Snake,
    /// `UpperCamelCase`: types, enum variants.
    Pascal,
}

/// `raw` as a `snake_case` identifier (possibly `r#...`).
pub fn snake(raw: &str) -> String {
    sanitize(raw, Case::Snake)
}

/// `raw` as an `UpperCamelCase` identifier.
pub fn pascal(raw: &str) -> String {
    sanitize(raw, Case::Pascal)
}

/// `raw` as an identifier in `case`, escaped if it is a keyword. Never empty, never starts
/// with a digit, ASCII only.
pub fn sanitize(raw: &str, case: Case) -> String {
    let ascii: String = raw.chars().filter(char::is_ascii).collect();
    let mut cased = match case {
        Case::Snake => ascii.to_snake_case(),
        Case::Pascal => ascii.to_upper_camel_case(),
    };
    cased.retain(|c| c.is_ascii_alphanumeric() || c == '_');
    if cased.trim_matches('_').is_empty() {
        cased = if !raw.is_ascii() {
            code_points(raw, case)
        } else {
            match case {
                Case::Snake => "value".to_owned(),
                Case::Pascal => "Value".to_owned(),
            }
        };
    }
    if cased.starts_with(|c: char| c.is_ascii_digit()) {
        cased.insert(0, if case == Case::Snake { 'v' } else { 'V' });
    }
    escape_keyword(cased)
}

/// A name made of characters that have no ASCII spelling: their code points.
fn code_points(raw: &str, case: Case) -> String {
    let parts: Vec<String> = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| format!("u{:x}", u32::from(c)))
        .collect();
    if parts.is_empty() {
        return match case {
            Case::Snake => "value".to_owned(),
            Case::Pascal => "Value".to_owned(),
        };
    }
    match case {
        Case::Snake => parts.join("_"),
        Case::Pascal => parts.iter().map(|p| p.to_upper_camel_case()).collect(),
    }
}

fn escape_keyword(name: String) -> String {
    if NON_RAW_KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else if RAW_KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// `name` without a raw-identifier prefix: `r#type` -> `type`.
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// The `proc_macro2` identifier for a name made by [`sanitize`] (raw when it starts with
/// `r#`).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// Names of one scope (a module's types, a struct's fields and the methods derived from
/// them, an enum's variants), handed out uniquely and deterministically: the first comer
/// keeps its name.
#[derive(Debug, Clone, Default)]
pub struct Namespace {
    reserved: BTreeSet<String>,
    taken: BTreeSet<String>,
}

impl Namespace {
    /// An empty scope.
    pub fn new() -> Self {
        Self::default()
    }

    /// A scope in which `reserved` names are not handed out as they are.
    pub fn with_reserved<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            reserved: reserved.into_iter().map(str::to_owned).collect(),
            taken: BTreeSet::new(),
        }
    }

    /// Whether `name` (raw prefix ignored) is reserved or taken.
    pub fn is_free(&self, name: &str) -> bool {
        let key = unraw(name);
        !self.reserved.contains(key) && !self.taken.contains(key)
    }

    /// Takes `name` as it is, if it is free; returns whether it was.
    pub fn try_take(&mut self, name: &str) -> bool {
        if self.is_free(name) {
            self.taken.insert(unraw(name).to_owned());
            true
        } else {
            false
        }
    }

    /// Takes a name for `candidate` (already sanitized, in `case`): itself if free, else
    /// with a `_` suffix if it is reserved, else with the first free numeric suffix.
    pub fn claim(&mut self, candidate: &str, case: Case) -> String {
        self.claim_with(candidate, case, |_| Vec::new())
    }

    /// Like [`claim`](Self::claim), but a name is only free when every name `derived` from
    /// it is free too (e.g. a field `x` and its methods `set_x`, `get_x`); the derived names
    /// are taken with it.
    pub fn claim_with(
        &mut self,
        candidate: &str,
        case: Case,
        derived: impl Fn(&str) -> Vec<String>,
    ) -> String {
        let all_free = |ns: &Self, name: &str| {
            ns.is_free(name) && derived(unraw(name)).iter().all(|d| ns.is_free(d))
        };
        let mut choice = candidate.to_owned();
        if !all_free(self, &choice) && self.reserved.contains(unraw(&choice)) {
            choice = format!("{}_", unraw(&choice));
        }
        if !all_free(self, &choice) {
            let base = unraw(&choice).trim_end_matches('_').to_owned();
            let mut n = 2usize;
            loop {
                let next = match case {
                    Case::Snake => format!("{base}_{n}"),
                    Case::Pascal => format!("{base}{n}"),
                };
                if all_free(self, &next) {
                    choice = next;
                    break;
                }
                n += 1;
            }
        }
        self.taken.insert(unraw(&choice).to_owned());
        for d in derived(unraw(&choice)) {
            self.taken.insert(d);
        }
        choice
    }
}

/// Names a module's own types must not take: the prelude and the most common `std` names,
/// so that a generated `Result` type does not shadow the one users expect.
pub const PRELUDE_TYPE_NAMES: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Display",
    "Drop",
    "Eq",
    "Err",
    "Error",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "FromStr",
    "Hash",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Self",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// Method names a field must not take in a struct or builder: the builder's own methods and
/// the names clippy expects to implement a std trait (`should_implement_trait`).
pub const RESERVED_METHOD_NAMES: &[&str] = &[
    "add",
    "as_input",
    "as_mut",
    "as_ref",
    "bitand",
    "bitor",
    "bitxor",
    "borrow",
    "borrow_mut",
    "call_options",
    "clone",
    "cmp",
    "default",
    "deref",
    "deref_mut",
    "div",
    "drop",
    "eq",
    "fmt",
    "from_iter",
    "from_str",
    "hash",
    "into_iter",
    "mul",
    "neg",
    "new",
    "next",
    "not",
    "rem",
    "send",
    "shl",
    "shr",
    "sub",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_with_heck() {
        assert_eq!(snake("ExpiryTimeEnd"), "expiry_time_end");
        assert_eq!(pascal("cash_coupon"), "CashCoupon");
        assert_eq!(snake("QueryCashCoupons"), "query_cash_coupons");
        assert_eq!(
            pascal("Authorize3rdTicket.Expired"),
            "Authorize3rdTicketExpired"
        );
        assert_eq!(
            pascal("ORDER.ACCOUNT_STATUS_ILLEGAL"),
            "OrderAccountStatusIllegal"
        );
        assert_eq!(pascal("EN"), "En");
        assert_eq!(snake("HTTPServer"), "http_server");
    }

    #[test]
    fn odd_names() {
        assert_eq!(snake("123abc"), "v123abc");
        assert_eq!(pascal("123abc"), "V123abc");
        assert_eq!(pascal("-303"), "V303");
        assert_eq!(snake("Name.With.Dots"), "name_with_dots");
        assert_eq!(pascal("Name.With.Dots"), "NameWithDots");
        assert_eq!(snake("x-foo"), "x_foo");
        assert_eq!(pascal("x-foo"), "XFoo");
        assert_eq!(snake("Tag.1.Key"), "tag_1_key");
        assert_eq!(snake("__"), "value");
        assert_eq!(pascal("__"), "Value");
        assert_eq!(snake(""), "value");
        assert_eq!(snake(" InternalError\t"), "internal_error");
        assert_eq!(snake("a+b=c"), "a_b_c");
    }

    #[test]
    fn non_ascii() {
        assert_eq!(snake("Name名称"), "name");
        assert_eq!(pascal("名称Name"), "Name");
        assert_eq!(snake("名称"), "u540d_u79f0");
        assert_eq!(pascal("名称"), "U540dU79f0");
        assert_eq!(snake("é"), "ue9");
        assert_eq!(snake("—"), "value");
    }

    #[test]
    fn keywords() {
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("Type"), "r#type");
        assert_eq!(pascal("type"), "Type");
        assert_eq!(snake("self"), "self_");
        assert_eq!(pascal("self"), "Self_");
        assert_eq!(snake("Self"), "self_");
        assert_eq!(pascal("Self"), "Self_");
        assert_eq!(snake("crate"), "crate_");
        assert_eq!(snake("super"), "super_");
        assert_eq!(snake("async"), "r#async");
        assert_eq!(snake("gen"), "r#gen");
        assert_eq!(snake("union"), "union");
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(ident("self_").to_string(), "self_");
        assert_eq!(unraw("r#type"), "type");
    }

    #[test]
    fn every_sanitized_name_is_an_identifier() {
        for raw in [
            "123abc",
            "Name.With.Dots",
            "x-foo",
            "__",
            "名称",
            "type",
            "self",
            "Self",
            "crate",
            "",
            "9",
            "_9",
            "a.b-c d",
            "Ünïcödé",
            "fn",
            "r#x",
        ] {
            for case in [Case::Snake, Case::Pascal] {
                let name = sanitize(raw, case);
                assert!(
                    syn::parse_str::<syn::Ident>(&name).is_ok(),
                    "{raw:?} -> {name:?} is not an identifier"
                );
            }
        }
    }

    #[test]
    fn collisions_get_numeric_suffixes() {
        let mut ns = Namespace::new();
        assert_eq!(ns.claim(&snake("FooBar"), Case::Snake), "foo_bar");
        assert_eq!(ns.claim(&snake("foo_bar"), Case::Snake), "foo_bar_2");
        assert_eq!(ns.claim(&snake("foo-bar"), Case::Snake), "foo_bar_3");
        let mut ns = Namespace::new();
        assert_eq!(ns.claim(&pascal("EN"), Case::Pascal), "En");
        assert_eq!(ns.claim(&pascal("en"), Case::Pascal), "En2");
        let mut ns = Namespace::new();
        assert_eq!(ns.claim(&snake("type"), Case::Snake), "r#type");
        assert_eq!(ns.claim(&snake("Type"), Case::Snake), "type_2");
    }

    #[test]
    fn reserved_names_get_an_underscore() {
        let mut ns = Namespace::with_reserved(["send", "Unknown"]);
        assert_eq!(ns.claim("send", Case::Snake), "send_");
        assert_eq!(ns.claim("send", Case::Snake), "send_2");
        assert_eq!(ns.claim("Unknown", Case::Pascal), "Unknown_");
        assert!(!ns.is_free("send"));
        assert!(ns.try_take("other"));
        assert!(!ns.try_take("other"));
    }

    #[test]
    fn derived_names_collide_too() {
        let methods = |f: &str| vec![format!("set_{f}"), format!("get_{f}")];
        let mut ns = Namespace::new();
        assert_eq!(ns.claim_with("set_foo", Case::Snake, methods), "set_foo");
        // `foo` would need the method `set_foo`, which is the field above.
        assert_eq!(ns.claim_with("foo", Case::Snake, methods), "foo_2");
        assert_eq!(ns.claim_with("r#type", Case::Snake, methods), "r#type");
        assert!(!ns.is_free("set_type"));
    }
}
