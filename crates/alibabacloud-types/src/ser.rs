//! Helpers for `#[serde(skip_serializing_if = "...")]` in generated models.

/// Whether `value` is its type's default: nested structs that hold nothing are left out
/// when a model is serialized (e.g. into a `json`-style request parameter).
///
/// ```
/// assert!(alibabacloud_types::ser::is_default(&Vec::<u8>::new()));
/// assert!(!alibabacloud_types::ser::is_default(&Some(1)));
/// ```
pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
