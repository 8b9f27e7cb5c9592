//! What the generated model crates are made of, written once.
//!
//! The generated `alibabacloud-*-model` crates are plain data types with serde. What every
//! struct and enum of theirs needs beyond its fields and values lives here, so that the
//! generated code stays small and quick to compile:
//!
//! - [`model!`] and [`open_enum!`]: a generated struct or open enum is written as such inside
//!   one of these macros, which add its derives, its setters or conversions, and its serde
//!   with the wire names;
//! - [`model`](mod@model): the traits behind that serde ([`Item`](model::Item),
//!   [`Field`](model::Field), [`Model`](model::Model)) and the generic code the macros call;
//! - [`de`]: lenient deserializers. Alibaba Cloud services do not always send the JSON type
//!   their metadata documents: an `int64` may arrive as `123` or `"123"`, a boolean as
//!   `"true"`, a list as `null`. Each helper accepts every spelling that means the same value
//!   and rejects the rest with a serde error that says what was expected;
//! - [`redact`]: `Debug` stand-ins for secret fields (`x-secret` in the specs);
//! - [`ser`]: `skip_serializing_if` helpers;
//! - [`Blob`]: binary data (an upload body, a binary response).
//!
//! No HTTP stack: this crate depends on `serde` and `bytes` only (and on `serde_json` with the `json`
//! feature, for models with free-form JSON fields).
//!
//! ```
//! alibabacloud_types::model! {
//!     /// A voucher.
//!     pub struct Coupon {
//!         /// Its id.
//!         #[wire("CashCouponId", with_id)]
//!         pub id: Option<i64>,
//!         /// Its tags.
//!         #[wire("Tags", with_tags)]
//!         pub tags: Vec<String>,
//!     }
//! }
//!
//! let c: Coupon = serde_json::from_str(r#"{"CashCouponId": "34534253254325", "Tags": null}"#)?;
//! assert_eq!(c.id, Some(34534253254325));
//! assert!(c.tags.is_empty());
//! # Ok::<(), serde_json::Error>(())
//! ```

mod blob;
mod macros;

pub mod de;
pub mod model;
pub mod redact;
pub mod ser;

#[doc(hidden)]
pub use blob::__private as blob_private;
pub use blob::Blob;

/// What the macros' expansions name through `$crate`, so that the generated crates need no
/// dependency of their own for it.
#[doc(hidden)]
pub mod __private {
    pub use serde;
    pub use std::string::String;
}
