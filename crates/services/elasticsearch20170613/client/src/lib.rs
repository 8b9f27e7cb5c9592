// generated from specs/elasticsearch/2017-06-13/api-docs.json by `cargo xtask codegen`; do not edit.

//! Alibaba Cloud elasticsearch (2017-06-13) client.
//!
//! Generated from `specs/elasticsearch/2017-06-13/api-docs.json` by `cargo xtask codegen`; do not edit (change the spec and regenerate).
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
//! let client = alibabacloud_elasticsearch20170613::Client::from_env().await?;
//! let response = client
//!     .get_elastictask()
//!     .instance_id("es-cn-6ja1ro4jt000c****")
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
//! ```no_run
//! use alibabacloud_elasticsearch20170613::operation::get_elastictask::GetElastictaskErrorCode;
//!
//! # async fn example(client: alibabacloud_elasticsearch20170613::Client) {
//! match client
//!     .get_elastictask()
//!     .instance_id("es-cn-6ja1ro4jt000c****")
//!     .send()
//!     .await
//! {
//!     Ok(response) => println!("{response:?}"),
//!     Err(err) if err.code() == Some(&GetElastictaskErrorCode::InstanceNotFound) => {
//!         // Documented for HTTP 404.
//!     }
//!     Err(err) => eprintln!("{err}"),
//! }
//! # }
//! ```
//!
//! # Operations
//!
//! - [`get_elastictask`](Client::get_elastictask): `GetElastictask`.

#![cfg_attr(rustfmt, rustfmt::skip)]

#[doc(inline)]
pub use ::alibabacloud_core::exports::*;
pub use ::alibabacloud_elasticsearch20170613_model as model;

mod client;
pub mod endpoints;
pub mod operation;
pub use client::Client;
