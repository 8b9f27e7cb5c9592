// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! Alibaba Cloud CS (2015-12-15) client.
//!
//! Generated from `specs/cs/2015-12-15/api-docs.json` by `cargo xtask codegen`; do not edit (change the spec and regenerate).
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
//! let client = alibabacloud_cs20151215::Client::from_env().await?;
//! let response = client
//!     .delete_template()
//!     .template_id("20663627-81ee-4cfe-9b69-c96fcb84a674")
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
//! - [`delete_template`](Client::delete_template): Deletes the orchestration templates that you no longer need.
//! - [`describe_cluster_detail`](Client::describe_cluster_detail): You can call the DescribeClusterDetail operation to query the details of a Container Service for Kubernetes (ACK) cluster by cluster ID.
//! - [`describe_cluster_logs`](Client::describe_cluster_logs): Queries the cluster log to help analyze cluster issues and locate the cause.
//! - [`scale_cluster_node_pool`](Client::scale_cluster_node_pool): Scales out a node pool.

#![cfg_attr(rustfmt, rustfmt::skip)]

#[doc(inline)]
pub use ::alibabacloud_core::exports::*;
pub use ::alibabacloud_cs20151215_model as model;

mod client;
pub mod endpoints;
pub mod operation;
pub use client::Client;
