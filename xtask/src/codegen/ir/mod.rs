//! The intermediate representation: everything the emitters need, already decided.
//!
//! [`lower`] turns a loaded [`Spec`](alibabacloud_spec::Spec) into a [`Product`]: Rust names
//! (sanitized and unique), Rust types, which fields are optional, secret or deprecated, the
//! docs of every item, the error codes of every operation and the endpoint table. The
//! emitters only turn this into tokens; they make no naming or typing decision.

mod lower;
mod types;

pub use lower::lower;

/// One product version: the source of one model crate and one client crate.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// The spec's path as written in headers, e.g. `specs/bssopenapi/2017-12-14/api-docs.json`.
    pub spec_path: String,
    /// `info.product`, e.g. `BssOpenApi`.
    pub product: String,
    /// `info.version`, e.g. `2017-12-14`.
    pub version: String,
    /// The directory under the output, e.g. `bssopenapi20171214`.
    pub dir: String,
    /// The client crate's package name, e.g. `alibabacloud-bssopenapi20171214`.
    pub client_crate: String,
    /// The model crate's package name, e.g. `alibabacloud-bssopenapi20171214-model`.
    pub model_crate: String,
    /// The client crate's library name, e.g. `alibabacloud_bssopenapi20171214`.
    pub client_lib: String,
    /// The model crate's library name.
    pub model_lib: String,
    /// `endpoints[]`: region id and host, in file order.
    pub endpoints: Vec<(String, String)>,
    /// `endpoints[].vpc`: region id and host inside a VPC, for the regions that have one, in
    /// file order.
    pub vpc_endpoints: Vec<(String, String)>,
    /// `x-endpoint-rule`, if any.
    pub endpoint_rule: Option<EndpointRule>,
    /// The operations, sorted by action name.
    pub operations: Vec<Operation>,
    /// The types of `components.schemas` (the model crate's `types` module), in file order.
    pub shared_types: Vec<TypeDef>,
    /// Whether some model type holds a `serde_json::Value`.
    pub uses_json_value: bool,
    /// What the spec says that could not be taken as it is, and the fallback applied: the
    /// parse layer's warnings, then the generator's (operations left out, parameters left
    /// out, ...), each in file order.
    pub warnings: Vec<alibabacloud_spec::Warning>,
}

impl Product {
    /// The wire names of the secret fields (`x-secret`) an operation's response may hold, at
    /// any depth (nested structs, lists and maps of them, shared types), sorted, each once:
    /// the runtime scrubs their values from the bodies it keeps in errors.
    pub fn secret_response_fields(&self, op: &Operation) -> Vec<String> {
        let mut names = std::collections::BTreeSet::new();
        let mut visited = std::collections::BTreeSet::new();
        let mut pending: Vec<&StructDef> = vec![&op.response];
        while let Some(def) = pending.pop() {
            for field in &def.fields {
                if field.secret {
                    names.insert(field.wire.clone());
                }
                let mut ty = &field.ty;
                while let Ty::Vec(inner) | Ty::Map(inner) = ty {
                    ty = &**inner;
                }
                let Ty::Named(named) = ty else { continue };
                if named.kind != TypeKind::Struct || !visited.insert((named.shared, &named.name)) {
                    continue;
                }
                let types = if named.shared {
                    &self.shared_types
                } else {
                    &op.types
                };
                let found = types.iter().find_map(|t| match t {
                    TypeDef::Struct(s) if s.name == named.name => Some(s),
                    _ => None,
                });
                pending.extend(found);
            }
        }
        names.into_iter().collect()
    }
}

/// `x-endpoint-rule`.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointRule {
    /// `(region prefix, host template)`, in order.
    pub by_prefix: Vec<(String, String)>,
    /// The template for other regions.
    pub default: Option<String>,
}

/// The HTTP method an operation is sent with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
}

/// `operationType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    /// `read`: retried automatically.
    Read,
    /// `write`.
    Write,
    /// `readAndWrite`.
    ReadAndWrite,
    /// Not stated.
    Unspecified,
}

/// One operation (`apis.<Action>`).
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The action, e.g. `QueryCashCoupons`.
    pub action: String,
    /// The module (in both crates) and the client method, e.g. `query_cash_coupons`.
    pub module: String,
    /// `summary`, if any.
    pub summary: Option<String>,
    /// `description`, if any (Markdown from the spec).
    pub description: Option<String>,
    /// `deprecated`.
    pub deprecated: bool,
    /// The HTTP method (POST when the spec allows it).
    pub method: Method,
    /// `operationType`.
    pub kind: OperationKind,
    /// RAM actions that authorize the call (`ramActions[].ramAction.action`).
    pub ram_actions: Vec<String>,
    /// The request struct; one field per parameter, in spec order.
    pub request: StructDef,
    /// How each request field is sent, in spec order (same order as `request.fields`).
    pub params: Vec<Param>,
    /// The response struct.
    pub response: StructDef,
    /// The response field holding `Success`, when it is a boolean.
    pub success_field: Option<String>,
    /// The other types of the operation's model module (nested structs and enums), parents
    /// before children.
    pub types: Vec<TypeDef>,
    /// The error code enum.
    pub errors: ErrorCodes,
    /// `<Action>FluentBuilder`.
    pub builder: String,
    /// `<Action>`: the operation as a type (the client crate's `OperationShape`).
    pub shape: String,
    /// The parameters the docs' example sets: the required ones, else the first with an
    /// example value.
    pub example: Vec<ExampleArg>,
}

/// One request parameter: where and how it is sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The wire name, e.g. `ExpiryTimeEnd`.
    pub wire: String,
    /// The request field.
    pub field: String,
    /// Where it goes.
    pub location: Location,
    /// How it is encoded.
    pub encoding: Encoding,
    /// Whether `send()` fails when it is not set.
    pub required: bool,
    /// Whether the value is a secret (`x-secret`).
    pub secret: bool,
    /// Whether the parameter is deprecated.
    pub deprecated: bool,
}

/// Where a parameter goes (the core's `ParamLocation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// `in: query`.
    Query,
    /// `in: formData` or `in: body`.
    Form,
    /// `in: header`.
    Header,
}

/// How a parameter value becomes request parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// A string, sent as it is.
    Text,
    /// A number or boolean, sent as its `to_string()`.
    Display,
    /// An open enum, sent as its `as_str()`.
    EnumText,
    /// A list, map, object or JSON value, flattened by the core in this style.
    Structured(Style),
}

/// The `style` of a structured parameter (the core's `ParamStyle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `repeatList` (also the default for lists).
    RepeatList,
    /// `flat` (the default for objects and maps).
    Flat,
    /// `json`.
    Json,
    /// `simple`.
    Simple,
    /// `spaceDelimited`.
    SpaceDelimited,
    /// `pipeDelimited`.
    PipeDelimited,
}

/// A type of a model module.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeDef {
    /// A struct.
    Struct(StructDef),
    /// An open string enum.
    Enum(EnumDef),
}

impl TypeDef {
    /// The type's name.
    pub fn name(&self) -> &str {
        match self {
            TypeDef::Struct(s) => &s.name,
            TypeDef::Enum(e) => &e.name,
        }
    }
}

/// A struct with serde wire names.
#[derive(Debug, Clone, PartialEq)]
pub struct StructDef {
    /// The type name.
    pub name: String,
    /// Its docs.
    pub docs: Docs,
    /// Its fields, in spec order.
    pub fields: Vec<Field>,
    /// Whether the struct is the JSON value of its only field (`#[serde(transparent)]`, no
    /// wire name): the response of an operation whose success body is not an object.
    pub transparent: bool,
}

impl StructDef {
    /// Whether some field is secret (then `Debug` is written by hand).
    pub fn has_secret(&self) -> bool {
        self.fields.iter().any(|f| f.secret)
    }
}

/// A struct field.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The Rust name (possibly raw, `r#type`).
    pub name: String,
    /// The JSON / wire name.
    pub wire: String,
    /// The value type.
    pub ty: Ty,
    /// How the value type is held.
    pub shape: Shape,
    /// The docs.
    pub docs: Docs,
    /// `x-secret`: redacted in `Debug`.
    pub secret: bool,
    /// `deprecated`.
    pub deprecated: bool,
}

/// How a field holds its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `Option<T>`: absent is `None`.
    Optional,
    /// `Option<Box<T>>`: a recursive struct.
    OptionalBoxed,
    /// `T` itself, `Default` when absent or `null` (lists, maps, nested structs).
    Defaulted,
}

/// A Rust type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    /// `String`.
    String,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f64` (both `float` and `double`).
    F64,
    /// `bool`.
    Bool,
    /// `serde_json::Value`: `type: any`, an object without properties, and the fallback for
    /// an unknown type, a dangling `$ref` or a schema containing itself through lists only.
    Json,
    /// A generated struct or enum.
    Named(TypeRef),
    /// `Vec<T>`.
    Vec(Box<Ty>),
    /// `BTreeMap<String, T>`.
    Map(Box<Ty>),
}

impl Ty {
    /// Whether this is a scalar with a lenient reading (`alibabacloud_types::de`).
    pub fn is_lenient_scalar(&self) -> bool {
        matches!(self, Ty::String | Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool)
    }
}

/// A reference to a generated type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeRef {
    /// The type name.
    pub name: String,
    /// Whether it lives in the crate's `types` module (from `components.schemas`) rather
    /// than in the operation's module.
    pub shared: bool,
    /// Struct or enum.
    pub kind: TypeKind,
}

/// What a named type is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeKind {
    /// A struct.
    Struct,
    /// An open enum.
    Enum,
}

/// An open string enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumDef {
    /// The type name.
    pub name: String,
    /// Its docs.
    pub docs: Docs,
    /// The documented values.
    pub variants: Vec<Variant>,
}

/// A documented value of an open enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The variant name.
    pub name: String,
    /// The value on the wire.
    pub value: String,
    /// What it means.
    pub docs: Docs,
}

/// The error codes of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorCodes {
    /// `<Action>ErrorCode`.
    pub enum_name: String,
    /// `<Action>Error`.
    pub alias: String,
    /// One variant per documented code, in spec order.
    pub variants: Vec<ErrorVariant>,
}

/// A documented error code.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorVariant {
    /// The variant name.
    pub name: String,
    /// The code (`Code` of the error body), trimmed.
    pub code: String,
    /// The documented HTTP statuses, in spec order (the same code may be listed twice);
    /// empty when the code is only listed under an `errorCodes` key that is not an HTTP
    /// status.
    pub statuses: Vec<u16>,
    /// The docs (status, message, description).
    pub docs: Docs,
}

/// A required parameter in the operation's doc example: `.method(value)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleArg {
    /// The builder method.
    pub method: String,
    /// The argument(s).
    pub value: ExampleValue,
}

/// An example argument.
#[derive(Debug, Clone, PartialEq)]
pub enum ExampleValue {
    /// A string literal.
    Str(String),
    /// An integer literal of an `i32` parameter.
    I32(i32),
    /// An integer literal of an `i64` parameter.
    I64(i64),
    /// A float literal.
    Float(f64),
    /// A boolean literal.
    Bool(bool),
    /// `<module>::<Type>::default()` of the operation's module.
    DefaultOf(TypeRef),
    /// A key and a value for a map parameter.
    Entry(String, Box<ExampleValue>),
}

/// Docs of an item: paragraphs, each either Markdown from the spec (sanitized when emitted)
/// or text the generator wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Docs {
    /// The paragraphs, in order.
    pub blocks: Vec<DocBlock>,
}

/// One paragraph of [`Docs`].
#[derive(Debug, Clone, PartialEq)]
pub enum DocBlock {
    /// Markdown-ish text from the spec: escaped and normalized for rustdoc when emitted.
    Spec(String),
    /// Markdown written by the generator (already valid rustdoc).
    Generated(String),
    /// Lines written by the generator, rendered as one paragraph (one doc line each).
    Lines(Vec<String>),
}

impl Docs {
    /// Docs of one generated paragraph.
    pub fn generated(text: impl Into<String>) -> Self {
        Self {
            blocks: vec![DocBlock::Generated(text.into())],
        }
    }

    /// Adds a generated paragraph.
    pub fn push_generated(&mut self, text: impl Into<String>) {
        self.blocks.push(DocBlock::Generated(text.into()));
    }

    /// Adds a paragraph from the spec, if it has any text.
    pub fn push_spec(&mut self, text: Option<&str>) {
        if let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) {
            self.blocks.push(DocBlock::Spec(text.to_owned()));
        }
    }

    /// Whether there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}
