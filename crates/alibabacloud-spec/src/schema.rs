//! Schemas: the types of parameters and response fields.

use std::fmt;

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use crate::extensions::Extensions;
use crate::lenient;

lenient::open_enum! {
    /// The `type` of a schema.
    pub enum SchemaType {
        /// `string`.
        String => "string",
        /// `integer`; the width is in `format` (`int32`, `int64`).
        Integer => "integer",
        /// `number`; the precision is in `format` (`float`, `double`).
        Number => "number",
        /// `boolean`.
        Boolean => "boolean",
        /// `object`, with `properties` and/or `additionalProperties`.
        Object => "object",
        /// `array`, with `items`.
        Array => "array",
        /// `any`: any JSON value. Loading also gives this type to a `$ref` that points
        /// nowhere.
        Any => "any",
    }
}

/// The type of a parameter, a response field or a named schema of `components.schemas`.
///
/// Every field is optional in the file; absent lists and maps are empty and absent flags
/// false. Values that vary in type in official files are accepted in each form: `example`
/// and `default` keep whatever JSON value the file has, flags accept `"true"`, bounds accept
/// numbers in strings, enum values may be strings or numbers (kept as text).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// `type`.
    #[serde(rename = "type", default)]
    pub schema_type: Option<SchemaType>,
    /// `format`: `int32`, `int64`, `float`, `double`, ...
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub format: Option<String>,
    /// `description` (Markdown).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub description: Option<String>,
    /// `title`: a short caption, often empty or in Chinese.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub title: Option<String>,
    /// `required`: whether the parameter or field must be present.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub required: bool,
    /// `docRequired`: whether the documentation marks it required.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub doc_required: bool,
    /// `example`: any JSON value (official files use strings, even for numbers).
    #[serde(default)]
    pub example: Option<Value>,
    /// `default`: any JSON value.
    #[serde(default)]
    pub default: Option<Value>,
    /// `enum`: the allowed values, as text (numbers are written out).
    #[serde(rename = "enum", default, deserialize_with = "lenient::text_list")]
    pub enum_values: Vec<String>,
    /// `enumValueTitles`: value -> caption. Official files often have this without `enum`;
    /// then its keys are the documented values (see [`Schema::documented_values`]).
    #[serde(default, deserialize_with = "lenient::text_map")]
    pub enum_value_titles: IndexMap<String, String>,
    /// `items` of an array.
    #[serde(default)]
    pub items: Option<Box<Schema>>,
    /// `properties` of an object, in file order.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub properties: IndexMap<String, Schema>,
    /// `additionalProperties`: a map's value type, or whether other keys are allowed.
    #[serde(default)]
    pub additional_properties: Option<AdditionalProperties>,
    /// `$ref`, e.g. `#/components/schemas/Foo`.
    #[serde(rename = "$ref", default, deserialize_with = "lenient::opt_text")]
    pub reference: Option<String>,
    /// `itemNode`: this object only wraps a list (`"Data": {"CashCoupon": [...]}`); its
    /// single property is the array.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub item_node: bool,
    /// `deprecated`.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub deprecated: bool,
    /// `maximum` (exact: numbers in strings such as `"9223372036854775807"` are accepted).
    #[serde(default, deserialize_with = "lenient::opt_number")]
    pub maximum: Option<serde_json::Number>,
    /// `minimum`.
    #[serde(default, deserialize_with = "lenient::opt_number")]
    pub minimum: Option<serde_json::Number>,
    /// `exclusiveMaximum`.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub exclusive_maximum: bool,
    /// `exclusiveMinimum`.
    #[serde(default, deserialize_with = "lenient::flag")]
    pub exclusive_minimum: bool,
    /// `maxLength` of a string.
    #[serde(default, deserialize_with = "lenient::opt_count")]
    pub max_length: Option<u64>,
    /// `minLength` of a string.
    #[serde(default, deserialize_with = "lenient::opt_count")]
    pub min_length: Option<u64>,
    /// `maxItems` of an array.
    #[serde(default, deserialize_with = "lenient::opt_count")]
    pub max_items: Option<u64>,
    /// `minItems` of an array.
    #[serde(default, deserialize_with = "lenient::opt_count")]
    pub min_items: Option<u64>,
    /// `pattern`: a regular expression the value matches.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub pattern: Option<String>,
    /// `x-secret` (ours): the value is a secret; generated `Debug` redacts it.
    #[serde(rename = "x-secret", default)]
    pub secret: bool,
    /// `x-json-string` (ours): a string whose content is a JSON document.
    #[serde(rename = "x-json-string", default)]
    pub json_string: bool,
    /// `x-time-format` (ours): the date-time pattern of a string, e.g.
    /// `yyyy-MM-ddTHH:mm:ssZ` (see `specs/README.md`).
    #[serde(rename = "x-time-format", default)]
    pub time_format: Option<String>,
    /// Other `x-` keys, kept as they are.
    #[serde(flatten)]
    pub extensions: Extensions,
}

impl Schema {
    /// The values the documentation lists: `enum` if present, else the keys of
    /// `enumValueTitles` (official files often carry only the latter).
    pub fn documented_values(&self) -> Vec<&str> {
        if self.enum_values.is_empty() {
            self.enum_value_titles.keys().map(String::as_str).collect()
        } else {
            self.enum_values.iter().map(String::as_str).collect()
        }
    }

    /// The caption of an enum value from `enumValueTitles`, if it has a non-empty one.
    pub fn enum_value_title(&self, value: &str) -> Option<&str> {
        self.enum_value_titles
            .get(value)
            .map(String::as_str)
            .filter(|t| !t.is_empty())
    }

    /// For an `itemNode` wrapper object, its single property: the name and the array schema.
    pub fn item_node_list(&self) -> Option<(&str, &Schema)> {
        if !self.item_node || self.properties.len() != 1 {
            return None;
        }
        self.properties
            .first()
            .filter(|(_, s)| s.schema_type == Some(SchemaType::Array))
            .map(|(name, s)| (name.as_str(), s))
    }

    /// The name in `components.schemas` that `$ref` points to, if it has the form
    /// `#/components/schemas/<name>` (JSON-pointer escapes `~1` and `~0` decoded).
    pub fn ref_name(&self) -> Option<String> {
        self.reference.as_deref().and_then(component_name)
    }
}

/// The schema name of a `#/components/schemas/<name>` reference.
pub(crate) fn component_name(reference: &str) -> Option<String> {
    let name = reference.strip_prefix("#/components/schemas/")?;
    if name.is_empty() || name.contains('/') {
        return None;
    }
    Some(name.replace("~1", "/").replace("~0", "~"))
}

/// `additionalProperties`: either a flag or the schema of the values of a map.
#[derive(Debug, Clone, PartialEq)]
pub enum AdditionalProperties {
    /// `true` or `false`.
    Allowed(bool),
    /// The schema of every value.
    Schema(Box<Schema>),
}

impl<'de> Deserialize<'de> for AdditionalProperties {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AdditionalPropertiesVisitor)
    }
}

struct AdditionalPropertiesVisitor;

impl<'de> Visitor<'de> for AdditionalPropertiesVisitor {
    type Value = AdditionalProperties;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean or a schema object")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(AdditionalProperties::Allowed(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Schema::deserialize(de::value::MapAccessDeserializer::new(map))
            .map(|s| AdditionalProperties::Schema(Box::new(s)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn accepts_official_quirks() {
        let s: Schema = serde_json::from_str(
            r#"{"type": "integer", "format": "int64", "required": "true", "example": 5,
                "maximum": "9223372036854775807", "minimum": "-9223372036854775808",
                "maxItems": 20, "maxLength": "256", "enum": ["a", 1],
                "enumValueTitles": {"a": "A"}, "unknownKey": {"deep": [1]},
                "x-new": 1}"#,
        )
        .unwrap();
        assert_eq!(s.schema_type, Some(SchemaType::Integer));
        assert!(s.required);
        assert_eq!(s.example, Some(Value::from(5)));
        assert_eq!(s.maximum.as_ref().and_then(|n| n.as_i64()), Some(i64::MAX));
        assert_eq!(s.minimum.as_ref().and_then(|n| n.as_i64()), Some(i64::MIN));
        assert_eq!((s.max_items, s.max_length), (Some(20), Some(256)));
        assert_eq!(s.enum_values, ["a", "1"]);
        assert_eq!(s.enum_value_title("a"), Some("A"));
        assert_eq!(s.extensions.get("x-new"), Some(&Value::from(1)));
        assert_eq!(s.extensions.len(), 1);
    }

    #[test]
    fn documented_values_fall_back_to_titles() {
        let s: Schema =
            serde_json::from_str(r#"{"type": "string", "enumValueTitles": {"0": "", "1": "x"}}"#)
                .unwrap();
        assert_eq!(s.documented_values(), ["0", "1"]);
        assert_eq!(s.enum_value_title("0"), None);
    }

    #[test]
    fn additional_properties_flag_or_schema() {
        let s: Schema = serde_json::from_str(
            r#"{"type": "object", "additionalProperties": {"type": "string"}}"#,
        )
        .unwrap();
        let Some(AdditionalProperties::Schema(inner)) = s.additional_properties else {
            panic!("expected a schema");
        };
        assert_eq!(inner.schema_type, Some(SchemaType::String));
        let s: Schema = serde_json::from_str(r#"{"additionalProperties": false}"#).unwrap();
        assert_eq!(
            s.additional_properties,
            Some(AdditionalProperties::Allowed(false))
        );
    }

    #[test]
    fn ref_names() {
        assert_eq!(
            component_name("#/components/schemas/Foo").as_deref(),
            Some("Foo")
        );
        assert_eq!(
            component_name("#/components/schemas/a~1b").as_deref(),
            Some("a/b")
        );
        assert_eq!(component_name("#/definitions/Foo"), None);
        assert_eq!(component_name("#/components/schemas/"), None);
    }
}
