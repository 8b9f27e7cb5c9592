//! The parameters of one request: how each parameter of an operation is sent
//! ([`ParamSpec`], a table the generated clients write), and the flattened `name=value`
//! pairs the runtime signs and sends ([`Params`]), made from a request model by one generic
//! serializer ([`Params::from_request`]).
//!
//! The serializer walks the request's `serde::Serialize` impl, field by field in the order of
//! the table, and writes every value straight into one buffer: no `serde_json::Value`, and no
//! allocation per parameter. Values are sent as the official SDKs send them (see
//! [`signing::flatten`](crate::signing::flatten) for the rules of each style):
//!
//! - a string as it is; a number or boolean as its `Display` text;
//! - a list, a map or an object expanded by its style: `Name.1`, `Name.Key` (`repeatList`,
//!   `flat`), one JSON string (`json`), or the items joined (`simple`, `spaceDelimited`,
//!   `pipeDelimited`);
//! - an absent value (`None`, an empty list) not at all; a required one that is absent fails
//!   with [`ConstructionError::MissingParameter`] before anything is sent.
//!
//! ROA operations also have path and host parameters (scalars, never empty) and a body
//! ([`RequestBody`]): the members of a JSON object (each [`ParamLocation::Body`] parameter
//! serialized as JSON with the wire names of its model, in the order of the fields), or one
//! [`ParamLocation::Payload`] parameter that is the whole body (JSON, text as it is, or
//! bytes).

mod serialize;

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde::Serialize;

use crate::error::ConstructionError;
use crate::signing::flatten::ParamStyle;

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ParamLocation {
    /// The URL query string.
    Query,
    /// The `application/x-www-form-urlencoded` body (in the query for methods without a
    /// body, such as GET).
    Form,
    /// An HTTP header.
    Header,
    /// A variable of the operation's path template (`{ClusterId}`): required, never empty,
    /// percent-encoded.
    Path,
    /// The first label of the host name (`in: host`): the request goes to
    /// `<value>.<endpoint host>`.
    Host,
    /// A member of the JSON object body (`{"name": value}`), serialized with the wire names
    /// of its model.
    Body,
    /// The whole body: a string is sent as it is (`application/json`), a
    /// [`Blob`](alibabacloud_types::Blob) as bytes (`application/octet-stream`), anything
    /// else as JSON.
    Payload,
}

impl ParamLocation {
    /// Whether parameters here are flattened into `Name.1`, `Name.Key`, ... (query, form and
    /// header parameters); the others are scalars (path, host) or JSON (body).
    fn flattens(self) -> bool {
        matches!(
            self,
            ParamLocation::Query | ParamLocation::Form | ParamLocation::Header
        )
    }
}

/// The body of a request, as [`Params::from_request`] made it from the request's
/// [`ParamLocation::Body`] or [`ParamLocation::Payload`] parameters. Cheap to clone: every
/// attempt of a call sends the same bytes (or streams them again).
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestBody {
    /// A JSON document, or text sent as it is (a string parameter that holds the body holds
    /// a JSON document): `application/json; charset=utf-8`.
    Json(bytes::Bytes),
    /// Bytes: `application/octet-stream`.
    Binary(bytes::Bytes),
    /// Bytes streamed when the request is sent (a [`Blob`](alibabacloud_types::Blob) made by
    /// [`Blob::from_path`](alibabacloud_types::Blob::from_path) or
    /// [`blob_from_reader`](crate::blob_from_reader)): `application/octet-stream`.
    Stream(alibabacloud_types::Blob),
}

impl RequestBody {
    /// The bytes to send, when they are in memory (`None` for a stream).
    pub fn bytes(&self) -> Option<&bytes::Bytes> {
        match self {
            RequestBody::Json(bytes) | RequestBody::Binary(bytes) => Some(bytes),
            RequestBody::Stream(_) => None,
        }
    }

    /// The `content-type` it is sent with.
    pub fn content_type(&self) -> &'static str {
        match self {
            RequestBody::Json(_) => JSON_CONTENT_TYPE,
            RequestBody::Binary(_) | RequestBody::Stream(_) => BINARY_CONTENT_TYPE,
        }
    }
}

impl fmt::Debug for RequestBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestBody::Json(json) => f
                .debug_tuple("Json")
                .field(&String::from_utf8_lossy(json))
                .finish(),
            RequestBody::Binary(bytes) => write!(f, "Binary({} bytes)", bytes.len()),
            RequestBody::Stream(blob) => write!(f, "Stream({blob:?})"),
        }
    }
}

/// The content type of a JSON body, as the official SDKs send it.
pub const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";
/// The content type of a binary body.
pub const BINARY_CONTENT_TYPE: &str = "application/octet-stream";

/// How one parameter of an operation is sent. The generated clients list one per field of
/// the request, in the order of its fields, in
/// [`OperationShape::PARAMS`](crate::OperationShape::PARAMS):
///
/// ```
/// use alibabacloud_core::{ParamSpec, ParamStyle};
///
/// const PARAMS: &[ParamSpec] = &[
///     ParamSpec::query("RegionId").required(),
///     ParamSpec::form("Tag").style(ParamStyle::Json),
///     ParamSpec::query("Ticket").secret(),
/// ];
/// assert!(PARAMS[0].required && PARAMS[2].secret);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParamSpec {
    /// The wire name, e.g. `RegionId`; also the request field's serde name.
    pub name: &'static str,
    /// Where it goes.
    pub location: ParamLocation,
    /// How a list, map or object value is flattened.
    pub style: ParamStyle,
    /// Whether the request cannot be sent without it.
    pub required: bool,
    /// Whether the value is a secret: kept out of logs and scrubbed from errors (for the
    /// parameters that are not part of the body).
    pub secret: bool,
}

impl ParamSpec {
    /// A parameter of the query string.
    pub const fn query(name: &'static str) -> Self {
        Self::new(name, ParamLocation::Query)
    }

    /// A parameter of the form body (`in: formData` or `in: body`).
    pub const fn form(name: &'static str) -> Self {
        Self::new(name, ParamLocation::Form)
    }

    /// A header.
    pub const fn header(name: &'static str) -> Self {
        Self::new(name, ParamLocation::Header)
    }

    /// A variable of the path template; always required.
    pub const fn path(name: &'static str) -> Self {
        Self::new(name, ParamLocation::Path).required()
    }

    /// The first label of the host name; always required.
    pub const fn host(name: &'static str) -> Self {
        Self::new(name, ParamLocation::Host).required()
    }

    /// A member of the JSON object body.
    pub const fn body(name: &'static str) -> Self {
        Self::new(name, ParamLocation::Body)
    }

    /// The whole body.
    pub const fn payload(name: &'static str) -> Self {
        Self::new(name, ParamLocation::Payload)
    }

    /// A parameter at `location`: optional, not secret, lists as `Name.1`.
    pub const fn new(name: &'static str, location: ParamLocation) -> Self {
        Self {
            name,
            location,
            style: ParamStyle::RepeatList,
            required: false,
            secret: false,
        }
    }

    /// The same parameter, required.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// The same parameter, secret.
    pub const fn secret(mut self) -> Self {
        self.secret = true;
        self
    }

    /// The same parameter, flattened in `style`.
    pub const fn style(mut self, style: ParamStyle) -> Self {
        self.style = style;
        self
    }
}

/// A name or a value: a `'static` string, or a range of the buffer of [`Params`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Text {
    Static(&'static str),
    Buffer(usize, usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Entry {
    location: ParamLocation,
    name: Text,
    value: Text,
    secret: bool,
}

/// One flattened parameter, as [`Params::iter`] gives it.
#[derive(Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Param<'a> {
    /// Where it goes.
    pub location: ParamLocation,
    /// The wire name, e.g. `Tag.1.Key`.
    pub name: &'a str,
    /// The value as sent.
    pub value: &'a str,
    /// True if the value is a secret: it is kept out of logs and scrubbed from error messages.
    pub secret: bool,
}

impl fmt::Debug for Param<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value: &dyn fmt::Debug = if self.secret {
            &"** redacted **"
        } else {
            &self.value
        };
        f.debug_struct("Param")
            .field("location", &self.location)
            .field("name", &self.name)
            .field("value", value)
            .finish()
    }
}

/// The flattened parameters of one request, in the order they were added (names and values
/// share one buffer), and its body, if it has one.
#[derive(Clone, Default)]
pub struct Params {
    text: String,
    entries: Vec<Entry>,
    body: Option<RequestBody>,
    /// The JSON object body while its members are written (`{"a":1,"b":2` so far).
    members: Option<Vec<u8>>,
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Params")
            .field("items", &self.iter().collect::<Vec<_>>())
            .field("body", &self.body)
            .finish()
    }
}

impl PartialEq for Params {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter()) && self.body == other.body
    }
}

impl Eq for Params {}

impl Params {
    /// No parameters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `n` parameters.
    pub fn with_capacity(n: usize) -> Self {
        Params {
            text: String::new(),
            entries: Vec::with_capacity(n),
            body: None,
            members: None,
        }
    }

    /// The parameters of `request` (a request model of `operation`), sent as `specs` says:
    /// one spec per field of the request, in the order of its fields.
    ///
    /// # Errors
    /// [`ConstructionError::MissingParameter`] when a required parameter is absent;
    /// [`ConstructionError::InvalidParameter`] when a value cannot be sent (a map whose keys
    /// are not strings, a value nested too deeply, a field without a spec).
    pub fn from_request<T: Serialize + ?Sized>(
        operation: &'static str,
        specs: &'static [ParamSpec],
        request: &T,
    ) -> Result<Params, ConstructionError> {
        let mut params = Params::with_capacity(specs.len());
        serialize::request(&mut params, specs, request)
            .map_err(|fail| fail.into_error(operation))?;
        Ok(params)
    }

    /// Adds a scalar parameter.
    pub fn push(
        &mut self,
        location: ParamLocation,
        name: impl Into<Cow<'static, str>>,
        value: impl AsRef<str>,
    ) {
        self.push_param(location, name.into(), value.as_ref(), false);
    }

    /// Adds a scalar parameter whose value is a secret.
    pub fn push_secret(
        &mut self,
        location: ParamLocation,
        name: impl Into<Cow<'static, str>>,
        value: impl AsRef<str>,
    ) {
        self.push_param(location, name.into(), value.as_ref(), true);
    }

    fn push_param(
        &mut self,
        location: ParamLocation,
        name: Cow<'static, str>,
        value: &str,
        secret: bool,
    ) {
        let name = match name {
            Cow::Borrowed(name) => Text::Static(name),
            Cow::Owned(name) => self.copy(&name),
        };
        let value = self.copy(value);
        self.entries.push(Entry {
            location,
            name,
            value,
            secret,
        });
    }

    /// Adds a structured parameter (a list, an object, or a scalar), flattened by its `style`
    /// (`Name.1.Key` for repeatList and flat, one JSON string for json, joined for the
    /// delimited styles).
    ///
    /// # Errors
    /// [`ConstructionError::InvalidParameter`] when the value cannot be sent.
    pub fn push_structured<T: Serialize + ?Sized>(
        &mut self,
        operation: &'static str,
        location: ParamLocation,
        name: &'static str,
        style: ParamStyle,
        value: &T,
        secret: bool,
    ) -> Result<(), ConstructionError> {
        let spec = ParamSpec {
            name,
            location,
            style,
            required: false,
            secret,
        };
        serialize::param(self, &spec, &mut String::new(), value)
            .map_err(|fail| fail.in_parameter(name).into_error(operation))
    }

    /// The parameters, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = Param<'_>> {
        self.entries.iter().map(|entry| Param {
            location: entry.location,
            name: self.text(entry.name),
            value: self.text(entry.value),
            secret: entry.secret,
        })
    }

    /// The body, if the request has one.
    pub fn body(&self) -> Option<&RequestBody> {
        self.body.as_ref()
    }

    /// Sets the body (replacing any).
    pub fn set_body(&mut self, body: RequestBody) {
        self.body = Some(body);
    }

    /// The first value of the parameter `name` at `location`.
    pub fn get(&self, location: ParamLocation, name: &str) -> Option<&str> {
        self.iter()
            .find(|p| p.location == location && p.name == name)
            .map(|p| p.value)
    }

    /// The number of parameters (the body not counted).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if there are none and no body.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.body.is_none()
    }

    /// The values of the secret parameters (to scrub them from errors).
    pub(crate) fn secret_values(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|entry| entry.secret)
            .map(|entry| self.text(entry.value))
            .filter(|value| !value.is_empty())
    }

    fn text(&self, text: Text) -> &str {
        match text {
            Text::Static(s) => s,
            Text::Buffer(start, end) => self.text.get(start..end).unwrap_or_default(),
        }
    }

    /// Reserves room for a request's values on first use: one allocation for the whole
    /// buffer in the common case.
    fn reserve(&mut self, additional: usize) {
        if self.text.capacity() == 0 {
            self.text
                .reserve(additional.max(self.entries.capacity().clamp(1, 16) * 32));
        }
    }

    fn copy(&mut self, s: &str) -> Text {
        self.reserve(s.len());
        let start = self.text.len();
        self.text.push_str(s);
        Text::Buffer(start, self.text.len())
    }

    /// Appends `value` with `Display` as a value.
    fn display(&mut self, value: impl fmt::Display) -> Text {
        self.reserve(24);
        let start = self.text.len();
        let _ = write!(self.text, "{value}");
        Text::Buffer(start, self.text.len())
    }

    /// The JSON object body, open for one more member: `{` the first time, `,` after that.
    fn next_member(&mut self) -> &mut Vec<u8> {
        let members = self.members.get_or_insert_with(|| Vec::with_capacity(256));
        members.push(if members.is_empty() { b'{' } else { b',' });
        members
    }

    /// Closes the JSON object body (`{}` when no member was written): the body of an
    /// operation that has body members is always a JSON object, as the official SDKs send it.
    fn close_members(&mut self) {
        let mut members = self.members.take().unwrap_or_default();
        if members.is_empty() {
            members.push(b'{');
        }
        members.push(b'}');
        self.body = Some(RequestBody::Json(bytes::Bytes::from(members)));
    }

    fn add(&mut self, spec: &ParamSpec, name: Text, value: Text) {
        self.entries.push(Entry {
            location: spec.location,
            name,
            value,
            secret: spec.secret,
        });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeMap;

    use super::*;
    use crate::signing::flatten::flatten;

    alibabacloud_types::open_enum! {
        /// A kind.
        pub enum Kind {
            /// A.
            Alpha = "alpha",
        }
    }

    alibabacloud_types::model! {
        /// A tag.
        pub struct Tag {
            /// Key.
            #[wire("Key", with_key)]
            pub key: Option<String>,
            /// Value.
            #[wire("Value", with_value)]
            pub value: Option<String>,
        }
    }

    alibabacloud_types::model! {
        /// A request with one field per kind of value.
        pub struct Request {
            /// .
            #[wire("Name", with_name)]
            pub name: Option<String>,
            /// .
            #[wire("Count", with_count)]
            pub count: Option<i64>,
            /// .
            #[wire("Ratio", with_ratio)]
            pub ratio: Option<f64>,
            /// .
            #[wire("DryRun", with_dry_run)]
            pub dry_run: Option<bool>,
            /// .
            #[wire("Kind", with_kind)]
            pub kind: Option<Kind>,
            /// .
            #[wire("Tag", with_tag)]
            pub tag: Vec<Tag>,
            /// .
            #[wire("Matrix", with_matrix)]
            pub matrix: Vec<Vec<f64>>,
            /// .
            #[wire("Labels", with_labels)]
            pub labels: std::collections::BTreeMap<String, String>,
            /// .
            #[wire("Filter", with_filter)]
            pub filter: Option<Tag>,
            /// .
            #[wire("Extra", with_extra)]
            pub extra: Option<serde_json::Value>,
            /// .
            #[wire("Ticket", with_ticket)]
            #[secret]
            pub ticket: Option<String>,
        }
    }

    const SPECS: &[ParamSpec] = &[
        ParamSpec::query("Name").required(),
        ParamSpec::query("Count"),
        ParamSpec::query("Ratio"),
        ParamSpec::form("DryRun"),
        ParamSpec::query("Kind"),
        ParamSpec::query("Tag"),
        ParamSpec::query("Matrix"),
        ParamSpec::query("Labels"),
        ParamSpec::query("Filter").style(ParamStyle::Flat),
        ParamSpec::query("Extra"),
        ParamSpec::header("Ticket").secret(),
    ];

    fn pairs(params: &Params) -> Vec<(String, String)> {
        params
            .iter()
            .map(|p| (p.name.to_owned(), p.value.to_owned()))
            .collect()
    }

    fn pair(name: &str, value: &str) -> (String, String) {
        (name.to_owned(), value.to_owned())
    }

    #[test]
    fn scalars_are_sent_as_text_and_absent_values_not_at_all() {
        let request = Request::new()
            .with_name("n")
            .with_count(-3)
            .with_ratio(1.0)
            .with_dry_run(true)
            .with_kind(Kind::Alpha);
        let params = Params::from_request("Op", SPECS, &request).unwrap();
        assert_eq!(
            pairs(&params),
            [
                pair("Name", "n"),
                pair("Count", "-3"),
                pair("Ratio", "1"),
                pair("DryRun", "true"),
                pair("Kind", "alpha"),
            ]
        );
        let locations: Vec<_> = params.iter().map(|p| p.location).collect();
        assert_eq!(locations[3], ParamLocation::Form);
        let unknown = Request::new().with_name("n").with_kind("beta");
        let params = Params::from_request("Op", SPECS, &unknown).unwrap();
        assert_eq!(pairs(&params)[1], pair("Kind", "beta"));
    }

    #[test]
    fn a_missing_required_parameter_is_named() {
        let err = Params::from_request("Op", SPECS, &Request::new().with_count(1)).unwrap_err();
        assert!(
            matches!(
                err,
                ConstructionError::MissingParameter {
                    operation: "Op",
                    parameter: "Name"
                }
            ),
            "{err:?}"
        );
        // A required list must not be empty; a required last field is checked too.
        const LAST: &[ParamSpec] = &[
            ParamSpec::query("Name"),
            ParamSpec::query("Count"),
            ParamSpec::query("Ratio"),
            ParamSpec::form("DryRun"),
            ParamSpec::query("Kind"),
            ParamSpec::query("Tag").required(),
            ParamSpec::query("Matrix"),
            ParamSpec::query("Labels"),
            ParamSpec::query("Filter"),
            ParamSpec::query("Extra"),
            ParamSpec::header("Ticket").required(),
        ];
        let err = Params::from_request("Op", LAST, &Request::new()).unwrap_err();
        assert!(err.to_string().contains("`Tag`"), "{err}");
        let request = Request::new().with_tag(vec![Tag::new().with_key("k")]);
        let err = Params::from_request("Op", LAST, &request).unwrap_err();
        assert!(err.to_string().contains("`Ticket`"), "{err}");
    }

    #[test]
    fn lists_maps_and_objects_are_flattened() {
        let request = Request::new()
            .with_name("n")
            .with_tag(vec![
                Tag::new().with_key("k1").with_value("v1"),
                Tag::new().with_value("v2"),
            ])
            .with_matrix(vec![vec![1.0, 2.5], vec![], vec![3.0]])
            .with_labels(BTreeMap::from([
                ("b".to_owned(), "2".to_owned()),
                ("a".to_owned(), "1".to_owned()),
            ]))
            .with_filter(Tag::new().with_key("fk"))
            .with_extra(serde_json::json!({"L": [1, null, {"X": true}], "S": "s"}));
        let params = Params::from_request("Op", SPECS, &request).unwrap();
        assert_eq!(
            pairs(&params),
            [
                pair("Name", "n"),
                pair("Tag.1.Key", "k1"),
                pair("Tag.1.Value", "v1"),
                pair("Tag.2.Value", "v2"),
                pair("Matrix.1.1", "1.0"),
                pair("Matrix.1.2", "2.5"),
                pair("Matrix.3.1", "3.0"),
                pair("Labels.a", "1"),
                pair("Labels.b", "2"),
                pair("Filter.Key", "fk"),
                pair("Extra.L.1", "1"),
                pair("Extra.L.3.X", "true"),
                pair("Extra.S", "s"),
            ]
        );
    }

    #[test]
    fn repeat_list_flattening_matches_the_json_rules() {
        let value = serde_json::json!({
            "A": [{"B": [1, 2.5, "x"], "C": null}, [], {}, [[true]]],
            "D": {"E": -7, "F": {"G": "g h"}},
            "H": 1e300,
        });
        let mut expected = Vec::new();
        flatten(ParamStyle::RepeatList, "V", &value, &mut expected);
        let mut params = Params::new();
        params
            .push_structured(
                "Op",
                ParamLocation::Query,
                "V",
                ParamStyle::RepeatList,
                &value,
                false,
            )
            .unwrap();
        assert_eq!(pairs(&params), expected);
    }

    #[test]
    fn json_and_delimited_styles() {
        let tags = vec![Tag::new().with_key("k"), Tag::new()];
        let cases: Vec<(ParamStyle, Params)> = [
            ParamStyle::Json,
            ParamStyle::Simple,
            ParamStyle::SpaceDelimited,
            ParamStyle::PipeDelimited,
        ]
        .into_iter()
        .map(|style| {
            let mut params = Params::new();
            params
                .push_structured("Op", ParamLocation::Query, "Ids", style, &["a", "b"], false)
                .unwrap();
            params
                .push_structured("Op", ParamLocation::Query, "Tags", style, &tags, false)
                .unwrap();
            params
                .push_structured("Op", ParamLocation::Query, "One", style, "as is", false)
                .unwrap();
            params
                .push_structured("Op", ParamLocation::Query, "Num", style, &1.5, false)
                .unwrap();
            (style, params)
        })
        .collect();
        let expected = [
            [r#"["a","b"]"#, r#"[{"Key":"k"},{}]"#],
            ["a,b", r#"{"Key":"k"},{}"#],
            ["a b", r#"{"Key":"k"} {}"#],
            ["a|b", r#"{"Key":"k"}|{}"#],
        ];
        for ((style, params), [ids, tags]) in cases.iter().zip(expected) {
            let got = pairs(params);
            assert_eq!(
                got,
                [
                    pair("Ids", ids),
                    pair("Tags", tags),
                    pair("One", "as is"),
                    pair("Num", "1.5")
                ],
                "{style}"
            );
        }
        let mut params = Params::new();
        let items = serde_json::json!(["a", null, 2, {"K": 1}]);
        params
            .push_structured(
                "Op",
                ParamLocation::Query,
                "L",
                ParamStyle::Simple,
                &items,
                false,
            )
            .unwrap();
        params
            .push_structured(
                "Op",
                ParamLocation::Query,
                "E",
                ParamStyle::Simple,
                &[0u8; 0],
                false,
            )
            .unwrap();
        let object = serde_json::json!({"K": "v"});
        params
            .push_structured(
                "Op",
                ParamLocation::Query,
                "O",
                ParamStyle::PipeDelimited,
                &object,
                false,
            )
            .unwrap();
        assert_eq!(
            pairs(&params),
            [
                pair("L", r#"a,2,{"K":1}"#),
                pair("E", ""),
                pair("O", r#"{"K":"v"}"#)
            ]
        );
    }

    #[test]
    fn secrets_are_marked_and_redacted_in_debug() {
        let request = Request::new().with_name("n").with_ticket("tick-et");
        let params = Params::from_request("Op", SPECS, &request).unwrap();
        let ticket = params.iter().find(|p| p.name == "Ticket").unwrap();
        assert!(ticket.secret);
        assert_eq!(ticket.location, ParamLocation::Header);
        assert_eq!(params.secret_values().collect::<Vec<_>>(), ["tick-et"]);
        let shown = format!("{params:?}");
        assert!(
            !shown.contains("tick-et") && shown.contains("redacted"),
            "{shown}"
        );
    }

    #[test]
    fn values_that_cannot_be_sent_are_errors_not_panics() {
        let mut deep = serde_json::json!(1);
        for _ in 0..200 {
            deep = serde_json::json!([deep]);
        }
        let request = Request::new().with_name("n").with_extra(deep);
        let err = Params::from_request("Op", SPECS, &request).unwrap_err();
        assert!(
            err.to_string().contains("`Extra`") && err.to_string().contains("nested"),
            "{err}"
        );
        let err = Params::from_request("Op", SPECS, &"not a struct").unwrap_err();
        assert!(err.to_string().contains("not a struct"), "{err}");
        const FEWER: &[ParamSpec] = &[ParamSpec::query("Name")];
        let err = Params::from_request("Op", FEWER, &Request::new().with_count(1)).unwrap_err();
        assert!(err.to_string().contains("`Count`"), "{err}");
        let mut params = Params::new();
        let map = BTreeMap::from([(vec![1], "v")]);
        let err = params
            .push_structured(
                "Op",
                ParamLocation::Query,
                "M",
                ParamStyle::Flat,
                &map,
                false,
            )
            .unwrap_err();
        assert!(err.to_string().contains("map key"), "{err}");
    }

    #[test]
    fn names_and_values_share_one_buffer() {
        let mut params = Params::with_capacity(2);
        params.push(ParamLocation::Query, "A", "1");
        params.push(ParamLocation::Query, String::from("B.1"), String::from("2"));
        params.push_secret(ParamLocation::Form, "C", "3");
        assert_eq!(params.len(), 3);
        assert_eq!(
            pairs(&params),
            [pair("A", "1"), pair("B.1", "2"), pair("C", "3")]
        );
        let mut same = Params::new();
        same.push(ParamLocation::Query, String::from("A"), "1");
        same.push(ParamLocation::Query, "B.1", "2");
        same.push_secret(ParamLocation::Form, "C", "3");
        assert_eq!(params, same);
        assert!(Params::new().is_empty());
    }
}
