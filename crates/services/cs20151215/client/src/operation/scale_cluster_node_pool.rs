// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! `ScaleClusterNodePool`: Scales out a node pool.

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::scale_cluster_node_pool::*;

::alibabacloud_core::operation! {
    /// `ScaleClusterNodePool` as a type: its request, response and error codes, and how it is sent (for generic code over [`OperationShape`](alibabacloud_core::OperationShape)).
    pub struct ScaleClusterNodePool;

    impl OperationShape for ScaleClusterNodePool {
        type Input = ScaleClusterNodePoolRequest;
        type Output = ScaleClusterNodePoolResponse;
        type ErrorCode = ScaleClusterNodePoolErrorCode;
        const OPERATION: Operation = Operation {
            product: "CS",
            action: "ScaleClusterNodePool",
            version: "2015-12-15",
            method: HttpMethod::Post,
            style: ApiStyle::Roa,
            path: "/clusters/{ClusterId}/nodepools/{NodepoolId}",
            operation_type: OperationType::Write,
            ..Operation::DEFAULT
        };

        const PARAMS: &'static [ParamSpec] = &[
            ParamSpec::path("ClusterId"),
            ParamSpec::path("NodepoolId"),
            ParamSpec::body("count"),
        ];
    }

    /// Sets the parameters of `ScaleClusterNodePool` and sends the request.
    ///
    /// Get one from [`Client::scale_cluster_node_pool`](crate::Client::scale_cluster_node_pool), which has an example.
    pub struct ScaleClusterNodePoolFluentBuilder {
        /// The cluster ID.
        ///
        /// Required: `send()` fails without it. See [`ScaleClusterNodePoolRequest::cluster_id`] for the details.
        #[setters(set_cluster_id, get_cluster_id)]
        cluster_id: Option<String>,
        /// The node pool ID.
        ///
        /// Required: `send()` fails without it. See [`ScaleClusterNodePoolRequest::nodepool_id`] for the details.
        #[setters(set_nodepool_id, get_nodepool_id)]
        nodepool_id: Option<String>,
        /// The number of worker nodes that you want to add. For example, the current node pool contains two nodes. After the two node is scaled out, the node pool contains four nodes. Due to the limit of the node quota, you can add at most 500 nodes in each request.
        ///
        /// See [`ScaleClusterNodePoolRequest::count`] for the details.
        #[setters(set_count, get_count)]
        count: Option<i64>,
    }
}

::alibabacloud_core::error_codes! {
    /// The error codes documented for `ScaleClusterNodePool`, as the `Code` of a service error.
    ///
    /// A code the API metadata does not list for this operation (throttling, authentication, codes added later) is `Unknown`, with the code as sent. Match with a wildcard arm: new documented codes may be added as variants.
    pub enum ScaleClusterNodePoolErrorCode {}
}

/// The error of [`ScaleClusterNodePoolFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`ScaleClusterNodePoolErrorCode`].
pub type ScaleClusterNodePoolError = ::alibabacloud_core::Error<
    ScaleClusterNodePoolErrorCode,
>;
