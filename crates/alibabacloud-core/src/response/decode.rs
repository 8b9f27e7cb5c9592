//! Reading a successful response into its model: the body as the operation's
//! [`ResponseBody`] says (a JSON object, any JSON value, text, bytes, or nothing), and the
//! documented response headers, each into the model's field of that wire name.
//!
//! The model's own `Deserialize` does the reading: it is handed a deserializer that shows it
//! the body and, when the model reads a map (a struct of fields), the headers as more
//! entries of that map. A model of a JSON object body with no documented header is read
//! straight from the JSON, the common case and the fast path.

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::de::StrRead;

use crate::operation::ResponseBody;

/// The key under which a body that is not a JSON object is shown to the model.
const BODY_KEY: &str = "body";

/// The size from which a JSON body's first long list is sized before the body is decoded
/// (see [`with_long_list`]): below it, what that saves is too small to be worth the walk.
const LARGE_BODY: usize = 256 * 1024;

/// Runs `decode` on the JSON `text`, a large one with the length of its first long list
/// estimated first ([`alibabacloud_types::model::long_list_estimate`], a walk of the text up
/// to that list's first items): a large answer is nearly always a page of thousands of items,
/// which is then read straight into a vector of its length, instead of in blocks moved into
/// one at the end, when both hold the whole list.
fn with_long_list<R>(text: &str, decode: impl FnOnce() -> R) -> R {
    let estimate = (text.len() >= LARGE_BODY)
        .then(|| {
            alibabacloud_types::model::long_list_estimate(
                &mut serde_json::Deserializer::from_str(text),
                text,
            )
        })
        .flatten();
    alibabacloud_types::model::with_long_list_estimate(estimate, decode)
}

/// Decodes `body` (and the documented `headers`, by name) into `T`.
///
/// # Errors
/// The JSON decoder's error when the body does not have the documented shape, also for a
/// text body that is not UTF-8.
pub(super) fn decode<T: DeserializeOwned>(
    kind: ResponseBody,
    header_names: &'static [&'static str],
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<T, Failure> {
    let blank = body.iter().all(u8::is_ascii_whitespace);
    let json_body = matches!(kind, ResponseBody::Object | ResponseBody::Value);
    if json_body && !blank && header_names.is_empty() {
        // One UTF-8 check of the whole body, instead of one per string with `from_slice`.
        let text = std::str::from_utf8(body).map_err(Failure::Utf8)?;
        return with_long_list(text, || serde_json::from_str(text)).map_err(Failure::Json);
    }
    let headers: Vec<(&'static str, &str)> = header_names
        .iter()
        .filter_map(|name| {
            let value = headers.get(*name)?.to_str().ok()?;
            Some((*name, value))
        })
        .collect();
    match kind {
        ResponseBody::Object | ResponseBody::Value if !blank => {
            let text = std::str::from_utf8(body).map_err(Failure::Utf8)?;
            let mut json = serde_json::Deserializer::from_str(text);
            let value = with_long_list(text, || {
                T::deserialize(Response {
                    body: Body::Json(&mut json),
                    fields_from_body: kind == ResponseBody::Object,
                    headers: &headers,
                })
            })
            .map_err(Failure::Json)?;
            json.end().map_err(Failure::Json)?;
            Ok(value)
        }
        ResponseBody::Text if !body.is_empty() => {
            let text = std::str::from_utf8(body).map_err(Failure::Utf8)?;
            T::deserialize(Response {
                body: Body::Text(text),
                fields_from_body: false,
                headers: &headers,
            })
            .map_err(Failure::Json)
        }
        ResponseBody::Binary if !body.is_empty() => T::deserialize(Response {
            body: Body::Bytes(body),
            fields_from_body: false,
            headers: &headers,
        })
        .map_err(Failure::Json),
        // No body (a `204`), or one the operation does not read.
        _ => T::deserialize(Response {
            body: Body::Absent,
            fields_from_body: false,
            headers: &headers,
        })
        .map_err(Failure::Json),
    }
}

/// Why a 2xx body did not decode.
pub(super) enum Failure {
    Utf8(std::str::Utf8Error),
    Json(serde_json::Error),
}

/// The body as the model's field reads it.
enum Body<'a, 'de> {
    Json(&'a mut serde_json::Deserializer<StrRead<'de>>),
    Text(&'de str),
    Bytes(&'de [u8]),
    Absent,
}

/// The whole response: the body, and the headers when the model reads a map.
struct Response<'a, 'de> {
    body: Body<'a, 'de>,
    /// Whether the model's fields are the members of the JSON object body (else the body is
    /// its `body` field).
    fields_from_body: bool,
    headers: &'a [(&'static str, &'de str)],
}

impl<'de> Deserializer<'de> for Response<'_, 'de> {
    type Error = serde_json::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.body {
            Body::Json(json) if self.fields_from_body => json.deserialize_struct(
                name,
                fields,
                WithHeaders {
                    visitor,
                    headers: self.headers,
                },
            ),
            Body::Absent if self.fields_from_body => visitor.visit_map(Entries {
                body: None,
                headers: self.headers.iter(),
                value: None,
            }),
            body => visitor.visit_map(Entries {
                body: Some(body),
                headers: self.headers.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_struct("", &[], visitor)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.body.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.body.deserialize_option(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.body.deserialize_seq(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.body.deserialize_newtype_struct(name, visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct tuple tuple_struct enum identifier ignored_any
    }
}

impl<'de> Deserializer<'de> for Body<'_, 'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Body::Json(json) => json.deserialize_any(visitor),
            Body::Text(text) => visitor.visit_borrowed_str(text),
            Body::Bytes(bytes) => visitor.visit_borrowed_bytes(bytes),
            Body::Absent => visitor.visit_unit(),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Body::Json(json) => json.deserialize_option(visitor),
            Body::Absent => visitor.visit_none(),
            body => visitor.visit_some(body),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Body::Json(json) => json.deserialize_seq(visitor),
            body => body.deserialize_any(visitor),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Body::Json(json) => json.deserialize_map(visitor),
            body => body.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self {
            Body::Json(json) => json.deserialize_struct(name, fields, visitor),
            body => body.deserialize_any(visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self {
            Body::Json(json) => json.deserialize_newtype_struct(name, visitor),
            body => visitor.visit_newtype_struct(body),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Body::Json(json) => json.deserialize_str(visitor),
            body => body.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Body::Json(json) => json.deserialize_bytes(visitor),
            body => body.deserialize_any(visitor),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Body::Json(json) => json.deserialize_ignored_any(visitor),
            _ => visitor.visit_unit(),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char unit unit_struct tuple
        tuple_struct enum identifier
    }
}

/// The model's visitor, shown the headers before the members of the JSON object.
struct WithHeaders<'a, 'de, V> {
    visitor: V,
    headers: &'a [(&'static str, &'de str)],
}

impl<'de, V: Visitor<'de>> Visitor<'de> for WithHeaders<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(HeadersThen {
            headers: self.headers.iter(),
            value: None,
            rest: map,
        })
    }
}

/// The headers first (so that a body member of the same name wins), then the JSON object's
/// members.
struct HeadersThen<'a, 'de, A> {
    headers: std::slice::Iter<'a, (&'static str, &'de str)>,
    /// The value of the header whose name was just given.
    value: Option<&'de str>,
    rest: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for HeadersThen<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.headers.next() {
            Some((name, value)) => {
                self.value = Some(value);
                seed.deserialize(BorrowedStrDeserializer::new(name))
                    .map(Some)
            }
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(BorrowedStrDeserializer::new(value)),
            None => self.rest.next_value_seed(seed),
        }
    }
}

/// A map made for the model: the body under `body` (when it is not the model's fields),
/// then the headers.
struct Entries<'a, 'b, 'de> {
    body: Option<Body<'a, 'de>>,
    headers: std::slice::Iter<'b, (&'static str, &'de str)>,
    /// What the key just given names.
    value: Option<Value<'a, 'de>>,
}

enum Value<'a, 'de> {
    Body(Body<'a, 'de>),
    Header(&'de str),
}

impl<'de> MapAccess<'de> for Entries<'_, '_, 'de> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        if let Some(body) = self.body.take() {
            self.value = Some(Value::Body(body));
            return seed
                .deserialize(BorrowedStrDeserializer::new(BODY_KEY))
                .map(Some);
        }
        match self.headers.next() {
            Some((name, value)) => {
                self.value = Some(Value::Header(value));
                seed.deserialize(BorrowedStrDeserializer::new(name))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<S::Value, Self::Error> {
        match self.value.take() {
            Some(Value::Body(body)) => seed.deserialize(body),
            Some(Value::Header(value)) => seed.deserialize(BorrowedStrDeserializer::new(value)),
            None => Err(de::Error::custom("a value was asked for before its key")),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    alibabacloud_types::model! {
        /// An object response with a documented header.
        pub struct Cluster {
            /// .
            #[wire("cluster_id")]
            pub cluster_id: Option<String>,
            /// .
            #[wire("x-acs-timeout")]
            pub timeout: Option<i64>,
        }
    }

    alibabacloud_types::model! {
        /// A list body.
        #[transparent]
        pub struct Names {
            /// .
            #[wire("body")]
            pub body: Vec<String>,
        }
    }

    alibabacloud_types::model! {
        /// A list body with a documented header.
        pub struct NamesWithHeader {
            /// .
            #[wire("body")]
            pub body: Vec<i32>,
            /// .
            #[wire("Date")]
            pub date: Option<String>,
        }
    }

    alibabacloud_types::model! {
        /// A text body.
        #[transparent]
        pub struct Script {
            /// .
            #[wire("body")]
            pub body: Option<String>,
        }
    }

    alibabacloud_types::model! {
        /// A binary body.
        pub struct Download {
            /// .
            #[wire("body")]
            pub body: Option<alibabacloud_types::Blob>,
            /// .
            #[wire("Content-Type")]
            pub content_type: Option<String>,
        }
    }

    fn headers(pairs: &[(&'static str, &str)]) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    fn ok<T: DeserializeOwned>(
        kind: ResponseBody,
        names: &'static [&'static str],
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> T {
        match decode(kind, names, headers, body) {
            Ok(value) => value,
            Err(Failure::Json(e)) => panic!("{e}"),
            Err(Failure::Utf8(e)) => panic!("{e}"),
        }
    }

    #[test]
    fn objects_with_and_without_headers() {
        let none = http::HeaderMap::new();
        let c: Cluster = ok(ResponseBody::Object, &[], &none, br#"{"cluster_id":"c1"}"#);
        assert_eq!(c.cluster_id.as_deref(), Some("c1"));
        let h = headers(&[("x-acs-timeout", "30")]);
        let c: Cluster = ok(
            ResponseBody::Object,
            &["x-acs-timeout"],
            &h,
            br#"{"cluster_id":"c1"}"#,
        );
        assert_eq!((c.cluster_id.as_deref(), c.timeout), (Some("c1"), Some(30)));
        // A 204: no body, the headers only.
        let c: Cluster = ok(ResponseBody::Object, &["x-acs-timeout"], &h, b"");
        assert_eq!((c.cluster_id, c.timeout), (None, Some(30)));
        let c: Cluster = ok(ResponseBody::Object, &[], &none, b" \n");
        assert_eq!(c, Cluster::default());
        // Not read at all.
        let c: Cluster = ok(ResponseBody::Empty, &["x-acs-timeout"], &h, b"<html>");
        assert_eq!(c.timeout, Some(30));
        // Trailing garbage is an error on both paths.
        assert!(decode::<Cluster>(ResponseBody::Object, &[], &none, b"{} x").is_err());
        assert!(decode::<Cluster>(ResponseBody::Object, &["x-acs-timeout"], &h, b"{} x").is_err());
    }

    #[test]
    fn values_text_and_bytes() {
        let none = http::HeaderMap::new();
        let n: Names = ok(ResponseBody::Value, &[], &none, br#"["a","b"]"#);
        assert_eq!(n.body, ["a", "b"]);
        let n: Names = ok(ResponseBody::Value, &[], &none, b"");
        assert!(n.body.is_empty());
        let h = headers(&[("date", "Wed, 01 Jan 2025 00:00:00 GMT")]);
        let n: NamesWithHeader = ok(ResponseBody::Value, &["Date"], &h, b"[1, 2]");
        assert_eq!(n.body, [1, 2]);
        assert_eq!(n.date.as_deref(), Some("Wed, 01 Jan 2025 00:00:00 GMT"));
        let s: Script = ok(ResponseBody::Text, &[], &none, b"#!/bin/sh\necho {");
        assert_eq!(s.body.as_deref(), Some("#!/bin/sh\necho {"));
        let s: Script = ok(ResponseBody::Text, &[], &none, b"");
        assert_eq!(s.body, None);
        assert!(decode::<Script>(ResponseBody::Text, &[], &none, b"\xff").is_err());
        let h = headers(&[("content-type", "image/png")]);
        let d: Download = ok(ResponseBody::Binary, &["Content-Type"], &h, b"\x89PNG");
        assert_eq!(d.body.unwrap().as_bytes(), b"\x89PNG");
        assert_eq!(d.content_type.as_deref(), Some("image/png"));
    }
}
