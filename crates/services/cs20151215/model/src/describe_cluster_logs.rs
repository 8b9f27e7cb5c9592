// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `DescribeClusterLogs`: Queries the cluster log to help analyze cluster issues and locate the cause.

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_types::model! {
    /// The request of `DescribeClusterLogs`: Queries the cluster log to help analyze cluster issues and locate the cause.
    ///
    /// Send it with `Client::describe_cluster_logs` of the client crate, or build it here (e.g. in tests) with `DescribeClusterLogsRequest::new()` and the `with_*` setters.
    pub struct DescribeClusterLogsRequest {
        /// The cluster ID.
        ///
        /// Required: `send()` fails with `ConstructionError::MissingParameter` when it is not set.
        ///
        /// Example: `c106f377e16f34eb1808d6b9362c9****`
        #[wire("ClusterId", with_cluster_id)]
        pub cluster_id: Option<String>,
    }
}

::alibabacloud_types::model! {
    /// The response of `DescribeClusterLogs`.
    ///
    /// The list of the returned log entries.
    ///
    /// The body is not a JSON object: `body` holds all of it.
    #[transparent]
    pub struct DescribeClusterLogsResponse {
        /// The list of the returned log entries.
        #[wire("body")]
        pub body: Vec<Body>,
    }
}

::alibabacloud_types::model! {
    /// The `Body` object.
    pub struct Body {
        /// The ID of the log entry.
        ///
        /// Example: `590749245`
        #[wire("ID")]
        pub id: Option<i64>,
        /// The cluster ID.
        ///
        /// Example: `c23421cfa74454bc8b37163fd19af***`
        #[wire("cluster_id")]
        pub cluster_id: Option<String>,
        /// The log content.
        ///
        /// Example: `start to update cluster status to CREATE_COMPLETE`
        #[wire("cluster_log")]
        pub cluster_log: Option<String>,
        /// The time when the log entry was generated.
        ///
        /// Example: `2020-09-11T10:11:51+08:00`
        #[wire("created")]
        pub created: Option<String>,
        /// The time when the log entry was updated.
        ///
        /// Example: `2020-09-11T10:11:51+08:00`
        #[wire("updated")]
        pub updated: Option<String>,
    }
}
