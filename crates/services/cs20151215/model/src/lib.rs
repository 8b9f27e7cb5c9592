// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! Request and response types of Alibaba Cloud CS (2015-12-15), without an HTTP stack.
//!
//! Generated from `specs/cs/2015-12-15/api-docs.json` by `cargo xtask codegen`; do not edit (change the spec and regenerate). The client crate `alibabacloud-cs20151215` sends these types.
//!
//! One module per operation holds its request, its response and their nested types:
//! serde structs with the wire names and public fields, `#[non_exhaustive]`, built with
//! `new()` (or `Default`); a request and the types it holds also have `with_*` setters,
//! a response is built (in tests) by setting its fields. Decoding is lenient where
//! services are: integers, floats and booleans also come as strings, lists as `null`;
//! unknown fields are ignored.
//!
//! ```
//! use alibabacloud_cs20151215_model::describe_cluster_detail::DescribeClusterDetailResponse;
//!
//! let response: DescribeClusterDetailResponse = serde_json::from_str("{}")?;
//! assert_eq!(response, DescribeClusterDetailResponse::default());
//! # Ok::<(), serde_json::Error>(())
//! ```

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `DeleteTemplate`: Deletes the orchestration templates that you no longer need.
pub mod delete_template;

/// `DescribeClusterDetail`: You can call the DescribeClusterDetail operation to query the details of a Container Service for Kubernetes (ACK) cluster by cluster ID.
pub mod describe_cluster_detail;

/// `DescribeClusterLogs`: Queries the cluster log to help analyze cluster issues and locate the cause.
pub mod describe_cluster_logs;

/// `ScaleClusterNodePool`: Scales out a node pool.
pub mod scale_cluster_node_pool;
pub mod types;
