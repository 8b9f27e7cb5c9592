//! The `lib.rs` of each crate: crate docs, modules, re-exports.

use proc_macro2::TokenStream;
use quote::quote;

use super::client::{call_chain, example, title};
use super::docs;
use crate::codegen::ir::{Product, ResponseBody};
use crate::codegen::names::{ident, unraw};

/// The model crate's root: one module per operation, and `types` for shared schemas.
pub fn model(product: &Product) -> TokenStream {
    let mut lines = vec![
        format!(
            "Request and response types of {}, without an HTTP stack.",
            title(product)
        ),
        String::new(),
        format!(
            "Generated from `{}` by `cargo xtask codegen`; do not edit (change the spec and \
             regenerate). The client crate `{}` sends these types.",
            product.spec_path, product.client_crate
        ),
        String::new(),
        "One module per operation holds its request, its response and their nested types:"
            .to_owned(),
        "serde structs with the wire names and public fields, `#[non_exhaustive]`, built with"
            .to_owned(),
        "`new()` (or `Default`); a request and the types it holds also have `with_*` setters,"
            .to_owned(),
        "a response is built (in tests) by setting its fields. Decoding is lenient where"
            .to_owned(),
        "services are: integers, floats and booleans also come as strings, lists as `null`;"
            .to_owned(),
        "unknown fields are ignored.".to_owned(),
    ];
    // An example decodes `{}`: a response read from a JSON object (one read as text, bytes or
    // any JSON value would refuse it).
    if let Some(op) = product
        .operations
        .iter()
        .find(|op| op.response_body == ResponseBody::Object)
    {
        let module = unraw(&op.module);
        let response = &op.response.name;
        lines.extend([
            String::new(),
            "```".to_owned(),
            format!("use {}::{module}::{response};", product.model_lib),
            String::new(),
            format!("let response: {response} = serde_json::from_str(\"{{}}\")?;"),
            format!("assert_eq!(response, {response}::default());"),
            "# Ok::<(), serde_json::Error>(())".to_owned(),
            "```".to_owned(),
        ]);
    }
    let docs = docs::attrs(&lines, true);
    let modules = product.operations.iter().map(|op| {
        let module = ident(&op.module);
        let doc = match &op.summary {
            Some(summary) => format!(" `{}`: {}", op.action, docs::inline(summary)),
            None => format!(" `{}`.", op.action),
        };
        quote! {
            #[doc = #doc]
            pub mod #module;
        }
    });
    let types = if product.shared_types.is_empty() {
        quote!()
    } else {
        quote! {
            pub mod types;
        }
    };
    quote! {
        #docs
        #(#modules)*
        #types
    }
}

/// The client crate's root: docs with examples, `Client`, the modules, the re-exports.
pub fn client(product: &Product) -> TokenStream {
    let lib = &product.client_lib;
    let mut lines = vec![
        format!("{} client.", title(product)),
        String::new(),
        format!(
            "Generated from `{}` by `cargo xtask codegen`; do not edit (change the spec and \
             regenerate).",
            product.spec_path
        ),
        String::new(),
        "Each operation is a method of [`Client`] that returns a fluent builder: set the"
            .to_owned(),
        "parameters, then `send()` the request. The request, response and nested types come"
            .to_owned(),
        "from the model crate, re-exported as [`model`] and, with the operation's builder and"
            .to_owned(),
        "error codes, in its module of [`operation`]. Per-call timeouts and retries are".to_owned(),
        "[`CallOptions`], set with `call_options(...)` apart from the API's parameters.".to_owned(),
        "`send_with_metadata()` returns the output in a [`Response`] that also holds the"
            .to_owned(),
        "request id, HTTP status, headers and raw body (for fields the API metadata lacks)."
            .to_owned(),
        String::new(),
        "The runtime's types you name to configure a client or match its errors ([`Config`],"
            .to_owned(),
        "[`Credentials`], [`credentials`] providers, [`RetryConfig`], [`Error`],".to_owned(),
        "[`ConstructionError`], [`TimeoutKind`], ...) are re-exported here from".to_owned(),
        "`alibabacloud-core`: this crate is the one dependency you need. TLS is rustls (the"
            .to_owned(),
        "`rustls` feature, on by default) or the platform's (`native-tls`, with".to_owned(),
        "`default-features = false` to leave rustls out); the `http2` feature adds HTTP/2."
            .to_owned(),
    ];
    if let Some(op) = product.operations.first() {
        lines.push(String::new());
        lines.push("# Example".to_owned());
        lines.push(String::new());
        lines.extend(example(product, op).lines().map(str::to_owned));
        lines.extend([
            String::new(),
            "# Errors".to_owned(),
            String::new(),
            "[`Error`] tells apart a request that could not be built (a required parameter not"
                .to_owned(),
            "set: nothing is sent), missing credentials, no endpoint for the region, timeouts,"
                .to_owned(),
            "network failures, undecodable responses and errors the service reported. A service"
                .to_owned(),
            "error's code is an enum of the codes documented for the operation; generic code"
                .to_owned(),
            "reads any operation's error through [`ProvideErrorMetadata`] (code, message, request"
                .to_owned(),
            "id, HTTP status, `is_throttling()`, `is_retryable()`, and the gateway's codes as"
                .to_owned(),
            "[`CommonErrorCode`]):".to_owned(),
        ]);
        let with_status = op.errors.variants.iter().find(|v| !v.statuses.is_empty());
        if let Some(code) = with_status.or(op.errors.variants.first()) {
            let module = unraw(&op.module);
            lines.extend([
                String::new(),
                "```no_run".to_owned(),
                format!("use {lib}::operation::{module}::{};", op.errors.enum_name),
                String::new(),
                format!("# async fn example(client: {lib}::Client) {{"),
            ]);
            if op.deprecated {
                lines.push("# #[allow(deprecated)]".to_owned());
            }
            lines.push("match client".to_owned());
            lines.extend(call_chain(product, op, "    "));
            lines.extend([
                "    .await".to_owned(),
                "{".to_owned(),
                "    Ok(response) => println!(\"{response:?}\"),".to_owned(),
                format!(
                    "    Err(err) if err.code() == Some(&{}::{}) => {{",
                    op.errors.enum_name, code.name
                ),
                match code.statuses.first() {
                    Some(status) => format!("        // Documented for HTTP {status}."),
                    None => "        // Documented without an HTTP status.".to_owned(),
                },
                "    }".to_owned(),
                "    Err(err) => eprintln!(\"{err}\"),".to_owned(),
                "}".to_owned(),
                "# }".to_owned(),
                "```".to_owned(),
            ]);
        }
        lines.extend([String::new(), "# Operations".to_owned(), String::new()]);
        for op in &product.operations {
            let module = unraw(&op.module);
            let summary = op
                .summary
                .as_deref()
                .map(docs::inline)
                .unwrap_or_else(|| format!("`{}`.", op.action));
            lines.push(format!("- [`{module}`](Client::{module}): {summary}"));
        }
    }
    let docs = docs::attrs(&lines, true);
    let model = ident(&product.model_lib);
    quote! {
        #docs

        #[doc(inline)]
        pub use ::alibabacloud_core::exports::*;
        pub use ::#model as model;

        mod client;
        pub mod endpoints;
        pub mod operation;

        pub use client::Client;
    }
}
