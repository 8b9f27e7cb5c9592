// generated from specs/ocr-api/2021-07-07/api-docs.json by `cargo xtask codegen`; do not edit.

//! Alibaba Cloud ocr-api (2021-07-07) client.
//!
//! Generated from `specs/ocr-api/2021-07-07/api-docs.json` by `cargo xtask codegen`; do not edit (change the spec and regenerate).
//!
//! Each operation is a method of [`Client`] that returns a fluent builder: set the
//! parameters, then `send()` the request. The request, response and nested types come
//! from the model crate, re-exported as [`model`] and, with the operation's builder and
//! error codes, in its module of [`operation`]. Per-call timeouts and retries are
//! [`CallOptions`], set with `call_options(...)` apart from the API's parameters.
//! `send_with_metadata()` returns the output in a [`Response`] that also holds the
//! request id, HTTP status, headers and raw body (for fields the API metadata lacks).
//!
//! The runtime's types you name to configure a client or match its errors ([`Config`],
//! [`Credentials`], [`credentials`] providers, [`RetryConfig`], [`Error`],
//! [`ConstructionError`], [`TimeoutKind`], ...) are re-exported here from
//! `alibabacloud-core`: this crate is the one dependency you need. TLS is rustls (the
//! `rustls` feature, on by default) or the platform's (`native-tls`, with
//! `default-features = false` to leave rustls out); the `http2` feature adds HTTP/2.
//!
//! # Example
//!
//! ```no_run
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! let client = alibabacloud_ocr_api20210707::Client::from_env().await?;
//! let response = client
//!     .recognize_car_vin_code()
//!     .url("https://img.alicdn.com/tfs/TB1Wo7eXAvoK1RjSZFDXXXY3pXa-2512-3509.jpg")
//!     .send()
//!     .await?;
//! println!("{response:?}");
//! # Ok(())
//! # }
//! ```
//!
//! # Errors
//!
//! [`Error`] tells apart a request that could not be built (a required parameter not
//! set: nothing is sent), missing credentials, no endpoint for the region, timeouts,
//! network failures, undecodable responses and errors the service reported. A service
//! error's code is an enum of the codes documented for the operation; generic code
//! reads any operation's error through [`ProvideErrorMetadata`] (code, message, request
//! id, HTTP status, `is_throttling()`, `is_retryable()`, and the gateway's codes as
//! [`CommonErrorCode`]):
//!
//! # Operations
//!
//! - [`recognize_car_vin_code`](Client::recognize_car_vin_code): 车辆vin码识别

#![cfg_attr(rustfmt, rustfmt::skip)]

#[doc(inline)]
pub use ::alibabacloud_core::exports::*;
pub use ::alibabacloud_ocr_api20210707_model as model;

mod client;
pub mod endpoints;
pub mod operation;
pub use client::Client;
