//! Checks after parsing. What the metadata says that cannot be taken as it is gets its
//! documented fallback and a [`Warning`] (the kinds are listed on [`WarningKind`]); only
//! what makes the file unusable (no product or version) and mistakes in our own `x-` keys
//! are errors.

use std::collections::{HashMap, HashSet};

use crate::api::{Api, HttpMethod, OperationType, Parameter, http_status};
use crate::error::{SpecError, SpecErrorKind};
use crate::path::JsonPath;
use crate::schema::{AdditionalProperties, Schema, SchemaType, component_name};
use crate::spec::{EndpointRule, REGION_PLACEHOLDER, Spec};
use crate::warning::{Warning, WarningKind};

/// Checks `spec`, applies the fallbacks in place and records a warning for each, in file
/// order; returns the first error.
pub(crate) fn normalize(spec: &mut Spec, warnings: &mut Vec<Warning>) -> Result<(), SpecError> {
    let origin = spec.origin.clone();
    let root = JsonPath::root();
    let info = root.key("info");
    let err = |path: JsonPath, kind| SpecError::new(origin.clone(), path, kind);
    if spec.info.product.trim().is_empty() {
        return Err(err(
            info,
            SpecErrorKind::MissingField {
                owner: "info",
                field: "product",
            },
        ));
    }
    if spec.info.version.trim().is_empty() {
        return Err(err(
            info,
            SpecErrorKind::MissingField {
                owner: "info",
                field: "version",
            },
        ));
    }

    let names: HashSet<String> = spec.components.schemas.keys().cloned().collect();
    let mut checker = Checker {
        origin: &origin,
        components: &names,
        warnings,
    };
    let schemas = root.key("components").key("schemas");
    for (name, schema) in &mut spec.components.schemas {
        checker.schema(schema, &schemas.key(name))?;
    }
    let apis = root.key("apis");
    let mut empty_names = Vec::new();
    for (name, api) in &mut spec.apis {
        let path = apis.key(name);
        if name.trim().is_empty() {
            checker.warn(
                path,
                WarningKind::OperationName,
                "the operation has an empty name; left out",
            );
            empty_names.push(name.clone());
            continue;
        }
        checker.api(api, &path)?;
    }
    for name in empty_names {
        spec.apis.shift_remove(&name);
    }
    checker.endpoints(&mut spec.endpoints, &root.key("endpoints"));
    if let Some(rule) = &spec.endpoint_rule {
        checker.endpoint_rule(rule, &root.key("x-endpoint-rule"))?;
    }
    Ok(())
}

struct Checker<'a> {
    origin: &'a str,
    /// The names of `components.schemas`.
    components: &'a HashSet<String>,
    warnings: &'a mut Vec<Warning>,
}

impl Checker<'_> {
    fn warn(&mut self, path: JsonPath, kind: WarningKind, message: impl Into<String>) {
        self.warnings
            .push(Warning::new(self.origin, path, kind, message));
    }

    fn err(&self, path: &JsonPath, kind: SpecErrorKind) -> SpecError {
        SpecError::new(self.origin, path.clone(), kind)
    }

    fn invalid(&self, path: &JsonPath, message: String) -> SpecError {
        self.err(path, SpecErrorKind::InvalidField(message))
    }

    fn api(&mut self, api: &mut Api, path: &JsonPath) -> Result<(), SpecError> {
        let mut index = 0;
        api.methods.retain(|method| {
            let keep = !matches!(method, HttpMethod::Other(_));
            if !keep {
                self.warnings.push(Warning::new(
                    self.origin,
                    path.key("methods").index(index),
                    WarningKind::UnknownMethod,
                    format!("\"{method}\" is not an HTTP method; ignored"),
                ));
            }
            index += 1;
            keep
        });
        if let Some(OperationType::Other(other)) = &api.operation_type {
            let message = format!(
                "operationType \"{other}\" is none of read, write, readAndWrite; taken as \
                 unspecified (not retried automatically)"
            );
            self.warn(
                path.key("operationType"),
                WarningKind::OperationType,
                message,
            );
        }

        self.parameters(&mut api.parameters, &path.key("parameters"))?;

        for (status, response) in &mut api.responses {
            let r_path = path.key("responses").key(status);
            if status != "default" && http_status(status).is_none() {
                let message = format!(
                    "response key \"{status}\" is not an HTTP status; ignored (only the 200 \
                     response is decoded)"
                );
                self.warn(r_path.clone(), WarningKind::ResponseStatus, message);
            }
            if let Some(schema) = &mut response.schema {
                self.schema(schema, &r_path.key("schema"))?;
            }
        }

        for (status, codes) in &mut api.error_codes {
            let e_path = path.key("errorCodes").key(status);
            if http_status(status).is_none() {
                let message = format!(
                    "errorCodes key \"{status}\" is not an HTTP status; its codes are kept, \
                     with an unknown status"
                );
                self.warn(e_path.clone(), WarningKind::ErrorStatus, message);
            }
            let mut i = 0;
            codes.retain(|code| {
                let keep = !code.error_code.trim().is_empty();
                if !keep {
                    self.warnings.push(Warning::new(
                        self.origin,
                        e_path.index(i),
                        WarningKind::ErrorCode,
                        "the error has no errorCode; ignored",
                    ));
                }
                i += 1;
                keep
            });
        }

        if let Some(auth) = &api.ram_authorization
            && !auth.disclosed
            && !api.ram_actions.is_empty()
        {
            return Err(self.err(
                &path.key("x-ram-authorization").key("disclosed"),
                SpecErrorKind::Inconsistent(
                    "x-ram-authorization says nothing is disclosed, but ramActions is not empty"
                        .to_owned(),
                ),
            ));
        }
        Ok(())
    }

    /// Parameters without a name are left out; a name listed again is merged when the
    /// listings are identical, else the first listing wins.
    fn parameters(
        &mut self,
        parameters: &mut Vec<Parameter>,
        path: &JsonPath,
    ) -> Result<(), SpecError> {
        let mut keep = vec![true; parameters.len()];
        let mut first: HashMap<String, usize> = HashMap::new();
        for (i, parameter) in parameters.iter_mut().enumerate() {
            let p_path = path.index(i);
            if parameter.name.trim().is_empty() {
                self.warn(
                    p_path,
                    WarningKind::ParameterName,
                    "the parameter has no name; left out",
                );
                keep[i] = false;
                continue;
            }
            if let Some(schema) = &mut parameter.schema {
                self.schema(schema, &p_path.key("schema"))?;
            }
        }
        for i in 0..parameters.len() {
            if !keep[i] {
                continue;
            }
            let name = &parameters[i].name;
            match first.get(name) {
                None => {
                    first.insert(name.clone(), i);
                }
                Some(&j) => {
                    keep[i] = false;
                    let differences = parameter_differences(&parameters[j], &parameters[i]);
                    let (kind, message) = if differences.is_empty() {
                        (
                            WarningKind::DuplicateParameter,
                            format!(
                                "parameter \"{name}\" is listed again, identical to \
                                 parameters[{j}]; merged"
                            ),
                        )
                    } else {
                        (
                            WarningKind::ConflictingParameter,
                            format!(
                                "parameter \"{name}\" is listed again, unlike parameters[{j}] \
                                 (differs in {}); the first listing is kept",
                                differences.join(", ")
                            ),
                        )
                    };
                    self.warn(path.index(i), kind, message);
                }
            }
        }
        let mut i = 0;
        parameters.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        Ok(())
    }

    fn schema(&mut self, schema: &mut Schema, path: &JsonPath) -> Result<(), SpecError> {
        if let Some(reference) = &schema.reference {
            let found =
                component_name(reference).is_some_and(|name| self.components.contains(&name));
            if found {
                // The schema is the one pointed to; its other keys do not count.
                return self.extensions(schema, path);
            }
            let message = format!(
                "$ref \"{reference}\" points to no schema of components.schemas; typed as any \
                 JSON value"
            );
            self.warn(path.key("$ref"), WarningKind::DanglingRef, message);
            schema.reference = None;
            schema.schema_type = Some(SchemaType::Any);
            schema.items = None;
            schema.properties.clear();
            schema.additional_properties = None;
            schema.item_node = false;
            return self.extensions(schema, path);
        }
        if let Some(SchemaType::Other(other)) = &schema.schema_type {
            let message = format!("unknown type \"{other}\"; typed as any JSON value");
            self.warn(path.key("type"), WarningKind::UnknownType, message);
        }
        let ty = schema.schema_type.clone();
        if ty == Some(SchemaType::Array) && schema.items.is_none() {
            self.warn(
                path.clone(),
                WarningKind::ArrayItems,
                "an array without \"items\"; typed as a list of any JSON values",
            );
            schema.items = Some(Box::new(Schema {
                schema_type: Some(SchemaType::Any),
                ..Schema::default()
            }));
        }
        if let Some(ty) = ty.filter(|t| !matches!(t, SchemaType::Other(_) | SchemaType::Any)) {
            let mut extra = Vec::new();
            if schema.items.is_some() && ty != SchemaType::Array {
                extra.push("items");
            }
            if !schema.properties.is_empty() && ty != SchemaType::Object {
                extra.push("properties");
            }
            if matches!(
                schema.additional_properties,
                Some(AdditionalProperties::Schema(_))
            ) && ty != SchemaType::Object
            {
                extra.push("additionalProperties");
            }
            if !extra.is_empty() {
                let scalar = !matches!(ty, SchemaType::Object | SchemaType::Array);
                let outcome = if scalar {
                    // The wire may hold either (official bodies have arrays there): accept
                    // any value rather than fail to decode.
                    "typed as any JSON value, since the wire may hold either"
                } else {
                    "the type decides and they are ignored"
                };
                let message = format!(
                    "a schema of type {ty} with {}; {outcome}",
                    extra.join(" and ")
                );
                self.warn(path.clone(), WarningKind::SchemaKeys, message);
                if scalar {
                    schema.schema_type = Some(SchemaType::Any);
                    schema.items = None;
                    schema.properties.clear();
                    schema.additional_properties = None;
                }
            }
        }
        if schema.item_node && schema.item_node_list().is_none() {
            self.warn(
                path.key("itemNode"),
                WarningKind::ItemNode,
                "itemNode on a schema that does not wrap exactly one array; the flag is \
                 ignored and the schema typed as written",
            );
            schema.item_node = false;
        }
        if !schema.enum_values.is_empty() {
            let extra: Vec<String> = schema
                .enum_value_titles
                .keys()
                .filter(|k| !schema.enum_values.contains(k))
                .cloned()
                .collect();
            for value in extra {
                let message = format!(
                    "enumValueTitles names \"{value}\", which is not in enum; the title is ignored"
                );
                self.warn(
                    path.key("enumValueTitles").key(&value),
                    WarningKind::EnumTitle,
                    message,
                );
                schema.enum_value_titles.shift_remove(&value);
            }
        }
        self.extensions(schema, path)?;
        for (name, property) in &mut schema.properties {
            self.schema(property, &path.key("properties").key(name))?;
        }
        if let Some(items) = &mut schema.items {
            self.schema(items, &path.key("items"))?;
        }
        if let Some(AdditionalProperties::Schema(values)) = &mut schema.additional_properties {
            self.schema(values, &path.key("additionalProperties"))?;
        }
        Ok(())
    }

    /// Our `x-` keys of a schema.
    fn extensions(&self, schema: &Schema, path: &JsonPath) -> Result<(), SpecError> {
        let is_string = schema.schema_type == Some(SchemaType::String);
        if schema.json_string && !is_string {
            return Err(self.invalid(
                &path.key("x-json-string"),
                "x-json-string is only for schemas of type string".to_owned(),
            ));
        }
        if let Some(format) = &schema.time_format {
            if !is_string {
                return Err(self.invalid(
                    &path.key("x-time-format"),
                    "x-time-format is only for schemas of type string".to_owned(),
                ));
            }
            if format.trim().is_empty() {
                return Err(self.invalid(
                    &path.key("x-time-format"),
                    "x-time-format is empty".to_owned(),
                ));
            }
        }
        Ok(())
    }

    /// Region ids and hosts are trimmed; entries without a region or a host, with a host
    /// that is not a host name, and repeated regions are left out.
    fn endpoints(&mut self, endpoints: &mut Vec<crate::spec::Endpoint>, path: &JsonPath) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut keep = vec![true; endpoints.len()];
        for (i, endpoint) in endpoints.iter_mut().enumerate() {
            let e_path = path.index(i);
            for (key, value) in [
                ("regionId", &mut endpoint.region_id),
                ("endpoint", &mut endpoint.endpoint),
            ] {
                let trimmed = value.trim();
                if trimmed.len() != value.len() && !trimmed.is_empty() {
                    let message = format!(
                        "{key} {value:?} has white space around it; trimmed to \"{trimmed}\""
                    );
                    *value = trimmed.to_owned();
                    self.warnings.push(Warning::new(
                        self.origin,
                        e_path.key(key),
                        WarningKind::Endpoint,
                        message,
                    ));
                }
            }
            // The VPC host is optional: an empty one is none, one that is not a host name is
            // left out (the region keeps its public host).
            if let Some(vpc) = endpoint.vpc.take() {
                let trimmed = vpc.trim();
                if trimmed.is_empty() {
                    // No VPC host.
                } else if is_host_name(trimmed) {
                    endpoint.vpc = Some(trimmed.to_owned());
                } else {
                    self.warn(
                        e_path.key("vpc"),
                        WarningKind::Endpoint,
                        format!("VPC endpoint {vpc:?} is not a host name; left out"),
                    );
                }
            }
            let host_ok = is_host_name(&endpoint.endpoint);
            let problem = if endpoint.region_id.trim().is_empty() {
                Some("the endpoint has no regionId; left out".to_owned())
            } else if endpoint.endpoint.trim().is_empty() {
                Some("the endpoint has no host (\"endpoint\"); left out".to_owned())
            } else if !host_ok {
                Some(format!(
                    "endpoint {:?} is not a host name; left out",
                    endpoint.endpoint
                ))
            } else if let Some(first) = seen.get(&endpoint.region_id) {
                Some(format!(
                    "region \"{}\" is also endpoints[{first}]; the first one is kept",
                    endpoint.region_id
                ))
            } else {
                seen.insert(endpoint.region_id.clone(), i);
                None
            };
            if let Some(message) = problem {
                self.warn(e_path, WarningKind::Endpoint, message);
                keep[i] = false;
            }
        }
        let mut i = 0;
        endpoints.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }

    fn endpoint_rule(&self, rule: &EndpointRule, path: &JsonPath) -> Result<(), SpecError> {
        for (i, entry) in rule.rules.iter().enumerate() {
            let r_path = path.key("rules").index(i);
            if entry.region_prefix.is_empty() {
                return Err(self.invalid(
                    &r_path.key("regionPrefix"),
                    "regionPrefix is empty".to_owned(),
                ));
            }
            self.host_template(&entry.endpoint, &r_path.key("endpoint"))?;
        }
        if let Some(default) = &rule.default {
            self.host_template(default, &path.key("default"))?;
        }
        Ok(())
    }

    fn host_template(&self, template: &str, path: &JsonPath) -> Result<(), SpecError> {
        let host = template.replace(REGION_PLACEHOLDER, "region");
        let ok = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        if ok {
            Ok(())
        } else {
            Err(self.invalid(
                path,
                format!(
                    "endpoint template \"{template}\" is not a host name (letters, digits, '.', \
                     '-' and the placeholder {REGION_PLACEHOLDER})"
                ),
            ))
        }
    }
}

/// The keys in which two listings of a parameter differ (`in`, `style`, `schema.required`,
/// ...), empty when they are identical.
/// Whether `host` is a host name (letters, digits, `.` and `-`), as endpoints are.
fn is_host_name(host: &str) -> bool {
    host.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

fn parameter_differences(a: &Parameter, b: &Parameter) -> Vec<String> {
    let mut out = Vec::new();
    if a.location != b.location {
        out.push("in".to_owned());
    }
    if a.style != b.style {
        out.push("style".to_owned());
    }
    if a.allow_empty_value != b.allow_empty_value {
        out.push("allowEmptyValue".to_owned());
    }
    if a.extensions != b.extensions {
        out.push("x- keys".to_owned());
    }
    match (&a.schema, &b.schema) {
        (Some(x), Some(y)) => out.extend(
            schema_differences(x, y)
                .into_iter()
                .map(|k| format!("schema.{k}")),
        ),
        (None, None) => {}
        _ => out.push("schema".to_owned()),
    }
    out
}

/// The keys in which two schemas differ.
fn schema_differences(a: &Schema, b: &Schema) -> Vec<&'static str> {
    let mut out = Vec::new();
    macro_rules! compare {
        ($($field:ident => $key:literal),+ $(,)?) => {
            $( if a.$field != b.$field { out.push($key); } )+
        };
    }
    compare! {
        schema_type => "type", format => "format", description => "description",
        title => "title", required => "required", doc_required => "docRequired",
        example => "example", default => "default", enum_values => "enum",
        enum_value_titles => "enumValueTitles", items => "items", properties => "properties",
        additional_properties => "additionalProperties", reference => "$ref",
        item_node => "itemNode", deprecated => "deprecated", maximum => "maximum",
        minimum => "minimum", exclusive_maximum => "exclusiveMaximum",
        exclusive_minimum => "exclusiveMinimum", max_length => "maxLength",
        min_length => "minLength", max_items => "maxItems", min_items => "minItems",
        pattern => "pattern", secret => "x-secret", json_string => "x-json-string",
        time_format => "x-time-format", extensions => "x- keys",
    }
    out
}
