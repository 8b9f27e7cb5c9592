//! The model crate's modules: serde structs and open enums.

use proc_macro2::TokenStream;
use quote::quote;

use super::{TypePaths, docs, field_ty, ty};
use crate::codegen::ir::{Docs, EnumDef, Field, Operation, Product, Shape, StructDef, Ty, TypeDef};
use crate::codegen::names::{ident, unraw};

/// The module of one operation: its request, its response and their nested types.
pub fn operation(op: &Operation) -> TokenStream {
    let mut module_docs = Docs::default();
    match op.summary.as_deref() {
        Some(summary) => module_docs.push_generated(format!(
            "Types of `{}`: {}",
            op.action,
            docs::inline(summary)
        )),
        None => module_docs.push_generated(format!("Types of `{}`.", op.action)),
    }
    let module_docs = docs::inner(&module_docs);
    let paths = TypePaths::model();
    let request = struct_def(&op.request, &paths, true);
    let response = struct_def(&op.response, &paths, false);
    let types = op.types.iter().map(|t| type_def(t, &paths));
    quote! {
        #module_docs
        #request
        #response
        #(#types)*
    }
}

/// The `types` module: the named schemas of `components.schemas`.
pub fn shared_types(product: &Product) -> TokenStream {
    let module_docs = docs::inner(&Docs::generated(
        "Types shared by several operations (the named schemas of the API metadata).",
    ));
    let paths = TypePaths::shared_module();
    let types = product.shared_types.iter().map(|t| type_def(t, &paths));
    quote! {
        #module_docs
        #(#types)*
    }
}

/// A struct or an enum.
pub fn type_def(def: &TypeDef, paths: &TypePaths) -> TokenStream {
    match def {
        TypeDef::Struct(s) => struct_def(s, paths, false),
        TypeDef::Enum(e) => enum_def(e),
    }
}

/// A serde struct with `with_*` setters (and `new()` for a request), and a hand-written
/// `Debug` when a field is secret.
pub fn struct_def(s: &StructDef, paths: &TypePaths, is_request: bool) -> TokenStream {
    let name = ident(&s.name);
    let docs = docs::outer(&s.docs);
    let debug_derive = if s.has_secret() {
        quote!()
    } else {
        quote!(::std::fmt::Debug,)
    };
    let fields = s.fields.iter().map(|f| {
        let field_docs = docs::outer(&f.docs);
        let field_name = ident(&f.name);
        let field_type = field_ty(f, paths);
        let serde = serde_attr(f, s.transparent);
        quote! {
            #field_docs
            #serde
            pub #field_name: #field_type,
        }
    });
    let new = if is_request {
        quote! {
            /// An empty request: no parameter set.
            pub fn new() -> Self {
                ::std::default::Default::default()
            }
        }
    } else {
        quote!()
    };
    let setters = s.fields.iter().map(|f| setter(f, paths));
    let debug = if s.has_secret() {
        secret_debug(s)
    } else {
        quote!()
    };
    let has_methods = is_request || !s.fields.is_empty();
    let methods = if has_methods {
        quote! {
            impl #name {
                #new
                #(#setters)*
            }
        }
    } else {
        quote!()
    };
    let transparent = if s.transparent {
        quote!(#[serde(transparent)])
    } else {
        quote!()
    };
    quote! {
        #docs
        #[derive(
            ::std::clone::Clone,
            #debug_derive
            ::std::default::Default,
            ::std::cmp::PartialEq,
            ::serde::Serialize,
            ::serde::Deserialize,
        )]
        #transparent
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }
        #methods
        #debug
    }
}

/// `#[serde(...)]` of a field: the wire name, `default`, when to skip it on output, and the
/// lenient reader when its type has one. The field of a transparent struct has no name and
/// cannot have a default: only its reader.
fn serde_attr(f: &Field, transparent: bool) -> TokenStream {
    let wire = &f.wire;
    let (skip, with): (&str, Option<&str>) = match (&f.shape, &f.ty) {
        (Shape::Optional, t) => ("::std::option::Option::is_none", option_reader(t)),
        (Shape::OptionalBoxed, _) => ("::std::option::Option::is_none", None),
        (Shape::Defaulted, Ty::Vec(inner)) => (
            "::std::vec::Vec::is_empty",
            Some(if inner.is_lenient_scalar() {
                "::alibabacloud_types::de::lenient_vec"
            } else {
                "::alibabacloud_types::de::null_as_default"
            }),
        ),
        (Shape::Defaulted, Ty::Map(inner)) => (
            "::std::collections::BTreeMap::is_empty",
            Some(if inner.is_lenient_scalar() {
                "::alibabacloud_types::de::lenient_map"
            } else {
                "::alibabacloud_types::de::null_as_default"
            }),
        ),
        (Shape::Defaulted, _) => (
            "::alibabacloud_types::ser::is_default",
            Some("::alibabacloud_types::de::null_as_default"),
        ),
    };
    match with {
        Some(with) if transparent => quote!(#[serde(deserialize_with = #with)]),
        None if transparent => quote!(),
        Some(with) => quote! {
            #[serde(rename = #wire, default, skip_serializing_if = #skip, deserialize_with = #with)]
        },
        None => quote! {
            #[serde(rename = #wire, default, skip_serializing_if = #skip)]
        },
    }
}

/// The lenient reader of an optional scalar.
fn option_reader(t: &Ty) -> Option<&'static str> {
    Some(match t {
        Ty::String => "::alibabacloud_types::de::option_string",
        Ty::I32 => "::alibabacloud_types::de::option_i32",
        Ty::I64 => "::alibabacloud_types::de::option_i64",
        Ty::F64 => "::alibabacloud_types::de::option_f64",
        Ty::Bool => "::alibabacloud_types::de::option_bool",
        Ty::Json | Ty::Named(_) | Ty::Vec(_) | Ty::Map(_) => return None,
    })
}

/// `#[deprecated]` for the methods of a deprecated field.
pub fn deprecated_attr(deprecated: bool) -> TokenStream {
    if deprecated {
        quote!(#[deprecated(note = "deprecated in the API metadata")])
    } else {
        quote!()
    }
}

/// The `with_<field>` setter.
fn setter(f: &Field, paths: &TypePaths) -> TokenStream {
    let field = ident(&f.name);
    let method = ident(&format!("with_{}", unraw(&f.name)));
    let doc = format!(" Sets `{}` (the field `{}`).", f.wire, unraw(&f.name));
    let deprecated = deprecated_attr(f.deprecated);
    let inner = ty(&f.ty, paths);
    let (arg, value) = match f.shape {
        Shape::Optional => (
            quote!(value: impl ::std::convert::Into<#inner>),
            quote!(::std::option::Option::Some(value.into())),
        ),
        Shape::OptionalBoxed => (
            quote!(value: impl ::std::convert::Into<#inner>),
            quote!(::std::option::Option::Some(::std::boxed::Box::new(
                value.into()
            ))),
        ),
        Shape::Defaulted => (quote!(value: #inner), quote!(value)),
    };
    quote! {
        #[doc = #doc]
        #deprecated
        pub fn #method(mut self, #arg) -> Self {
            self.#field = #value;
            self
        }
    }
}

/// `Debug` that shows secret fields as redacted.
fn secret_debug(s: &StructDef) -> TokenStream {
    let name = ident(&s.name);
    let name_str = &s.name;
    let fields = s.fields.iter().map(|f| {
        let field = ident(&f.name);
        let label = unraw(&f.name);
        if !f.secret {
            quote!(.field(#label, &self.#field))
        } else if matches!(f.shape, Shape::Optional | Shape::OptionalBoxed) {
            quote!(.field(#label, &::alibabacloud_types::redact::option(&self.#field)))
        } else {
            quote!(.field(#label, &::alibabacloud_types::redact::value(&self.#field)))
        }
    });
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#name_str)
                    #(#fields)*
                    .finish()
            }
        }
    }
}

/// An open enum: the documented values plus `Unknown(String)`, with `as_str()`, the
/// conversions from strings, `Display` and serde as a string.
pub fn enum_def(e: &EnumDef) -> TokenStream {
    let name = ident(&e.name);
    let docs = docs::outer(&e.docs);
    let variants = e.variants.iter().map(|v| {
        let v_docs = docs::outer(&v.docs);
        let v_name = ident(&v.name);
        quote! {
            #v_docs
            #v_name,
        }
    });
    let values = e.variants.iter().map(|v| v.value.as_str());
    let as_str_arms = e.variants.iter().map(|v| {
        let v_name = ident(&v.name);
        let value = &v.value;
        quote!(Self::#v_name => #value,)
    });
    let known_arms = e.variants.iter().map(|v| {
        let v_name = ident(&v.name);
        let value = &v.value;
        quote!(#value => ::std::option::Option::Some(Self::#v_name),)
    });
    let conversions = string_conversions(&name);
    quote! {
        #docs
        #[derive(
            ::std::clone::Clone,
            ::std::fmt::Debug,
            ::std::cmp::PartialEq,
            ::std::cmp::Eq,
            ::std::hash::Hash,
        )]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value that the API metadata this crate was generated from does not
            /// document, kept as received.
            Unknown(::std::string::String),
        }

        impl #name {
            /// The documented values, in the order of the API metadata.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    Self::Unknown(value) => value,
                }
            }

            fn known(value: &str) -> ::std::option::Option<Self> {
                match value {
                    #(#known_arms)*
                    _ => ::std::option::Option::None,
                }
            }
        }

        #conversions

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                ::alibabacloud_types::de::string(deserializer).map(Self::from)
            }
        }
    }
}

/// `From<&str>`, `From<String>`, `FromStr`, `AsRef<str>` and `Display` of an open enum
/// whose inherent `known(&str)` and `as_str()` exist.
pub fn string_conversions(name: &proc_macro2::Ident) -> TokenStream {
    quote! {
        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match Self::known(value) {
                    ::std::option::Option::Some(known) => known,
                    ::std::option::Option::None => Self::Unknown(value.to_owned()),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match Self::known(&value) {
                    ::std::option::Option::Some(known) => known,
                    ::std::option::Option::None => Self::Unknown(value),
                }
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        impl ::std::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}
