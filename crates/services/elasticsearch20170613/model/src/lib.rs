// generated from specs/elasticsearch/2017-06-13/api-docs.json by `cargo xtask codegen`; do not edit.

//! Request and response types of Alibaba Cloud elasticsearch (2017-06-13), without an HTTP stack.
//!
//! Generated from `specs/elasticsearch/2017-06-13/api-docs.json` by `cargo xtask codegen`; do not edit (change the spec and regenerate). The client crate `alibabacloud-elasticsearch20170613` sends these types.
//!
//! One module per operation holds its request, its response and their nested types:
//! serde structs with the wire names and public fields, `#[non_exhaustive]`, built with
//! `new()` (or `Default`); a request and the types it holds also have `with_*` setters,
//! a response is built (in tests) by setting its fields. Decoding is lenient where
//! services are: integers, floats and booleans also come as strings, lists as `null`;
//! unknown fields are ignored.
//!
//! ```
//! use alibabacloud_elasticsearch20170613_model::get_elastictask::GetElastictaskResponse;
//!
//! let response: GetElastictaskResponse = serde_json::from_str("{}")?;
//! assert_eq!(response, GetElastictaskResponse::default());
//! # Ok::<(), serde_json::Error>(())
//! ```

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `GetElastictask`.
pub mod get_elastictask;
