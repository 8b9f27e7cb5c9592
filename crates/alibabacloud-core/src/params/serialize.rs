//! The serializers behind [`Params::from_request`]: a request struct, field by field through
//! its [`ParamSpec`], each value written into the buffer of [`Params`] (see the module docs
//! of [`params`](super) for the rules).

use std::fmt::{self, Write as _};

use serde::Serialize;
use serde::ser::{self, Impossible};

use super::{ParamLocation, ParamSpec, Params, RequestBody, Text};
use crate::error::ConstructionError;
use crate::signing::flatten::ParamStyle;

/// How deep a structured parameter may nest (a `serde_json::Value` built in code could nest
/// without limit).
const MAX_DEPTH: usize = 64;

/// Why serializing a request failed; the parameter and operation are added on the way out.
#[derive(Debug)]
pub(super) enum Fail {
    /// A value is not of the kind a serializer takes (a list where a string is probed, ...).
    Structured,
    /// A required parameter is absent.
    Missing(&'static str),
    /// A value cannot be sent.
    Invalid {
        parameter: Option<&'static str>,
        reason: String,
    },
}

impl Fail {
    fn invalid(reason: impl Into<String>) -> Self {
        Fail::Invalid {
            parameter: None,
            reason: reason.into(),
        }
    }

    pub(super) fn in_parameter(self, name: &'static str) -> Self {
        match self {
            Fail::Invalid {
                parameter: None,
                reason,
            } => Fail::Invalid {
                parameter: Some(name),
                reason,
            },
            other => other,
        }
    }

    pub(super) fn into_error(self, operation: &'static str) -> ConstructionError {
        let invalid =
            |parameter: Option<&'static str>, reason: String| ConstructionError::InvalidParameter {
                operation,
                parameter: parameter.unwrap_or("(request)").to_owned(),
                reason,
            };
        match self {
            Fail::Missing(parameter) => ConstructionError::MissingParameter {
                operation,
                parameter,
            },
            Fail::Invalid { parameter, reason } => invalid(parameter, reason),
            // Only the request itself ends up here: the other serializers turn a structured
            // value into JSON, a flattened list, or an error of their own.
            Fail::Structured => invalid(None, "the request is not a struct".to_owned()),
        }
    }
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fail::Structured => f.write_str("a structured value"),
            Fail::Missing(name) => write!(f, "required parameter `{name}` is not set"),
            Fail::Invalid { reason, .. } => f.write_str(reason),
        }
    }
}

impl std::error::Error for Fail {}

impl ser::Error for Fail {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Fail::invalid(msg.to_string())
    }
}

/// Serializer methods that answer [`Fail::Structured`]: the kinds of value a serializer does
/// not take, listed by kind (`bool`, `str`, `seq`, ...), for a serializer whose `Ok` is `$ok`.
macro_rules! reject {
    ($ok:ty; $($kind:ident)*) => {
        $(reject!(@one $ok; $kind);)*
    };
    (@one $ok:ty; bool) => { fn serialize_bool(self, _: bool) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; i8) => { fn serialize_i8(self, _: i8) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; i16) => { fn serialize_i16(self, _: i16) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; i32) => { fn serialize_i32(self, _: i32) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; i64) => { fn serialize_i64(self, _: i64) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; u8) => { fn serialize_u8(self, _: u8) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; u16) => { fn serialize_u16(self, _: u16) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; u32) => { fn serialize_u32(self, _: u32) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; u64) => { fn serialize_u64(self, _: u64) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; f32) => { fn serialize_f32(self, _: f32) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; f64) => { fn serialize_f64(self, _: f64) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; char) => { fn serialize_char(self, _: char) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; str) => { fn serialize_str(self, _: &str) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; bytes) => { fn serialize_bytes(self, _: &[u8]) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; none) => { fn serialize_none(self) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; unit) => { fn serialize_unit(self) -> Result<$ok, Fail> { Err(Fail::Structured) } };
    (@one $ok:ty; unit_struct) => {
        fn serialize_unit_struct(self, _: &'static str) -> Result<$ok, Fail> {
            Err(Fail::Structured)
        }
    };
    (@one $ok:ty; unit_variant) => {
        fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<$ok, Fail> {
            Err(Fail::Structured)
        }
    };
    (@one $ok:ty; newtype_variant) => {
        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self, _: &'static str, _: u32, _: &'static str, _: &T,
        ) -> Result<$ok, Fail> {
            Err(Fail::Structured)
        }
    };
    (@one $ok:ty; seq) => {
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Fail> {
            Err(Fail::Structured)
        }
    };
    (@one $ok:ty; tuple) => {
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Fail> {
            Err(Fail::Structured)
        }
    };
    (@one $ok:ty; tuple_struct) => {
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Fail> {
            Err(Fail::Structured)
        }
    };
    (@one $ok:ty; tuple_variant) => {
        fn serialize_tuple_variant(
            self, _: &'static str, _: u32, _: &'static str, _: usize,
        ) -> Result<Self::SerializeTupleVariant, Fail> {
            Err(Fail::Structured)
        }
    };
    (@one $ok:ty; map) => {
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Fail> {
            Err(Fail::Structured)
        }
    };
    (@one $ok:ty; struct) => {
        fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Fail> {
            Err(Fail::Structured)
        }
    };
    (@one $ok:ty; struct_variant) => {
        fn serialize_struct_variant(
            self, _: &'static str, _: u32, _: &'static str, _: usize,
        ) -> Result<Self::SerializeStructVariant, Fail> {
            Err(Fail::Structured)
        }
    };
}

/// `SerializeSeq`, `SerializeTuple` and `SerializeTupleStruct` of a writer of list items
/// (each through its `item` method), ending with `$end`.
macro_rules! list_impls {
    ($ty:ty, $ok:ty, |$this:ident| $end:expr) => {
        list_impls!(@one SerializeSeq serialize_element $ty, $ok, |$this| $end);
        list_impls!(@one SerializeTuple serialize_element $ty, $ok, |$this| $end);
        list_impls!(@one SerializeTupleStruct serialize_field $ty, $ok, |$this| $end);
    };
    (@one $trait:ident $method:ident $ty:ty, $ok:ty, |$this:ident| $end:expr) => {
        impl ser::$trait for $ty {
            type Ok = $ok;
            type Error = Fail;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fail> {
                self.item(value)
            }

            fn end(self) -> Result<$ok, Fail> {
                let $this = self;
                $end
            }
        }
    };
}

/// Serializer methods that pass a wrapped value (`Some`, a newtype) through.
macro_rules! unwrap {
    ($ok:ty) => {
        fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<$ok, Fail> {
            value.serialize(self)
        }

        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<$ok, Fail> {
            value.serialize(self)
        }
    };
}

/// The integer methods (and `char`) of a serializer, each calling `self.$method(value)`.
macro_rules! integers {
    ($ok:ty, $method:ident) => {
        integers!(@each $ok, $method: serialize_i8 i8, serialize_i16 i16, serialize_i32 i32,
            serialize_i64 i64, serialize_u8 u8, serialize_u16 u16, serialize_u32 u32,
            serialize_u64 u64, serialize_char char);
    };
    (@each $ok:ty, $method:ident: $($name:ident $ty:ty),*) => {
        $(
            fn $name(self, v: $ty) -> Result<$ok, Fail> {
                self.$method(v)
            }
        )*
    };
}

/// Writes the parameters of a request struct into `params`, each field through its spec
/// (the specs come in the order of the fields).
pub(super) fn request<T: Serialize + ?Sized>(
    params: &mut Params,
    specs: &'static [ParamSpec],
    request: &T,
) -> Result<(), Fail> {
    let mut serializer = Request {
        params,
        specs,
        next: 0,
        path: String::new(),
    };
    request.serialize(&mut serializer)?;
    serializer.finish()?;
    if specs.iter().any(|s| s.location == ParamLocation::Body) {
        if params.body.is_some() {
            return Err(Fail::invalid(
                "the operation has both a whole body and body members",
            ));
        }
        params.close_members();
    }
    Ok(())
}

/// Writes one parameter's value as its spec says: a string or a scalar as it is, whatever the
/// style; a list, a map or an object expanded (`repeatList`, `flat`), as compact JSON
/// (`json`), or its items joined (the delimited styles).
pub(super) fn param<T: Serialize + ?Sized>(
    params: &mut Params,
    spec: &ParamSpec,
    path: &mut String,
    value: &T,
) -> Result<(), Fail> {
    match spec.location {
        ParamLocation::Body => return member(params, spec, value),
        ParamLocation::Payload => return payload(params, value),
        ParamLocation::Path | ParamLocation::Host => {
            let before = params.entries.len();
            flattened(params, spec, path, value, false)?;
            let empty = params
                .entries
                .get(before..)
                .is_none_or(|added| added.iter().all(|e| params.text(e.value).is_empty()));
            return if empty {
                Err(Fail::invalid(format!(
                    "a {} parameter cannot be empty",
                    if spec.location == ParamLocation::Path {
                        "path"
                    } else {
                        "host"
                    }
                )))
            } else {
                Ok(())
            };
        }
        _ => {}
    }
    let expand =
        spec.location.flattens() && matches!(spec.style, ParamStyle::RepeatList | ParamStyle::Flat);
    flattened(params, spec, path, value, expand)
}

/// One member of the JSON object body: `"name":<the value as JSON>`.
fn member<T: Serialize + ?Sized>(
    params: &mut Params,
    spec: &ParamSpec,
    value: &T,
) -> Result<(), Fail> {
    let members = params.next_member();
    serde_json::to_writer(&mut *members, spec.name).map_err(|e| Fail::invalid(e.to_string()))?;
    members.push(b':');
    serde_json::to_writer(members, value).map_err(|e| Fail::invalid(e.to_string()))
}

/// The whole body: a string as it is, bytes as they are, anything else as JSON; nothing for
/// an absent value.
fn payload<T: Serialize + ?Sized>(params: &mut Params, value: &T) -> Result<(), Fail> {
    let body = match value.serialize(Raw) {
        Ok(Some(body)) => body,
        Ok(None) => return Ok(()),
        Err(Fail::Structured) => RequestBody::Json(bytes::Bytes::from(
            serde_json::to_vec(value).map_err(|e| Fail::invalid(e.to_string()))?,
        )),
        Err(other) => return Err(other),
    };
    if params.body.is_some() || params.members.is_some() {
        return Err(Fail::invalid("the request has two bodies"));
    }
    params.body = Some(body);
    Ok(())
}

/// A query, form, header, path or host parameter: a scalar as it is; with `expand`, a list,
/// map or object flattened, else as JSON or joined by the style's delimiter.
fn flattened<T: Serialize + ?Sized>(
    params: &mut Params,
    spec: &ParamSpec,
    path: &mut String,
    value: &T,
    expand: bool,
) -> Result<(), Fail> {
    let mut flatten = Flatten {
        params: &mut *params,
        spec,
        path,
        depth: 0,
        expand,
    };
    match value.serialize(&mut flatten) {
        Err(Fail::Structured) => {}
        other => return other,
    }
    let text = match spec.style {
        ParamStyle::SpaceDelimited => join(value, " ")?,
        ParamStyle::PipeDelimited => join(value, "|")?,
        ParamStyle::Simple => join(value, ",")?,
        _ => json(value)?,
    };
    let value = params.copy(&text);
    params.add(spec, Text::Static(spec.name), value);
    Ok(())
}

/// Compact JSON.
fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, Fail> {
    serde_json::to_string(value).map_err(|e| Fail::invalid(e.to_string()))
}

/// The items of a list joined by `delimiter`: strings as they are, other items as compact
/// JSON, `null` items left out. A value that is not a list is sent as compact JSON.
fn join<T: Serialize + ?Sized>(value: &T, delimiter: &'static str) -> Result<String, Fail> {
    let joiner = Joiner {
        delimiter,
        out: String::new(),
        items: 0,
    };
    match value.serialize(joiner) {
        Err(Fail::Structured) => json(value),
        other => other,
    }
}

/// The request itself: a struct whose fields are the parameters.
struct Request<'a> {
    params: &'a mut Params,
    specs: &'static [ParamSpec],
    /// The spec of the next field, in the order of the fields.
    next: usize,
    /// The name being built for nested values, shared by all parameters.
    path: String,
}

impl Request<'_> {
    /// The spec of field `key`: the next one in order (the fields and the specs come in the
    /// same order), else found by name. Required specs passed over were absent.
    fn spec(&mut self, key: &'static str) -> Result<&'static ParamSpec, Fail> {
        let specs = self.specs;
        if let Some(spec) = specs.get(self.next)
            && spec.name == key
        {
            self.next += 1;
            return Ok(spec);
        }
        let found = specs[self.next.min(specs.len())..]
            .iter()
            .position(|s| s.name == key)
            .map(|i| i + self.next)
            .or_else(|| specs.iter().position(|s| s.name == key));
        let Some(index) = found else {
            return Err(Fail::Invalid {
                parameter: Some(key),
                reason: "the request has a field that the operation does not send".to_owned(),
            });
        };
        if index >= self.next
            && let Some(missing) = specs[self.next..index].iter().find(|s| s.required)
        {
            return Err(Fail::Missing(missing.name));
        }
        self.next = self.next.max(index + 1);
        Ok(&specs[index])
    }

    /// Checks the required specs after the last field.
    fn finish(&self) -> Result<(), Fail> {
        match self
            .specs
            .get(self.next..)
            .and_then(|rest| rest.iter().find(|s| s.required))
        {
            Some(missing) => Err(Fail::Missing(missing.name)),
            None => Ok(()),
        }
    }
}

impl<'a, 'b> ser::Serializer for &'b mut Request<'a> {
    type Ok = ();
    type Error = Fail;
    type SerializeSeq = Impossible<(), Fail>;
    type SerializeTuple = Impossible<(), Fail>;
    type SerializeTupleStruct = Impossible<(), Fail>;
    type SerializeTupleVariant = Impossible<(), Fail>;
    type SerializeMap = Impossible<(), Fail>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Fail>;

    unwrap!(());
    reject!((); bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 char str bytes none unit unit_struct
        unit_variant newtype_variant seq tuple tuple_struct tuple_variant map struct_variant);

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Fail> {
        Ok(self)
    }
}

impl ser::SerializeStruct for &mut Request<'_> {
    type Ok = ();
    type Error = Fail;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Fail> {
        let spec = self.spec(key)?;
        param(self.params, spec, &mut self.path, value).map_err(|f| f.in_parameter(key))
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), Fail> {
        let spec = self.spec(key)?;
        if spec.required {
            return Err(Fail::Missing(spec.name));
        }
        Ok(())
    }

    fn end(self) -> Result<(), Fail> {
        Ok(())
    }
}

/// Writes a value as parameters: a scalar as one, under the parameter's name; with `expand`,
/// a list, map or object as `Name.1`, `Name.Key`, ... (`repeatList` and `flat`), without it
/// as [`Fail::Structured`].
struct Flatten<'a> {
    params: &'a mut Params,
    spec: &'a ParamSpec,
    /// The name of the value being written when `depth > 0`.
    path: &'a mut String,
    depth: usize,
    expand: bool,
}

impl Flatten<'_> {
    /// Writes a scalar under the current name.
    fn leaf(&mut self, value: Text) -> Result<(), Fail> {
        let name = if self.depth == 0 {
            Text::Static(self.spec.name)
        } else {
            let path = std::mem::take(self.path);
            let name = self.params.copy(&path);
            *self.path = path;
            name
        };
        self.params.add(self.spec, name, value);
        Ok(())
    }

    fn display(&mut self, value: impl fmt::Display) -> Result<(), Fail> {
        let value = self.params.display(value);
        self.leaf(value)
    }

    /// A float: its `Display` text at the top (as a scalar parameter is sent), its JSON text
    /// inside a list or object (as the official SDKs flatten JSON); not-finite values inside
    /// are `null`, left out.
    fn float(&mut self, value: f64) -> Result<(), Fail> {
        if self.depth == 0 {
            return self.display(value);
        }
        match serde_json::Number::from_f64(value) {
            Some(number) => self.display(number),
            None => Ok(()),
        }
    }

    /// Whether a list, map or object may be written here.
    fn compound(&self) -> Result<(), Fail> {
        if !self.expand {
            Err(Fail::Structured)
        } else if self.depth >= MAX_DEPTH {
            Err(Fail::invalid(format!(
                "the value is nested more than {MAX_DEPTH} levels deep"
            )))
        } else {
            Ok(())
        }
    }

    /// Goes one level down, under `segment` (written by `write`); returns the length to
    /// truncate the name back to.
    fn enter(
        &mut self,
        write: impl FnOnce(&mut String) -> Result<(), Fail>,
    ) -> Result<usize, Fail> {
        if self.depth == 0 {
            self.path.clear();
            self.path.push_str(self.spec.name);
        }
        let back = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        write(self.path)?;
        self.depth += 1;
        Ok(back)
    }

    fn leave(&mut self, back: usize) {
        self.path.truncate(back);
        self.depth -= 1;
    }

    fn child<T: Serialize + ?Sized>(
        &mut self,
        segment: impl fmt::Display,
        value: &T,
    ) -> Result<(), Fail> {
        let back = self.enter(|path| {
            let _ = write!(path, "{segment}");
            Ok(())
        })?;
        let result = value.serialize(&mut *self);
        self.leave(back);
        result
    }
}

impl<'a, 'b> ser::Serializer for &'b mut Flatten<'a> {
    type Ok = ();
    type Error = Fail;
    type SerializeSeq = Items<'a, 'b>;
    type SerializeTuple = Items<'a, 'b>;
    type SerializeTupleStruct = Items<'a, 'b>;
    type SerializeTupleVariant = Impossible<(), Fail>;
    type SerializeMap = Entries<'a, 'b>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Fail>;

    unwrap!(());
    integers!((), display);
    reject!((); tuple_variant struct_variant);

    fn serialize_bool(self, v: bool) -> Result<(), Fail> {
        self.leaf(Text::Static(if v { "true" } else { "false" }))
    }

    fn serialize_f32(self, v: f32) -> Result<(), Fail> {
        self.float(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Result<(), Fail> {
        self.float(v)
    }

    fn serialize_str(self, v: &str) -> Result<(), Fail> {
        let value = self.params.copy(v);
        self.leaf(value)
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Fail> {
        Err(Fail::invalid("bytes cannot be sent as a parameter"))
    }

    fn serialize_none(self) -> Result<(), Fail> {
        Ok(())
    }

    fn serialize_unit(self) -> Result<(), Fail> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Fail> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Fail> {
        self.leaf(Text::Static(variant))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Fail> {
        self.compound()?;
        self.child(variant, value)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'a, 'b>, Fail> {
        self.compound()?;
        Ok(Items {
            flatten: self,
            index: 0,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Items<'a, 'b>, Fail> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items<'a, 'b>, Fail> {
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Entries<'a, 'b>, Fail> {
        self.compound()?;
        Ok(Entries {
            flatten: self,
            back: None,
        })
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Fail> {
        self.compound()?;
        Ok(self)
    }
}

/// The items of a list: `Name.1`, `Name.2`, ... (a `null` item keeps its index).
struct Items<'a, 'b> {
    flatten: &'b mut Flatten<'a>,
    index: usize,
}

impl Items<'_, '_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fail> {
        self.index += 1;
        self.flatten.child(self.index, value)
    }
}

list_impls!(Items<'_, '_>, (), |_items| Ok(()));

/// The entries of a map: `Name.Key`.
struct Entries<'a, 'b> {
    flatten: &'b mut Flatten<'a>,
    /// While a key is written and its value not yet: the length to truncate the name to.
    back: Option<usize>,
}

impl ser::SerializeMap for Entries<'_, '_> {
    type Ok = ();
    type Error = Fail;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Fail> {
        let back = self
            .flatten
            .enter(|path| match key.serialize(TextOf(path)) {
                Ok(true) => Ok(()),
                _ => Err(Fail::invalid("a map key is not a string or a number")),
            })?;
        self.back = Some(back);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fail> {
        let result = value.serialize(&mut *self.flatten);
        if let Some(back) = self.back.take() {
            self.flatten.leave(back);
        }
        result
    }

    fn end(self) -> Result<(), Fail> {
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Flatten<'_> {
    type Ok = ();
    type Error = Fail;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Fail> {
        self.child(key, value)
    }

    fn end(self) -> Result<(), Fail> {
        Ok(())
    }
}

/// Appends the text of a scalar to a string (strings as they are, numbers and booleans as
/// JSON writes them): `Ok(true)`; `null` is nothing (`Ok(false)`); anything else is
/// [`Fail::Structured`]. For map keys and the items of a joined list.
struct TextOf<'a>(&'a mut String);

impl TextOf<'_> {
    fn display(self, value: impl fmt::Display) -> Result<bool, Fail> {
        let _ = write!(self.0, "{value}");
        Ok(true)
    }

    fn float(self, value: f64) -> Result<bool, Fail> {
        match serde_json::Number::from_f64(value) {
            Some(number) => self.display(number),
            None => Ok(false),
        }
    }
}

impl ser::Serializer for TextOf<'_> {
    type Ok = bool;
    type Error = Fail;
    type SerializeSeq = Impossible<bool, Fail>;
    type SerializeTuple = Impossible<bool, Fail>;
    type SerializeTupleStruct = Impossible<bool, Fail>;
    type SerializeTupleVariant = Impossible<bool, Fail>;
    type SerializeMap = Impossible<bool, Fail>;
    type SerializeStruct = Impossible<bool, Fail>;
    type SerializeStructVariant = Impossible<bool, Fail>;

    unwrap!(bool);
    integers!(bool, display);
    reject!(bool; bytes unit_struct newtype_variant seq tuple tuple_struct tuple_variant map
        struct struct_variant);

    fn serialize_bool(self, v: bool) -> Result<bool, Fail> {
        self.display(v)
    }

    fn serialize_f32(self, v: f32) -> Result<bool, Fail> {
        self.float(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Result<bool, Fail> {
        self.float(v)
    }

    fn serialize_str(self, v: &str) -> Result<bool, Fail> {
        self.0.push_str(v);
        Ok(true)
    }

    fn serialize_none(self) -> Result<bool, Fail> {
        Ok(false)
    }

    fn serialize_unit(self) -> Result<bool, Fail> {
        Ok(false)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<bool, Fail> {
        self.0.push_str(variant);
        Ok(true)
    }
}

/// Joins the items of a list (see [`join`]); anything but a list is [`Fail::Structured`].
struct Joiner {
    delimiter: &'static str,
    out: String,
    items: usize,
}

impl Joiner {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Fail> {
        let mut text = String::new();
        match value.serialize(TextOf(&mut text)) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(Fail::Structured) => text = json(value)?,
            Err(other) => return Err(other),
        }
        if self.items > 0 {
            self.out.push_str(self.delimiter);
        }
        self.out.push_str(&text);
        self.items += 1;
        Ok(())
    }
}

impl ser::Serializer for Joiner {
    type Ok = String;
    type Error = Fail;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Impossible<String, Fail>;
    type SerializeMap = Impossible<String, Fail>;
    type SerializeStruct = Impossible<String, Fail>;
    type SerializeStructVariant = Impossible<String, Fail>;

    unwrap!(String);
    reject!(String; bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 char str bytes none unit
        unit_struct unit_variant newtype_variant tuple_variant map struct struct_variant);

    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Fail> {
        Ok(self)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self, Fail> {
        Ok(self)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Fail> {
        Ok(self)
    }
}

list_impls!(Joiner, String, |joiner| Ok(joiner.out));

/// The whole body when it is a string or bytes (`Ok(None)` for an absent value); anything
/// else is [`Fail::Structured`] (sent as JSON).
struct Raw;

impl ser::Serializer for Raw {
    type Ok = Option<RequestBody>;
    type Error = Fail;
    type SerializeSeq = Impossible<Option<RequestBody>, Fail>;
    type SerializeTuple = Impossible<Option<RequestBody>, Fail>;
    type SerializeTupleStruct = Impossible<Option<RequestBody>, Fail>;
    type SerializeTupleVariant = Impossible<Option<RequestBody>, Fail>;
    type SerializeMap = Impossible<Option<RequestBody>, Fail>;
    type SerializeStruct = Impossible<Option<RequestBody>, Fail>;
    type SerializeStructVariant = Impossible<Option<RequestBody>, Fail>;

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Fail> {
        value.serialize(self)
    }

    /// A [`Blob`](alibabacloud_types::Blob) is taken whole: its shared bytes (no copy), or
    /// its file or reader, streamed when the request is sent.
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Fail> {
        if name == alibabacloud_types::blob_private::TOKEN
            && let Some(blob) = alibabacloud_types::blob_private::take_serialized()
        {
            return Ok(Some(if blob.is_in_memory() {
                RequestBody::Binary(blob.into_bytes())
            } else {
                RequestBody::Stream(blob)
            }));
        }
        value.serialize(self)
    }

    reject!(Option<RequestBody>; bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 char unit_struct
        unit_variant newtype_variant seq tuple tuple_struct tuple_variant map struct
        struct_variant);

    fn serialize_str(self, v: &str) -> Result<Self::Ok, Fail> {
        Ok(Some(RequestBody::Json(bytes::Bytes::copy_from_slice(
            v.as_bytes(),
        ))))
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, Fail> {
        Ok(Some(RequestBody::Binary(bytes::Bytes::copy_from_slice(v))))
    }

    fn serialize_none(self) -> Result<Self::Ok, Fail> {
        Ok(None)
    }

    fn serialize_unit(self) -> Result<Self::Ok, Fail> {
        Ok(None)
    }
}
