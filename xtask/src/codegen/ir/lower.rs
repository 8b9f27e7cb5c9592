//! Spec to IR: products, operations, parameters, responses, error codes.
//!
//! Operations of RPC files are RPC calls; those of ROA files, and those of V3 files that have
//! a path, are ROA calls (their method, their path template, parameters in the path, the
//! query, headers, a JSON or form body, or a raw body). What the generator cannot express
//! gets a documented fallback and a [`Warning`] (the kinds are listed on [`WarningKind`]): an
//! operation that cannot be sent is left out, a parameter that cannot be sent is left out
//! (and its operation when it is required), odd methods, locations and styles get defaults,
//! a success response of an RPC call that is not an object is decoded whole.

use std::collections::{BTreeMap, BTreeSet};

use alibabacloud_spec::{
    Api, ApiStyle as SpecStyle, HttpMethod, JsonPath, OperationType, Parameter, ParameterLocation,
    ParameterStyle, Schema, SchemaType, Spec, Warning, WarningKind,
};

use super::types::{self, Owner, Position, Scope, field_methods, field_namespace, shape_of};
use super::{
    ApiStyle, Docs, Encoding, EndpointRule, ErrorCodes, ErrorVariant, ExampleArg, ExampleValue,
    Field, Location, Method, Operation, OperationKind, Param, Product, ResponseBody, StructDef,
    Style, Ty, TypeKind, TypeRef,
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
        let plan = match plan(spec, api, &path) {
            Ok(plan) => plan,
            Err(skip) => {
                warnings.push(skip.into_warning(file));
                continue;
            }
        };
        let module = modules.claim(&module_candidate(action), Case::Snake);
        let lowered = lower_operation(
            spec,
            file,
            action,
            api,
            plan,
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

/// A warning to give about an operation (or why it is left out).
struct Note {
    path: JsonPath,
    kind: WarningKind,
    message: String,
}

impl Note {
    fn new(path: JsonPath, kind: WarningKind, message: impl Into<String>) -> Self {
        Note {
            path,
            kind,
            message: message.into(),
        }
    }

    fn into_warning(self, file: &str) -> Warning {
        Warning::new(file, self.path, self.kind, self.message)
    }
}

/// How an operation is sent, decided before its types are lowered.
struct Plan {
    style: ApiStyle,
    /// The path template (`/` for RPC).
    path: String,
    /// Path parameters the template does not name: left out.
    unnamed_path_parameters: BTreeSet<String>,
    /// Whether the operation has an `in: body` parameter that is sent (form parameters then
    /// go in the query).
    has_body: bool,
    /// The warnings about the path template.
    notes: Vec<Note>,
}

/// Whether the operation is a ROA call: every operation of a ROA file, and those of a V3
/// file that have a path (the others are RPC calls).
fn style_of(spec: &Spec, api: &Api) -> ApiStyle {
    match spec.info.style {
        Some(SpecStyle::Roa) => ApiStyle::Roa,
        Some(SpecStyle::V3)
            if api
                .path
                .as_deref()
                .is_some_and(|p| !matches!(p.trim(), "" | "/")) =>
        {
            ApiStyle::Roa
        }
        _ => ApiStyle::Rpc,
    }
}

/// How the operation is sent, or why it cannot be: it allows only methods no request is sent
/// with, requires a parameter that cannot be sent, or has a path that cannot be filled.
fn plan(spec: &Spec, api: &Api, path: &JsonPath) -> Result<Plan, Note> {
    if !api.methods.is_empty() && !api.methods.iter().any(|m| sendable(m).is_some()) {
        let listed: Vec<&str> = api.methods.iter().map(HttpMethod::as_str).collect();
        return Err(Note::new(
            path.key("methods"),
            WarningKind::UnsupportedMethod,
            format!(
                "the operation allows only {}, which no request is sent with; the operation \
                 is left out",
                listed.join(", ")
            ),
        ));
    }
    let style = style_of(spec, api);
    let mut bodies = 0;
    for (i, parameter) in api.parameters.iter().enumerate() {
        let p_path = path.key("parameters").index(i);
        let placement = location(spec, parameter, &mut bodies);
        match placement {
            Placement::Path if style == ApiStyle::Rpc => {
                return Err(Note::new(
                    p_path.key("in"),
                    WarningKind::PathParameter,
                    format!(
                        "parameter \"{}\" is in the URL path, which an RPC call does not have; \
                         the operation is left out",
                        parameter.name
                    ),
                ));
            }
            Placement::Unsendable(kind, what) if parameter.is_required() => {
                return Err(Note::new(
                    p_path.key("in"),
                    kind,
                    format!(
                        "required parameter \"{}\" is {what}, which the runtime cannot send; \
                         the operation is left out",
                        parameter.name
                    ),
                ));
            }
            _ => {}
        }
    }
    let has_body = bodies > 0;
    if style == ApiStyle::Rpc {
        return Ok(Plan {
            style,
            path: "/".to_owned(),
            unnamed_path_parameters: BTreeSet::new(),
            has_body,
            notes: Vec::new(),
        });
    }
    let mut plan = template(api, path)?;
    plan.has_body = has_body;
    Ok(plan)
}

/// The path template of a ROA operation, made regular: `[name]` read as `{name}`; a template
/// ending in `*` with a path parameter it does not name: that parameter is the whole path
/// (`{+name}`). Path parameters the template does not name are left out; a variable no
/// parameter fills leaves the operation out.
fn template(api: &Api, path: &JsonPath) -> Result<Plan, Note> {
    let t_path = path.key("path");
    let raw = api.path.as_deref().map(str::trim).unwrap_or_default();
    let raw = if raw.is_empty() { "/" } else { raw };
    let (route, query) = raw.split_once('?').unwrap_or((raw, ""));
    let mut notes = Vec::new();
    let parameters: Vec<&str> = api
        .parameters
        .iter()
        .filter(|p| p.location == Some(ParameterLocation::Path))
        .map(|p| p.name.as_str())
        .collect();
    let mut route = route.to_owned();
    if route.contains('[') {
        let bracketed: Vec<&str> = parameters
            .iter()
            .copied()
            .filter(|name| route.contains(&format!("[{name}]")))
            .collect();
        for name in &bracketed {
            route = route.replace(&format!("[{name}]"), &format!("{{{name}}}"));
        }
        if !bracketed.is_empty() {
            notes.push(Note::new(
                t_path.clone(),
                WarningKind::PathTemplate,
                format!(
                    "the path template writes {} in brackets; read as path variables",
                    quoted(&bracketed)
                ),
            ));
        }
    }
    let variables = path_variables(&route);
    let mut unnamed: BTreeSet<String> = parameters
        .iter()
        .filter(|name| !variables.contains(**name))
        .map(|name| (*name).to_owned())
        .collect();
    let mut variables = variables;
    if route.ends_with('*') && unnamed.len() == 1 {
        let name = unnamed.pop_first().unwrap_or_default();
        notes.push(Note::new(
            t_path.clone(),
            WarningKind::PathTemplate,
            format!(
                "the path template `{route}` ends in `*` and does not name path parameter \
                 \"{name}\": the parameter holds the whole path"
            ),
        ));
        route = format!("{{+{name}}}");
        variables = BTreeSet::from([name]);
    }
    for name in &unnamed {
        notes.push(Note::new(
            t_path.clone(),
            WarningKind::PathParameter,
            format!(
                "path parameter \"{name}\" is not in the path template `{route}`; the \
                 parameter is left out"
            ),
        ));
    }
    if let Some(variable) = variables
        .iter()
        .find(|v| !parameters.contains(&v.trim_start_matches('+')))
    {
        return Err(Note::new(
            t_path,
            WarningKind::PathParameter,
            format!(
                "the path template `{route}` has the variable {{{variable}}}, which no path \
                 parameter fills; the operation is left out"
            ),
        ));
    }
    let mut path = encode_path_literal(&route);
    if !query.is_empty() {
        path.push('?');
        path.push_str(query);
    }
    Ok(Plan {
        style: ApiStyle::Roa,
        path,
        unnamed_path_parameters: unnamed,
        has_body: false,
        notes,
    })
}

/// The names inside `{...}` of a path template, without a leading `+`.
fn path_variables(route: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = route;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.insert(after[..close].trim_start_matches('+').to_owned());
        rest = &after[close + 1..];
    }
    out
}

/// The literal parts of a template as a URL path carries them: bytes that cannot be in a
/// path (spaces, non-ASCII) percent-encoded, variables kept.
fn encode_path_literal(route: &str) -> String {
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/%{}".contains(&b);
    let mut out = String::with_capacity(route.len());
    for c in route.chars() {
        if c.is_ascii() && allowed(c as u8) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

fn quoted(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    quoted.join(", ")
}

/// Where a parameter can go.
enum Placement {
    /// Sent at this location.
    Sent(Location),
    /// `in` is absent: sent in the query, with a warning.
    Default,
    /// `in: path`.
    Path,
    /// `in: body` of an object with properties: each property is a member of the JSON body.
    BodyMembers,
    /// Cannot be sent: the warning kind and what it is.
    Unsendable(WarningKind, String),
}

/// Where `parameter` goes in an operation of `style`; `bodies` counts the bodies met so far
/// (a second one cannot be sent).
fn location(spec: &Spec, parameter: &Parameter, bodies: &mut usize) -> Placement {
    match &parameter.location {
        Some(ParameterLocation::Query) => Placement::Sent(Location::Query),
        Some(ParameterLocation::FormData) => Placement::Sent(Location::Form),
        // In an RPC file, `in: body` is a form field; elsewhere it is the request body.
        Some(ParameterLocation::Body) if spec.info.style == Some(SpecStyle::Rpc) => {
            Placement::Sent(Location::Form)
        }
        Some(ParameterLocation::Body) => {
            if parameter
                .style
                .as_ref()
                .is_some_and(|s| s.as_str() == "xml")
            {
                return Placement::Unsendable(
                    WarningKind::BodyParameter,
                    "an XML body (`style: xml`)".to_owned(),
                );
            }
            *bodies += 1;
            if *bodies > 1 {
                return Placement::Unsendable(
                    WarningKind::BodyParameter,
                    "a second request body".to_owned(),
                );
            }
            let schema = parameter.schema.as_ref();
            let inline_object = schema.is_some_and(|s| {
                s.reference.is_none()
                    && matches!(s.schema_type, Some(SchemaType::Object) | None)
                    && !s.properties.is_empty()
            });
            if inline_object {
                Placement::BodyMembers
            } else {
                Placement::Sent(Location::Payload)
            }
        }
        Some(ParameterLocation::Header) => Placement::Sent(Location::Header),
        Some(ParameterLocation::Path) => Placement::Path,
        Some(ParameterLocation::Host) => Placement::Sent(Location::Host),
        Some(ParameterLocation::Other(other)) => Placement::Unsendable(
            WarningKind::ParameterLocation,
            format!("in an unknown location (\"in\": \"{other}\")"),
        ),
        None => Placement::Default,
    }
}

/// The method a request can be sent with, if any.
fn sendable(method: &HttpMethod) -> Option<Method> {
    Some(match method {
        HttpMethod::Get => Method::Get,
        HttpMethod::Post => Method::Post,
        HttpMethod::Put => Method::Put,
        HttpMethod::Delete => Method::Delete,
        HttpMethod::Patch => Method::Patch,
        HttpMethod::Head => Method::Head,
        HttpMethod::Options | HttpMethod::Other(_) => return None,
    })
}

/// The HTTP method: POST when listed, else GET, else the first listed; POST when the spec
/// lists none.
fn method(api: &Api, path: &JsonPath, file: &str, warnings: &mut Vec<Warning>) -> Method {
    let listed: Vec<Method> = api.methods.iter().filter_map(sendable).collect();
    let chosen = if listed.contains(&Method::Post) {
        Method::Post
    } else if listed.contains(&Method::Get) {
        Method::Get
    } else {
        listed.first().copied().unwrap_or(Method::Post)
    };
    if api.methods.is_empty() {
        warnings.push(Warning::new(
            file,
            path.key("methods"),
            WarningKind::HttpMethod,
            "the operation lists no HTTP method; sent with POST",
        ));
    } else {
        // GET next to POST is the usual way of saying that both work: not worth a warning.
        let others: Vec<&str> = api
            .methods
            .iter()
            .filter(|m| {
                let method = sendable(m);
                method != Some(chosen) && !(chosen == Method::Post && method == Some(Method::Get))
            })
            .map(HttpMethod::as_str)
            .collect();
        if !others.is_empty() {
            warnings.push(Warning::new(
                file,
                path.key("methods"),
                WarningKind::HttpMethod,
                format!(
                    "{} {} ignored: the operation is sent with {}",
                    if others.len() == 1 {
                        "method"
                    } else {
                        "methods"
                    },
                    others.join(", ") + if others.len() == 1 { " is" } else { " are" },
                    chosen.as_str()
                ),
            ));
        }
    }
    chosen
}

/// One parameter to lower into a request field: the spec's parameter, or a property of an
/// `in: body` object.
struct Input<'s> {
    wire: &'s str,
    schema: Option<&'s Schema>,
    style: Option<&'s ParameterStyle>,
    location: Location,
    /// Path and host parameters are always required.
    required: bool,
    /// Where its schema is, for warnings and nested types.
    path: JsonPath,
}

#[allow(clippy::too_many_arguments)]
fn lower_operation(
    spec: &Spec,
    file: &str,
    action: &str,
    api: &Api,
    plan: Plan,
    module: String,
    index: &BTreeMap<String, Ty>,
    warnings: &mut Vec<Warning>,
) -> (Operation, bool) {
    let path = JsonPath::root().key("apis").key(action);
    let Plan {
        style: api_style,
        path: template,
        unnamed_path_parameters,
        has_body,
        notes,
    } = plan;
    let method = method(api, &path, file, warnings);
    warnings.extend(notes.into_iter().map(|note| note.into_warning(file)));
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

    // The parameters, with the properties of an `in: body` object in its place.
    let mut inputs: Vec<Input<'_>> = Vec::with_capacity(api.parameters.len());
    let mut bodies = 0;
    for (i, parameter) in api.parameters.iter().enumerate() {
        let p_path = path.key("parameters").index(i);
        let input = |location: Location, path: JsonPath| Input {
            wire: &parameter.name,
            schema: parameter.schema.as_ref(),
            style: parameter.style.as_ref(),
            location,
            required: parameter.is_required()
                || matches!(location, Location::Path | Location::Host),
            path,
        };
        match location(spec, parameter, &mut bodies) {
            Placement::Sent(Location::Form) if has_body => {
                warn(
                    p_path.key("in"),
                    WarningKind::ParameterLocation,
                    format!(
                        "form parameter \"{}\" of an operation that has a body; sent in the \
                         query",
                        parameter.name
                    ),
                );
                inputs.push(input(Location::Query, p_path));
            }
            Placement::Sent(location) => inputs.push(input(location, p_path)),
            Placement::Default => {
                warn(
                    p_path.clone(),
                    WarningKind::ParameterLocation,
                    format!(
                        "parameter \"{}\" has no \"in\"; sent in the query",
                        parameter.name
                    ),
                );
                inputs.push(input(Location::Query, p_path));
            }
            Placement::Path if unnamed_path_parameters.contains(&parameter.name) => {}
            Placement::Path => inputs.push(input(Location::Path, p_path)),
            Placement::BodyMembers => {
                let schema = parameter.schema.as_ref().map(|s| spec.resolve(s));
                for (name, property) in schema.iter().flat_map(|s| &s.properties) {
                    inputs.push(Input {
                        wire: name,
                        schema: Some(property),
                        style: None,
                        location: Location::Body,
                        required: property.required,
                        path: p_path.key("schema").key("properties").key(name),
                    });
                }
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
            }
        }
    }

    // The request: one field per input.
    let mut field_names = field_namespace();
    let mut fields = Vec::with_capacity(inputs.len());
    let mut params = Vec::with_capacity(inputs.len());
    let mut wires: BTreeSet<&str> = BTreeSet::new();
    let mut example = Vec::new();
    // When nothing is required, the example shows the first parameter that has a value.
    let mut optional_example = None;
    let string_schema = Schema {
        schema_type: Some(SchemaType::String),
        ..Schema::default()
    };
    for input in &inputs {
        if !wires.insert(input.wire) {
            // A body member named like another parameter: the model cannot have both.
            warn(
                input.path.clone(),
                WarningKind::ConflictingParameter,
                format!(
                    "body member \"{}\" has the name of another parameter; the member is left \
                     out",
                    input.wire
                ),
            );
            continue;
        }
        let schema = match input.schema {
            Some(schema) => schema,
            None => {
                warn(
                    input.path.clone(),
                    WarningKind::ParameterSchema,
                    format!(
                        "parameter \"{}\" has no \"schema\"; typed as a string",
                        input.wire
                    ),
                );
                &string_schema
            }
        };
        let field = field_names.claim_with(&names::snake(input.wire), Case::Snake, field_methods);
        let owner = Owner {
            prefix: &base,
            type_name: &request_name,
        };
        let resolved = spec.resolve(schema);
        let ty = if input.location == Location::Payload && is_binary(resolved) {
            Ty::Blob
        } else {
            let schema_path = if input.location == Location::Body {
                input.path.clone()
            } else {
                input.path.key("schema")
            };
            scope.lower(schema, owner, input.wire, &schema_path)
        };
        let style = match input.style {
            Some(ParameterStyle::Other(other)) => {
                warn(
                    input.path.key("style"),
                    WarningKind::ParameterStyle,
                    format!(
                        "unknown parameter style \"{other}\"; the default style of its type is \
                         used"
                    ),
                );
                None
            }
            style => style,
        };
        let encoding = encoding(&ty, style);
        let required = input.required;
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
            wire: input.wire.to_owned(),
            field: field.clone(),
            location: input.location,
            encoding,
            required,
            secret: schema.secret || resolved.secret,
            deprecated: schema.deprecated,
        });
        fields.push(Field {
            name: field,
            wire: input.wire.to_owned(),
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
    let request = StructDef {
        name: request_name,
        docs: request_docs,
        fields,
        transparent: false,
    };

    // The response.
    let r_path = path.key("responses").key("200").key("schema");
    let mut response_docs = Docs::generated(format!("The response of `{action}`."));
    let empty = Schema::default();
    let declared_schema = api.success_schema();
    let declared = declared_schema.unwrap_or(&empty);
    let root = spec.resolve(declared);
    response_docs.push_spec(types::description(root));
    let is_object =
        matches!(root.schema_type, Some(SchemaType::Object) | None) && root.items.is_none();
    // A ROA response documented as XML only: its text, not decoded.
    let xml = api_style == ApiStyle::Roa
        && declared_schema.is_some()
        && !api.produces.is_empty()
        && api.produces.iter().all(|m| m.trim().ends_with("/xml"));
    if xml {
        warn(
            r_path.clone(),
            WarningKind::ResponseShape,
            "the success response is XML (`produces: application/xml`), which is not decoded; \
             the response type holds the text (field `body`)"
                .to_owned(),
        );
    }
    let response_body = match (api_style, declared_schema) {
        (ApiStyle::Roa, None) => ResponseBody::Empty,
        _ if xml => ResponseBody::Text,
        _ if is_object => ResponseBody::Object,
        (ApiStyle::Roa, _) if is_binary(root) => ResponseBody::Binary,
        (ApiStyle::Roa, _) if root.schema_type == Some(SchemaType::String) => ResponseBody::Text,
        _ => ResponseBody::Value,
    };
    let headers = api
        .responses
        .get("200")
        .map(|r| &r.headers)
        .filter(|h| !h.is_empty());
    let mut response_fields = field_namespace();
    let mut response = match response_body {
        ResponseBody::Object => scope.lower_struct_in(
            &response_name,
            &base,
            root,
            response_docs,
            &r_path,
            &mut response_fields,
        ),
        ResponseBody::Empty => {
            response_docs.push_generated("The API metadata documents no response body.");
            StructDef {
                name: response_name,
                docs: response_docs,
                fields: Vec::new(),
                transparent: false,
            }
        }
        ResponseBody::Value | ResponseBody::Text | ResponseBody::Binary => {
            if api_style == ApiStyle::Rpc {
                let what = match &root.schema_type {
                    Some(t) => format!("of type {t}"),
                    None => "a list".to_owned(),
                };
                warn(
                    r_path.clone(),
                    WarningKind::ResponseShape,
                    format!(
                        "the success response is {what}, not a JSON object; the response type \
                         holds the whole body (field `body`)"
                    ),
                );
            }
            let owner = Owner {
                prefix: &base,
                type_name: &response_name,
            };
            let ty = if response_body == ResponseBody::Binary {
                Ty::Blob
            } else if xml {
                Ty::String
            } else {
                scope.lower(declared, owner, "Body", &r_path)
            };
            response_docs.push_generated(match response_body {
                ResponseBody::Text if xml => "The body is XML, not decoded: `body` holds its text.",
                ResponseBody::Text => "The body is text, not JSON: `body` holds all of it.",
                ResponseBody::Binary => "The body is binary data: `body` holds all of it.",
                _ => "The body is not a JSON object: `body` holds all of it.",
            });
            response_fields.try_take("body");
            StructDef {
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
                // Read straight from the body, unless headers are fields too.
                transparent: headers.is_none(),
            }
        }
    };
    // The documented response headers, each a field named as the header.
    let mut response_headers = Vec::new();
    for (name, header) in headers.into_iter().flatten() {
        let h_path = path
            .key("responses")
            .key("200")
            .key("headers")
            .key(name)
            .key("schema");
        if name.trim().is_empty() || response.fields.iter().any(|f| f.wire == *name) {
            continue;
        }
        let schema = header.schema.as_ref().unwrap_or(&string_schema);
        let field =
            response_fields.claim_with(&types::field_candidate(name), Case::Snake, field_methods);
        let owner = Owner {
            prefix: &base,
            type_name: &response.name,
        };
        let ty = scope.lower(schema, owner, name, &h_path);
        let mut docs = types::field_docs(spec, schema, &ty, false);
        docs.push_generated(format!("The `{name}` header of the response."));
        response.fields.push(Field {
            name: field,
            wire: name.clone(),
            shape: shape_of(&ty, Position::Nested),
            docs,
            secret: schema.secret,
            deprecated: schema.deprecated,
            ty,
        });
        response_headers.push(name.clone());
    }
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
        style: api_style,
        path: template,
        anonymous: api.is_anonymous(),
        response_body,
        response_headers,
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

/// Whether a schema is binary data: a string of `format: binary`.
fn is_binary(schema: &Schema) -> bool {
    schema.schema_type == Some(SchemaType::String) && schema.format.as_deref() == Some("binary")
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
        Ty::String | Ty::Blob => Encoding::Text,
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
        Ty::Vec(_) | Ty::Map(_) | Ty::Json | Ty::Blob => return None,
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
