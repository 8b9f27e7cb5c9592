// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! One module per operation: its fluent builder, its error codes, and its request,
//! response and nested types (re-exported from the model crate).

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `QueryTicketInfo`: Obtains the details of a specified ticket for a report that is not embedded in the report.
pub mod query_ticket_info;
