//! Spec-driven operations: routing by action and version (RPC) or by method and path
//! template (ROA), the checks the service does on the method and the parameters, and the
//! documented success body.

use alibabacloud_spec::{
    Api, ApiStyle, Parameter, ParameterLocation, ParameterStyle, Schema, SchemaType, Spec,
};
use http::StatusCode;
use serde_json::{Map, Value, json};

use crate::codes;
use crate::request::IncomingRequest;
use crate::response::ServiceError;

/// How deep the success body built from a schema may nest (guards against `$ref` cycles).
const MAX_SCHEMA_DEPTH: usize = 12;

/// The operations of the loaded specs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Catalog {
    specs: Vec<Spec>,
}

/// One operation of one spec.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operation<'a> {
    pub(crate) spec: &'a Spec,
    pub(crate) api: &'a Api,
}

/// Where a request goes.
#[derive(Debug)]
pub(crate) enum Route<'a> {
    /// The operation.
    Found(Operation<'a>),
    /// No spec has this version.
    UnknownVersion,
    /// The specs of this version have no such action.
    UnknownAction,
}

impl Catalog {
    pub(crate) fn new(specs: Vec<Spec>) -> Self {
        Self { specs }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.specs.is_empty()
    }

    /// The operation for `action` in `version`.
    pub(crate) fn route(&self, action: &str, version: &str) -> Route<'_> {
        let mut version_known = false;
        for spec in self.specs.iter().filter(|s| s.info.version == version) {
            version_known = true;
            if let Some(api) = spec.apis.get(action) {
                return Route::Found(Operation { spec, api });
            }
        }
        if version_known {
            Route::UnknownAction
        } else {
            Route::UnknownVersion
        }
    }

    /// The ROA operation whose path template matches the request's path (among the specs of
    /// the request's version when it names one): `Ok` when its method matches too, `Err`
    /// with the operation when only the path does (`UnsupportedHTTPMethod`), `None` when no
    /// template matches.
    pub(crate) fn route_path(
        &self,
        request: &IncomingRequest,
    ) -> Option<Result<Operation<'_>, Operation<'_>>> {
        let version = request.version();
        let mut path_only = None;
        for spec in &self.specs {
            if version.is_some_and(|v| v != spec.info.version) {
                continue;
            }
            for api in spec.apis.values() {
                let op = Operation { spec, api };
                if !op.is_roa() || op.path_values(&request.path).is_none() {
                    continue;
                }
                if op.check_method(&request.method).is_ok() {
                    return Some(Ok(op));
                }
                path_only.get_or_insert(op);
            }
        }
        path_only.map(Err)
    }

    /// The operation for the request, if it names a known one: by path for ROA, else by
    /// action and version.
    pub(crate) fn operation_of(&self, request: &IncomingRequest) -> Option<Operation<'_>> {
        if let Some(Ok(op) | Err(op)) = self.route_path(request) {
            return Some(op);
        }
        match self.route(request.action()?, request.version()?) {
            Route::Found(op) => Some(op),
            Route::UnknownVersion | Route::UnknownAction => None,
        }
    }
}

impl Operation<'_> {
    /// Whether the operation is a ROA call: every one of a ROA file, and those of a V3 file
    /// with a path (as the generator decides).
    pub(crate) fn is_roa(&self) -> bool {
        match self.spec.info.style {
            Some(ApiStyle::Roa) => true,
            Some(ApiStyle::V3) => self.template().is_some(),
            _ => false,
        }
    }

    /// The path template, without a query part, with `[name]` read as `{name}`; `None` for
    /// none or `/`.
    fn template(&self) -> Option<String> {
        let path = self.api.path.as_deref()?.split('?').next()?.trim();
        (!path.is_empty() && path != "/").then(|| path.replace('[', "{").replace(']', "}"))
    }

    /// The path variables (decoded) when `path` (as received, percent-encoded) matches the
    /// template: literal segments equal, each `{Name}` one non-empty segment, a last
    /// `{+Name}` or `{Name*}` the rest of the path.
    pub(crate) fn path_values(&self, path: &str) -> Option<Vec<(String, String)>> {
        let template = self.template()?;
        let mut values = Vec::new();
        let mut segments = path.split('/');
        let mut pattern = template.split('/').peekable();
        while let Some(part) = pattern.next() {
            let variable = part
                .strip_prefix('{')
                .and_then(|p| p.strip_suffix('}'))
                .map(|v| v.trim_start_matches('+').trim_end_matches('*'));
            let rest = part.starts_with("{+") || part.ends_with("*}");
            match variable {
                Some(name) if rest && pattern.peek().is_none() => {
                    let rest: Vec<&str> = segments.by_ref().collect();
                    let value = crate::encoding::form_decode(&rest.join("/").replace('+', "%2B"));
                    if value.is_empty() {
                        return None;
                    }
                    values.push((name.to_owned(), value));
                }
                Some(name) => {
                    let segment = segments.next()?;
                    let value = crate::encoding::form_decode(&segment.replace('+', "%2B"));
                    if value.is_empty() {
                        return None;
                    }
                    values.push((name.to_owned(), value));
                }
                None => {
                    let segment = segments.next()?;
                    if crate::encoding::form_decode(&segment.replace('+', "%2B")) != part {
                        return None;
                    }
                }
            }
        }
        segments.next().is_none().then_some(values)
    }

    /// The HTTP status and message the spec documents for `code`, if it does.
    pub(crate) fn documented_error(&self, code: &str) -> Option<(StatusCode, String)> {
        self.api
            .error_codes_by_status()
            .find(|(_, e)| e.error_code == code)
            .map(|(status, e)| {
                let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
                // The documented text as written (some pages have stray spaces); the code
                // when there is none.
                let message = e
                    .error_message
                    .as_deref()
                    .filter(|m| !m.trim().is_empty())
                    .unwrap_or(code)
                    .to_owned();
                (status, message)
            })
    }

    /// `UnsupportedHTTPMethod` unless the operation's `methods` allow `method`.
    pub(crate) fn check_method(&self, method: &str) -> Result<(), ServiceError> {
        let allowed = self.api.methods.is_empty()
            || self
                .api
                .methods
                .iter()
                .any(|m| m.as_str().eq_ignore_ascii_case(method));
        if allowed {
            Ok(())
        } else {
            Err(ServiceError::gateway(codes::UNSUPPORTED_HTTP_METHOD))
        }
    }

    /// `MissingParameter` for the first required parameter that is absent, then
    /// `InvalidParameter` for the first value that does not have the declared type.
    pub(crate) fn check_parameters(&self, request: &IncomingRequest) -> Result<(), ServiceError> {
        for parameter in &self.api.parameters {
            if parameter.is_required() && !self.is_present(parameter, request) {
                return Err(ServiceError::missing(
                    codes::MISSING_PARAMETER,
                    &parameter.name,
                ));
            }
        }
        for parameter in &self.api.parameters {
            self.check_type(parameter, request)?;
        }
        if self.is_roa() {
            self.check_body(request)?;
        }
        Ok(())
    }

    /// The body of a ROA call: a required body is there; a JSON body parses; the required
    /// members of an object body are there (`MissingParameter` naming them).
    fn check_body(&self, request: &IncomingRequest) -> Result<(), ServiceError> {
        let Some(parameter) = self
            .api
            .parameters
            .iter()
            .find(|p| p.location == Some(ParameterLocation::Body))
        else {
            return Ok(());
        };
        let is_json = request
            .header("content-type")
            .is_some_and(|ct| ct.to_ascii_lowercase().contains("json"));
        if request.body.is_empty() {
            return match parameter.is_required() {
                true => Err(ServiceError::missing(
                    codes::MISSING_PARAMETER,
                    &parameter.name,
                )),
                false => Ok(()),
            };
        }
        if !is_json {
            return Ok(());
        }
        let body: Value = serde_json::from_slice(&request.body).map_err(|_| invalid("body"))?;
        let Some(schema) = self.schema_of(parameter) else {
            return Ok(());
        };
        for (name, property) in &schema.properties {
            let present = body.get(name).is_some_and(|v| !v.is_null());
            if property.required && !present {
                return Err(ServiceError::missing(codes::MISSING_PARAMETER, name));
            }
        }
        Ok(())
    }

    fn schema_of<'s>(&'s self, parameter: &'s Parameter) -> Option<&'s Schema> {
        parameter.schema.as_ref().map(|s| self.spec.resolve(s))
    }

    /// Whether the parameter is flattened into `Name.1`, `Name.Key`, ... on the wire.
    fn is_flattened(&self, parameter: &Parameter) -> bool {
        let structured = self.schema_of(parameter).is_some_and(|s| {
            matches!(
                s.schema_type,
                Some(SchemaType::Array) | Some(SchemaType::Object)
            )
        });
        match &parameter.style {
            Some(ParameterStyle::RepeatList) | Some(ParameterStyle::Flat) => true,
            Some(_) => false,
            None => structured,
        }
    }

    fn is_present(&self, parameter: &Parameter, request: &IncomingRequest) -> bool {
        let name = parameter.name.as_str();
        let non_empty = |v: &str| parameter.allow_empty_value || !v.is_empty();
        match parameter.location {
            Some(ParameterLocation::Header) => return request.header(name).is_some_and(non_empty),
            // Routing matched the path: its variables are there and non-empty.
            Some(ParameterLocation::Path) if self.is_roa() => return true,
            // The body of a ROA call: checked by `check_body`.
            Some(ParameterLocation::Body) if self.is_roa() => return true,
            _ => {}
        }
        let prefix = format!("{name}.");
        request.params().any(|(n, v)| {
            (n == name && non_empty(v)) || (self.is_flattened(parameter) && n.starts_with(&prefix))
        })
    }

    fn check_type(
        &self,
        parameter: &Parameter,
        request: &IncomingRequest,
    ) -> Result<(), ServiceError> {
        let Some(schema) = self.schema_of(parameter) else {
            return Ok(());
        };
        let name = parameter.name.as_str();
        if parameter.location == Some(ParameterLocation::Header) {
            return match request.header(name) {
                Some(value) if !scalar_fits(schema, value) => Err(invalid(name)),
                _ => Ok(()),
            };
        }
        match schema.schema_type {
            Some(SchemaType::Array) if self.is_flattened(parameter) => {
                let Some(items) = schema.items.as_deref().map(|i| self.spec.resolve(i)) else {
                    return Ok(());
                };
                let prefix = format!("{name}.");
                for (wire, value) in request.params() {
                    let Some(index) = wire.strip_prefix(&prefix) else {
                        continue;
                    };
                    let is_item = !index.is_empty() && index.bytes().all(|b| b.is_ascii_digit());
                    if is_item && !scalar_fits(items, value) {
                        return Err(invalid(wire));
                    }
                }
                Ok(())
            }
            _ => {
                for (wire, value) in request.params() {
                    if wire == name && !scalar_fits(schema, value) {
                        return Err(invalid(name));
                    }
                }
                Ok(())
            }
        }
    }

    /// The documented success body with `RequestId` set: the JSON example of
    /// `responseDemo`, else a minimal body built from the response schema's examples.
    pub(crate) fn success_body(&self, request_id: &str) -> Value {
        let mut body = self
            .api
            .response_demos()
            .ok()
            .and_then(|demos| {
                demos
                    .into_iter()
                    .filter(|d| d.demo_type.eq_ignore_ascii_case("json"))
                    .find_map(|d| serde_json::from_str::<Value>(d.example.trim()).ok())
            })
            .filter(Value::is_object)
            .unwrap_or_else(|| {
                self.api
                    .success_schema()
                    .map(|s| self.example_value(s, "", 0))
                    .filter(Value::is_object)
                    .unwrap_or_else(|| json!({}))
            });
        if let Value::Object(map) = &mut body {
            map.insert("RequestId".into(), json!(request_id));
        }
        body
    }

    /// The documented success of a ROA call: the first 2xx status of `responses` (200 when
    /// none), and the JSON example of `responseDemo` (of any JSON type), else a value built
    /// from the schema; no body when the operation documents none.
    pub(crate) fn roa_success(&self) -> (StatusCode, Option<Value>) {
        let status = self
            .api
            .responses
            .keys()
            .filter_map(|k| k.parse::<u16>().ok())
            .filter(|s| (200..300).contains(s))
            .min()
            .and_then(|s| StatusCode::from_u16(s).ok())
            .unwrap_or(StatusCode::OK);
        let schema = self
            .api
            .responses
            .get(status.as_str())
            .and_then(|r| r.schema.as_ref());
        let demo = self.api.response_demos().ok().and_then(|demos| {
            demos
                .into_iter()
                .filter(|d| d.demo_type.eq_ignore_ascii_case("json"))
                .find_map(|d| serde_json::from_str::<Value>(d.example.trim()).ok())
        });
        let body = match (demo, schema) {
            (Some(demo), _) if schema.is_some() || !demo.is_null() => Some(demo),
            (_, Some(schema)) => Some(self.example_value(schema, "", 0)),
            _ => None,
        };
        (status, body)
    }

    /// A value for `schema` from its `example`s; objects recurse, arrays get one item.
    fn example_value(&self, schema: &Schema, field: &str, depth: usize) -> Value {
        let schema = self.spec.resolve(schema);
        if depth > MAX_SCHEMA_DEPTH {
            return Value::Null;
        }
        let example = schema.example.as_ref().filter(|e| !is_blank(e));
        match schema.schema_type {
            Some(SchemaType::Object) | None if !schema.properties.is_empty() => {
                let map: Map<String, Value> = schema
                    .properties
                    .iter()
                    .map(|(name, s)| (name.clone(), self.example_value(s, name, depth + 1)))
                    .collect();
                Value::Object(map)
            }
            Some(SchemaType::Object) => json!({}),
            Some(SchemaType::Array) => match schema.items.as_deref() {
                Some(items) => json!([self.example_value(items, field, depth + 1)]),
                None => json!([]),
            },
            Some(SchemaType::Integer) => example.and_then(as_i64).map_or(json!(0), Value::from),
            Some(SchemaType::Number) => example.and_then(as_f64).map_or(json!(0.0), Value::from),
            Some(SchemaType::Boolean) => example
                .and_then(as_bool)
                .map_or(json!(field == "Success"), Value::from),
            _ => match example {
                Some(Value::String(s)) => json!(s),
                Some(other) => json!(other.to_string()),
                None => json!(""),
            },
        }
    }
}

fn invalid(name: &str) -> ServiceError {
    ServiceError::new(
        StatusCode::BAD_REQUEST,
        codes::INVALID_PARAMETER,
        codes::invalid_parameter_message(name),
    )
}

/// Whether a wire value has the scalar type of `schema` (strings, objects and unknown
/// types accept anything).
fn scalar_fits(schema: &Schema, value: &str) -> bool {
    let value = value.trim();
    match schema.schema_type {
        Some(SchemaType::Integer) => match schema.format.as_deref() {
            Some("int32") => value.parse::<i32>().is_ok(),
            _ => value.parse::<i64>().is_ok(),
        },
        Some(SchemaType::Number) => value.parse::<f64>().is_ok_and(f64::is_finite),
        Some(SchemaType::Boolean) => {
            value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false")
        }
        _ => true,
    }
}

fn is_blank(value: &Value) -> bool {
    matches!(value, Value::Null) || value.as_str().is_some_and(|s| s.trim().is_empty())
}

fn as_i64(value: &Value) -> Option<i64> {
    value
        .as_i64()
        .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()))
}

fn as_f64(value: &Value) -> Option<f64> {
    value
        .as_f64()
        .or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()))
        .filter(|f: &f64| f.is_finite())
}

fn as_bool(value: &Value) -> Option<bool> {
    value
        .as_bool()
        .or_else(|| match value.as_str().map(str::trim) {
            Some(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Some(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use bytes::Bytes;

    use super::*;

    const SPEC: &str = r##"{
        "info": {"style": "RPC", "product": "Demo", "version": "2024-01-01"},
        "components": {"schemas": {"Item": {"type": "object", "properties": {
            "Id": {"type": "integer", "format": "int64", "example": "42"}}}}},
        "apis": {
            "GetThing": {
                "methods": ["post"],
                "parameters": [
                    {"name": "Id", "in": "query", "schema": {"type": "string", "required": true}},
                    {"name": "Size", "in": "query", "schema": {"type": "integer", "format": "int32"}},
                    {"name": "Flag", "in": "formData", "schema": {"type": "boolean"}},
                    {"name": "Ratio", "in": "query", "schema": {"type": "number"}},
                    {"name": "Tags", "in": "query", "style": "repeatList",
                     "schema": {"type": "array", "required": true,
                                "items": {"type": "integer"}}}
                ],
                "responses": {"200": {"schema": {"type": "object", "properties": {
                    "RequestId": {"type": "string", "example": "X"},
                    "Success": {"type": "boolean"},
                    "Count": {"type": "integer", "example": "7"},
                    "Items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}
                }}}},
                "errorCodes": {"403": [{"errorCode": "Thing.Denied", "errorMessage": "No."}]}
            }
        }
    }"##;

    fn catalog() -> Catalog {
        Catalog::new(vec![
            alibabacloud_spec::load_str(SPEC, "demo.json").unwrap(),
        ])
    }

    fn request(method: &str, query: &str) -> IncomingRequest {
        let request = http::Request::builder()
            .method(method)
            .uri(format!("/?{query}"))
            .body(Bytes::new())
            .unwrap();
        IncomingRequest::from_http(&request)
    }

    #[test]
    fn routes_by_version_then_action() {
        let catalog = catalog();
        assert!(matches!(
            catalog.route("GetThing", "2024-01-01"),
            Route::Found(_)
        ));
        assert!(matches!(
            catalog.route("Nope", "2024-01-01"),
            Route::UnknownAction
        ));
        assert!(matches!(
            catalog.route("GetThing", "2020-01-01"),
            Route::UnknownVersion
        ));
    }

    #[test]
    fn checks_method_and_parameters() {
        let catalog = catalog();
        let Route::Found(op) = catalog.route("GetThing", "2024-01-01") else {
            panic!("not found")
        };
        assert_eq!(
            op.check_method("GET").unwrap_err().code,
            codes::UNSUPPORTED_HTTP_METHOD
        );
        assert!(op.check_method("POST").is_ok());
        let missing = op
            .check_parameters(&request("POST", "Tags.1=1"))
            .unwrap_err();
        assert_eq!(missing.code, "MissingParameter");
        assert!(missing.message.contains("\"Id\""));
        let missing = op.check_parameters(&request("POST", "Id=")).unwrap_err();
        assert!(missing.message.contains("\"Id\""));
        let missing = op.check_parameters(&request("POST", "Id=a")).unwrap_err();
        assert!(missing.message.contains("\"Tags\""));
        assert!(
            op.check_parameters(&request("POST", "Id=a&Tags.1=1&Tags.2=2"))
                .is_ok()
        );
        for (query, bad) in [
            ("Size=x", "Size"),
            ("Size=3000000000", "Size"),
            ("Ratio=abc", "Ratio"),
            ("Tags.2=z", "Tags.2"),
        ] {
            let err = op
                .check_parameters(&request("POST", &format!("Id=a&Tags.1=1&{query}")))
                .unwrap_err();
            assert_eq!(err.code, "InvalidParameter", "{query}");
            assert!(
                err.message.contains(&format!("\"{bad}\"")),
                "{}",
                err.message
            );
        }
        assert!(
            op.check_parameters(&request("POST", "Id=a&Tags.1=1&Size=5&Ratio=0.5"))
                .is_ok()
        );
    }

    #[test]
    fn builds_a_body_from_the_schema() {
        let catalog = catalog();
        let Route::Found(op) = catalog.route("GetThing", "2024-01-01") else {
            panic!("not found")
        };
        let body = op.success_body("RID");
        assert_eq!(
            body,
            json!({"RequestId": "RID", "Success": true, "Count": 7, "Items": [{"Id": 42}]})
        );
        assert_eq!(
            op.documented_error("Thing.Denied"),
            Some((StatusCode::FORBIDDEN, "No.".to_owned()))
        );
        assert_eq!(op.documented_error("Other"), None);
    }

    const ROA: &str = r##"{
        "info": {"style": "ROA", "product": "Demo", "version": "2015-12-15"},
        "apis": {
            "GetCluster": {
                "path": "/clusters/{ClusterId}", "methods": ["get"],
                "parameters": [{"name": "ClusterId", "in": "path",
                                "schema": {"type": "string", "required": true}}],
                "responses": {"200": {"schema": {"type": "object", "properties": {
                    "name": {"type": "string", "example": "c1"}}}}}
            },
            "DeleteCluster": {
                "path": "/clusters/{ClusterId}", "methods": ["delete"],
                "parameters": [{"name": "ClusterId", "in": "path",
                                "schema": {"type": "string", "required": true}}],
                "responses": {"202": {}}
            },
            "CreateCluster": {
                "path": "/clusters", "methods": ["post"],
                "parameters": [{"name": "body", "in": "body", "schema": {"type": "object",
                    "properties": {"name": {"type": "string", "required": true},
                                   "region_id": {"type": "string"}}}}]
            }
        }
    }"##;

    fn roa_request(method: &str, path: &str, body: &'static str) -> IncomingRequest {
        let request = http::Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", "application/json; charset=utf-8")
            .body(Bytes::from_static(body.as_bytes()))
            .unwrap();
        IncomingRequest::from_http(&request)
    }

    #[test]
    fn routes_roa_by_method_and_path_template() {
        let catalog = Catalog::new(vec![alibabacloud_spec::load_str(ROA, "roa.json").unwrap()]);
        let get = roa_request("GET", "/clusters/c%2Fx", "");
        let Some(Ok(op)) = catalog.route_path(&get) else {
            panic!("not routed")
        };
        assert!(op.is_roa());
        assert_eq!(
            op.path_values(&get.path).unwrap(),
            [("ClusterId".into(), "c/x".into())]
        );
        assert_eq!(
            op.roa_success(),
            (StatusCode::OK, Some(json!({"name": "c1"})))
        );
        let delete = roa_request("DELETE", "/clusters/c1", "");
        let Some(Ok(op)) = catalog.route_path(&delete) else {
            panic!("not routed")
        };
        assert_eq!(op.roa_success(), (StatusCode::ACCEPTED, None));
        // The path matches, the method does not; other paths match nothing.
        assert!(matches!(
            catalog.route_path(&roa_request("PUT", "/clusters/c1", "")),
            Some(Err(_))
        ));
        for path in ["/clusters/", "/clusters/c1/x", "/other"] {
            assert!(
                catalog.route_path(&roa_request("GET", path, "")).is_none(),
                "{path}"
            );
        }
        // The body: required members, JSON.
        let create = |body| {
            let request = roa_request("POST", "/clusters", body);
            let Some(Ok(op)) = catalog.route_path(&request) else {
                panic!("not routed")
            };
            op.check_parameters(&request)
        };
        assert!(create(r#"{"name": "a"}"#).is_ok());
        let missing = create(r#"{"region_id": "x"}"#).unwrap_err();
        assert_eq!(missing.code, "MissingParameter");
        assert!(missing.message.contains("\"name\""), "{}", missing.message);
        assert_eq!(create("{nope").unwrap_err().code, "InvalidParameter");
    }
}
