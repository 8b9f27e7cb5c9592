//! The error code enum of an operation and its error alias.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens as _, quote};

use super::docs;
use super::model::docs_or;
use crate::codegen::ir::{Docs, Operation};
use crate::codegen::names::ident;

/// `error_codes! { pub enum <Action>ErrorCode { Variant = ("Code", status), ... } }` (`_` for an
/// unknown status; the
/// macro adds `Unknown(String)`, `as_str()`, `documented_status()`, the conversions and
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
        let v_docs = docs_or(&v.docs, || format!("`{}`.", v.code.replace('`', "'")));
        let v_name = ident(&v.name);
        let code = &v.code;
        // `_` when the metadata files the code under a key that is not an HTTP status.
        let status = match v.statuses.first() {
            Some(status) => Literal::u16_unsuffixed(*status).into_token_stream(),
            None => quote!(_),
        };
        quote! {
            #v_docs
            #v_name = (#code, #status),
        }
    });
    let alias_doc = format!(
        " The error of [`{builder}::send`]: nothing sent (construction, credentials, \
         endpoint), the call failed (timeout, network), the response was not understood, or \
         the service answered with an error whose code is a [`{}`].",
        errors.enum_name
    );
    quote! {
        ::alibabacloud_core::error_codes! {
            #enum_docs
            pub enum #name {
                #(#variants)*
            }
        }

        #[doc = #alias_doc]
        pub type #alias = ::alibabacloud_core::Error<#name>;
    }
}
