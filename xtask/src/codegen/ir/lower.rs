//! Spec to IR: products, operations, parameters, responses, error codes.

use std::collections::BTreeMap;

use alibabacloud_spec::{
    Api, HttpMethod, JsonPath, OperationType, ParameterLocation, ParameterStyle, Schema,
    SchemaType, Spec,
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
/// files (relative, e.g. `specs/bssopenapi/2017-12-14/api-docs.json`).
///
/// # Errors
/// [`CodegenError::Unsupported`] naming the file, the operation and the JSON path for what
/// the generator cannot express (an operation that is neither GET nor POST, a response that
/// is not an object, a schema that contains itself without an object in between).
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

    let components = types::lower_components(spec, file)?;
    let mut uses_json = components.uses_json;

    let mut modules = Namespace::with_reserved(RESERVED_MODULES.iter().copied());
    let mut actions: Vec<(&String, &Api)> = spec.apis.iter().collect();
    actions.sort_by(|a, b| a.0.cmp(b.0));
    let mut operations = Vec::with_capacity(actions.len());
    for (action, api) in actions {
        let module = modules.claim(&module_candidate(action), Case::Snake);
        let lowered = lower_operation(spec, file, action, api, module, &components.index)?;
        uses_json |= lowered.1;
        operations.push(lowered.0);
    }

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
    })
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

fn lower_operation(
    spec: &Spec,
    file: &str,
    action: &str,
    api: &Api,
    module: String,
    index: &BTreeMap<String, Ty>,
) -> Result<(Operation, bool), CodegenError> {
    let path = JsonPath::root().key("apis").key(action);
    let unsupported = |p: &JsonPath, reason: String| CodegenError::Unsupported {
        file: file.to_owned(),
        operation: Some(action.to_owned()),
        path: p.to_string(),
        reason,
    };

    let method = if api.methods.contains(&HttpMethod::Post) {
        Method::Post
    } else if api.methods.contains(&HttpMethod::Get) {
        Method::Get
    } else {
        let listed: Vec<&str> = api.methods.iter().map(|m| m.as_str()).collect();
        return Err(unsupported(
            &path.key("methods"),
            format!(
                "RPC operations are sent with GET or POST, but this one allows only {}",
                listed.join(", ")
            ),
        ));
    };
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
        action,
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
    for (i, parameter) in api.parameters.iter().enumerate() {
        let p_path = path.key("parameters").index(i);
        let Some(schema) = &parameter.schema else {
            return Err(unsupported(
                &p_path,
                "parameter has no \"schema\"".to_owned(),
            ));
        };
        let location = match &parameter.location {
            Some(ParameterLocation::Query) => Location::Query,
            Some(ParameterLocation::FormData | ParameterLocation::Body) => Location::Form,
            Some(ParameterLocation::Header) => Location::Header,
            Some(other) => {
                return Err(unsupported(
                    &p_path.key("in"),
                    format!(
                        "parameters \"in\": \"{}\" cannot be sent by an RPC operation",
                        other.as_str()
                    ),
                ));
            }
            None => return Err(unsupported(&p_path, "parameter has no \"in\"".to_owned())),
        };
        let field =
            field_names.claim_with(&names::snake(&parameter.name), Case::Snake, field_methods);
        let owner = Owner {
            prefix: &base,
            type_name: &request_name,
        };
        let ty = scope.lower(schema, owner, &parameter.name, &p_path.key("schema"))?;
        let resolved = spec.resolve(schema);
        let encoding = encoding(&ty, parameter.style.as_ref(), &p_path, &unsupported)?;
        let required = parameter.is_required();
        if required || optional_example.is_none() {
            let arg = example_value(spec, schema, &ty).map(|value| ExampleArg {
                method: field.clone(),
                value,
            });
            match arg {
                Some(arg) if required => example.push(arg),
                Some(arg) if !parameter.schema.as_ref().is_some_and(|s| s.deprecated) => {
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
    };

    // The response.
    let r_path = path.key("responses").key("200").key("schema");
    let mut response_docs = Docs::generated(format!("The response of `{action}`."));
    let empty = Schema::default();
    let root = api.success_schema().map_or(&empty, |s| spec.resolve(s));
    response_docs.push_spec(types::description(root));
    let is_object =
        matches!(root.schema_type, Some(SchemaType::Object) | None) && root.items.is_none();
    if !is_object {
        return Err(unsupported(
            &r_path,
            "the success response is not a JSON object; only object responses can be decoded"
                .to_owned(),
        ));
    }
    let response = scope.lower_struct(&response_name, &base, root, response_docs, &r_path)?;
    let success_field = response
        .fields
        .iter()
        .find(|f| f.wire == "Success" && f.ty == Ty::Bool)
        .map(|f| f.name.clone());

    let errors = error_codes(api, error_enum, error_alias);
    let (types, uses_json) = scope.into_defs();

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
    Ok((operation, uses_json))
}

/// How a parameter of type `ty` is sent.
fn encoding(
    ty: &Ty,
    style: Option<&ParameterStyle>,
    path: &JsonPath,
    unsupported: &impl Fn(&JsonPath, String) -> CodegenError,
) -> Result<Encoding, CodegenError> {
    let style = match style {
        None => None,
        Some(ParameterStyle::RepeatList) => Some(Style::RepeatList),
        Some(ParameterStyle::Flat) => Some(Style::Flat),
        Some(ParameterStyle::Json) => Some(Style::Json),
        Some(ParameterStyle::Simple) => Some(Style::Simple),
        Some(ParameterStyle::SpaceDelimited) => Some(Style::SpaceDelimited),
        Some(ParameterStyle::PipeDelimited) => Some(Style::PipeDelimited),
        Some(ParameterStyle::Other(other)) => {
            return Err(unsupported(
                &path.key("style"),
                format!("unknown parameter style \"{other}\""),
            ));
        }
    };
    Ok(match ty {
        Ty::String => Encoding::Text,
        Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool => Encoding::Display,
        Ty::Named(r) if r.kind == TypeKind::Enum => Encoding::EnumText,
        Ty::Vec(_) => Encoding::Structured(style.unwrap_or(Style::RepeatList)),
        Ty::Named(_) | Ty::Map(_) | Ty::Json => Encoding::Structured(style.unwrap_or(Style::Flat)),
    })
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
    for (status, error) in api.error_codes_by_status() {
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
                if !variants[i].statuses.contains(&status) {
                    variants[i].statuses.push(status);
                }
                messages[i].push((message, description));
            }
            None => {
                variants.push(ErrorVariant {
                    name: names.claim(&names::pascal(code), Case::Pascal),
                    code: code.to_owned(),
                    statuses: vec![status],
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
        let head = format!(
            "`{}` (HTTP {})",
            types::code_text(&variant.code),
            statuses.join(", ")
        );
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
