//! Serde helpers shared by the generated model crates.
//!
//! The generated `alibabacloud-*-model` crates are plain serde types. What their fields need
//! beyond derived serde code lives here once, so that the generated code stays small:
//!
//! - [`de`]: lenient deserializers. Alibaba Cloud services do not always send the JSON type
//!   their metadata documents: an `int64` may arrive as `123` or `"123"`, a boolean as
//!   `"true"`, a list as `null`. Each helper accepts every spelling that means the same value
//!   and rejects the rest with a serde error that says what was expected.
//! - [`redact`]: `Debug` stand-ins for secret fields (`x-secret` in the specs).
//! - [`ser`]: `skip_serializing_if` helpers.
//!
//! No HTTP stack: this crate depends on `serde` only.
//!
//! ```
//! #[derive(serde::Deserialize)]
//! struct Coupon {
//!     #[serde(rename = "CashCouponId", default, deserialize_with = "alibabacloud_types::de::option_i64")]
//!     id: Option<i64>,
//!     #[serde(rename = "Tags", default, deserialize_with = "alibabacloud_types::de::null_as_default")]
//!     tags: Vec<String>,
//! }
//!
//! let c: Coupon = serde_json::from_str(r#"{"CashCouponId": "34534253254325", "Tags": null}"#)?;
//! assert_eq!(c.id, Some(34534253254325));
//! assert!(c.tags.is_empty());
//! # Ok::<(), serde_json::Error>(())
//! ```

pub mod de;
pub mod redact;
pub mod ser;
