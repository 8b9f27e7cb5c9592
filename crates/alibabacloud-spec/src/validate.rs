//! Checks after parsing: what the generator relies on is present, known and consistent.

use std::collections::HashMap;

use crate::api::{Api, HttpMethod, Parameter, ParameterLocation, ParameterStyle};
use crate::error::{SpecError, SpecErrorKind};
use crate::path::JsonPath;
use crate::schema::{AdditionalProperties, Schema, SchemaType, component_name};
use crate::spec::{ApiStyle, EndpointRule, REGION_PLACEHOLDER, Spec};

/// Checks `spec` and returns the first problem, in file order.
pub(crate) fn validate(spec: &Spec) -> Result<(), SpecError> {
    let v = Validator { spec };
    let root = JsonPath::root();
    v.info(&root.key("info"))?;
    let schemas = root.key("components").key("schemas");
    for (name, schema) in &spec.components.schemas {
        v.schema(schema, &schemas.key(name))?;
    }
    let apis = root.key("apis");
    for (name, api) in &spec.apis {
        v.api(name, api, &apis.key(name))?;
    }
    v.endpoints(&root.key("endpoints"))?;
    if let Some(rule) = &spec.endpoint_rule {
        v.endpoint_rule(rule, &root.key("x-endpoint-rule"))?;
    }
    Ok(())
}

struct Validator<'a> {
    spec: &'a Spec,
}

impl Validator<'_> {
    fn err(&self, path: &JsonPath, kind: SpecErrorKind) -> SpecError {
        SpecError::new(self.spec.origin.clone(), path.clone(), kind)
    }

    fn missing(&self, path: &JsonPath, owner: &'static str, field: &'static str) -> SpecError {
        self.err(path, SpecErrorKind::MissingField { owner, field })
    }

    fn invalid(&self, path: &JsonPath, message: String) -> SpecError {
        self.err(path, SpecErrorKind::InvalidField(message))
    }

    fn info(&self, path: &JsonPath) -> Result<(), SpecError> {
        let info = &self.spec.info;
        match &info.style {
            None => return Err(self.missing(path, "info", "style")),
            Some(ApiStyle::Rpc) => {}
            Some(style) => {
                return Err(self.err(
                    &path.key("style"),
                    SpecErrorKind::UnsupportedStyle {
                        style: style.as_str().to_owned(),
                    },
                ));
            }
        }
        if info.product.trim().is_empty() {
            return Err(self.missing(path, "info", "product"));
        }
        if info.version.trim().is_empty() {
            return Err(self.missing(path, "info", "version"));
        }
        Ok(())
    }

    fn api(&self, name: &str, api: &Api, path: &JsonPath) -> Result<(), SpecError> {
        if name.trim().is_empty() {
            return Err(self.invalid(path, "operation name is empty".to_owned()));
        }
        if api.methods.is_empty() {
            return Err(self.missing(path, "operation", "methods"));
        }
        for (i, method) in api.methods.iter().enumerate() {
            if let HttpMethod::Other(other) = method {
                return Err(self.invalid(
                    &path.key("methods").index(i),
                    format!("unknown HTTP method \"{other}\""),
                ));
            }
        }

        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, parameter) in api.parameters.iter().enumerate() {
            let p_path = path.key("parameters").index(i);
            self.parameter(parameter, &p_path)?;
            if let Some(first) = seen.insert(parameter.name.as_str(), i) {
                return Err(self.err(
                    &p_path,
                    SpecErrorKind::Inconsistent(format!(
                        "parameter \"{}\" is also parameters[{first}]",
                        parameter.name
                    )),
                ));
            }
        }

        for (status, response) in &api.responses {
            let r_path = path.key("responses").key(status);
            if status != "default" && http_status(status).is_none() {
                return Err(self.invalid(
                    &r_path,
                    format!("response key \"{status}\" is not an HTTP status"),
                ));
            }
            if let Some(schema) = &response.schema {
                self.schema(schema, &r_path.key("schema"))?;
            }
        }

        for (status, codes) in &api.error_codes {
            let e_path = path.key("errorCodes").key(status);
            if http_status(status).is_none() {
                return Err(self.invalid(
                    &e_path,
                    format!("errorCodes key \"{status}\" is not an HTTP status (100-599)"),
                ));
            }
            for (i, code) in codes.iter().enumerate() {
                if code.error_code.trim().is_empty() {
                    return Err(self.missing(&e_path.index(i), "error", "errorCode"));
                }
            }
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

    fn parameter(&self, parameter: &Parameter, path: &JsonPath) -> Result<(), SpecError> {
        if parameter.name.trim().is_empty() {
            return Err(self.missing(path, "parameter", "name"));
        }
        match &parameter.location {
            None => return Err(self.missing(path, "parameter", "in")),
            Some(
                ParameterLocation::Query
                | ParameterLocation::FormData
                | ParameterLocation::Body
                | ParameterLocation::Header,
            ) => {}
            Some(ParameterLocation::Path) => {
                return Err(self.err(
                    &path.key("in"),
                    SpecErrorKind::UnsupportedParameterLocation {
                        location: "path".to_owned(),
                        reason: "path parameters belong to ROA APIs; this is an RPC API",
                    },
                ));
            }
            Some(ParameterLocation::Other(other)) => {
                return Err(self.err(
                    &path.key("in"),
                    SpecErrorKind::UnsupportedParameterLocation {
                        location: other.clone(),
                        reason: "known: query, formData, body, header",
                    },
                ));
            }
        }
        if let Some(ParameterStyle::Other(other)) = &parameter.style {
            return Err(self.err(
                &path.key("style"),
                SpecErrorKind::UnsupportedParameterStyle {
                    style: other.clone(),
                },
            ));
        }
        match &parameter.schema {
            None => Err(self.missing(path, "parameter", "schema")),
            Some(schema) => self.schema(schema, &path.key("schema")),
        }
    }

    fn schema(&self, schema: &Schema, path: &JsonPath) -> Result<(), SpecError> {
        if let Some(reference) = &schema.reference {
            let found = component_name(reference)
                .is_some_and(|name| self.spec.components.schemas.contains_key(&name));
            if !found {
                return Err(self.err(
                    &path.key("$ref"),
                    SpecErrorKind::DanglingRef {
                        reference: reference.clone(),
                    },
                ));
            }
        }
        let is_string = schema.schema_type == Some(SchemaType::String);
        if schema.schema_type == Some(SchemaType::Array) && schema.items.is_none() {
            return Err(self.missing(path, "array schema", "items"));
        }
        if schema.item_node && schema.item_node_list().is_none() {
            return Err(self.invalid(
                &path.key("itemNode"),
                "an itemNode schema must be an object with exactly one property, an array"
                    .to_owned(),
            ));
        }
        if !schema.enum_values.is_empty()
            && let Some(extra) = schema
                .enum_value_titles
                .keys()
                .find(|k| !schema.enum_values.contains(k))
        {
            return Err(self.err(
                &path.key("enumValueTitles").key(extra),
                SpecErrorKind::Inconsistent(format!(
                    "enumValueTitles names \"{extra}\", which is not in enum"
                )),
            ));
        }
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
        for (name, property) in &schema.properties {
            self.schema(property, &path.key("properties").key(name))?;
        }
        if let Some(items) = &schema.items {
            self.schema(items, &path.key("items"))?;
        }
        if let Some(AdditionalProperties::Schema(values)) = &schema.additional_properties {
            self.schema(values, &path.key("additionalProperties"))?;
        }
        Ok(())
    }

    fn endpoints(&self, path: &JsonPath) -> Result<(), SpecError> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, endpoint) in self.spec.endpoints.iter().enumerate() {
            let e_path = path.index(i);
            if endpoint.region_id.trim().is_empty() {
                return Err(self.missing(&e_path, "endpoint", "regionId"));
            }
            if endpoint.endpoint.trim().is_empty() {
                return Err(self.missing(&e_path, "endpoint", "endpoint"));
            }
            if let Some(first) = seen.insert(endpoint.region_id.as_str(), i) {
                return Err(self.err(
                    &e_path.key("regionId"),
                    SpecErrorKind::Inconsistent(format!(
                        "region \"{}\" is also endpoints[{first}]",
                        endpoint.region_id
                    )),
                ));
            }
        }
        Ok(())
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

/// `text` as an HTTP status code (100-599).
fn http_status(text: &str) -> Option<u16> {
    text.trim()
        .parse::<u16>()
        .ok()
        .filter(|s| (100..=599).contains(s))
}
