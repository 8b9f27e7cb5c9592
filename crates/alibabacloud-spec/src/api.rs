//! Operations (`apis.<Name>`): parameters, responses, error codes, RAM actions.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;

use crate::extensions::Extensions;
use crate::lenient;
use crate::schema::Schema;

lenient::open_enum! {
    /// An HTTP method of `methods` (official files write them in lower case).
    pub enum HttpMethod {
        /// `get`.
        Get => "get",
        /// `post`.
        Post => "post",
        /// `put`.
        Put => "put",
        /// `delete`.
        Delete => "delete",
        /// `patch`.
        Patch => "patch",
        /// `head`.
        Head => "head",
        /// `options`.
        Options => "options",
    }
}

lenient::open_enum! {
    /// `operationType`: whether a call only reads. Retries of calls that are not `read`
    /// must not be automatic.
    pub enum OperationType {
        /// `read`: safe to repeat.
        Read => "read",
        /// `write`.
        Write => "write",
        /// `readAndWrite`.
        ReadAndWrite => "readAndWrite",
    }
}

lenient::open_enum! {
    /// `in` of a parameter: where its value travels.
    pub enum ParameterLocation {
        /// `query`: the query string.
        Query => "query",
        /// `formData`: an `application/x-www-form-urlencoded` body.
        FormData => "formData",
        /// `body`: the request body.
        Body => "body",
        /// `header`: an HTTP header.
        Header => "header",
        /// `path`: a variable of the operation's URL path (ROA).
        Path => "path",
        /// `host`: the first label of the host name (`<value>.<endpoint>`).
        Host => "host",
    }
}

lenient::open_enum! {
    /// `style` of a parameter: how an array or object value is flattened to strings.
    pub enum ParameterStyle {
        /// `repeatList`: `Name.1`, `Name.2`, ... and `Name.1.Key` for nested objects.
        RepeatList => "repeatList",
        /// `flat`: like `repeatList`, for nested maps and objects.
        Flat => "flat",
        /// `json`: the whole value as one JSON string.
        Json => "json",
        /// `simple`: comma-separated.
        Simple => "simple",
        /// `spaceDelimited`: space-separated.
        SpaceDelimited => "spaceDelimited",
        /// `pipeDelimited`: `|`-separated.
        PipeDelimited => "pipeDelimited",
    }
}

/// One operation, `apis.<Name>` of the file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Api {
    /// `summary`: one line saying what the operation does.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub summary: Option<String>,
    /// `description` (Markdown).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub description: Option<String>,
    /// `title`.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub title: Option<String>,
    /// `methods`: the HTTP methods the service accepts, in file order (unknown ones are
    /// dropped when loading, with a warning; may be empty).
    #[serde(default, deserialize_with = "lenient::list")]
    pub methods: Vec<HttpMethod>,
    /// `schemes`: `http`, `https`.
    #[serde(default, deserialize_with = "lenient::text_list")]
    pub schemes: Vec<String>,
    /// `operationType`; some official operations have none.
    #[serde(default)]
    pub operation_type: Option<OperationType>,
    /// `deprecated`.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub deprecated: bool,
    /// `parameters`, in file order.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub parameters: Vec<Parameter>,
    /// `responses`, by HTTP status (`"200"`).
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub responses: IndexMap<String, Response>,
    /// `errorCodes`: HTTP status (as text, e.g. `"400"`) -> the documented errors.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub error_codes: IndexMap<String, Vec<ErrorCode>>,
    /// `responseDemo`: a JSON string holding a list of [`ResponseDemo`]s; see
    /// [`Api::response_demos`].
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub response_demo: Option<String>,
    /// `ramActions`: the RAM actions that authorize the call.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub ram_actions: Vec<RamActionEntry>,
    /// `path`: the URL path of a ROA operation (RPC files may carry an empty one).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub path: Option<String>,
    /// `produces`: response media types.
    #[serde(default, deserialize_with = "lenient::text_list")]
    pub produces: Vec<String>,
    /// `consumes`: request media types.
    #[serde(default, deserialize_with = "lenient::text_list")]
    pub consumes: Vec<String>,
    /// `security`: the ways a caller may authenticate, each a scheme name (`AK`,
    /// `BearerToken`, `Anonymous`, ...) with its scopes, in file order.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub security: Vec<IndexMap<String, Value>>,
    /// `x-ram-authorization` (ours): what the documentation page says about RAM beyond
    /// `ramActions`, in particular that it discloses nothing.
    #[serde(rename = "x-ram-authorization", default)]
    pub ram_authorization: Option<RamAuthorization>,
    /// Other `x-` keys, kept as they are.
    #[serde(flatten)]
    pub extensions: Extensions,
}

impl Api {
    /// The schema of the success response (`responses."200".schema`).
    pub fn success_schema(&self) -> Option<&Schema> {
        self.responses.get("200").and_then(|r| r.schema.as_ref())
    }

    /// Every documented error listed under an HTTP status, with that status, in file order
    /// (see [`Api::documented_errors`] for all of them).
    pub fn error_codes_by_status(&self) -> impl Iterator<Item = (u16, &ErrorCode)> {
        self.documented_errors()
            .filter_map(|(status, code)| status.map(|status| (status, code)))
    }

    /// Every documented error, in file order, with its HTTP status: `None` when the
    /// `errorCodes` key is not an HTTP status (official files have `"4092"` or
    /// `"999999"`; loading warns about them).
    pub fn documented_errors(&self) -> impl Iterator<Item = (Option<u16>, &ErrorCode)> {
        self.error_codes.iter().flat_map(|(key, codes)| {
            let status = http_status(key);
            codes.iter().map(move |code| (status, code))
        })
    }

    /// Whether the operation is called without credentials: `security` names only the
    /// `Anonymous` scheme.
    pub fn is_anonymous(&self) -> bool {
        let mut schemes = self.security.iter().flat_map(IndexMap::keys).peekable();
        schemes.peek().is_some() && schemes.all(|s| s == "Anonymous")
    }

    /// Whether the operation only reads (`operationType: read`), so that retrying it is safe.
    pub fn is_read_only(&self) -> bool {
        self.operation_type == Some(OperationType::Read)
    }

    /// The examples of `responseDemo`, decoded (empty when there is none).
    pub fn response_demos(&self) -> Result<Vec<ResponseDemo>, serde_json::Error> {
        match self.response_demo.as_deref().map(str::trim) {
            None | Some("") => Ok(Vec::new()),
            Some(text) => serde_json::from_str(text),
        }
    }
}

/// `text` as an HTTP status code (100-599).
pub(crate) fn http_status(text: &str) -> Option<u16> {
    let text = text.trim();
    if text.len() != 3 {
        return None;
    }
    text.parse::<u16>().ok().filter(|s| (100..=599).contains(s))
}

/// One entry of `parameters`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parameter {
    /// `name`: the wire name (never empty after loading: a parameter without one is left
    /// out, with a warning).
    #[serde(default, deserialize_with = "lenient::text")]
    pub name: String,
    /// `in`: `None` when the file does not say (the generator then sends it in the query).
    #[serde(rename = "in", default)]
    pub location: Option<ParameterLocation>,
    /// `style`, for arrays and objects.
    #[serde(default)]
    pub style: Option<ParameterStyle>,
    /// `schema`: the type (`None` when the file has none; the generator then types it as a
    /// string).
    #[serde(default)]
    pub schema: Option<Schema>,
    /// `allowEmptyValue`.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub allow_empty_value: bool,
    /// Other `x-` keys, kept as they are.
    #[serde(flatten)]
    pub extensions: Extensions,
}

impl Parameter {
    /// Whether the parameter must be sent (`schema.required`).
    pub fn is_required(&self) -> bool {
        self.schema.as_ref().is_some_and(|s| s.required)
    }
}

/// One entry of `responses`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    /// `schema`: the type of the body.
    #[serde(default)]
    pub schema: Option<Schema>,
    /// `headers`: the documented response headers, by name, in file order.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub headers: IndexMap<String, ResponseHeader>,
    /// Other `x-` keys, kept as they are.
    #[serde(flatten)]
    pub extensions: Extensions,
}

/// One entry of a response's `headers`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseHeader {
    /// `schema`: the header's type (a string in practice).
    #[serde(default)]
    pub schema: Option<Schema>,
    /// Other `x-` keys, kept as they are.
    #[serde(flatten)]
    pub extensions: Extensions,
}

/// One documented error of `errorCodes`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorCode {
    /// `errorCode`: the `Code` of the error body (never empty after loading).
    #[serde(default, deserialize_with = "lenient::text")]
    pub error_code: String,
    /// `errorMessage`: the `Message`, often with `%s` placeholders.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub error_message: Option<String>,
    /// `description`: what the error means, when the documentation says more.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub description: Option<String>,
    /// Other `x-` keys, kept as they are.
    #[serde(flatten)]
    pub extensions: Extensions,
}

/// One entry of `ramActions`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RamActionEntry {
    /// `operationType`: the access level of the documentation (`get`, `list`, `create`,
    /// `update`, `delete`).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub operation_type: Option<String>,
    /// `ramAction`.
    #[serde(default)]
    pub ram_action: Option<RamAction>,
}

/// `ramActions[].ramAction`: the action to allow in a RAM policy.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RamAction {
    /// `action`, e.g. `quickbi-public:QueryTicketInfo`.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub action: Option<String>,
    /// `authLevel`, e.g. `operate`.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub auth_level: Option<String>,
    /// `actionConditions`: condition keys, as written.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub action_conditions: Vec<Value>,
    /// `resources`: the resource types the action applies to.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub resources: Vec<RamResource>,
}

/// `ramActions[].ramAction.resources[]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RamResource {
    /// `validationType`, e.g. `always`.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub validation_type: Option<String>,
    /// `product`, e.g. `QuickBI`.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub product: Option<String>,
    /// `resourceType`, e.g. `All Resource`.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub resource_type: Option<String>,
    /// `arn`, `*` for all resources.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub arn: Option<String>,
}

/// `x-ram-authorization` (ours): the documentation page's RAM facts that `ramActions`
/// cannot say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RamAuthorization {
    /// Whether the page discloses the authorization (when `false`, `ramActions` is empty
    /// because nothing is published, not because nothing is needed).
    pub disclosed: bool,
    /// The page's dependent actions (actions the caller also needs).
    #[serde(default)]
    pub dependent_actions: Vec<String>,
    /// The page's own words, when useful.
    #[serde(default)]
    pub note: Option<String>,
}

/// One decoded entry of `responseDemo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseDemo {
    /// `type`: `json` or `xml`.
    #[serde(rename = "type", default, deserialize_with = "lenient::text")]
    pub demo_type: String,
    /// `example`: a success body, as text (empty when none).
    #[serde(default, deserialize_with = "lenient::text")]
    pub example: String,
    /// `errorExample`: an error body, as text (empty when none).
    #[serde(default, deserialize_with = "lenient::text")]
    pub error_example: String,
}
