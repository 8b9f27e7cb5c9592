// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! One module per operation: its fluent builder, its error codes, and its request,
//! response and nested types (re-exported from the model crate).

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `DeleteTemplate`: Deletes the orchestration templates that you no longer need.
pub mod delete_template;

/// `DescribeClusterDetail`: You can call the DescribeClusterDetail operation to query the details of a Container Service for Kubernetes (ACK) cluster by cluster ID.
pub mod describe_cluster_detail;

/// `DescribeClusterLogs`: Queries the cluster log to help analyze cluster issues and locate the cause.
pub mod describe_cluster_logs;

/// `ScaleClusterNodePool`: Scales out a node pool.
pub mod scale_cluster_node_pool;
