//! The client crate's modules: `Client`, the endpoint table, and one module per operation
//! with its type, its parameter table and its fluent builder (written through the macros of
//! `alibabacloud-core`).

use proc_macro2::TokenStream;
use quote::quote;

use super::model::deprecated_attr;
use super::{TypePaths, docs, errors, field_ty};
use crate::codegen::ir::{
    ApiStyle, DocBlock, Docs, Encoding, ExampleValue, Field, Location, Method, Operation,
    OperationKind, Param, Product, ResponseBody, Style,
};
use crate::codegen::names::{ident, unraw};
use crate::codegen::paging;

/// `client.rs`: the `Client` (written by `alibabacloud_core::client!`) with one method per
/// operation.
pub fn client(product: &Product) -> TokenStream {
    let title = title(product);
    let struct_doc = docs::attrs(
        &[
            format!(
                "The client of {title}: one method per operation, each returning a fluent \
                 builder to set the parameters and `send()` the request."
            ),
            String::new(),
            "Cheap to clone: clones share the configuration, the credentials cache and the \
             connection pool."
                .to_owned(),
        ],
        false,
    );
    let methods = product
        .operations
        .iter()
        .map(|op| client_method(product, op));
    quote! {
        #![doc = " The [`Client`]."]

        ::alibabacloud_core::client! {
            #struct_doc
            #[endpoints(crate::endpoints::ENDPOINTS)]
            pub struct Client;
        }

        impl Client {
            #(#methods)*
        }
    }
}

/// `Alibaba Cloud <product> (<version>)`.
pub fn title(product: &Product) -> String {
    format!("Alibaba Cloud {} ({})", product.product, product.version)
}

fn client_method(product: &Product, op: &Operation) -> TokenStream {
    let module = ident(&op.module);
    let method = ident(&op.module);
    let builder = ident(&op.builder);
    let docs = docs::attrs(&operation_doc_lines(product, op), false);
    let deprecated = if op.deprecated {
        quote!(#[deprecated(note = "this operation is deprecated in the API metadata")])
    } else {
        quote!()
    };
    quote! {
        #docs
        #deprecated
        pub fn #method(&self) -> crate::operation::#module::#builder {
            self.runtime.clone().into()
        }
    }
}

/// The docs of an operation: what it does, how it is sent, how it fails, an example.
fn operation_doc_lines(product: &Product, op: &Operation) -> Vec<String> {
    let module = unraw(&op.module);
    let mut d = Docs::default();
    if op.deprecated {
        d.push_generated("**Deprecated** in the API metadata.");
    }
    match &op.summary {
        Some(summary) => d.blocks.push(DocBlock::Spec(summary.clone())),
        None => d.push_generated(format!("Calls `{}`.", op.action)),
    }
    d.push_spec(op.description.as_deref());
    let method = op.method.as_str();
    let mut facts = vec![match op.style {
        ApiStyle::Rpc => format!(
            "Action `{}` of API version `{}`, sent with HTTP {method}.",
            op.action, product.version
        ),
        ApiStyle::Roa => format!(
            "Action `{}` of API version `{}`, sent with HTTP {method} to `{}`.",
            op.action,
            product.version,
            op.path.replace('`', "'")
        ),
    }];
    if op.anonymous {
        facts.push(
            "It is called without credentials and is not signed (`security: Anonymous`)."
                .to_owned(),
        );
    }
    facts.push(match op.kind {
        OperationKind::Read => "It only reads (`operationType: read`), so failed attempts are \
                                retried automatically."
            .to_owned(),
        OperationKind::Write | OperationKind::ReadAndWrite => {
            let kind = if op.kind == OperationKind::Write {
                "write"
            } else {
                "readAndWrite"
            };
            format!(
                "It changes state (`operationType: {kind}`), so it is retried only when the \
                 request never left the client."
            )
        }
        OperationKind::Unspecified => "The API metadata does not say whether it changes state, \
                                       so it is retried only when the request never left the \
                                       client."
            .to_owned(),
    });
    if !op.ram_actions.is_empty() {
        let actions: Vec<String> = op.ram_actions.iter().map(|a| format!("`{a}`")).collect();
        facts.push(format!("RAM action: {}.", actions.join(", ")));
    }
    facts.push(format!(
        "Fails with [`{alias}`](crate::operation::{module}::{alias}); the documented error \
         codes are [`{code}`](crate::operation::{module}::{code}).",
        alias = op.errors.alias,
        code = op.errors.enum_name,
    ));
    d.blocks.push(DocBlock::Lines(facts));
    d.push_generated("# Example");
    d.push_generated(example(product, op));
    if let Some(paging) = paging::example(product, op) {
        d.push_generated("# Paging");
        d.push_generated(paging);
    }
    docs::lines(&d)
}

/// A doc test that calls the operation with its required parameters.
pub fn example(product: &Product, op: &Operation) -> String {
    let mut body = vec!["let response = client".to_owned()];
    body.extend(call_chain(product, op, "    "));
    body.push("    .await?;".to_owned());
    body.push("println!(\"{response:?}\");".to_owned());
    doc_test(product, op, body)
}

/// A `no_run` doc test of `op`: `body` in an async function that has made the `client` and
/// returns a `Result` (the deprecation allowed when `op` is deprecated).
pub fn doc_test(product: &Product, op: &Operation, body: Vec<String>) -> String {
    let mut lines = vec![
        "```no_run".to_owned(),
        "# async fn example() -> Result<(), Box<dyn std::error::Error>> {".to_owned(),
    ];
    if op.deprecated {
        lines.push("# #[allow(deprecated)]".to_owned());
        lines.push("# {".to_owned());
    }
    lines.push(format!(
        "let client = {}::Client::from_env().await?;",
        product.client_lib
    ));
    lines.extend(body);
    if op.deprecated {
        lines.push("# }".to_owned());
    }
    lines.push("# Ok(())".to_owned());
    lines.push("# }".to_owned());
    lines.push("```".to_owned());
    lines.join("\n")
}

/// `.operation()`, one line per required parameter, and `.send()`.
pub fn call_chain(product: &Product, op: &Operation, indent: &str) -> Vec<String> {
    let module = unraw(&op.module);
    let mut lines = vec![format!("{indent}.{}()", op.module)];
    for arg in &op.example {
        lines.push(format!(
            "{indent}.{}({})",
            arg.method,
            example_value(product, module, &arg.value)
        ));
    }
    lines.push(format!("{indent}.send()"));
    lines
}

fn example_value(product: &Product, module: &str, value: &ExampleValue) -> String {
    match value {
        ExampleValue::Str(s) => format!("{s:?}"),
        ExampleValue::I32(n) => n.to_string(),
        // An unsuffixed literal would be an `i32`, which may not hold the value.
        ExampleValue::I64(n) => format!("{n}_i64"),
        ExampleValue::Float(f) => {
            let text = format!("{f:?}");
            if text.contains(['.', 'e']) {
                text
            } else {
                format!("{text}.0")
            }
        }
        ExampleValue::Bool(b) => b.to_string(),
        ExampleValue::DefaultOf(r) => {
            if r.shared {
                format!(
                    "{}::model::types::{}::default()",
                    product.client_lib, r.name
                )
            } else {
                format!(
                    "{}::operation::{module}::{}::default()",
                    product.client_lib, r.name
                )
            }
        }
        ExampleValue::Entry(key, value) => {
            format!("{key:?}, {}", example_value(product, module, value))
        }
    }
}

/// `endpoints.rs`: the product's region table and rule, for the runtime.
pub fn endpoints(product: &Product) -> TokenStream {
    let name = &product.product;
    let regional = product
        .endpoints
        .iter()
        .map(|(region, host)| quote!((#region, #host)));
    let vpc = product
        .vpc_endpoints
        .iter()
        .map(|(region, host)| quote!((#region, #host)));
    let rule = match &product.endpoint_rule {
        Some(rule) => {
            let by_prefix = rule
                .by_prefix
                .iter()
                .map(|(prefix, host)| quote!((#prefix, #host)));
            let default = match &rule.default {
                Some(d) => quote!(::std::option::Option::Some(#d)),
                None => quote!(::std::option::Option::None),
            };
            quote! {
                ::std::option::Option::Some(::alibabacloud_core::EndpointRule {
                    by_prefix: &[#(#by_prefix),*],
                    default: #default,
                })
            }
        }
        None => quote!(::std::option::Option::None),
    };
    let mut lines = vec![
        format!(
            "The endpoints of {}: the host for each region of the API",
            title(product)
        ),
        "metadata, and the rule for other regions. [`Client::new`](crate::Client::new) passes"
            .to_owned(),
        "them to the runtime; an endpoint set in the configuration wins over both.".to_owned(),
    ];
    if !product.endpoints.is_empty() {
        let vpc_host = |region: &str| {
            product
                .vpc_endpoints
                .iter()
                .find(|(r, _)| r == region)
                .map(|(_, host)| host.as_str())
        };
        let with_vpc = !product.vpc_endpoints.is_empty();
        lines.push(String::new());
        if with_vpc {
            lines.push("| Region | Endpoint | VPC endpoint |".to_owned());
            lines.push("|---|---|---|".to_owned());
        } else {
            lines.push("| Region | Endpoint |".to_owned());
            lines.push("|---|---|".to_owned());
        }
        for (region, host) in &product.endpoints {
            match (with_vpc, vpc_host(region)) {
                (false, _) => lines.push(format!("| `{region}` | `{host}` |")),
                (true, Some(vpc)) => lines.push(format!("| `{region}` | `{host}` | `{vpc}` |")),
                (true, None) => lines.push(format!("| `{region}` | `{host}` | |")),
            }
        }
    }
    if let Some(rule) = &product.endpoint_rule {
        lines.push(String::new());
        let mut rules: Vec<String> = rule
            .by_prefix
            .iter()
            .map(|(prefix, host)| format!("regions starting with `{prefix}` use `{host}`"))
            .collect();
        if let Some(default) = &rule.default {
            rules.push(format!("any other region uses `{default}`"));
        }
        if !rules.is_empty() {
            lines.push(format!(
                "Other Alibaba Cloud regions ([`REGIONS`](alibabacloud_core::endpoint::REGIONS)): \
                 {} (`{{region}}` stands for the region id). A region id that is none of these \
                 is an error.",
                rules.join("; ")
            ));
        }
    }
    if !product.vpc_endpoints.is_empty() {
        lines.push(String::new());
        lines.push(
            "With [`Network::Vpc`](alibabacloud_core::Network::Vpc), the VPC endpoint of the \
             region is used; a region without one is an error."
                .to_owned(),
        );
    }
    let docs = docs::attrs(&lines, false);
    quote! {
        #![doc = " Where the requests go: the endpoints of the API metadata."]

        #docs
        pub static ENDPOINTS: ::alibabacloud_core::ProductEndpoints =
            ::alibabacloud_core::ProductEndpoints {
                product: #name,
                regional: &[#(#regional),*],
                vpc: &[#(#vpc),*],
                rule: #rule,
            };
    }
}

/// `operation/mod.rs`: one module per operation.
pub fn operation_index(product: &Product) -> TokenStream {
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
    quote! {
        #![doc = " One module per operation: its fluent builder, its error codes, and its request,"]
        #![doc = " response and nested types (re-exported from the model crate)."]
        #(#modules)*
    }
}

/// `operation/<module>.rs`, in `alibabacloud_core::operation!`: the operation as a type with
/// its `OperationShape` (descriptor, parameter table, success check) and its fluent builder;
/// then its error codes.
pub fn operation(product: &Product, op: &Operation) -> TokenStream {
    let module = ident(&op.module);
    let module_doc = match &op.summary {
        Some(summary) => format!(" `{}`: {}", op.action, docs::inline(summary)),
        None => format!(" `{}`.", op.action),
    };
    let shape = ident(&op.shape);
    let shape_doc = format!(
        " `{}` as a type: its request, response and error codes, and how it is sent (for \
         generic code over [`OperationShape`](alibabacloud_core::OperationShape)).",
        op.action
    );
    let request = ident(&op.request.name);
    let response = ident(&op.response.name);
    let code = ident(&op.errors.enum_name);
    let method = match op.method {
        Method::Get => quote!(Get),
        Method::Post => quote!(Post),
        Method::Put => quote!(Put),
        Method::Delete => quote!(Delete),
        Method::Patch => quote!(Patch),
        Method::Head => quote!(Head),
    };
    let kind = match op.kind {
        OperationKind::Read => quote!(Read),
        OperationKind::Write => quote!(Write),
        OperationKind::ReadAndWrite => quote!(ReadAndWrite),
        OperationKind::Unspecified => quote!(Unspecified),
    };
    let descriptor = descriptor(product, op, method, kind);
    let params = op.params.iter().map(param_spec);
    let success = match &op.success_field {
        Some(field) => {
            let field = ident(field);
            quote! {
                const SUCCESS: SuccessCheck<Self::Output> = SuccessCheck::Field(|out| out.#field);
            }
        }
        None => quote!(),
    };
    let builder = builder(op);
    let paginated = paging::emit(product, op);
    let errors = errors::error_code(op);
    quote! {
        #![doc = #module_doc]

        pub use crate::model::#module::*;

        ::alibabacloud_core::operation! {
            #[doc = #shape_doc]
            pub struct #shape;

            impl OperationShape for #shape {
                type Input = #request;
                type Output = #response;
                type ErrorCode = #code;
                const OPERATION: Operation = #descriptor;
                const PARAMS: &'static [ParamSpec] = &[#(#params),*];
                #success
            }

            #builder
        }

        #paginated

        #errors
    }
}

/// The `Operation` descriptor: product, action, version, method, style (and path), type,
/// then what differs from `Operation::DEFAULT`.
fn descriptor(
    product: &Product,
    op: &Operation,
    method: TokenStream,
    kind: TokenStream,
) -> TokenStream {
    let product_name = &product.product;
    let action = &op.action;
    let version = &product.version;
    let style = match op.style {
        ApiStyle::Rpc => quote!(style: ApiStyle::Rpc,),
        ApiStyle::Roa => {
            let path = &op.path;
            quote!(style: ApiStyle::Roa, path: #path,)
        }
    };
    let anonymous = if op.anonymous {
        quote!(anonymous: true,)
    } else {
        quote!()
    };
    let response = match op.response_body {
        ResponseBody::Object => quote!(),
        ResponseBody::Value => quote!(response: ResponseBody::Value,),
        ResponseBody::Text => quote!(response: ResponseBody::Text,),
        ResponseBody::Binary => quote!(response: ResponseBody::Binary,),
        ResponseBody::Empty => quote!(response: ResponseBody::Empty,),
    };
    let headers = &op.response_headers;
    let headers = if headers.is_empty() {
        quote!()
    } else {
        quote!(response_headers: &[#(#headers),*],)
    };
    let secret_fields = product.secret_response_fields(op);
    let secret_fields = if secret_fields.is_empty() {
        quote!()
    } else {
        quote!(secret_response_fields: &[#(#secret_fields),*],)
    };
    quote! {
        Operation {
            product: #product_name,
            action: #action,
            version: #version,
            method: HttpMethod::#method,
            #style
            operation_type: OperationType::#kind,
            #anonymous
            #response
            #headers
            #secret_fields
            ..Operation::DEFAULT
        }
    }
}

/// `ParamSpec::query("Name").required()`: where and how one parameter is sent.
fn param_spec(p: &Param) -> TokenStream {
    let wire = &p.wire;
    let mut spec = match p.location {
        Location::Query => quote!(ParamSpec::query(#wire)),
        Location::Form => quote!(ParamSpec::form(#wire)),
        Location::Header => quote!(ParamSpec::header(#wire)),
        // Always required: `path` and `host` say so.
        Location::Path => return quote!(ParamSpec::path(#wire)),
        Location::Host => return quote!(ParamSpec::host(#wire)),
        Location::Body => quote!(ParamSpec::body(#wire)),
        Location::Payload => quote!(ParamSpec::payload(#wire)),
    };
    // Only flattened parameters have a style; body members and bodies are JSON.
    let flattened = matches!(
        p.location,
        Location::Query | Location::Form | Location::Header
    );
    if let Encoding::Structured(style) = p.encoding
        && flattened
    {
        let style = match style {
            // The default: lists as `Name.1`, objects as `Name.Key`.
            Style::RepeatList => None,
            // The same expansion as `repeatList`; kept to say what the metadata says.
            Style::Flat => Some(quote!(Flat)),
            Style::Json => Some(quote!(Json)),
            Style::Simple => Some(quote!(Simple)),
            Style::SpaceDelimited => Some(quote!(SpaceDelimited)),
            Style::PipeDelimited => Some(quote!(PipeDelimited)),
        };
        if let Some(style) = style {
            spec = quote!(#spec.style(ParamStyle::#style));
        }
    }
    if p.required {
        spec = quote!(#spec.required());
    }
    if p.secret {
        spec = quote!(#spec.secret());
    }
    spec
}

/// The fluent builder, inside `operation!`: one entry per parameter, with the first
/// paragraph of its docs (the request field has them all) and the names of its setters.
fn builder(op: &Operation) -> TokenStream {
    let name = ident(&op.builder);
    let module = unraw(&op.module);
    let struct_doc = docs::attrs(
        &[
            format!(
                "Sets the parameters of `{}` and sends the request.",
                op.action
            ),
            String::new(),
            format!(
                "Get one from [`Client::{module}`](crate::Client::{module}), which has an \
                 example."
            ),
        ],
        false,
    );
    let paths = TypePaths::client();
    let fields = op.request.fields.iter().zip(&op.params).map(|(f, p)| {
        let field = ident(&f.name);
        let plain = unraw(&f.name);
        let set = ident(&format!("set_{plain}"));
        let get = ident(&format!("get_{plain}"));
        let docs = docs::attrs(&setter_doc(&op.request.name, f, p), false);
        let deprecated = deprecated_attr(p.deprecated);
        let field_type = field_ty(f, &paths);
        quote! {
            #docs
            #deprecated
            #[setters(#set, #get)]
            #field: #field_type,
        }
    });
    quote! {
        #struct_doc
        pub struct #name {
            #(#fields)*
        }
    }
}

/// The docs of a parameter's setter: the first paragraph of the field's docs, then where
/// the rest is, and whether it is required.
fn setter_doc(request: &str, f: &Field, p: &Param) -> Vec<String> {
    let all = docs::lines(&f.docs);
    let mut lines: Vec<String> = Vec::new();
    let mut in_fence = false;
    let mut cut = false;
    for (i, line) in all.iter().enumerate() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if line.is_empty() && !in_fence {
            // A deprecation notice alone is not a description: keep the next paragraph too.
            let deprecation_only = lines.len() == 1 && lines[0].starts_with("**Deprecated");
            if !deprecation_only {
                cut = all[i + 1..].iter().any(|l| !l.is_empty());
                break;
            }
        }
        lines.push(line.clone());
    }
    if lines.iter().all(|line| line.trim().is_empty()) {
        lines = vec![format!("Sets `{}`.", f.wire.replace('`', "'"))];
    }
    let field = unraw(&f.name);
    let link = if f.name.starts_with("r#") {
        format!("the field `{field}` of [`{request}`]")
    } else {
        format!("[`{request}::{field}`]")
    };
    let more = match (p.required, cut) {
        (true, true) => Some(format!(
            "Required: `send()` fails without it. See {link} for the details."
        )),
        (true, false) => Some("Required: `send()` fails without it.".to_owned()),
        (false, true) => Some(format!("See {link} for the details.")),
        (false, false) => None,
    };
    if let Some(more) = more {
        lines.push(String::new());
        lines.push(more);
    }
    lines
}
