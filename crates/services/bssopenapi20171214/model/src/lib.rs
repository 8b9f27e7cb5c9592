// generated from specs/bssopenapi/2017-12-14/api-docs.json by `cargo xtask codegen`; do not edit.

//! Request and response types of Alibaba Cloud BssOpenApi (2017-12-14), without an HTTP stack.
//!
//! Generated from `specs/bssopenapi/2017-12-14/api-docs.json` by `cargo xtask codegen`; do not edit (change the spec and regenerate). The client crate `alibabacloud-bssopenapi20171214` sends these types.
//!
//! One module per operation holds its request, its response and their nested types:
//! serde structs with the wire names and public fields, `#[non_exhaustive]`, built with
//! `new()` (or `Default`); a request and the types it holds also have `with_*` setters,
//! a response is built (in tests) by setting its fields. Decoding is lenient where
//! services are: integers, floats and booleans also come as strings, lists as `null`;
//! unknown fields are ignored.
//!
//! ```
//! use alibabacloud_bssopenapi20171214_model::query_cash_coupons::QueryCashCouponsResponse;
//!
//! let response: QueryCashCouponsResponse = serde_json::from_str("{}")?;
//! assert_eq!(response, QueryCashCouponsResponse::default());
//! # Ok::<(), serde_json::Error>(())
//! ```

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `QueryCashCoupons`: Queries the information about vouchers.
pub mod query_cash_coupons;
