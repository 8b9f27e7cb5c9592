// generated from specs/elasticsearch/2017-06-13/api-docs.json by `cargo xtask codegen`; do not edit.

//! One module per operation: its fluent builder, its error codes, and its request,
//! response and nested types (re-exported from the model crate).

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `GetElastictask`.
pub mod get_elastictask;
