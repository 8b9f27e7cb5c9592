// generated from specs/bssopenapi/2017-12-14/api-docs.json by `cargo xtask codegen`; do not edit.

//! One module per operation: its fluent builder, its error codes, and its request,
//! response and nested types (re-exported from the model crate).

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `QueryCashCoupons`: Queries the information about vouchers.
pub mod query_cash_coupons;
