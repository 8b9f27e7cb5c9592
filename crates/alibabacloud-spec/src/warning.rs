//! Warnings: what a file says that cannot be taken as it is, and what was done instead.

use std::fmt;

use crate::path::JsonPath;

/// Something a spec says that cannot be represented faithfully, with the documented fallback
/// that was applied. Always names the file and the JSON path (and so the operation, when it
/// is inside one), e.g. `specs/x/api-docs.json: operation RunInstances:
/// $.apis.RunInstances.parameters[1]: parameter "RegionId" is listed again, identical to
/// parameters[0]; merged [duplicate-parameter]`.
///
/// The parse layer ([`load_str`](crate::load_str)) records the quirks of the metadata in
/// [`Spec::warnings`](crate::Spec::warnings); the generator adds its own (what it cannot
/// generate, and what it does instead). Every kind and its fallback is listed on
/// [`WarningKind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    file: String,
    path: JsonPath,
    kind: WarningKind,
    message: String,
}

impl Warning {
    /// A warning about `file` at `path`; `message` says what is odd and what was done.
    pub fn new(
        file: impl Into<String>,
        path: JsonPath,
        kind: WarningKind,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.into(),
            path,
            kind,
            message: message.into(),
        }
    }

    /// The file (or the `origin` given to [`load_str`](crate::load_str)).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Where in the file, e.g. `$.apis.RunInstances.parameters[1]`.
    pub fn json_path(&self) -> &JsonPath {
        &self.path
    }

    /// The operation the path is inside, if any.
    pub fn operation(&self) -> Option<String> {
        self.path.operation()
    }

    /// The class of quirk.
    pub fn kind(&self) -> WarningKind {
        self.kind
    }

    /// What is odd and what was done instead.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if let Some(operation) = self.operation() {
            write!(f, "operation {operation}: ")?;
        }
        write!(f, "{}: {} [{}]", self.path, self.message, self.kind)
    }
}

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident => $name:literal, )+) => {
        /// The classes of quirks, each with its deterministic fallback. The name (in
        /// brackets in a warning's text) is stable, for counting and filtering.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum WarningKind {
            $( $(#[$doc])* $variant, )+
        }

        impl WarningKind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [WarningKind] = &[$(WarningKind::$variant),+];

            /// The stable name, e.g. `duplicate-parameter`.
            pub fn name(self) -> &'static str {
                match self {
                    $( WarningKind::$variant => $name, )+
                }
            }
        }
    };
}

kinds! {
    // Found by the parse layer.
    /// A value of the wrong type or out of range (`"minLength": -1`, `"required": "maybe"`)
    /// is ignored, as if absent. An operation, a named schema, a parameter, an error or an
    /// endpoint that is not an object at all is left out.
    InvalidValue => "invalid-value",
    /// The same parameter listed twice, identically: merged into one.
    DuplicateParameter => "duplicate-parameter",
    /// The same parameter name listed twice with different contents: the first listing is
    /// kept, the later ones are dropped (the warning names the keys that differ).
    ConflictingParameter => "conflicting-parameter",
    /// A `$ref` to a schema that is not in `components.schemas`: typed as any JSON value
    /// (`serde_json::Value`).
    DanglingRef => "dangling-ref",
    /// `enumValueTitles` names a value that is not in `enum`: that title is ignored.
    EnumTitle => "enum-title",
    /// An `errorCodes` key that is not an HTTP status (`"4092"`, `"999999"`): its codes are
    /// kept, with an unknown HTTP status.
    ErrorStatus => "error-status",
    /// An `errorCodes` entry without an `errorCode`: ignored.
    ErrorCode => "error-code",
    /// A `responses` key that is neither an HTTP status nor `default` (`"5XX"`): ignored
    /// (only the `200` response is decoded).
    ResponseStatus => "response-status",
    /// An `array` without `items`: a list of any JSON values.
    ArrayItems => "array-items",
    /// `itemNode` on a schema that does not wrap exactly one array: the flag is ignored and
    /// the schema typed as written.
    ItemNode => "item-node",
    /// A `type` that is not one of `string`, `integer`, `number`, `boolean`, `object`,
    /// `array`, `any`: any JSON value.
    UnknownType => "unknown-type",
    /// `items`, `properties` or `additionalProperties` on a schema whose `type` says
    /// otherwise. On a string, number or boolean: any JSON value (official bodies have
    /// arrays where the type says string). On an object or an array: the `type` decides
    /// and the other keys are ignored.
    SchemaKeys => "schema-keys",
    /// An HTTP method that is not one (`"fetch"`): ignored.
    UnknownMethod => "unknown-method",
    /// An `operationType` other than `read`, `write`, `readAndWrite`: unspecified (not
    /// retried automatically).
    OperationType => "operation-type",
    /// A parameter without a `name`: left out.
    ParameterName => "parameter-name",
    /// An operation with an empty name: left out.
    OperationName => "operation-name",
    /// An `endpoints` entry with white space around its region or host: trimmed. One
    /// without a region or a host, with a host that is not a host name, or for a region
    /// listed before: left out.
    Endpoint => "endpoint",
    // Found by the generator.
    /// A file whose `info.style` the generator does not support (the gateway styles FC,
    /// OSS, PDS, AliGenie, ...): not generated.
    UnsupportedStyle => "unsupported-style",
    /// An operation listing several HTTP methods: sent with POST when it is one of them,
    /// else GET, else the first listed; the others are ignored. An operation listing no
    /// method at all: sent with POST.
    HttpMethod => "http-method",
    /// An operation listing only methods no request can be sent with (`options`): left out.
    UnsupportedMethod => "unsupported-method",
    /// A path parameter the operation's path template does not name (left out), a path
    /// variable no parameter fills, or a path parameter of an RPC file (the operation is
    /// left out).
    PathParameter => "path-parameter",
    /// A path template of an unusual form: `[name]` placeholders are read as `{name}`; a
    /// template ending in `*` whose path parameter it does not name: that parameter holds
    /// the whole path.
    PathTemplate => "path-template",
    /// An `in: body` parameter the runtime cannot send: an XML body (`style: xml`), or a
    /// second body: left out, and its operation too when it is required.
    BodyParameter => "body-parameter",
    /// A parameter without `in` (sent in the query), with an unknown `in` (left out, and its
    /// operation too when it is required), or a form parameter of an operation that has a
    /// body (sent in the query).
    ParameterLocation => "parameter-location",
    /// A parameter without a `schema`: a string.
    ParameterSchema => "parameter-schema",
    /// An unknown parameter `style`: the default style of its type (`repeatList` for
    /// lists, `flat` for objects and maps).
    ParameterStyle => "parameter-style",
    /// A success response of an RPC operation that is not a JSON object (a string, a list),
    /// or a ROA success response documented as XML only: the response type holds the whole
    /// body (the XML as text).
    ResponseShape => "response-shape",
    /// A named schema that contains itself through lists or maps only: the inner
    /// reference is any JSON value.
    RecursiveSchema => "recursive-schema",
    /// An operation that can stream server-sent events (`schemes: ["sse"]`): generated as
    /// a plain call that decodes one JSON response.
    ServerSentEvents => "server-sent-events",
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_file_operation_path_and_kind() {
        let w = Warning::new(
            "specs/x/api-docs.json",
            JsonPath::root()
                .key("apis")
                .key("RunInstances")
                .key("parameters")
                .index(1),
            WarningKind::DuplicateParameter,
            "merged",
        );
        assert_eq!(w.operation().as_deref(), Some("RunInstances"));
        assert_eq!(
            w.to_string(),
            "specs/x/api-docs.json: operation RunInstances: \
             $.apis.RunInstances.parameters[1]: merged [duplicate-parameter]"
        );
        let w = Warning::new(
            "f",
            JsonPath::root().key("endpoints").index(0),
            WarningKind::Endpoint,
            "x",
        );
        assert_eq!(w.to_string(), "f: $.endpoints[0]: x [endpoint]");
    }

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<&str> = WarningKind::ALL.iter().map(|k| k.name()).collect();
        assert!(
            names
                .iter()
                .all(|n| n.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        );
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), WarningKind::ALL.len());
    }
}
