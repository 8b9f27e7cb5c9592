//! Schemas to Rust types: naming nested types, choosing field shapes, writing field docs.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use alibabacloud_spec::{
    AdditionalProperties, JsonPath, Schema, SchemaType, Spec, Warning, WarningKind,
};

use super::{
    DocBlock, Docs, EnumDef, Field, Shape, StructDef, Ty, TypeDef, TypeKind, TypeRef, Variant,
};
use crate::codegen::names::{self, Case, Namespace, PRELUDE_TYPE_NAMES};

/// The namespace of a struct's fields: the names a field cannot take reserved.
pub(super) fn field_namespace() -> Namespace {
    Namespace::with_reserved(names::RESERVED_METHOD_NAMES.iter().copied())
}

/// The names of the methods a struct derives from a field `f` (model setters and builder
/// methods); a field name is only free when these are too.
pub(super) fn field_methods(f: &str) -> Vec<String> {
    vec![format!("with_{f}"), format!("set_{f}"), format!("get_{f}")]
}

/// The type a schema is found in, for naming the types nested in it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Owner<'n> {
    /// The name that prefixes nested type names first: the operation's for the request and
    /// the response, else the struct's own.
    pub(super) prefix: &'n str,
    /// The owning struct's name, the prefix tried next.
    pub(super) type_name: &'n str,
}

impl<'n> Owner<'n> {
    /// A struct that prefixes its nested types with its own name.
    pub(super) fn itself(name: &'n str) -> Self {
        Owner {
            prefix: name,
            type_name: name,
        }
    }
}

/// Where a struct is used, which decides how its fields hold their values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Position {
    /// The top-level request: every non-collection parameter is an `Option` (absence is
    /// meaningful: it is not sent, and a required one fails `send()`).
    RequestTop,
    /// Anywhere else: scalars are `Option`, nested structs, lists and maps are `Default`.
    Nested,
}

/// The types of one module being lowered: the crate's `types` module (from
/// `components.schemas`) or an operation's module.
pub(super) struct Scope<'a> {
    spec: &'a Spec,
    file: &'a str,
    shared: bool,
    names: Namespace,
    defs: Vec<Option<TypeDef>>,
    /// Component name -> its Rust type (named for structs and enums, inline otherwise).
    index: Cow<'a, BTreeMap<String, Ty>>,
    /// Inline components being resolved (to refuse a component that contains itself
    /// without a struct in between, e.g. an array of itself).
    resolving: BTreeSet<String>,
    /// Whether some type holds a `serde_json::Value`.
    pub(super) uses_json: bool,
    /// The fallbacks applied, in the order met.
    warnings: Vec<Warning>,
}

impl<'a> Scope<'a> {
    /// The scope of an operation module, with the crate's components already lowered.
    pub(super) fn operation(
        spec: &'a Spec,
        file: &'a str,
        index: &'a BTreeMap<String, Ty>,
        reserved: &[&str],
    ) -> Self {
        let mut all: Vec<&str> = PRELUDE_TYPE_NAMES.to_vec();
        all.extend_from_slice(reserved);
        Scope {
            spec,
            file,
            shared: false,
            names: Namespace::with_reserved(all),
            defs: Vec::new(),
            index: Cow::Borrowed(index),
            resolving: BTreeSet::new(),
            uses_json: false,
            warnings: Vec::new(),
        }
    }

    /// Takes `name` for a top-level type of the module (request, response).
    pub(super) fn take_name(&mut self, name: &str) -> String {
        self.names.claim(name, Case::Pascal)
    }

    /// The module's other types, parents before children; the warnings go to `warnings`.
    pub(super) fn into_defs(self, warnings: &mut Vec<Warning>) -> (Vec<TypeDef>, bool) {
        warnings.extend(self.warnings);
        (self.defs.into_iter().flatten().collect(), self.uses_json)
    }

    fn warn(&mut self, path: JsonPath, kind: WarningKind, message: String) {
        self.warnings
            .push(Warning::new(self.file, path, kind, message));
    }

    /// The struct for an object schema's properties, named `name`; nested types that need a
    /// prefix take `owner`'s name (the struct's own, or the operation's for its request and
    /// response).
    pub(super) fn lower_struct(
        &mut self,
        name: &str,
        prefix: &str,
        schema: &Schema,
        docs: Docs,
        path: &JsonPath,
    ) -> StructDef {
        let mut fields_ns = field_namespace();
        self.lower_struct_in(name, prefix, schema, docs, path, &mut fields_ns)
    }

    /// [`lower_struct`](Self::lower_struct) with the field names taken from `fields_ns`
    /// (for a struct that gets more fields after these).
    pub(super) fn lower_struct_in(
        &mut self,
        name: &str,
        prefix: &str,
        schema: &Schema,
        docs: Docs,
        path: &JsonPath,
        fields_ns: &mut Namespace,
    ) -> StructDef {
        let mut fields = Vec::with_capacity(schema.properties.len());
        for (wire, property) in &schema.properties {
            let p_path = path.key("properties").key(wire);
            let field_name =
                fields_ns.claim_with(&field_candidate(wire), Case::Snake, field_methods);
            let owner = Owner {
                prefix,
                type_name: name,
            };
            let ty = self.lower(property, owner, wire, &p_path);
            let shape = shape_of(&ty, Position::Nested);
            fields.push(Field {
                name: field_name,
                wire: wire.clone(),
                docs: field_docs(self.spec, property, &ty, false),
                secret: property.secret,
                deprecated: property.deprecated,
                ty,
                shape,
            });
        }
        StructDef {
            name: name.to_owned(),
            docs,
            fields,
            transparent: false,
        }
    }

    /// The Rust type of `schema`, found as property `prop` of type `owner`. Nested structs
    /// and enums are added to the module.
    pub(super) fn lower(
        &mut self,
        schema: &Schema,
        owner: Owner<'_>,
        prop: &str,
        path: &JsonPath,
    ) -> Ty {
        if let Some(component) = schema.ref_name() {
            return self.component(&component, path);
        }
        let ty = match &schema.schema_type {
            Some(SchemaType::String) => {
                if schema.documented_values().is_empty() {
                    Ty::String
                } else {
                    self.lower_enum(schema, owner, prop)
                }
            }
            Some(SchemaType::Integer) => match schema.format.as_deref() {
                Some("int32" | "int" | "int16" | "int8") => Ty::I32,
                _ => Ty::I64,
            },
            Some(SchemaType::Number) => Ty::F64,
            Some(SchemaType::Boolean) => Ty::Bool,
            Some(SchemaType::Array) => self.lower_array(schema, owner, prop, path),
            Some(SchemaType::Object) => self.lower_object(schema, owner, prop, path),
            None if !schema.properties.is_empty() => self.lower_object(schema, owner, prop, path),
            None if schema.items.is_some() => self.lower_array(schema, owner, prop, path),
            None if matches!(
                schema.additional_properties,
                Some(AdditionalProperties::Schema(_))
            ) =>
            {
                self.lower_object(schema, owner, prop, path)
            }
            // Loading warned about unknown types.
            None | Some(SchemaType::Any | SchemaType::Other(_)) => Ty::Json,
        };
        if ty == Ty::Json {
            self.uses_json = true;
        }
        ty
    }

    fn lower_array(
        &mut self,
        schema: &Schema,
        owner: Owner<'_>,
        prop: &str,
        path: &JsonPath,
    ) -> Ty {
        // Loading gives an array without `items` items of any JSON value.
        let items = match &schema.items {
            Some(items) => self.lower(items, owner, prop, &path.key("items")),
            None => {
                self.uses_json = true;
                Ty::Json
            }
        };
        Ty::Vec(Box::new(items))
    }

    fn lower_object(
        &mut self,
        schema: &Schema,
        owner: Owner<'_>,
        prop: &str,
        path: &JsonPath,
    ) -> Ty {
        if !schema.properties.is_empty() {
            let name = self.nested_name(owner, prop);
            // Reserve the slot now so that the parent comes before its children.
            let slot = self.defs.len();
            self.defs.push(None);
            let mut docs = Docs::default();
            docs.push_spec(description(schema));
            if docs.is_empty() {
                docs.push_generated(format!("The `{prop}` object."));
            }
            let def = self.lower_struct(&name, &name, schema, docs, path);
            self.defs[slot] = Some(TypeDef::Struct(def));
            return self.named(name, TypeKind::Struct);
        }
        if let Some(AdditionalProperties::Schema(values)) = &schema.additional_properties {
            let value_prop = format!("{prop}Value");
            let values = self.lower(
                values,
                owner,
                &value_prop,
                &path.key("additionalProperties"),
            );
            return Ty::Map(Box::new(values));
        }
        Ty::Json
    }

    fn lower_enum(&mut self, schema: &Schema, owner: Owner<'_>, prop: &str) -> Ty {
        let name = self.prefixed_name(owner, prop);
        let def = enum_def(schema, name.clone(), prop);
        self.defs.push(Some(TypeDef::Enum(def)));
        self.named(name, TypeKind::Enum)
    }

    /// A nested struct's name: the property's name, else prefixed by its owner's (see
    /// [`Owner`]), else with a numeric suffix. A property named like a keyword (`Self`) is
    /// prefixed rather than escaped.
    fn nested_name(&mut self, owner: Owner<'_>, prop: &str) -> String {
        let plain = names::pascal(prop);
        if !plain.ends_with('_') && self.names.try_take(&plain) {
            return plain;
        }
        self.prefixed_name(owner, prop)
    }

    /// `<prefix><Prop>`, else `<owner type><Prop>`, else the first with a numeric suffix.
    fn prefixed_name(&mut self, owner: Owner<'_>, prop: &str) -> String {
        let first = names::pascal(&format!("{}_{prop}", owner.prefix));
        if self.names.try_take(&first) {
            return first;
        }
        let second = names::pascal(&format!("{}_{prop}", owner.type_name));
        if self.names.try_take(&second) {
            return second;
        }
        self.names.claim(&first, Case::Pascal)
    }

    fn named(&self, name: String, kind: TypeKind) -> Ty {
        Ty::Named(TypeRef {
            name,
            shared: self.shared,
            kind,
        })
    }

    /// The type of component `name` (a `$ref`). A component that contains itself through
    /// lists or maps only (no struct to box in the cycle) is any JSON value where it closes
    /// the cycle.
    fn component(&mut self, name: &str, path: &JsonPath) -> Ty {
        if let Some(ty) = self.index.get(name) {
            return ty.clone();
        }
        let spec = self.spec;
        let Some(schema) = spec.components.schemas.get(name) else {
            // Loading turned dangling references into `type: any`.
            self.uses_json = true;
            return Ty::Json;
        };
        if !self.shared || !self.resolving.insert(name.to_owned()) {
            self.warn(
                path.key("$ref"),
                WarningKind::RecursiveSchema,
                format!(
                    "components.schemas.{name} contains itself through lists or maps only; \
                     the inner reference is typed as any JSON value"
                ),
            );
            self.uses_json = true;
            return Ty::Json;
        }
        let c_path = JsonPath::root().key("components").key("schemas").key(name);
        let ty = self.lower(schema, Owner::itself(name), name, &c_path);
        self.resolving.remove(name);
        self.index.to_mut().insert(name.to_owned(), ty.clone());
        ty
    }
}

/// The lowered `components.schemas`: the index from component name to type, and the
/// `types` module.
pub(super) struct Components {
    pub(super) index: BTreeMap<String, Ty>,
    pub(super) defs: Vec<TypeDef>,
    pub(super) uses_json: bool,
}

/// Lowers `components.schemas`: objects become structs and string enums open enums, named
/// after the component; other components (lists, maps, scalars) are used inline where they
/// are referenced. Struct fields that would make a type contain itself are boxed.
pub(super) fn lower_components(spec: &Spec, file: &str, warnings: &mut Vec<Warning>) -> Components {
    let mut scope = Scope {
        spec,
        file,
        shared: true,
        names: Namespace::with_reserved(PRELUDE_TYPE_NAMES.iter().copied()),
        defs: Vec::new(),
        index: Cow::Owned(BTreeMap::new()),
        resolving: BTreeSet::new(),
        uses_json: false,
        warnings: Vec::new(),
    };
    let root = JsonPath::root().key("components").key("schemas");
    // 1. Names of the components that are types of their own.
    let mut bodies = Vec::new();
    for (name, schema) in &spec.components.schemas {
        if schema.reference.is_some() {
            continue;
        }
        let kind = if is_object_with_properties(schema) {
            TypeKind::Struct
        } else if schema.schema_type == Some(SchemaType::String)
            && !schema.documented_values().is_empty()
        {
            TypeKind::Enum
        } else {
            continue;
        };
        let type_name = scope.names.claim(&names::pascal(name), Case::Pascal);
        scope.index.to_mut().insert(
            name.clone(),
            Ty::Named(TypeRef {
                name: type_name.clone(),
                shared: true,
                kind,
            }),
        );
        bodies.push((name, schema, type_name, kind));
    }
    // 2. The others (lists, maps, scalars, aliases), resolved where they point.
    for name in spec.components.schemas.keys() {
        if !scope.index.contains_key(name) {
            scope.component(name, &root.key(name));
        }
    }
    // 3. The bodies of the named ones.
    for (name, schema, type_name, kind) in bodies {
        let path = root.key(name);
        let mut docs = Docs::default();
        docs.push_spec(description(schema));
        if docs.is_empty() {
            docs.push_generated(format!("The `{name}` schema."));
        }
        // Reserve the slot now so that the component comes before its nested types.
        let slot = scope.defs.len();
        scope.defs.push(None);
        let def = match kind {
            TypeKind::Struct => {
                TypeDef::Struct(scope.lower_struct(&type_name, &type_name, schema, docs, &path))
            }
            TypeKind::Enum => {
                let mut def = enum_def(schema, type_name, name);
                def.docs = docs;
                TypeDef::Enum(def)
            }
        };
        scope.defs[slot] = Some(def);
    }
    let uses_json = scope.uses_json;
    let index = scope.index.clone().into_owned();
    let (mut defs, _) = scope.into_defs(warnings);
    box_recursive_fields(&mut defs);
    Components {
        index,
        defs,
        uses_json,
    }
}

/// An open enum named `name` of the documented values of a string schema.
fn enum_def(schema: &Schema, name: String, prop: &str) -> EnumDef {
    let mut docs = Docs::default();
    docs.push_spec(description(schema));
    if docs.is_empty() {
        docs.push_generated(format!("The values of `{prop}`."));
    }
    let mut variant_names = Namespace::with_reserved(["Unknown"]);
    let mut seen = BTreeSet::new();
    let mut variants = Vec::new();
    for value in schema.documented_values() {
        if !seen.insert(value) {
            continue;
        }
        let mut v_docs = Docs::default();
        let caption = schema
            .enum_value_title(value)
            .map(str::to_owned)
            .or_else(|| caption_from_description(description(schema), value));
        match caption {
            Some(text) => v_docs
                .blocks
                .push(DocBlock::Spec(format!("`{}`: {text}", code_text(value)))),
            None => v_docs.push_generated(format!("The value `{}`.", code_text(value))),
        }
        variants.push(Variant {
            name: variant_names.claim(&names::pascal(value), Case::Pascal),
            value: value.to_owned(),
            docs: v_docs,
        });
    }
    EnumDef {
        name,
        docs,
        variants,
    }
}

/// Boxes the struct fields through which a struct of the `types` module would contain
/// itself (`A { b: B }`, `B { a: A }`): such fields become `Option<Box<_>>`.
fn box_recursive_fields(defs: &mut [TypeDef]) {
    // Direct edges: a struct holds another struct without a list or map in between.
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for def in defs.iter() {
        if let TypeDef::Struct(s) = def {
            let targets = s
                .fields
                .iter()
                .filter_map(|f| match &f.ty {
                    Ty::Named(r) if r.kind == TypeKind::Struct => Some(r.name.clone()),
                    _ => None,
                })
                .collect();
            edges.insert(s.name.clone(), targets);
        }
    }
    let reaches = |from: &str, to: &str| {
        let mut stack = vec![from.to_owned()];
        let mut seen = BTreeSet::new();
        while let Some(next) = stack.pop() {
            if next == to {
                return true;
            }
            if seen.insert(next.clone())
                && let Some(targets) = edges.get(&next)
            {
                stack.extend(targets.iter().cloned());
            }
        }
        false
    };
    for def in defs.iter_mut() {
        if let TypeDef::Struct(s) = def {
            let owner = s.name.clone();
            for field in &mut s.fields {
                if let Ty::Named(r) = &field.ty
                    && r.kind == TypeKind::Struct
                    && reaches(&r.name, &owner)
                {
                    field.shape = Shape::OptionalBoxed;
                }
            }
        }
    }
}

fn is_object_with_properties(schema: &Schema) -> bool {
    matches!(schema.schema_type, Some(SchemaType::Object) | None) && !schema.properties.is_empty()
}

/// The field name for a wire name, before uniqueness.
pub(super) fn field_candidate(wire: &str) -> String {
    names::snake(wire)
}

/// How a field of type `ty` is held at `position`.
pub(super) fn shape_of(ty: &Ty, position: Position) -> Shape {
    match (ty, position) {
        (Ty::Vec(_) | Ty::Map(_), _) => Shape::Defaulted,
        (Ty::Named(r), Position::Nested) if r.kind == TypeKind::Struct => Shape::Defaulted,
        _ => Shape::Optional,
    }
}

/// The spec's words about a schema: its description, else its title.
pub(super) fn description(schema: &Schema) -> Option<&str> {
    fn non_empty(s: &Option<String>) -> Option<&str> {
        s.as_deref().filter(|t| !t.trim().is_empty())
    }
    non_empty(&schema.description).or_else(|| non_empty(&schema.title))
}

/// The caption of `value` in a description that lists values as `*   value: caption`.
fn caption_from_description(description: Option<&str>, value: &str) -> Option<String> {
    for line in description?.lines() {
        let line = line.trim_start();
        let Some(rest) = line
            .strip_prefix('*')
            .or_else(|| line.strip_prefix('-'))
            .or_else(|| line.strip_prefix('+'))
        else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(after) = rest.strip_prefix(value) else {
            continue;
        };
        let after = after.trim_start();
        if let Some(caption) = after
            .strip_prefix(':')
            .or_else(|| after.strip_prefix('：'))
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            return Some(caption.to_owned());
        }
    }
    None
}

/// A value as the text of a code span (no backticks or line breaks inside).
pub(super) fn code_text(value: &str) -> String {
    value
        .replace('`', "'")
        .replace(['\n', '\r'], " ")
        .trim()
        .to_owned()
}

/// An example or default value as text.
fn value_text(value: &serde_json::Value) -> Option<String> {
    let text = match value {
        serde_json::Value::String(s) => s.trim().to_owned(),
        serde_json::Value::Null => return None,
        other => other.to_string(),
    };
    (!text.trim().is_empty()).then_some(text)
}

/// `Example: <text>`: inline code, or a fenced block when the text spans lines or holds
/// backticks.
fn example_blocks(text: &str) -> Vec<DocBlock> {
    if text.contains(['\n', '\r', '`']) {
        let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        vec![
            DocBlock::Generated("Example:".to_owned()),
            DocBlock::Generated(format!("{fence}text\n{text}\n{fence}")),
        ]
    } else {
        vec![DocBlock::Generated(format!("Example: `{text}`"))]
    }
}

/// The docs of a field or parameter: the spec's description, then one line per fact the
/// generator knows (required, format, secret, constraints, default, example).
pub(super) fn field_docs(spec: &Spec, schema: &Schema, ty: &Ty, required_param: bool) -> Docs {
    let resolved = spec.resolve(schema);
    let mut docs = Docs::default();
    if schema.deprecated {
        docs.push_generated("**Deprecated.**");
    }
    docs.push_spec(description(schema).or_else(|| description(resolved)));
    if docs.blocks.iter().all(|b| !matches!(b, DocBlock::Spec(_))) {
        docs.push_generated("No description in the API metadata.");
    }
    let mut notes = Vec::new();
    if required_param {
        notes.push(
            "Required: `send()` fails with `ConstructionError::MissingParameter` when it is not \
             set."
                .to_owned(),
        );
    }
    if let Some(format) = &resolved.time_format {
        notes.push(format!("Date-time format: `{}`.", code_text(format)));
    }
    if resolved.json_string {
        notes.push("The string holds a JSON document.".to_owned());
    }
    if resolved.secret {
        notes.push("Secret: `Debug` shows it as `** redacted **`.".to_owned());
    }
    let values = resolved.documented_values();
    if !values.is_empty() && !matches!(ty, Ty::Named(r) if r.kind == TypeKind::Enum) {
        let list: Vec<String> = values
            .iter()
            .map(|v| format!("`{}`", code_text(v)))
            .collect();
        notes.push(format!("Documented values: {}.", list.join(", ")));
    }
    match (&resolved.minimum, &resolved.maximum) {
        (Some(min), Some(max)) => notes.push(format!("Range: {min} to {max}.")),
        (Some(min), None) => notes.push(format!("Minimum: {min}.")),
        (None, Some(max)) => notes.push(format!("Maximum: {max}.")),
        (None, None) => {}
    }
    if let Some(max) = resolved.max_length {
        notes.push(format!("At most {max} characters."));
    }
    if let Some(max) = resolved.max_items {
        notes.push(format!("At most {max} items."));
    }
    if let Some(default) = resolved.default.as_ref().and_then(value_text)
        && !default.contains(['\n', '`'])
    {
        notes.push(format!("Default: `{}`.", code_text(&default)));
    }
    if !notes.is_empty() {
        docs.blocks.push(DocBlock::Lines(notes));
    }
    let example = schema
        .example
        .as_ref()
        .or(resolved.example.as_ref())
        .and_then(value_text);
    if let Some(example) = example
        && !matches!(ty, Ty::Named(r) if r.kind == TypeKind::Struct)
    {
        docs.blocks.extend(example_blocks(&example));
    }
    docs
}
