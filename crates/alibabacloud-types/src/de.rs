//! Lenient deserializers for the fields of generated models, used through
//! `#[serde(deserialize_with = "...")]`.
//!
//! | helper | field type | accepts | `null` / absent |
//! |---|---|---|---|
//! | [`option_i32`], [`option_i64`] | `Option<i32>`, `Option<i64>` | `42`, `"42"`, `42.0` | `None`; `""` is `None` too |
//! | [`option_f32`], [`option_f64`] | `Option<f32>`, `Option<f64>` | `1.5`, `"1.5"`, `2` | `None`; `""` is `None` too |
//! | [`option_bool`] | `Option<bool>` | `true`, `"true"`, `"FALSE"`, `0`, `1`, `"0"`, `"1"` | `None`; `""` is `None` too |
//! | [`option_string`] | `Option<String>` | `"text"`, and numbers and booleans as their JSON text | `None` |
//! | [`lenient_vec`] | `Vec<T>` of the scalars above | a list whose items are accepted as above | empty |
//! | [`lenient_map`] | `BTreeMap<String, T>` of the scalars above | an object whose values are accepted as above | empty |
//! | [`null_as_default`] | any `T: Default` (lists, maps, structs) | what `T` accepts | `T::default()` |
//! | [`string`] | `String` (e.g. inside an open enum's `Deserialize`) | `"text"`, numbers, booleans | error |
//!
//! Integers must be whole and in range (`"1.5"` or `3000000000` for an `i32` is an error);
//! floats must be finite. Anything else (an object where a number is expected, `"abc"` for
//! an integer) is a serde error that names the expected type and what was found, so the
//! caller's `serde_json` error points at the field.
//!
//! Absent fields are handled by `#[serde(default)]` on the field, which every generated
//! field carries next to `deserialize_with`.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    self, Deserialize, Deserializer, Expected, MapAccess, SeqAccess, Unexpected, Visitor,
};

mod sealed {
    pub trait Sealed {}
    impl Sealed for i32 {}
    impl Sealed for i64 {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for bool {}
    impl Sealed for String {}
}

/// A scalar type with a lenient JSON reading: `i32`, `i64`, `f32`, `f64`, `bool` and
/// `String`. Sealed; used by [`option`], [`lenient_vec`] and [`lenient_map`].
pub trait LenientScalar: Sized + sealed::Sealed {
    /// What a value of this type looks like, for error messages.
    #[doc(hidden)]
    const EXPECTING: &'static str;
    /// From a JSON boolean.
    #[doc(hidden)]
    fn from_bool<E: de::Error>(v: bool) -> Result<Self, E>;
    /// From a JSON integer that fits in an `i64`.
    #[doc(hidden)]
    fn from_i64<E: de::Error>(v: i64) -> Result<Self, E>;
    /// From a JSON integer above `i64::MAX`.
    #[doc(hidden)]
    fn from_u64<E: de::Error>(v: u64) -> Result<Self, E>;
    /// From a JSON number with a fraction or exponent.
    #[doc(hidden)]
    fn from_f64<E: de::Error>(v: f64) -> Result<Self, E>;
    /// From a JSON string; `Ok(None)` when the string means "no value" (`""` for numbers and
    /// booleans).
    #[doc(hidden)]
    fn from_text<E: de::Error>(v: &str) -> Result<Option<Self>, E>;
}

/// The `Expected` of a scalar type, from its `EXPECTING` text.
struct Expecting(&'static str);

impl Expected for Expecting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

fn wrong<T, E: de::Error>(found: Unexpected<'_>, expecting: &'static str) -> Result<T, E> {
    Err(E::invalid_type(found, &Expecting(expecting)))
}

fn bad_value<T, E: de::Error>(found: Unexpected<'_>, expecting: &'static str) -> Result<T, E> {
    Err(E::invalid_value(found, &Expecting(expecting)))
}

/// An integer type read from numbers and numeric strings.
macro_rules! lenient_integer {
    ($ty:ty, $expecting:literal) => {
        impl LenientScalar for $ty {
            const EXPECTING: &'static str = $expecting;

            fn from_bool<E: de::Error>(v: bool) -> Result<Self, E> {
                wrong(Unexpected::Bool(v), Self::EXPECTING)
            }

            fn from_i64<E: de::Error>(v: i64) -> Result<Self, E> {
                <$ty>::try_from(v).or_else(|_| bad_value(Unexpected::Signed(v), Self::EXPECTING))
            }

            fn from_u64<E: de::Error>(v: u64) -> Result<Self, E> {
                <$ty>::try_from(v).or_else(|_| bad_value(Unexpected::Unsigned(v), Self::EXPECTING))
            }

            fn from_f64<E: de::Error>(v: f64) -> Result<Self, E> {
                // A whole number written with a fraction (`42.0`) is the same integer.
                let whole = v.is_finite() && v.fract() == 0.0;
                if whole && v >= <$ty>::MIN as f64 && v <= <$ty>::MAX as f64 {
                    #[allow(clippy::cast_possible_truncation)]
                    return Ok(v as $ty);
                }
                bad_value(Unexpected::Float(v), Self::EXPECTING)
            }

            fn from_text<E: de::Error>(v: &str) -> Result<Option<Self>, E> {
                let t = v.trim();
                if t.is_empty() {
                    return Ok(None);
                }
                match t.parse::<$ty>() {
                    Ok(n) => Ok(Some(n)),
                    Err(_) => bad_value(Unexpected::Str(v), Self::EXPECTING),
                }
            }
        }
    };
}

lenient_integer!(i32, "a 32-bit integer (a number or a numeric string)");
lenient_integer!(i64, "a 64-bit integer (a number or a numeric string)");

impl LenientScalar for f64 {
    const EXPECTING: &'static str = "a number (or a numeric string)";

    fn from_bool<E: de::Error>(v: bool) -> Result<Self, E> {
        wrong(Unexpected::Bool(v), Self::EXPECTING)
    }

    #[allow(clippy::cast_precision_loss)]
    fn from_i64<E: de::Error>(v: i64) -> Result<Self, E> {
        Ok(v as f64)
    }

    #[allow(clippy::cast_precision_loss)]
    fn from_u64<E: de::Error>(v: u64) -> Result<Self, E> {
        Ok(v as f64)
    }

    fn from_f64<E: de::Error>(v: f64) -> Result<Self, E> {
        Ok(v)
    }

    fn from_text<E: de::Error>(v: &str) -> Result<Option<Self>, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(None);
        }
        match t.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Some(n)),
            _ => bad_value(Unexpected::Str(v), Self::EXPECTING),
        }
    }
}

impl LenientScalar for f32 {
    const EXPECTING: &'static str = "a 32-bit float (a number or a numeric string)";

    fn from_bool<E: de::Error>(v: bool) -> Result<Self, E> {
        wrong(Unexpected::Bool(v), Self::EXPECTING)
    }

    fn from_i64<E: de::Error>(v: i64) -> Result<Self, E> {
        f64::from_i64::<E>(v).and_then(|f| Self::from_f64(f))
    }

    fn from_u64<E: de::Error>(v: u64) -> Result<Self, E> {
        f64::from_u64::<E>(v).and_then(|f| Self::from_f64(f))
    }

    fn from_f64<E: de::Error>(v: f64) -> Result<Self, E> {
        if v.is_finite() && v.abs() <= f64::from(f32::MAX) {
            #[allow(clippy::cast_possible_truncation)]
            return Ok(v as f32);
        }
        bad_value(Unexpected::Float(v), Self::EXPECTING)
    }

    fn from_text<E: de::Error>(v: &str) -> Result<Option<Self>, E> {
        match f64::from_text::<E>(v) {
            Ok(Some(f)) => Self::from_f64::<E>(f)
                .map(Some)
                .or_else(|_| bad_value(Unexpected::Str(v), Self::EXPECTING)),
            Ok(None) => Ok(None),
            Err(_) => bad_value(Unexpected::Str(v), Self::EXPECTING),
        }
    }
}

impl LenientScalar for bool {
    const EXPECTING: &'static str = "a boolean (true, false, \"true\", \"false\", 0 or 1)";

    fn from_bool<E: de::Error>(v: bool) -> Result<Self, E> {
        Ok(v)
    }

    fn from_i64<E: de::Error>(v: i64) -> Result<Self, E> {
        match v {
            0 => Ok(false),
            1 => Ok(true),
            _ => bad_value(Unexpected::Signed(v), Self::EXPECTING),
        }
    }

    fn from_u64<E: de::Error>(v: u64) -> Result<Self, E> {
        match v {
            0 => Ok(false),
            1 => Ok(true),
            _ => bad_value(Unexpected::Unsigned(v), Self::EXPECTING),
        }
    }

    fn from_f64<E: de::Error>(v: f64) -> Result<Self, E> {
        bad_value(Unexpected::Float(v), Self::EXPECTING)
    }

    fn from_text<E: de::Error>(v: &str) -> Result<Option<Self>, E> {
        let t = v.trim();
        if t.is_empty() {
            Ok(None)
        } else if t.eq_ignore_ascii_case("true") || t == "1" {
            Ok(Some(true))
        } else if t.eq_ignore_ascii_case("false") || t == "0" {
            Ok(Some(false))
        } else {
            bad_value(Unexpected::Str(v), Self::EXPECTING)
        }
    }
}

impl LenientScalar for String {
    const EXPECTING: &'static str = "a string (or a number or boolean, kept as its JSON text)";

    fn from_bool<E: de::Error>(v: bool) -> Result<Self, E> {
        Ok(if v { "true" } else { "false" }.to_owned())
    }

    fn from_i64<E: de::Error>(v: i64) -> Result<Self, E> {
        Ok(v.to_string())
    }

    fn from_u64<E: de::Error>(v: u64) -> Result<Self, E> {
        Ok(v.to_string())
    }

    fn from_f64<E: de::Error>(v: f64) -> Result<Self, E> {
        Ok(v.to_string())
    }

    fn from_text<E: de::Error>(v: &str) -> Result<Option<Self>, E> {
        Ok(Some(v.to_owned()))
    }
}

/// Reads an optional scalar: `null` is `None`, and so is a string that means "no value".
struct OptionVisitor<T>(PhantomData<T>);

impl<'de, T: LenientScalar> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} or null", T::EXPECTING)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        T::from_bool(v).map(Some)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::from_i64(v).map(Some)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        match i64::try_from(v) {
            Ok(v) => T::from_i64(v).map(Some),
            Err(_) => T::from_u64(v).map(Some),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        T::from_f64(v).map(Some)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        T::from_text(v)
    }
}

/// A scalar read leniently; `null` and strings meaning "no value" are errors here (inside
/// lists and maps there is no `None` to give).
struct Required<T>(T);

impl<'de, T: LenientScalar> Deserialize<'de> for Required<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(OptionVisitor::<T>(PhantomData))? {
            Some(v) => Ok(Required(v)),
            None => wrong(Unexpected::Other("null or an empty string"), T::EXPECTING),
        }
    }
}

/// An optional scalar of any [`LenientScalar`] type; the `option_*` helpers are this function
/// for one type each.
///
/// # Errors
/// A serde error when the value is neither `null` nor accepted by the type (see the module
/// docs).
pub fn option<'de, D: Deserializer<'de>, T: LenientScalar>(d: D) -> Result<Option<T>, D::Error> {
    d.deserialize_option(OptionVisitor::<T>(PhantomData))
}

/// `Option<i32>` from a number, a numeric string, `""` or `null`.
///
/// # Errors
/// A serde error for anything else, or a value out of range.
pub fn option_i32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    option(d)
}

/// `Option<i64>` from a number, a numeric string, `""` or `null`.
///
/// # Errors
/// A serde error for anything else, or a value out of range.
pub fn option_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    option(d)
}

/// `Option<f32>` from a number, a numeric string, `""` or `null`.
///
/// # Errors
/// A serde error for anything else, or a value out of the `f32` range.
pub fn option_f32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f32>, D::Error> {
    option(d)
}

/// `Option<f64>` from a number, a numeric string, `""` or `null`.
///
/// # Errors
/// A serde error for anything else.
pub fn option_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    option(d)
}

/// `Option<bool>` from `true`/`false`, `"true"`/`"false"` (any case), `0`/`1`, `"0"`/`"1"`,
/// `""` or `null`.
///
/// # Errors
/// A serde error for anything else.
pub fn option_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    option(d)
}

/// `Option<String>` from a string, or a number or boolean (kept as its JSON text: services
/// sometimes send `123` where the metadata says string), or `null`.
///
/// # Errors
/// A serde error for lists and objects.
pub fn option_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    option(d)
}

/// A `String` from a string, a number or a boolean; used by the generated open enums, whose
/// documented values are sometimes numbers.
///
/// # Errors
/// A serde error for `null`, lists and objects.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Required::<String>::deserialize(d).map(|r| r.0)
}

/// `T::default()` for `null`; otherwise `T` as it deserializes. For lists (`null` -> empty),
/// maps and nested structs (`null` -> all fields absent).
///
/// # Errors
/// The error of `T`'s own `Deserialize`.
pub fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A list of scalars read leniently (`["1", 2]` is `[1, 2]` for `Vec<i64>`); `null` is an
/// empty list.
///
/// # Errors
/// A serde error naming the expected item type when an item is not accepted (`null` items
/// included), or when the value is not a list.
pub fn lenient_vec<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: LenientScalar,
{
    struct SeqVisitor<T>(PhantomData<T>);

    impl<'de, T: LenientScalar> Visitor<'de> for SeqVisitor<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a list of {} or null", T::EXPECTING)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_seq(self)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(Required(item)) = seq.next_element::<Required<T>>()? {
                out.push(item);
            }
            Ok(out)
        }
    }

    d.deserialize_option(SeqVisitor(PhantomData))
}

/// A map of scalars read leniently (`{"a": "1"}` is `{"a": 1}` for `BTreeMap<String, i64>`);
/// `null` is an empty map.
///
/// # Errors
/// A serde error naming the expected value type when a value is not accepted, or when the
/// value is not an object.
pub fn lenient_map<'de, D, T>(d: D) -> Result<BTreeMap<String, T>, D::Error>
where
    D: Deserializer<'de>,
    T: LenientScalar,
{
    struct MapVisitor<T>(PhantomData<T>);

    impl<'de, T: LenientScalar> Visitor<'de> for MapVisitor<T> {
        type Value = BTreeMap<String, T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an object whose values are {}, or null", T::EXPECTING)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(BTreeMap::new())
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(BTreeMap::new())
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(self)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, Required(value))) = map.next_entry::<String, Required<T>>()? {
                out.insert(key, value);
            }
            Ok(out)
        }
    }

    d.deserialize_option(MapVisitor(PhantomData))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use serde::Deserialize;

    /// One field per helper; every field absent is the all-default value.
    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(default)]
    struct Fields {
        #[serde(deserialize_with = "option_i32")]
        i32: Option<i32>,
        #[serde(deserialize_with = "option_i64")]
        i64: Option<i64>,
        #[serde(deserialize_with = "option_f32")]
        f32: Option<f32>,
        #[serde(deserialize_with = "option_f64")]
        f64: Option<f64>,
        #[serde(deserialize_with = "option_bool")]
        bool: Option<bool>,
        #[serde(deserialize_with = "option_string")]
        string: Option<String>,
        #[serde(deserialize_with = "null_as_default")]
        list: Vec<String>,
        #[serde(deserialize_with = "null_as_default")]
        nested: Nested,
        #[serde(deserialize_with = "null_as_default")]
        map: BTreeMap<String, String>,
        #[serde(deserialize_with = "lenient_vec")]
        ints: Vec<i64>,
        #[serde(deserialize_with = "lenient_map")]
        flags: BTreeMap<String, bool>,
    }

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(default)]
    struct Nested {
        a: Option<String>,
    }

    fn parse(json: &str) -> Result<Fields, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    fn ok(json: &str) -> Fields {
        parse(json).unwrap()
    }

    fn err(json: &str) -> String {
        parse(json).unwrap_err()
    }

    #[test]
    fn absent_fields_are_default() {
        assert_eq!(ok("{}"), Fields::default());
    }

    #[test]
    fn null_is_none_or_default() {
        let all_null = r#"{"i32": null, "i64": null, "f32": null, "f64": null, "bool": null,
            "string": null, "list": null, "nested": null, "map": null, "ints": null,
            "flags": null}"#;
        assert_eq!(ok(all_null), Fields::default());
    }

    #[test]
    fn integers_from_numbers_and_strings() {
        let f = ok(r#"{"i32": 7, "i64": 34534253254325}"#);
        assert_eq!((f.i32, f.i64), (Some(7), Some(34534253254325)));
        let f = ok(r#"{"i32": "-7", "i64": " 34534253254325 "}"#);
        assert_eq!((f.i32, f.i64), (Some(-7), Some(34534253254325)));
        let f = ok(r#"{"i32": 9999.0, "i64": ""}"#);
        assert_eq!((f.i32, f.i64), (Some(9999), None));
        let f = ok(r#"{"i64": 9223372036854775807}"#);
        assert_eq!(f.i64, Some(i64::MAX));
    }

    #[test]
    fn integers_reject_garbage_with_clear_errors() {
        let e = err(r#"{"i32": "abc"}"#);
        assert!(
            e.contains("invalid value: string \"abc\", expected a 32-bit integer"),
            "{e}"
        );
        let e = err(r#"{"i32": 3000000000}"#);
        assert!(e.contains("expected a 32-bit integer"), "{e}");
        let e = err(r#"{"i64": 1.5}"#);
        assert!(
            e.contains("floating point `1.5`, expected a 64-bit integer"),
            "{e}"
        );
        let e = err(r#"{"i64": 18446744073709551615}"#);
        assert!(e.contains("expected a 64-bit integer"), "{e}");
        let e = err(r#"{"i64": true}"#);
        assert!(e.contains("invalid type: boolean `true`"), "{e}");
        let e = err(r#"{"i64": {"a": 1}}"#);
        assert!(e.contains("invalid type: map"), "{e}");
        let e = err(r#"{"i64": [1]}"#);
        assert!(e.contains("invalid type: sequence"), "{e}");
    }

    #[test]
    fn floats_from_numbers_and_strings() {
        let f = ok(r#"{"f32": 1.5, "f64": "100.25"}"#);
        assert_eq!((f.f32, f.f64), (Some(1.5), Some(100.25)));
        let f = ok(r#"{"f32": "2", "f64": 3}"#);
        assert_eq!((f.f32, f.f64), (Some(2.0), Some(3.0)));
        let f = ok(r#"{"f32": "", "f64": " "}"#);
        assert_eq!((f.f32, f.f64), (None, None));
    }

    #[test]
    fn floats_reject_garbage() {
        let e = err(r#"{"f64": "NaN"}"#);
        assert!(e.contains("expected a number"), "{e}");
        let e = err(r#"{"f64": "1,5"}"#);
        assert!(e.contains("invalid value: string \"1,5\""), "{e}");
        let e = err(r#"{"f32": 1e300}"#);
        assert!(e.contains("expected a 32-bit float"), "{e}");
        let e = err(r#"{"f32": "1e300"}"#);
        assert!(e.contains("expected a 32-bit float"), "{e}");
        let e = err(r#"{"f64": false}"#);
        assert!(e.contains("invalid type: boolean"), "{e}");
    }

    #[test]
    fn booleans_from_booleans_strings_and_bits() {
        assert_eq!(ok(r#"{"bool": true}"#).bool, Some(true));
        assert_eq!(ok(r#"{"bool": "false"}"#).bool, Some(false));
        assert_eq!(ok(r#"{"bool": "TRUE"}"#).bool, Some(true));
        assert_eq!(ok(r#"{"bool": 0}"#).bool, Some(false));
        assert_eq!(ok(r#"{"bool": "1"}"#).bool, Some(true));
        assert_eq!(ok(r#"{"bool": ""}"#).bool, None);
    }

    #[test]
    fn booleans_reject_garbage() {
        let e = err(r#"{"bool": "yes"}"#);
        assert!(
            e.contains("invalid value: string \"yes\", expected a boolean"),
            "{e}"
        );
        let e = err(r#"{"bool": 2}"#);
        assert!(
            e.contains("invalid value: integer `2`, expected a boolean"),
            "{e}"
        );
        let e = err(r#"{"bool": 0.5}"#);
        assert!(e.contains("expected a boolean"), "{e}");
    }

    #[test]
    fn strings_keep_numbers_and_booleans_as_text() {
        assert_eq!(ok(r#"{"string": "x"}"#).string.as_deref(), Some("x"));
        assert_eq!(ok(r#"{"string": ""}"#).string.as_deref(), Some(""));
        assert_eq!(ok(r#"{"string": 12}"#).string.as_deref(), Some("12"));
        assert_eq!(ok(r#"{"string": -1.5}"#).string.as_deref(), Some("-1.5"));
        assert_eq!(ok(r#"{"string": true}"#).string.as_deref(), Some("true"));
        let e = err(r#"{"string": ["x"]}"#);
        assert!(
            e.contains("invalid type: sequence, expected a string"),
            "{e}"
        );
    }

    #[test]
    fn null_as_default_for_lists_structs_and_maps() {
        let f = ok(r#"{"list": ["a"], "nested": {"a": "b"}, "map": {"k": "v"}}"#);
        assert_eq!(f.list, ["a"]);
        assert_eq!(f.nested.a.as_deref(), Some("b"));
        assert_eq!(f.map.get("k").map(String::as_str), Some("v"));
        let e = err(r#"{"list": "a"}"#);
        assert!(
            e.contains("invalid type: string \"a\", expected a sequence"),
            "{e}"
        );
        let e = err(r#"{"nested": 5}"#);
        assert!(e.contains("invalid type: integer `5`"), "{e}");
    }

    #[test]
    fn lenient_lists_and_maps() {
        let f = ok(r#"{"ints": [1, "2", 3.0], "flags": {"a": "true", "b": 0}}"#);
        assert_eq!(f.ints, [1, 2, 3]);
        assert_eq!(f.flags.get("a"), Some(&true));
        assert_eq!(f.flags.get("b"), Some(&false));
        let e = err(r#"{"ints": [1, null]}"#);
        assert!(e.contains("expected a 64-bit integer"), "{e}");
        let e = err(r#"{"ints": [1, "x"]}"#);
        assert!(e.contains("invalid value: string \"x\""), "{e}");
        let e = err(r#"{"ints": 5}"#);
        assert!(e.contains("expected a list of"), "{e}");
        let e = err(r#"{"flags": []}"#);
        assert!(
            e.contains("expected an object whose values are a boolean"),
            "{e}"
        );
    }

    #[test]
    fn string_helper_for_enums() {
        #[derive(Debug, Deserialize)]
        struct E(#[serde(deserialize_with = "string")] String);
        let e: E = serde_json::from_str("3").unwrap();
        assert_eq!(e.0, "3");
        let e: E = serde_json::from_str("\"Available\"").unwrap();
        assert_eq!(e.0, "Available");
        let e = serde_json::from_str::<E>("null").unwrap_err().to_string();
        assert!(e.contains("null or an empty string"), "{e}");
        let e = serde_json::from_str::<E>("{}").unwrap_err().to_string();
        assert!(e.contains("invalid type: map"), "{e}");
    }
}
