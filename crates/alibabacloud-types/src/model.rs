//! What the generated models are made of: the traits behind their lenient serde, and the
//! generic code that the [`model!`](crate::model!) and [`open_enum!`](crate::open_enum!)
//! macros call.
//!
//! A generated struct lists its fields once, each with its wire name; the macro writes its
//! `Serialize`, `Deserialize`, `Debug` and setters by calling the generic functions of this
//! module, so that the per-type code is one line per field instead of serde's derived
//! visitor. How a field is read depends only on its type:
//!
//! | field type | reads | `null` / absent | left out when serializing |
//! |---|---|---|---|
//! | `Option<T>` | `T` leniently (see [`Item`]) | `None` (and `""` for numbers and booleans) | when `None` |
//! | `Vec<T>` | a list of `T` | empty | when empty |
//! | `BTreeMap<String, T>` | an object of `T` | empty | when empty |
//! | a generated struct | its fields | all fields absent | when all fields are absent |
//!
//! Unknown fields are ignored; when a key appears twice, the last value wins.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::de::{LenientScalar, option as lenient_option};

mod long_list;

use long_list::LONG_LIST;
pub use long_list::{LongList, long_list_estimate, with_long_list_estimate};

/// A value a model field holds inside an `Option`, a `Vec` or a map: the lenient scalars
/// (`i32`, `i64`, `f32`, `f64`, `bool`, `String`), [`Blob`](crate::Blob), the generated open
/// enums and structs,
/// boxes and lists and maps of these, and (with the `json` feature) `serde_json::Value`.
pub trait Item: Serialize + fmt::Debug + Sized {
    /// What a value looks like, for error messages.
    #[doc(hidden)]
    const EXPECTING: &'static str;

    /// Reads a value leniently; `None` when there is none (`null`, and `""` for numbers and
    /// booleans).
    #[doc(hidden)]
    fn deserialize_item<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error>;

    /// Reads a value that must be there (a list item, a map value): what
    /// [`deserialize_item`](Item::deserialize_item) reads as `None` is an error.
    #[doc(hidden)]
    fn deserialize_required<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Self::deserialize_item(d)? {
            Some(value) => Ok(value),
            None => Err(de::Error::invalid_type(
                de::Unexpected::Other("null or an empty string"),
                &Self::EXPECTING,
            )),
        }
    }
}

/// The type of a model field: `Option<T>`, `Vec<T>` and `BTreeMap<String, T>` of an
/// [`Item`], or a generated struct.
pub trait Field: Serialize + fmt::Debug + Sized {
    /// Reads the field's value leniently (`null` is `None` or empty).
    #[doc(hidden)]
    fn deserialize_field<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;

    /// Whether the field holds nothing, and is left out when serializing.
    #[doc(hidden)]
    fn is_absent(&self) -> bool;

    /// `Debug` of a secret field: whether it is set, never its value.
    #[doc(hidden)]
    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&crate::redact::value(self), f)
    }
}

/// A generated struct: its name, its wire names, and how it reads one of its fields. The
/// [`model!`](crate::model!) macro implements it.
pub trait Model: Default + PartialEq + Serialize + fmt::Debug + 'static {
    /// The type's name.
    #[doc(hidden)]
    const NAME: &'static str;
    /// The wire names of its fields, in order.
    #[doc(hidden)]
    const FIELDS: &'static [&'static str];

    /// Reads the value of the field whose wire name is `key` from `map`; `false` when the
    /// struct has no such field (the value is then still to be read).
    #[doc(hidden)]
    fn read_field<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error>;

    /// Shows each field, in order, to `visitor` (serializing and `Debug` go through it).
    #[doc(hidden)]
    fn visit<V: FieldVisitor>(&self, visitor: &mut V) -> Result<(), V::Error>;
}

/// What [`Model::visit`] shows each field to.
#[doc(hidden)]
pub trait FieldVisitor {
    /// Why a visit stops.
    type Error;

    /// One field: its wire name, its Rust name, whether it is secret, and its value.
    fn field<T: Field>(
        &mut self,
        wire: &'static str,
        name: &'static str,
        secret: bool,
        value: &T,
    ) -> Result<(), Self::Error>;
}

macro_rules! scalar_items {
    ($($ty:ty),*) => {
        $(
            impl Item for $ty {
                const EXPECTING: &'static str = <$ty as LenientScalar>::EXPECTING;

                fn deserialize_item<'de, D: Deserializer<'de>>(
                    d: D,
                ) -> Result<Option<Self>, D::Error> {
                    lenient_option(d)
                }
            }
        )*
    };
}

scalar_items!(i32, i64, f32, f64, bool, String);

impl<T: Item> Item for Vec<T> {
    const EXPECTING: &'static str = "a list";

    fn deserialize_item<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        d.deserialize_option(OrNull(SeqVisitor::<T>(PhantomData)))
    }
}

impl<T: Item> Item for BTreeMap<String, T> {
    const EXPECTING: &'static str = "an object";

    fn deserialize_item<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        d.deserialize_option(OrNull(MapVisitor::<T>(PhantomData)))
    }
}

#[cfg(feature = "json")]
impl Item for serde_json::Value {
    const EXPECTING: &'static str = "any JSON value";

    fn deserialize_item<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        <Option<serde_json::Value> as serde::Deserialize>::deserialize(d)
    }

    /// Inside a list or a map, `null` is a value like any other.
    fn deserialize_required<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <serde_json::Value as serde::Deserialize>::deserialize(d)
    }
}

/// Binary data: `None` for `null`.
impl Item for crate::Blob {
    const EXPECTING: &'static str = "binary data";

    fn deserialize_item<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        d.deserialize_option(OrNull(BlobShape))
    }
}

struct BlobShape;

impl<'de> Shaped<'de> for BlobShape {
    fn deserialize_shape<D: Deserializer<'de>>(self, d: D) -> Result<crate::Blob, D::Error> {
        d.deserialize_any(crate::blob::BlobVisitor)
    }
}

impl<'de> Visitor<'de> for BlobShape {
    type Value = crate::Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("binary data")
    }
}

impl<T: Item> Field for Option<T> {
    fn deserialize_field<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize_item(d)
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }

    fn fmt_redacted(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&crate::redact::option(self), f)
    }
}

impl<T: Item> Field for Vec<T> {
    fn deserialize_field<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::deserialize_item(d)?.unwrap_or_default())
    }

    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

impl<T: Item> Field for BTreeMap<String, T> {
    fn deserialize_field<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::deserialize_item(d)?.unwrap_or_default())
    }

    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

/// A generated struct as an item: `None` for `null`.
impl<T: Model> Item for T {
    const EXPECTING: &'static str = "an object";

    fn deserialize_item<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Self>, D::Error> {
        d.deserialize_option(OrNull(ModelVisitor::<T>(PhantomData)))
    }

    /// An object (a list item): read directly, `null` is an error.
    fn deserialize_required<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize(d)
    }
}

/// A generated struct as a field: all fields absent for `null`; left out when it holds
/// nothing.
impl<T: Model> Field for T {
    fn deserialize_field<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(T::deserialize_item(d)?.unwrap_or_default())
    }

    fn is_absent(&self) -> bool {
        *self == Self::default()
    }
}

/// A boxed struct (a field through which a type contains itself, `Option<Box<T>>`) is read
/// and written as the struct.
impl<T: Model> Model for Box<T> {
    const NAME: &'static str = T::NAME;
    const FIELDS: &'static [&'static str] = T::FIELDS;

    fn read_field<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        (**self).read_field(key, map)
    }

    fn visit<V: FieldVisitor>(&self, visitor: &mut V) -> Result<(), V::Error> {
        (**self).visit(visitor)
    }
}

/// `None` for `null`, else what the inner visitor reads (asked for directly: a list, a map
/// or a struct, not "any value").
struct OrNull<V>(V);

/// A visitor of one kind of value, and how to ask a deserializer for that kind.
trait Shaped<'de>: Visitor<'de> {
    fn deserialize_shape<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error>;
}

impl<'de, V: Shaped<'de>> Visitor<'de> for OrNull<V> {
    type Value = Option<V::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)?;
        f.write_str(" or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize_shape(d).map(Some)
    }
}

/// A value that must be there, read through [`Item::deserialize_required`].
struct Required<T>(PhantomData<T>);

impl<'de, T: Item> DeserializeSeed<'de> for Required<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::deserialize_required(d)
    }
}

struct SeqVisitor<T>(PhantomData<T>);

impl<'de, T: Item> Shaped<'de> for SeqVisitor<T> {
    fn deserialize_shape<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Item> Visitor<'de> for SeqVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of {}", T::EXPECTING)
    }

    /// A short list (nearly all of them) grows as a `Vec` does. A list that reaches
    /// [`LONG_LIST`] items takes the estimate of its length
    /// [`with_long_list_estimate`] gives, if any, and reads on into a vector of that length;
    /// items beyond it, or all of them without an estimate, are read in blocks of
    /// [`BLOCK_BYTES`] and moved once into a vector of the exact length at the end: the items
    /// are moved once instead of about twice, the result holds no spare capacity (doubling
    /// leaves up to as much again), and the memory taken on the way is at most twice the
    /// list's instead of three times (the old and the new buffer of the last doubling).
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut first = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(LONG_LIST));
        while first.len() < LONG_LIST {
            match seq.next_element_seed(Required::<T>(PhantomData))? {
                Some(item) => first.push(item),
                None => return Ok(first),
            }
        }
        // An estimate the allocator refuses is as none.
        if let Some(items) = long_list::take(std::mem::size_of::<T>())
            && first
                .try_reserve_exact(items.saturating_sub(first.len()))
                .is_ok()
        {
            while first.len() < first.capacity() {
                match seq.next_element_seed(Required::<T>(PhantomData))? {
                    Some(item) => first.push(item),
                    None => {
                        // Shorter than estimated: the spare room goes back when it matters.
                        if first.capacity() - first.len() > first.len() / 8 {
                            first.shrink_to_fit();
                        }
                        return Ok(first);
                    }
                }
            }
        }
        let block = (BLOCK_BYTES / std::mem::size_of::<T>().max(1)).max(LONG_LIST);
        let mut blocks = vec![first];
        while let Some(item) = seq.next_element_seed(Required::<T>(PhantomData))? {
            let last = blocks.last_mut().filter(|b| b.len() < b.capacity());
            match last {
                Some(last) => last.push(item),
                None => {
                    let mut next = Vec::with_capacity(block);
                    next.push(item);
                    blocks.push(next);
                }
            }
        }
        if let [_] = blocks.as_slice() {
            // All in the first: a list exactly as long as estimated ends here.
            return Ok(blocks.swap_remove(0));
        }
        let mut out = Vec::with_capacity(blocks.iter().map(Vec::len).sum());
        for mut block in blocks {
            out.append(&mut block);
        }
        Ok(out)
    }
}

/// The size of the blocks a long list is read in (see [`SeqVisitor::visit_seq`]).
const BLOCK_BYTES: usize = 64 * 1024;

struct MapVisitor<T>(PhantomData<T>);

impl<'de, T: Item> Shaped<'de> for MapVisitor<T> {
    fn deserialize_shape<D: Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<BTreeMap<String, T>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: Item> Visitor<'de> for MapVisitor<T> {
    type Value = BTreeMap<String, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object whose values are {}", T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Required::<T>(PhantomData))?;
            out.insert(key, value);
        }
        Ok(out)
    }
}

/// A field's value, read through [`Field::deserialize_field`].
struct FieldSeed<T>(PhantomData<T>);

impl<'de, T: Field> DeserializeSeed<'de> for FieldSeed<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::deserialize_field(d)
    }
}

/// A key of a JSON object, borrowed from the input when it can be.
struct Key<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }

        d.deserialize_identifier(KeyVisitor)
    }
}

struct ModelVisitor<T>(PhantomData<T>);

impl<'de, T: Model> Shaped<'de> for ModelVisitor<T> {
    fn deserialize_shape<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_struct(T::NAME, T::FIELDS, self)
    }
}

impl<'de, T: Model> Visitor<'de> for ModelVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        // Filled where it is returned, not moved there at the end (a model can be large).
        let mut result = Ok(T::default());
        if let Ok(out) = &mut result {
            while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                if !out.read_field(&key, &mut map)? {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        result
    }
}

/// `Deserialize` of a generated struct.
///
/// # Errors
/// When the value is not an object, or a field's value is not what its type accepts.
#[doc(hidden)]
#[inline]
pub fn deserialize<'de, D: Deserializer<'de>, T: Model>(d: D) -> Result<T, D::Error> {
    d.deserialize_struct(T::NAME, T::FIELDS, ModelVisitor::<T>(PhantomData))
}

/// Reads the value of one field into `slot`.
///
/// # Errors
/// When the value is not what the field's type accepts.
#[doc(hidden)]
#[inline]
pub fn read<'de, A: MapAccess<'de>, T: Field>(map: &mut A, slot: &mut T) -> Result<(), A::Error> {
    *slot = map.next_value_seed(FieldSeed::<T>(PhantomData))?;
    Ok(())
}

/// `Serialize` of a generated struct: its fields that hold something, by wire name.
///
/// # Errors
/// The serializer's.
#[doc(hidden)]
pub fn serialize<T: Model, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    struct Count(usize);

    impl FieldVisitor for Count {
        type Error = std::convert::Infallible;

        fn field<T: Field>(
            &mut self,
            _: &'static str,
            _: &'static str,
            _: bool,
            value: &T,
        ) -> Result<(), Self::Error> {
            self.0 += usize::from(!value.is_absent());
            Ok(())
        }
    }

    struct Write<'a, S>(&'a mut S);

    impl<S: SerializeStruct> FieldVisitor for Write<'_, S> {
        type Error = S::Error;

        fn field<T: Field>(
            &mut self,
            wire: &'static str,
            _: &'static str,
            _: bool,
            value: &T,
        ) -> Result<(), S::Error> {
            if value.is_absent() {
                self.0.skip_field(wire)
            } else {
                self.0.serialize_field(wire, value)
            }
        }
    }

    let mut count = Count(0);
    let Ok(()) = value.visit(&mut count);
    let mut st = serializer.serialize_struct(T::NAME, count.0)?;
    value.visit(&mut Write(&mut st))?;
    st.end()
}

/// `Debug` of a generated struct: every field by its Rust name, secret ones redacted.
///
/// # Errors
/// The formatter's.
#[doc(hidden)]
pub fn debug<T: Model>(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    struct Fields<'a, 'b>(fmt::DebugStruct<'a, 'b>);

    struct Redacted<'a, T>(&'a T);

    impl<T: Field> fmt::Debug for Redacted<'_, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.fmt_redacted(f)
        }
    }

    impl FieldVisitor for Fields<'_, '_> {
        type Error = fmt::Error;

        fn field<T: Field>(
            &mut self,
            _: &'static str,
            name: &'static str,
            secret: bool,
            value: &T,
        ) -> fmt::Result {
            let name = name.strip_prefix("r#").unwrap_or(name);
            if secret {
                self.0.field(name, &Redacted(value));
            } else {
                self.0.field(name, value);
            }
            Ok(())
        }
    }

    let mut fields = Fields(f.debug_struct(T::NAME));
    value.visit(&mut fields)?;
    fields.0.finish()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn keys_borrow_from_the_input_when_they_can() {
        let mut de = serde_json::Deserializer::from_str(r#""plain""#);
        let key = <Key<'_> as serde::Deserialize>::deserialize(&mut de).unwrap();
        assert!(matches!(key.0, Cow::Borrowed("plain")));
        let mut de = serde_json::Deserializer::from_str(r#""esc\u0061ped""#);
        let key = <Key<'_> as serde::Deserialize>::deserialize(&mut de).unwrap();
        assert!(matches!(key.0, Cow::Owned(ref s) if s == "escaped"));
    }

    #[test]
    fn lists_and_maps_of_items() {
        fn field<T: Field>(json: &str) -> Result<T, String> {
            let mut de = serde_json::Deserializer::from_str(json);
            T::deserialize_field(&mut de).map_err(|e| e.to_string())
        }
        assert_eq!(field::<Vec<i64>>(r#"[1, "2", 3.0]"#).unwrap(), [1, 2, 3]);
        assert_eq!(field::<Vec<i64>>("null").unwrap(), Vec::<i64>::new());
        let e = field::<Vec<i64>>(r#"[1, null]"#).unwrap_err();
        assert!(e.contains("expected a 64-bit integer"), "{e}");
        let e = field::<Vec<i64>>("5").unwrap_err();
        assert!(e.contains("expected a list of"), "{e}");
        let nested = field::<Vec<Vec<String>>>(r#"[["a"], null]"#).unwrap_err();
        assert!(nested.contains("expected a list"), "{nested}");
        assert_eq!(
            field::<Vec<Vec<String>>>(r#"[["a", 1], []]"#).unwrap(),
            [vec!["a".to_owned(), "1".to_owned()], vec![]]
        );
        let map = field::<BTreeMap<String, bool>>(r#"{"a": "true", "b": 0}"#).unwrap();
        assert_eq!(map.get("a"), Some(&true));
        assert_eq!(map.get("b"), Some(&false));
        let e = field::<BTreeMap<String, bool>>("[]").unwrap_err();
        assert!(e.contains("an object whose values are a boolean"), "{e}");
        assert_eq!(field::<Option<i32>>(r#""""#).unwrap(), None);
    }
}
