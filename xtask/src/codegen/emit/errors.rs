//! The error code enum of an operation and its error alias.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs;
use super::model::string_conversions;
use crate::codegen::ir::{Docs, Operation};
use crate::codegen::names::ident;

/// `<Action>ErrorCode` (the documented codes plus `Unknown(String)`, implementing
/// `alibabacloud_core::ErrorCode`) and `<Action>Error`.
pub fn error_code(op: &Operation) -> TokenStream {
    let errors = &op.errors;
    let name = ident(&errors.enum_name);
    let alias = ident(&errors.alias);
    let builder = &op.builder;
    let mut enum_docs = Docs::generated(format!(
        "The error codes documented for `{}`, as the `Code` of a service error.",
        op.action
    ));
    enum_docs.push_generated(
        "A code the API metadata does not list for this operation (throttling, \
         authentication, codes added later) is `Unknown`, with the code as sent. Match with a \
         wildcard arm: new documented codes may be added as variants.",
    );
    let enum_docs = docs::outer(&enum_docs);
    let variants = errors.variants.iter().map(|v| {
        let v_docs = docs::outer(&v.docs);
        let v_name = ident(&v.name);
        quote! {
            #v_docs
            #v_name,
        }
    });
    let as_str_arms = errors.variants.iter().map(|v| {
        let v_name = ident(&v.name);
        let code = &v.code;
        quote!(Self::#v_name => #code,)
    });
    let status_arms = errors.variants.iter().map(|v| {
        let v_name = ident(&v.name);
        match v.statuses.first() {
            Some(status) => {
                let status = proc_macro2::Literal::u16_unsuffixed(*status);
                quote!(Self::#v_name => ::std::option::Option::Some(#status),)
            }
            None => quote!(Self::#v_name => ::std::option::Option::None,),
        }
    });
    let known_arms = errors.variants.iter().map(|v| {
        let v_name = ident(&v.name);
        let code = &v.code;
        quote!(#code => ::std::option::Option::Some(Self::#v_name),)
    });
    let (as_str, documented_status, known) = if errors.variants.is_empty() {
        (
            quote! {
                let Self::Unknown(code) = self;
                code
            },
            quote!(::std::option::Option::None),
            quote! {
                let _ = code;
                ::std::option::Option::None
            },
        )
    } else {
        (
            quote! {
                match self {
                    #(#as_str_arms)*
                    Self::Unknown(code) => code,
                }
            },
            quote! {
                match self {
                    #(#status_arms)*
                    Self::Unknown(_) => ::std::option::Option::None,
                }
            },
            quote! {
                match code {
                    #(#known_arms)*
                    _ => ::std::option::Option::None,
                }
            },
        )
    };
    let conversions = string_conversions(&name);
    let alias_doc = format!(
        " The error of [`{builder}::send`]: nothing sent (construction, credentials, \
         endpoint), the call failed (timeout, network), the response was not understood, or \
         the service answered with an error whose code is a [`{}`].",
        errors.enum_name
    );
    quote! {
        #enum_docs
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
            /// A code not documented for this operation, as sent by the service.
            Unknown(::std::string::String),
        }

        impl #name {
            /// The code as the service sends it.
            pub fn as_str(&self) -> &str {
                #as_str
            }

            /// The HTTP status the API metadata documents for this code (the first one, when
            /// it lists several); `None` for `Unknown`.
            pub fn documented_status(&self) -> ::std::option::Option<u16> {
                #documented_status
            }

            fn known(code: &str) -> ::std::option::Option<Self> {
                #known
            }
        }

        #conversions

        impl ::alibabacloud_core::ErrorCode for #name {}

        #[doc = #alias_doc]
        pub type #alias = ::alibabacloud_core::Error<#name>;
    }
}
