//! `model!` and `open_enum!`: what every generated struct and enum has, written once.

/// A generated model struct: the struct as written, plus `#[non_exhaustive]`, `Clone`,
/// `Default`, `PartialEq`, `Debug` (secret fields redacted), serde with the wire names
/// (lenient reading, see [`model`](mod@crate::model)), and `with_*` setters (with `new()`) when
/// its fields name them.
///
/// Each field carries `#[wire("WireName")]`, or `#[wire("WireName", with_field)]` to get a
/// setter `with_field` (a struct with setters also gets `new()`); then `#[secret]` when
/// `Debug` must not show it. A `#[deprecated]` before `#[wire]` deprecates the setter. Field
/// types are written with `Option`, `Vec` and `std::collections::BTreeMap` as such: the
/// setter of an `Option<T>` field takes `impl Into<T>`, the others take the field's type.
///
/// `#[transparent]` before `pub struct` makes a struct of one field (no setter) that is the
/// JSON value of that field: a response whose body is a list or a string, not an object.
///
/// ```
/// alibabacloud_types::model! {
///     /// A voucher.
///     pub struct Coupon {
///         /// Its id.
///         #[wire("CashCouponId", with_id)]
///         pub id: Option<i64>,
///         /// Its tags.
///         #[wire("Tags", with_tags)]
///         pub tags: Vec<String>,
///         /// Its code.
///         #[wire("Code", with_code)]
///         #[secret]
///         pub code: Option<String>,
///         /// Its state, read from the service (no setter).
///         #[wire("State")]
///         pub state: Option<String>,
///     }
/// }
///
/// let coupon: Coupon = serde_json::from_str(r#"{"CashCouponId": "42", "Tags": null}"#)?;
/// assert_eq!(coupon, Coupon::new().with_id(42));
/// let coupon = coupon.with_code("Q-1").with_tags(vec!["a".to_owned()]);
/// assert_eq!(
///     serde_json::to_string(&coupon)?,
///     r#"{"CashCouponId":42,"Tags":["a"],"Code":"Q-1"}"#
/// );
/// assert!(!format!("{coupon:?}").contains("Q-1"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[macro_export]
macro_rules! model {
    // A body that is not a JSON object (a list, a string, a number): the struct is the JSON
    // value of its one field, read as that field's type reads it.
    (
        $(#[doc = $doc:expr])*
        #[transparent]
        pub struct $name:ident {
            $(#[doc = $field_doc:expr])*
            #[wire($wire:literal $(,)?)]
            $(#[$secret:ident])?
            pub $field:ident : $ty:ty $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(
            ::core::clone::Clone,
            ::core::default::Default,
            ::core::cmp::PartialEq,
        )]
        #[non_exhaustive]
        pub struct $name {
            $(#[doc = $field_doc])*
            pub $field: $ty,
        }

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                struct Value<'a>(&'a $ty);
                impl ::core::fmt::Debug for Value<'_> {
                    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        if $crate::__secret!($($secret)?) {
                            $crate::model::Field::fmt_redacted(self.0, f)
                        } else {
                            ::core::fmt::Debug::fmt(self.0, f)
                        }
                    }
                }
                f.debug_struct(::core::stringify!($name))
                    .field(::core::stringify!($field), &Value(&self.$field))
                    .finish()
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                d: D,
            ) -> ::core::result::Result<Self, D::Error> {
                ::core::result::Result::Ok(Self {
                    $field: <$ty as $crate::model::Field>::deserialize_field(d)?,
                })
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serde::Serialize::serialize(&self.$field, serializer)
            }
        }
    };
    (
        $(#[doc = $doc:expr])*
        pub struct $name:ident {
            $(
                $(#[doc = $field_doc:expr])*
                $(#[deprecated $($deprecated:tt)*])?
                #[wire($wire:literal $(, $setter:ident)? $(,)?)]
                $(#[$secret:ident])?
                pub $field:ident : $($seg:ident)::+ $(< $($arg:ty),+ $(,)? >)?
            ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(
            ::core::clone::Clone,
            ::core::default::Default,
            ::core::cmp::PartialEq,
        )]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[doc = $field_doc])*
                pub $field: $($seg)::+ $(< $($arg),+ >)?,
            )*
        }

        impl $name {
            $crate::__model_new!($($($setter)?)*);

            $(
                $crate::__model_setter! {
                    [$($setter)?] [$(#[deprecated $($deprecated)*])?]
                    $field [$($seg)::+] [$($($arg),+)?] [$($seg)::+ $(< $($arg),+ >)?]
                }
            )*
        }

        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::model::debug(self, f)
            }
        }

        impl $crate::model::Model for $name {
            const NAME: &'static str = ::core::stringify!($name);
            const FIELDS: &'static [&'static str] = &[$($wire),*];

            #[allow(unused_variables)]
            fn read_field<'de, A: $crate::__private::serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> ::core::result::Result<bool, A::Error> {
                ::core::result::Result::Ok(match key {
                    $(
                        $wire => {
                            $crate::model::read(map, &mut self.$field)?;
                            true
                        }
                    )*
                    _ => false,
                })
            }

            fn visit<V: $crate::model::FieldVisitor>(
                &self,
                visitor: &mut V,
            ) -> ::core::result::Result<(), V::Error> {
                $(
                    visitor.field(
                        $wire,
                        ::core::stringify!($field),
                        $crate::__secret!($($secret)?),
                        &self.$field,
                    )?;
                )*
                ::core::result::Result::Ok(())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                d: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::model::deserialize(d)
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::model::serialize(self, serializer)
            }
        }
    };
}

/// `new()` of a [`model!`] struct that has setters (given the names of its setters).
#[doc(hidden)]
#[macro_export]
macro_rules! __model_new {
    () => {};
    ($($setter:ident)+) => {
        /// An empty value: every field absent or empty (the same as `Default`).
        pub fn new() -> Self {
            ::core::default::Default::default()
        }
    };
}

/// The `with_*` setter of one field of [`model!`], if it has one.
#[doc(hidden)]
#[macro_export]
macro_rules! __model_setter {
    ([] [$($attr:tt)*] $($rest:tt)*) => {};
    ([$setter:ident] [$($attr:tt)*] $field:ident [Option] [$inner:ty] [$($ty:tt)*]) => {
        #[doc = ::core::concat!("Sets ", $crate::__doc_link!($field), ".")]
        $($attr)*
        pub fn $setter(mut self, value: impl ::core::convert::Into<$inner>) -> Self {
            self.$field = ::core::option::Option::Some(value.into());
            self
        }
    };
    ([$setter:ident] [$($attr:tt)*] $field:ident [$($seg:ident)::+] [$($inner:ty),*] [$($ty:tt)*]) => {
        #[doc = ::core::concat!("Sets ", $crate::__doc_link!($field), ".")]
        $($attr)*
        pub fn $setter(mut self, value: $($ty)*) -> Self {
            self.$field = value;
            self
        }
    };
}

/// An intra-doc link to `Self::<name>` as a string literal, for the docs the macros write
/// (`[`name`](Self::name)`); a raw identifier (`r#type`), which rustdoc cannot link, is plain
/// code.
#[doc(hidden)]
#[macro_export]
macro_rules! __doc_link {
    (r#abstract) => {
        "`abstract`"
    };
    (r#as) => {
        "`as`"
    };
    (r#async) => {
        "`async`"
    };
    (r#await) => {
        "`await`"
    };
    (r#become) => {
        "`become`"
    };
    (r#box) => {
        "`box`"
    };
    (r#break) => {
        "`break`"
    };
    (r#const) => {
        "`const`"
    };
    (r#continue) => {
        "`continue`"
    };
    (r#do) => {
        "`do`"
    };
    (r#dyn) => {
        "`dyn`"
    };
    (r#else) => {
        "`else`"
    };
    (r#enum) => {
        "`enum`"
    };
    (r#extern) => {
        "`extern`"
    };
    (r#false) => {
        "`false`"
    };
    (r#final) => {
        "`final`"
    };
    (r#fn) => {
        "`fn`"
    };
    (r#for) => {
        "`for`"
    };
    (r#gen) => {
        "`gen`"
    };
    (r#if) => {
        "`if`"
    };
    (r#impl) => {
        "`impl`"
    };
    (r#in) => {
        "`in`"
    };
    (r#let) => {
        "`let`"
    };
    (r#loop) => {
        "`loop`"
    };
    (r#macro) => {
        "`macro`"
    };
    (r#match) => {
        "`match`"
    };
    (r#mod) => {
        "`mod`"
    };
    (r#move) => {
        "`move`"
    };
    (r#mut) => {
        "`mut`"
    };
    (r#override) => {
        "`override`"
    };
    (r#priv) => {
        "`priv`"
    };
    (r#pub) => {
        "`pub`"
    };
    (r#ref) => {
        "`ref`"
    };
    (r#return) => {
        "`return`"
    };
    (r#static) => {
        "`static`"
    };
    (r#struct) => {
        "`struct`"
    };
    (r#trait) => {
        "`trait`"
    };
    (r#true) => {
        "`true`"
    };
    (r#try) => {
        "`try`"
    };
    (r#type) => {
        "`type`"
    };
    (r#typeof) => {
        "`typeof`"
    };
    (r#unsafe) => {
        "`unsafe`"
    };
    (r#unsized) => {
        "`unsized`"
    };
    (r#use) => {
        "`use`"
    };
    (r#virtual) => {
        "`virtual`"
    };
    (r#where) => {
        "`where`"
    };
    (r#while) => {
        "`while`"
    };
    (r#yield) => {
        "`yield`"
    };
    ($name:ident) => {
        ::core::concat!(
            "[`",
            ::core::stringify!($name),
            "`](Self::",
            ::core::stringify!($name),
            ")"
        )
    };
}

/// Whether a field of [`model!`] is secret.
#[doc(hidden)]
#[macro_export]
macro_rules! __secret {
    () => {
        false
    };
    (secret) => {
        true
    };
}

/// A generated open enum: the documented values, each with its wire value, plus
/// `Unknown(String)` for the others; `#[non_exhaustive]`, `Clone`, `Debug`, `PartialEq`,
/// `Eq`, `Hash`, `as_str()`, `VALUES`, `From<&str>`, `From<String>`, `FromStr`, `AsRef<str>`,
/// `Display`, and serde as a string (numbers and booleans are read as their text).
///
/// ```
/// alibabacloud_types::open_enum! {
///     /// The state of a voucher.
///     pub enum Status {
///         /// The voucher is valid.
///         Available = "Available",
///         /// The voucher has expired.
///         Expired = "Expired",
///     }
/// }
///
/// assert_eq!(Status::from("Expired"), Status::Expired);
/// assert_eq!(Status::Available.as_str(), "Available");
/// assert_eq!(Status::VALUES, ["Available", "Expired"]);
/// let frozen: Status = serde_json::from_str(r#""Frozen""#)?;
/// assert_eq!(frozen, Status::Unknown("Frozen".to_owned()));
/// assert_eq!(frozen.to_string(), "Frozen");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$attr:meta])*
        pub enum $name:ident {
            $(
                $(#[$variant_attr:meta])*
                $variant:ident = $value:literal
            ),* $(,)?
        }
    ) => {
        $crate::open_enum!(
            @enum [$(#[$attr])*] $name
            [" A value that the API metadata this crate was generated from does not document, kept as received."]
            { $([$(#[$variant_attr])*] $variant = $value),* }
        );
        $crate::open_enum!(@conversions $name { $($variant = $value),* });

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                d: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::de::string(d).map(Self::from)
            }
        }

        impl $crate::model::Item for $name {
            const EXPECTING: &'static str = "a string";

            fn deserialize_item<'de, D: $crate::__private::serde::Deserializer<'de>>(
                d: D,
            ) -> ::core::result::Result<::core::option::Option<Self>, D::Error> {
                ::core::result::Result::Ok(
                    $crate::de::option_string(d)?.map(Self::from),
                )
            }
        }
    };

    // The enum with its `Unknown(String)` (documented by `$unknown`), `VALUES` and `as_str()`;
    // shared with the error code enums of `alibabacloud-core`.
    (
        @enum [$(#[$attr:meta])*] $name:ident [$unknown:literal]
        { $([$(#[$variant_attr:meta])*] $variant:ident = $value:literal),* }
    ) => {
        $(#[$attr])*
        #[derive(
            ::core::clone::Clone,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$variant_attr])*
                $variant,
            )*
            #[doc = $unknown]
            Unknown($crate::__private::String),
        }

        impl $name {
            /// The documented values, in the order of the API metadata.
            pub const VALUES: &'static [&'static str] = &[$($value),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Unknown(value) => value,
                }
            }
        }
    };

    // `From<&str>`, `From<String>`, `FromStr`, `AsRef<str>` and `Display` of an enum with an
    // `Unknown(String)` variant and `as_str()`; shared with the error code enums of
    // `alibabacloud-core`.
    (@conversions $name:ident { $($variant:ident = $value:literal),* }) => {
        impl ::core::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($value => Self::$variant,)*
                    _ => Self::Unknown(::core::convert::Into::into(value)),
                }
            }
        }

        impl ::core::convert::From<$crate::__private::String> for $name {
            fn from(value: $crate::__private::String) -> Self {
                match value.as_str() {
                    $($value => Self::$variant,)*
                    _ => Self::Unknown(value),
                }
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;

            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(Self::from(value))
            }
        }

        impl ::core::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
