// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `ScaleClusterNodePool`: Scales out a node pool.

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_types::model! {
    /// The request of `ScaleClusterNodePool`: Scales out a node pool.
    ///
    /// Send it with `Client::scale_cluster_node_pool` of the client crate, or build it here (e.g. in tests) with `ScaleClusterNodePoolRequest::new()` and the `with_*` setters.
    pub struct ScaleClusterNodePoolRequest {
        /// The cluster ID.
        ///
        /// Required: `send()` fails with `ConstructionError::MissingParameter` when it is not set.
        ///
        /// Example: `c23421cfa74454bc8b37163fd19af****`
        #[wire("ClusterId", with_cluster_id)]
        pub cluster_id: Option<String>,
        /// The node pool ID.
        ///
        /// Required: `send()` fails with `ConstructionError::MissingParameter` when it is not set.
        ///
        /// Example: `np31da1b38983f4511b490fc62108a****`
        #[wire("NodepoolId", with_nodepool_id)]
        pub nodepool_id: Option<String>,
        /// The number of worker nodes that you want to add. For example, the current node pool contains two nodes. After the two node is scaled out, the node pool contains four nodes. Due to the limit of the node quota, you can add at most 500 nodes in each request.
        ///
        /// Example: `2`
        #[wire("count", with_count)]
        pub count: Option<i64>,
    }
}

::alibabacloud_types::model! {
    /// The response of `ScaleClusterNodePool`.
    ///
    /// The response body.
    pub struct ScaleClusterNodePoolResponse {
        /// The task ID.
        ///
        /// Example: `T-5faa48fb31b6b8078d00****`
        #[wire("task_id")]
        pub task_id: Option<String>,
    }
}
