// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! Request and response types of Alibaba Cloud quickbi-public (2022-01-01), without an HTTP stack.
//!
//! Generated from `specs/quickbi-public/2022-01-01/api-docs.json` by `cargo xtask codegen`; do not edit (change the spec and regenerate). The client crate `alibabacloud-quickbi-public20220101` sends these types.
//!
//! One module per operation holds its request, its response and their nested types:
//! serde structs with the wire names and public fields, `#[non_exhaustive]`, built with
//! `new()` (or `Default`); a request and the types it holds also have `with_*` setters,
//! a response is built (in tests) by setting its fields. Decoding is lenient where
//! services are: integers, floats and booleans also come as strings, lists as `null`;
//! unknown fields are ignored.
//!
//! ```
//! use alibabacloud_quickbi_public20220101_model::query_ticket_info::QueryTicketInfoResponse;
//!
//! let response: QueryTicketInfoResponse = serde_json::from_str("{}")?;
//! assert_eq!(response, QueryTicketInfoResponse::default());
//! # Ok::<(), serde_json::Error>(())
//! ```

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `QueryTicketInfo`: Obtains the details of a specified ticket for a report that is not embedded in the report.
pub mod query_ticket_info;
