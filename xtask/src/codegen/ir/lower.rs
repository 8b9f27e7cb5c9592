//! Spec to IR: products, operations, parameters, responses, error codes.
//!
//! What the generator cannot express gets a documented fallback and a [`Warning`] (the kinds
//! are listed on [`WarningKind`]): an operation that cannot be sent as an RPC call is left
//! out, a parameter that cannot be sent is left out (and its operation when it is required),
//! odd methods, locations and styles get the defaults of an RPC call, a success response that
//! is not an object is decoded whole.

use std::collections::BTreeMap;

use alibabacloud_spec::{
    Api, ApiStyle, HttpMethod, JsonPath, OperationType, Parameter, ParameterLocation,
    ParameterStyle, Schema, SchemaType, Spec, Warning, WarningKind,
};

use super::types::{self, Owner, Position, Scope, field_methods, shape_of};
use super::{
    Docs, Encoding, EndpointRule, ErrorCodes, ErrorVariant, ExampleArg, ExampleValue, Field,
    Location, Method, Operation, OperationKind, Param, Product, Style, Ty, TypeKind, TypeRef,
};
use crate::codegen::CodegenError;
use crate::codegen::names::{self, Case, Namespace};

/// Module names an operation cannot take: the crates' own modules and the `Client`'s own
/// methods (the client method of an operation has the module's name).
const RESERVED_MODULES: &[&str] = &[
    "client",
    "config",
    "endpoints",
    "from_env",
    "model",
    "new",
    "operation",
    "types",
];

/// Lowers one loaded spec. `spec_path` is the path written in the headers of the generated
/// files (relative, e.g. `specs/bssopenapi/2017-12-14/api-docs.json`). The product's
/// [`warnings`](Product::warnings) are the spec's (from loading) followed by the
/// generator's, in file order.
///
/// # Errors
/// [`CodegenError::Unsupported`] when no crate can be named after the product and version.
pub fn lower(spec: &Spec, spec_path: &str) -> Result<Product, CodegenError> {
    let file = spec.origin.as_str();
    let dir = crate_dir(&spec.info.product, &spec.info.version).ok_or_else(|| {
        CodegenError::Unsupported {
            file: file.to_owned(),
            operation: None,
            path: JsonPath::root().key("info").to_string(),
            reason: format!(
                "cannot name a crate after product \"{}\" and version \"{}\" (they need ASCII \
                 letters or digits)",
                spec.info.product, spec.info.version
            ),
        }
    })?;
    let lib_base = format!("alibabacloud_{}", dir.replace('-', "_"));

    let mut warnings = spec.warnings.clone();
    let components = types::lower_components(spec, file, &mut warnings);
    let mut uses_json = components.uses_json;

    let mut modules = Namespace::with_reserved(RESERVED_MODULES.iter().copied());
    let mut actions: Vec<(&String, &Api)> = spec.apis.iter().collect();
    actions.sort_by(|a, b| a.0.cmp(b.0));
    let mut operations = Vec::with_capacity(actions.len());
    for (action, api) in actions {
        let path = JsonPath::root().key("apis").key(action);
        if let Some(skip) = skip_reason(spec, api, &path) {
            warnings.push(skip.into_warning(file));
            continue;
        }
        let module = modules.claim(&module_candidate(action), Case::Snake);
        let lowered = lower_operation(
            spec,
            file,
            action,
            api,
            module,
            &components.index,
            &mut warnings,
        );
        uses_json |= lowered.1;
        operations.push(lowered.0);
    }
    // Operation by operation in file order (the rest first); within one, the spec's
    // warnings, then the generator's, each in the order met.
    warnings.sort_by_cached_key(|w| operation_rank(spec, w.json_path()));

    Ok(Product {
        spec_path: spec_path.to_owned(),
        product: spec.info.product.clone(),
        version: spec.info.version.clone(),
        client_crate: format!("alibabacloud-{dir}"),
        model_crate: format!("alibabacloud-{dir}-model"),
        client_lib: lib_base.clone(),
        model_lib: format!("{lib_base}_model"),
        dir,
        endpoints: spec
            .endpoints
            .iter()
            .map(|e| (e.region_id.clone(), e.endpoint.clone()))
            .collect(),
        vpc_endpoints: spec
            .endpoints
            .iter()
            .filter_map(|e| Some((e.region_id.clone(), e.vpc.clone()?)))
            .collect(),
        endpoint_rule: spec.endpoint_rule.as_ref().map(|r| EndpointRule {
            by_prefix: r
                .rules
                .iter()
                .map(|e| (e.region_prefix.clone(), e.endpoint.clone()))
                .collect(),
            default: r.default.clone(),
        }),
        operations,
        shared_types: components.defs,
        uses_json_value: uses_json,
        warnings,
    })
}

/// 0 outside operations, else 1 + the operation's index in the file.
fn operation_rank(spec: &Spec, path: &JsonPath) -> usize {
    match path.operation() {
        Some(op) => 1 + spec.apis.get_index_of(&op).unwrap_or(spec.apis.len()),
        None => 0,
    }
}

/// `<product lower-case><version without separators>`: `bssopenapi20171214`,
/// `quickbi-public20220101`. `None` when nothing usable is left.
pub(crate) fn crate_dir(product: &str, version: &str) -> Option<String> {
    let mut p = String::new();
    for c in product.trim().chars() {
        if c.is_ascii_alphanumeric() {
            p.push(c.to_ascii_lowercase());
        } else if !p.is_empty() && !p.ends_with('-') {
            p.push('-');
        }
    }
    let p = p.trim_end_matches('-');
    let v: String = version
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    if p.is_empty() || !p.starts_with(|c: char| c.is_ascii_alphabetic()) || v.is_empty() {
        return None;
    }
    Some(format!("{p}{}", v.to_ascii_lowercase()))
}

/// A module name for an action: snake case, and keywords spelt with a `_` suffix (a module
/// file cannot be named `r#type.rs`).
fn module_candidate(action: &str) -> String {
    let name = names::snake(action);
    match name.strip_prefix("r#") {
        Some(keyword) => format!("{keyword}_"),
        None => name,
    }
}

/// Why an operation is left out, as a warning to give.
struct Skip {
    path: JsonPath,
    kind: WarningKind,
    message: String,
}

impl Skip {
    fn into_warning(self, file: &str) -> Warning {
        Warning::new(file, self.path, self.kind, self.message)
    }
}

/// Whether the operation cannot be generated as an RPC call: it allows only methods other
/// than GET and POST, has a path parameter, or requires a parameter that cannot be sent.
fn skip_reason(spec: &Spec, api: &Api, path: &JsonPath) -> Option<Skip> {
    let sendable = |m: &HttpMethod| matches!(m, HttpMethod::Get | HttpMethod::Post);
    if !api.methods.is_empty() && !api.methods.iter().any(sendable) {
        let listed: Vec<&str> = api.methods.iter().map(HttpMethod::as_str).collect();
        return Some(Skip {
            path: path.key("methods"),
            kind: WarningKind::UnsupportedMethod,
            message: format!(
                "the operation allows only {}, but an RPC call is sent with GET or POST; the \
                 operation is left out",
                listed.join(", ")
            ),
        });
    }
    for (i, parameter) in api.parameters.iter().enumerate() {
        let p_path = path.key("parameters").index(i);
        match location(spec, parameter) {
            Placement::Path => {
                return Some(Skip {
                    path: p_path.key("in"),
                    kind: WarningKind::PathParameter,
                    message: format!(
                        "parameter \"{}\" is in the URL path (a ROA-style call), which an RPC \
                         call cannot send; the operation is left out",
                        parameter.name
                    ),
                });
            }
            Placement::Unsendable(kind, what) if parameter.is_required() => {
                return Some(Skip {
                    path: p_path.key("in"),
                    kind,
                    message: format!(
                        "required parameter \"{}\" is {what}, which the runtime cannot send; \
                         the operation is left out",
                        parameter.name
                    ),
                });
            }
            _ => {}
        }
    }
    None
}

/// Where a parameter can go.
enum Placement {
    /// Sent at this location.
    Sent(Location),
    /// `in` is absent: sent in the query, with a warning.
    Default,
    /// `in: path`.
    Path,
    /// Cannot be sent: the warning kind and what it is.
    Unsendable(WarningKind, String),
}

fn location(spec: &Spec, parameter: &Parameter) -> Placement {
    match &parameter.location {
        Some(ParameterLocation::Query) => Placement::Sent(Location::Query),
        Some(ParameterLocation::FormData) => Placement::Sent(Location::Form),
        // In an RPC file, `in: body` is a form field; in a V3 file it is the raw body.
        Some(ParameterLocation::Body) if spec.info.style == Some(ApiStyle::V3) => {
            Placement::Unsendable(
                WarningKind::BodyParameter,
                "the raw request body of a V3 call (`in: body`)".to_owned(),
            )
        }
        Some(ParameterLocation::Body) => Placement::Sent(Location::Form),
        Some(ParameterLocation::Header) => Placement::Sent(Location::Header),
        Some(ParameterLocation::Path) => Placement::Path,
        Some(ParameterLocation::Other(other)) => Placement::Unsendable(
            WarningKind::ParameterLocation,
            format!("in an unknown location (\"in\": \"{other}\")"),
        ),
        None => Placement::Default,
    }
}

/// The HTTP method: POST when allowed, else GET; POST when the spec lists none.
fn method(api: &Api, path: &JsonPath, file: &str, warnings: &mut Vec<Warning>) -> Method {
    let others: Vec<&str> = api
        .methods
        .iter()
        .filter(|m| !matches!(m, HttpMethod::Get | HttpMethod::Post))
        .map(HttpMethod::as_str)
        .collect();
    if api.methods.is_empty() {
        warnings.push(Warning::new(
            file,
            path.key("methods"),
            WarningKind::HttpMethod,
            "the operation lists no HTTP method; sent with POST",
        ));
    } else if !others.is_empty() {
        warnings.push(Warning::new(
            file,
            path.key("methods"),
            WarningKind::HttpMethod,
            format!(
                "{} {} ignored: an RPC call is sent with GET or POST",
                if others.len() == 1 {
                    "method"
                } else {
                    "methods"
                },
                others.join(", ") + if others.len() == 1 { " is" } else { " are" }
            ),
        ));
    }
    if api.methods.contains(&HttpMethod::Get) && !api.methods.contains(&HttpMethod::Post) {
        Method::Get
    } else {
        Method::Post
    }
}

fn lower_operation(
    spec: &Spec,
    file: &str,
    action: &str,
    api: &Api,
    module: String,
    index: &BTreeMap<String, Ty>,
    warnings: &mut Vec<Warning>,
) -> (Operation, bool) {
    let path = JsonPath::root().key("apis").key(action);
    let method = method(api, &path, file, warnings);
    let mut warn = |p: JsonPath, kind: WarningKind, message: String| {
        warnings.push(Warning::new(file, p, kind, message));
    };
    if api.schemes.iter().any(|s| s.eq_ignore_ascii_case("sse")) {
        warn(
            path.key("schemes"),
            WarningKind::ServerSentEvents,
            "the operation can stream server-sent events; generated as a plain call that \
             decodes one JSON response"
                .to_owned(),
        );
    }
    let kind = match &api.operation_type {
        Some(OperationType::Read) => OperationKind::Read,
        Some(OperationType::Write) => OperationKind::Write,
        Some(OperationType::ReadAndWrite) => OperationKind::ReadAndWrite,
        Some(OperationType::Other(_)) | None => OperationKind::Unspecified,
    };

    let base = names::pascal(action);
    let request_name = format!("{base}Request");
    let response_name = format!("{base}Response");
    let error_enum = format!("{base}ErrorCode");
    let error_alias = format!("{base}Error");
    let builder = format!("{base}FluentBuilder");
    // The operation as a type, named after the action unless that would shadow a prelude
    // name that the generated code uses (`Option`, `Vec`, ...).
    let shape = if names::PRELUDE_TYPE_NAMES.contains(&base.as_str()) {
        format!("{base}Operation")
    } else {
        base.clone()
    };
    let mut scope = Scope::operation(
        spec,
        file,
        index,
        &[&error_enum, &error_alias, &builder, &shape],
    );
    let request_name = scope.take_name(&request_name);
    let response_name = scope.take_name(&response_name);

    // The request: one field per parameter.
    let mut field_names = Namespace::with_reserved(names::RESERVED_METHOD_NAMES.iter().copied());
    let mut fields = Vec::with_capacity(api.parameters.len());
    let mut params = Vec::with_capacity(api.parameters.len());
    let mut example = Vec::new();
    // When nothing is required, the example shows the first parameter that has a value.
    let mut optional_example = None;
    let string_schema = Schema {
        schema_type: Some(SchemaType::String),
        ..Schema::default()
    };
    for (i, parameter) in api.parameters.iter().enumerate() {
        let p_path = path.key("parameters").index(i);
        let location = match location(spec, parameter) {
            Placement::Sent(location) => location,
            Placement::Default => {
                warn(
                    p_path.clone(),
                    WarningKind::ParameterLocation,
                    format!(
                        "parameter \"{}\" has no \"in\"; sent in the query",
                        parameter.name
                    ),
                );
                Location::Query
            }
            Placement::Unsendable(kind, what) => {
                // Optional (a required one left the operation out): the parameter goes.
                warn(
                    p_path.key("in"),
                    kind,
                    format!(
                        "optional parameter \"{}\" is {what}, which the runtime cannot send; \
                         the parameter is left out",
                        parameter.name
                    ),
                );
                continue;
            }
            // Operations with path parameters are left out before.
            Placement::Path => continue,
        };
        let schema = match &parameter.schema {
            Some(schema) => schema,
            None => {
                warn(
                    p_path.clone(),
                    WarningKind::ParameterSchema,
                    format!(
                        "parameter \"{}\" has no \"schema\"; typed as a string",
                        parameter.name
                    ),
                );
                &string_schema
            }
        };
        let field =
            field_names.claim_with(&names::snake(&parameter.name), Case::Snake, field_methods);
        let owner = Owner {
            prefix: &base,
            type_name: &request_name,
        };
        let ty = scope.lower(schema, owner, &parameter.name, &p_path.key("schema"));
        let resolved = spec.resolve(schema);
        let style = match &parameter.style {
            Some(ParameterStyle::Other(other)) => {
                warn(
                    p_path.key("style"),
                    WarningKind::ParameterStyle,
                    format!(
                        "unknown parameter style \"{other}\"; the default style of its type is \
                         used"
                    ),
                );
                None
            }
            style => style.as_ref(),
        };
        let encoding = encoding(&ty, style);
        let required = schema.required;
        if required || optional_example.is_none() {
            let arg = example_value(spec, schema, &ty).map(|value| ExampleArg {
                method: field.clone(),
                value,
            });
            match arg {
                Some(arg) if required => example.push(arg),
                Some(arg) if !schema.deprecated => {
                    optional_example = Some(arg);
                }
                _ => {}
            }
        }
        params.push(Param {
            wire: parameter.name.clone(),
            field: field.clone(),
            location,
            encoding,
            required,
            secret: schema.secret || resolved.secret,
            deprecated: schema.deprecated,
        });
        fields.push(Field {
            name: field,
            wire: parameter.name.clone(),
            shape: shape_of(&ty, Position::RequestTop),
            docs: types::field_docs(spec, schema, &ty, required),
            secret: schema.secret || resolved.secret,
            deprecated: schema.deprecated,
            ty,
        });
    }
    if example.is_empty() {
        example.extend(optional_example);
    }
    let mut request_docs = Docs::default();
    match api
        .summary
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(summary) => request_docs.blocks.push(super::DocBlock::Spec(format!(
            "The request of `{action}`: {summary}"
        ))),
        None => request_docs.push_generated(format!("The request of `{action}`.")),
    }
    if fields.is_empty() {
        request_docs.push_generated(format!(
            "Send it with `Client::{}` of the client crate; it has no parameter.",
            names::unraw(&module)
        ));
    } else {
        request_docs.push_generated(format!(
            "Send it with `Client::{}` of the client crate, or build it here (e.g. in tests) \
             with `{request_name}::new()` and the `with_*` setters.",
            names::unraw(&module)
        ));
    }
    let request = super::StructDef {
        name: request_name,
        docs: request_docs,
        fields,
        transparent: false,
    };

    // The response.
    let r_path = path.key("responses").key("200").key("schema");
    let mut response_docs = Docs::generated(format!("The response of `{action}`."));
    let empty = Schema::default();
    let declared = api.success_schema().unwrap_or(&empty);
    let root = spec.resolve(declared);
    response_docs.push_spec(types::description(root));
    let is_object =
        matches!(root.schema_type, Some(SchemaType::Object) | None) && root.items.is_none();
    let response = if is_object {
        scope.lower_struct(&response_name, &base, root, response_docs, &r_path)
    } else {
        let what = match &root.schema_type {
            Some(t) => format!("of type {t}"),
            None => "a list".to_owned(),
        };
        warn(
            r_path.clone(),
            WarningKind::ResponseShape,
            format!(
                "the success response is {what}, not a JSON object; the response type holds \
                 the whole body (field `body`)"
            ),
        );
        let owner = Owner {
            prefix: &base,
            type_name: &response_name,
        };
        let ty = scope.lower(declared, owner, "Body", &r_path);
        response_docs
            .push_generated("The body is not a JSON object: `body` holds all of it.".to_owned());
        super::StructDef {
            name: response_name,
            docs: response_docs,
            fields: vec![Field {
                name: "body".to_owned(),
                wire: "body".to_owned(),
                shape: shape_of(&ty, Position::Nested),
                docs: types::field_docs(spec, declared, &ty, false),
                secret: root.secret,
                deprecated: false,
                ty,
            }],
            transparent: true,
        }
    };
    let success_field = response
        .fields
        .iter()
        .find(|f| !response.transparent && f.wire == "Success" && f.ty == Ty::Bool)
        .map(|f| f.name.clone());

    let errors = error_codes(api, error_enum, error_alias);
    let (types, uses_json) = scope.into_defs(warnings);

    let mut ram_actions: Vec<String> = api
        .ram_actions
        .iter()
        .filter_map(|r| r.ram_action.as_ref()?.action.clone())
        .filter(|a| !a.trim().is_empty())
        .collect();
    ram_actions.dedup();

    let operation = Operation {
        action: action.to_owned(),
        module,
        summary: api.summary.clone().filter(|s| !s.trim().is_empty()),
        description: api.description.clone().filter(|s| !s.trim().is_empty()),
        deprecated: api.deprecated,
        method,
        kind,
        ram_actions,
        request,
        params,
        response,
        success_field,
        types,
        errors,
        builder,
        shape,
        example,
    };
    (operation, uses_json)
}

/// How a parameter of type `ty` is sent.
fn encoding(ty: &Ty, style: Option<&ParameterStyle>) -> Encoding {
    let style = match style {
        None | Some(ParameterStyle::Other(_)) => None,
        Some(ParameterStyle::RepeatList) => Some(Style::RepeatList),
        Some(ParameterStyle::Flat) => Some(Style::Flat),
        Some(ParameterStyle::Json) => Some(Style::Json),
        Some(ParameterStyle::Simple) => Some(Style::Simple),
        Some(ParameterStyle::SpaceDelimited) => Some(Style::SpaceDelimited),
        Some(ParameterStyle::PipeDelimited) => Some(Style::PipeDelimited),
    };
    match ty {
        Ty::String => Encoding::Text,
        Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool => Encoding::Display,
        Ty::Named(r) if r.kind == TypeKind::Enum => Encoding::EnumText,
        Ty::Vec(_) => Encoding::Structured(style.unwrap_or(Style::RepeatList)),
        Ty::Named(_) | Ty::Map(_) | Ty::Json => Encoding::Structured(style.unwrap_or(Style::Flat)),
    }
}

/// An error's message and description, when present.
type Texts = (Option<String>, Option<String>);

/// The documented error codes as enum variants: codes trimmed, a code listed under several
/// statuses kept once.
fn error_codes(api: &Api, enum_name: String, alias: String) -> ErrorCodes {
    let mut variants: Vec<ErrorVariant> = Vec::new();
    let mut names = Namespace::with_reserved(["Unknown"]);
    // Per variant: the message and description of each listing.
    let mut messages: Vec<Vec<Texts>> = Vec::new();
    for (status, error) in api.documented_errors() {
        let code = error.error_code.trim();
        if code.is_empty() {
            continue;
        }
        let message = error
            .error_message
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_owned);
        let description = error
            .description
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty() && Some(*d) != message.as_deref())
            .map(str::to_owned);
        match variants.iter().position(|v| v.code == code) {
            Some(i) => {
                if let Some(status) = status
                    && !variants[i].statuses.contains(&status)
                {
                    variants[i].statuses.push(status);
                }
                messages[i].push((message, description));
            }
            None => {
                variants.push(ErrorVariant {
                    name: names.claim(&names::pascal(code), Case::Pascal),
                    code: code.to_owned(),
                    statuses: status.into_iter().collect(),
                    docs: Docs::default(),
                });
                messages.push(vec![(message, description)]);
            }
        }
    }
    for (variant, entries) in variants.iter_mut().zip(messages) {
        let statuses: Vec<String> = variant.statuses.iter().map(u16::to_string).collect();
        let mut seen = Vec::new();
        let mut texts = Vec::new();
        for (message, description) in entries {
            for text in [message, description].into_iter().flatten() {
                if !seen.contains(&text) {
                    seen.push(text.clone());
                    texts.push(text);
                }
            }
        }
        let status = if statuses.is_empty() {
            "HTTP status not documented".to_owned()
        } else {
            format!("HTTP {}", statuses.join(", "))
        };
        let head = format!("`{}` ({status})", types::code_text(&variant.code));
        variant.docs = if texts.is_empty() {
            Docs::generated(format!("{head}."))
        } else {
            let mut docs = Docs::default();
            docs.blocks.push(super::DocBlock::Spec(format!(
                "{head}: {}",
                texts.join(" ")
            )));
            docs
        };
    }
    ErrorCodes {
        enum_name,
        alias,
        variants,
    }
}

/// A value for a required parameter in the operation's doc example, from the spec's
/// `example` when it fits the type.
fn example_value(spec: &Spec, schema: &Schema, ty: &Ty) -> Option<ExampleValue> {
    let resolved = spec.resolve(schema);
    let text = schema
        .example
        .as_ref()
        .or(resolved.example.as_ref())
        .map(|v| match v {
            serde_json::Value::String(s) => s.trim().to_owned(),
            other => other.to_string(),
        })
        .filter(|t| !t.is_empty());
    scalar_example(resolved, ty, text.as_deref()).or_else(|| match ty {
        Ty::Vec(item) => {
            let items = resolved.items.as_deref().map(|s| spec.resolve(s));
            let item_text = items
                .and_then(|s| s.example.as_ref())
                .map(|v| match v {
                    serde_json::Value::String(s) => s.trim().to_owned(),
                    other => other.to_string(),
                })
                .filter(|t| !t.is_empty())
                .or(text.clone());
            scalar_example(items.unwrap_or(resolved), item, item_text.as_deref())
        }
        Ty::Map(value) => {
            let value_schema = match &resolved.additional_properties {
                Some(alibabacloud_spec::AdditionalProperties::Schema(s)) => spec.resolve(s),
                _ => resolved,
            };
            scalar_example(value_schema, value, None)
                .map(|v| ExampleValue::Entry("key".to_owned(), Box::new(v)))
        }
        _ => None,
    })
}

fn scalar_example(schema: &Schema, ty: &Ty, text: Option<&str>) -> Option<ExampleValue> {
    Some(match ty {
        Ty::String => ExampleValue::Str(text.unwrap_or("value").lines().next()?.to_owned()),
        Ty::I32 => ExampleValue::I32(text.and_then(|t| t.parse().ok()).unwrap_or(1)),
        Ty::I64 => ExampleValue::I64(text.and_then(|t| t.parse().ok()).unwrap_or(1)),
        Ty::F64 => ExampleValue::Float(
            text.and_then(|t| t.parse::<f64>().ok())
                .filter(|f| f.is_finite())
                .unwrap_or(1.0),
        ),
        Ty::Bool => ExampleValue::Bool(text.and_then(|t| t.parse().ok()).unwrap_or(true)),
        Ty::Named(r) if r.kind == TypeKind::Enum => {
            let values = schema.documented_values();
            let value = text
                .filter(|t| values.contains(t))
                .or_else(|| values.first().copied())?;
            ExampleValue::Str(value.to_owned())
        }
        Ty::Named(r) => ExampleValue::DefaultOf(TypeRef {
            name: r.name.clone(),
            shared: r.shared,
            kind: r.kind,
        }),
        Ty::Vec(_) | Ty::Map(_) | Ty::Json => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::crate_dir;

    #[test]
    fn crate_dirs() {
        assert_eq!(
            crate_dir("BssOpenApi", "2017-12-14").as_deref(),
            Some("bssopenapi20171214")
        );
        assert_eq!(
            crate_dir("quickbi-public", "2022-01-01").as_deref(),
            Some("quickbi-public20220101")
        );
        assert_eq!(crate_dir("Foo_Bar", "v1").as_deref(), Some("foo-barv1"));
        assert_eq!(crate_dir("名称", "2020-01-01"), None);
        assert_eq!(crate_dir("Foo", "--"), None);
        assert_eq!(crate_dir("1abc", "2020"), None);
    }
}
