//! The client crate's modules: `Client`, the endpoint table, and one module per operation
//! with its fluent builder and parameter encoding.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens as _, quote};

use super::model::deprecated_attr;
use super::{TypePaths, docs, errors, ty};
use crate::codegen::ir::{
    DocBlock, Docs, Encoding, ExampleValue, Field, Location, Method, Operation, OperationKind,
    Param, Product, Shape, Style, Ty,
};
use crate::codegen::names::{ident, unraw};

/// `client.rs`: the `Client` with one method per operation.
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

        #struct_doc
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct Client {
            runtime: ::alibabacloud_core::Runtime,
        }

        impl Client {
            /// A client with this configuration. The endpoint is chosen now: the configured
            /// endpoint, else the product's endpoint for the configured region (see
            /// [`ENDPOINTS`](crate::endpoints::ENDPOINTS)); when there is none, every call
            /// fails with [`Error::Endpoint`](crate::Error::Endpoint).
            pub fn new(config: ::alibabacloud_core::Config) -> Self {
                Self {
                    runtime: ::alibabacloud_core::Runtime::new(
                        config,
                        &crate::endpoints::ENDPOINTS,
                    ),
                }
            }

            /// A client configured from the environment: the region from
            /// `ALIBABA_CLOUD_REGION_ID`, credentials from the default chain (see
            /// [`Config::load_from_env`](alibabacloud_core::Config::load_from_env)).
            ///
            /// # Errors
            /// When the environment holds an invalid region or endpoint.
            pub async fn from_env(
            ) -> ::std::result::Result<Self, ::alibabacloud_core::ConfigError> {
                ::std::result::Result::Ok(Self::new(
                    ::alibabacloud_core::Config::load_from_env().await?,
                ))
            }

            /// The configuration.
            pub fn config(&self) -> &::alibabacloud_core::Config {
                self.runtime.config()
            }

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
            crate::operation::#module::#builder::new(self.runtime.clone())
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
    let method = match op.method {
        Method::Get => "GET",
        Method::Post => "POST",
    };
    let mut facts = vec![format!(
        "Action `{}` of API version `{}`, sent with HTTP {method}.",
        op.action, product.version
    )];
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
    docs::lines(&d)
}

/// A doc test that calls the operation with its required parameters.
pub fn example(product: &Product, op: &Operation) -> String {
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
    lines.push("let response = client".to_owned());
    lines.extend(call_chain(product, op, "    "));
    lines.push("    .await?;".to_owned());
    lines.push("println!(\"{response:?}\");".to_owned());
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
        lines.push(String::new());
        lines.push("| Region | Endpoint |".to_owned());
        lines.push("|---|---|".to_owned());
        for (region, host) in &product.endpoints {
            lines.push(format!("| `{region}` | `{host}` |"));
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
                "Other regions: {} (`{{region}}` stands for the region id).",
                rules.join("; ")
            ));
        }
    }
    let docs = docs::attrs(&lines, false);
    quote! {
        #![doc = " Where the requests go: the endpoints of the API metadata."]

        #docs
        pub static ENDPOINTS: ::alibabacloud_core::ProductEndpoints =
            ::alibabacloud_core::ProductEndpoints {
                product: #name,
                regional: &[#(#regional),*],
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

/// `operation/<module>.rs`: the operation descriptor, the error codes, the fluent builder
/// and the parameter encoding.
pub fn operation(product: &Product, op: &Operation) -> TokenStream {
    let module = ident(&op.module);
    let module_doc = match &op.summary {
        Some(summary) => format!(" `{}`: {}", op.action, docs::inline(summary)),
        None => format!(" `{}`.", op.action),
    };
    let product_name = &product.product;
    let action = &op.action;
    let version = &product.version;
    let method = match op.method {
        Method::Get => quote!(Get),
        Method::Post => quote!(Post),
    };
    let kind = match op.kind {
        OperationKind::Read => quote!(Read),
        OperationKind::Write => quote!(Write),
        OperationKind::ReadAndWrite => quote!(ReadAndWrite),
        OperationKind::Unspecified => quote!(Unspecified),
    };
    let secret_fields = product.secret_response_fields(op);
    let errors = errors::error_code(op);
    let builder = builder(op);
    let to_params = to_params(op);
    quote! {
        #![doc = #module_doc]

        pub use crate::model::#module::*;

        /// What the runtime needs to know about the operation.
        static OPERATION: ::alibabacloud_core::Operation = ::alibabacloud_core::Operation {
            product: #product_name,
            action: #action,
            version: #version,
            method: ::alibabacloud_core::HttpMethod::#method,
            style: ::alibabacloud_core::ApiStyle::Rpc,
            operation_type: ::alibabacloud_core::OperationType::#kind,
            secret_response_fields: &[#(#secret_fields),*],
        };

        #errors
        #builder
        #to_params
    }
}

fn builder(op: &Operation) -> TokenStream {
    let name = ident(&op.builder);
    let request = ident(&op.request.name);
    let response = ident(&op.response.name);
    let alias = ident(&op.errors.alias);
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
    let setters = op
        .request
        .fields
        .iter()
        .zip(&op.params)
        .map(|(f, p)| builder_methods(f, p, &paths));
    let required: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.required)
        .map(|p| format!("`{}`", p.wire))
        .collect();
    let construction = if required.is_empty() {
        "a parameter cannot be encoded".to_owned()
    } else {
        format!(
            "a required parameter is not set ({}) or a parameter cannot be encoded",
            required.join(", ")
        )
    };
    let send_doc = docs::attrs(
        &[
            "Sends the request and decodes the response.".to_owned(),
            String::new(),
            "# Errors".to_owned(),
            format!(
                "- [`Error::Construction`](crate::Error::Construction), before any I/O, when \
                 {construction};"
            ),
            "- [`Error::Credentials`](crate::Error::Credentials) or \
             [`Error::Endpoint`](crate::Error::Endpoint) when nothing could be sent;"
                .to_owned(),
            "- [`Error::Timeout`](crate::Error::Timeout) or \
             [`Error::Dispatch`](crate::Error::Dispatch) when the call failed on the way;"
                .to_owned(),
            "- [`Error::Response`](crate::Error::Response) when the response cannot be decoded;"
                .to_owned(),
            format!(
                "- [`Error::Service`](crate::Error::Service) when the service answered with an \
                 error (a [`{}`] code), including a 2xx body that says `\"Success\": false`.",
                op.errors.enum_name
            ),
        ],
        false,
    );
    let (check, success_fn) = match &op.success_field {
        Some(field) => {
            let field = ident(field);
            (
                quote!(::alibabacloud_core::SuccessCheck::Field(success)),
                quote! {
                    /// `Success` of a decoded response: `Some(false)` makes it a service error.
                    fn success(response: &#response) -> ::std::option::Option<bool> {
                        response.#field
                    }
                },
            )
        }
        None => (
            quote!(::alibabacloud_core::SuccessCheck::Envelope),
            quote!(),
        ),
    };
    quote! {
        #struct_doc
        #[derive(::std::clone::Clone, ::std::fmt::Debug)]
        pub struct #name {
            runtime: ::alibabacloud_core::Runtime,
            input: #request,
            options: ::alibabacloud_core::CallOptions,
        }

        impl #name {
            pub(crate) fn new(runtime: ::alibabacloud_core::Runtime) -> Self {
                Self {
                    runtime,
                    input: ::std::default::Default::default(),
                    options: ::std::default::Default::default(),
                }
            }

            #(#setters)*

            /// Options of this call only (timeouts, retries), apart from the API's parameters;
            /// they override the client's configuration.
            pub fn call_options(mut self, options: ::alibabacloud_core::CallOptions) -> Self {
                self.options = options;
                self
            }

            /// The request built so far.
            pub fn as_input(&self) -> &#request {
                &self.input
            }

            #send_doc
            pub async fn send(self) -> ::std::result::Result<#response, #alias> {
                let params = to_params(self.input)?;
                self.runtime
                    .invoke(&OPERATION, params, &self.options, #check)
                    .await
            }
        }

        #success_fn
    }
}

/// `x(...)`, `set_x(...)`, `get_x()` of one parameter.
fn builder_methods(f: &Field, p: &Param, paths: &TypePaths) -> TokenStream {
    let field = ident(&f.name);
    let plain = unraw(&f.name);
    let set = ident(&format!("set_{plain}"));
    let get = ident(&format!("get_{plain}"));
    let docs = docs::outer(&f.docs);
    let deprecated = deprecated_attr(p.deprecated);
    let inner = ty(&f.ty, paths);
    let wire = &f.wire;
    let see = if f.name.starts_with("r#") {
        format!("`{plain}`")
    } else {
        format!("[`{plain}`](Self::{plain})")
    };
    match (&f.shape, &f.ty) {
        (Shape::Defaulted, Ty::Vec(item)) => {
            let item = ty(item, paths);
            let set_doc = format!(" Replaces the whole list `{wire}`; see {see}.");
            let get_doc = format!(" The items of `{wire}` set so far.");
            quote! {
                #docs
                ///
                /// Call it once per item: each call appends one.
                #deprecated
                pub fn #field(mut self, item: impl ::std::convert::Into<#item>) -> Self {
                    self.input.#field.push(item.into());
                    self
                }

                #[doc = #set_doc]
                #deprecated
                pub fn #set(mut self, items: ::std::vec::Vec<#item>) -> Self {
                    self.input.#field = items;
                    self
                }

                #[doc = #get_doc]
                #deprecated
                pub fn #get(&self) -> &[#item] {
                    &self.input.#field
                }
            }
        }
        (Shape::Defaulted, Ty::Map(value)) => {
            let value = ty(value, paths);
            let set_doc = format!(" Replaces the whole map `{wire}`; see {see}.");
            let get_doc = format!(" The entries of `{wire}` set so far.");
            quote! {
                #docs
                ///
                /// Call it once per entry: each call inserts one.
                #deprecated
                pub fn #field(
                    mut self,
                    key: impl ::std::convert::Into<::std::string::String>,
                    value: impl ::std::convert::Into<#value>,
                ) -> Self {
                    self.input.#field.insert(key.into(), value.into());
                    self
                }

                #[doc = #set_doc]
                #deprecated
                pub fn #set(
                    mut self,
                    entries: ::std::collections::BTreeMap<::std::string::String, #value>,
                ) -> Self {
                    self.input.#field = entries;
                    self
                }

                #[doc = #get_doc]
                #deprecated
                pub fn #get(&self) -> &::std::collections::BTreeMap<::std::string::String, #value> {
                    &self.input.#field
                }
            }
        }
        _ => {
            let set_doc = format!(" Sets or clears `{wire}`; see {see}.");
            let get_doc = format!(" `{wire}` as set so far.");
            quote! {
                #docs
                #deprecated
                pub fn #field(mut self, input: impl ::std::convert::Into<#inner>) -> Self {
                    self.input.#field = ::std::option::Option::Some(input.into());
                    self
                }

                #[doc = #set_doc]
                #deprecated
                pub fn #set(mut self, input: ::std::option::Option<#inner>) -> Self {
                    self.input.#field = input;
                    self
                }

                #[doc = #get_doc]
                #deprecated
                pub fn #get(&self) -> &::std::option::Option<#inner> {
                    &self.input.#field
                }
            }
        }
    }
}

/// The local variable holding a required parameter's value.
fn binding(f: &Field) -> proc_macro2::Ident {
    match unraw(&f.name) {
        "params" | "input" | "missing" => ident(&format!("{}_value", unraw(&f.name))),
        _ => ident(&f.name),
    }
}

/// `to_params`: the required checks, then each parameter set, encoded.
fn to_params(op: &Operation) -> TokenStream {
    let request = ident(&op.request.name);
    let pairs: Vec<(&Field, &Param)> = op.request.fields.iter().zip(&op.params).collect();
    let any_required = op.params.iter().any(|p| p.required);
    let checks = pairs.iter().filter(|(_, p)| p.required).map(|(f, p)| {
        let field = ident(&f.name);
        let wire = &p.wire;
        match f.shape {
            Shape::Defaulted => quote! {
                if input.#field.is_empty() {
                    return ::std::result::Result::Err(missing(#wire));
                }
            },
            Shape::Optional | Shape::OptionalBoxed => {
                let binding = binding(f);
                quote! {
                    let ::std::option::Option::Some(#binding) = input.#field else {
                        return ::std::result::Result::Err(missing(#wire));
                    };
                }
            }
        }
    });
    let pushes = pairs.iter().map(|(f, p)| push(f, p));
    let count = Literal::usize_unsuffixed(op.params.len());
    let missing = if any_required {
        quote! {
            let missing = |parameter: &'static str| {
                ::alibabacloud_core::ConstructionError::MissingParameter {
                    operation: OPERATION.action,
                    parameter,
                }
            };
        }
    } else {
        quote!()
    };
    let (input_binding, params_binding) = if op.params.is_empty() {
        (quote!(_input), quote!(params))
    } else {
        (quote!(input), quote!(mut params))
    };
    let result = quote! {
        ::std::result::Result<::alibabacloud_core::Params, ::alibabacloud_core::ConstructionError>
    };
    quote! {
        /// The request as flattened parameters, after checking the required ones.
        fn to_params(#input_binding: #request) -> #result {
            #missing
            #(#checks)*
            let #params_binding = ::alibabacloud_core::Params::with_capacity(#count);
            #(#pushes)*
            ::std::result::Result::Ok(params)
        }
    }
}

fn location(l: Location) -> TokenStream {
    match l {
        Location::Query => quote!(::alibabacloud_core::ParamLocation::Query),
        Location::Form => quote!(::alibabacloud_core::ParamLocation::Form),
        Location::Header => quote!(::alibabacloud_core::ParamLocation::Header),
    }
}

fn style(s: Style) -> TokenStream {
    match s {
        Style::RepeatList => quote!(::alibabacloud_core::ParamStyle::RepeatList),
        Style::Flat => quote!(::alibabacloud_core::ParamStyle::Flat),
        Style::Json => quote!(::alibabacloud_core::ParamStyle::Json),
        Style::Simple => quote!(::alibabacloud_core::ParamStyle::Simple),
        Style::SpaceDelimited => quote!(::alibabacloud_core::ParamStyle::SpaceDelimited),
        Style::PipeDelimited => quote!(::alibabacloud_core::ParamStyle::PipeDelimited),
    }
}

/// Adds one parameter to `params`.
fn push(f: &Field, p: &Param) -> TokenStream {
    let field = ident(&f.name);
    let wire = &p.wire;
    let loc = location(p.location);
    let push_fn = if p.secret {
        quote!(push_secret)
    } else {
        quote!(push)
    };
    let secret = p.secret;
    let encode = |value: TokenStream| match p.encoding {
        Encoding::Text => quote!(params.#push_fn(#loc, #wire, #value);),
        Encoding::Display => quote!(params.#push_fn(#loc, #wire, #value.to_string());),
        Encoding::EnumText => quote!(params.#push_fn(#loc, #wire, #value.as_str());),
        Encoding::Structured(s) => {
            let s = style(s);
            quote! {
                params.push_structured(OPERATION.action, #loc, #wire, #s, &#value, #secret)?;
            }
        }
    };
    match (f.shape, p.required) {
        // Checked not to be empty above.
        (Shape::Defaulted, true) => encode(quote!(input.#field)),
        (Shape::Defaulted, false) => {
            let body = encode(quote!(input.#field));
            quote! {
                if !input.#field.is_empty() {
                    #body
                }
            }
        }
        (Shape::Optional | Shape::OptionalBoxed, true) => encode(binding(f).into_token_stream()),
        (Shape::Optional | Shape::OptionalBoxed, false) => {
            let body = encode(quote!(value));
            quote! {
                if let ::std::option::Option::Some(value) = input.#field {
                    #body
                }
            }
        }
    }
}
