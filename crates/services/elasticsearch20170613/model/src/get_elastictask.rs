// generated from specs/elasticsearch/2017-06-13/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `GetElastictask`.

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_types::model! {
    /// The request of `GetElastictask`.
    ///
    /// Send it with `Client::get_elastictask` of the client crate, or build it here (e.g. in tests) with `GetElastictaskRequest::new()` and the `with_*` setters.
    pub struct GetElastictaskRequest {
        /// No description in the API metadata.
        ///
        /// Required: `send()` fails with `ConstructionError::MissingParameter` when it is not set.
        ///
        /// Example: `es-cn-6ja1ro4jt000c****`
        #[wire("InstanceId", with_instance_id)]
        pub instance_id: Option<String>,
    }
}

::alibabacloud_types::model! {
    /// The response of `GetElastictask`.
    pub struct GetElastictaskResponse {
        /// No description in the API metadata.
        ///
        /// Example: `5FFD9ED4-C2EC-4E89-B22B-1ACB6FE1D***`
        #[wire("RequestId")]
        pub request_id: Option<String>,
        /// No description in the API metadata.
        #[wire("Result")]
        pub result: GetElastictaskResult,
    }
}

::alibabacloud_types::model! {
    /// The `Result` object.
    pub struct GetElastictaskResult {
        /// No description in the API metadata.
        #[wire("elasticExpansionTask")]
        pub elastic_expansion_task: ElasticExpansionTask,
        /// No description in the API metadata.
        #[wire("elasticShrinkTask")]
        pub elastic_shrink_task: ElasticShrinkTask,
    }
}

::alibabacloud_types::model! {
    /// The `elasticExpansionTask` object.
    pub struct ElasticExpansionTask {
        /// No description in the API metadata.
        ///
        /// Example: `crontab`
        #[wire("triggerType")]
        pub trigger_type: Option<String>,
        /// No description in the API metadata.
        ///
        /// Example: `2`
        #[wire("replicaCount")]
        pub replica_count: Option<i32>,
        /// No description in the API metadata.
        ///
        /// Example: `2`
        #[wire("elasticNodeCount")]
        pub elastic_node_count: Option<i32>,
        /// No description in the API metadata.
        ///
        /// Example: `0 0 0 ? * MON`
        #[wire("cronExpression")]
        pub cron_expression: Option<String>,
        /// No description in the API metadata.
        #[wire("targetIndices")]
        pub target_indices: Vec<String>,
    }
}

::alibabacloud_types::model! {
    /// The `elasticShrinkTask` object.
    pub struct ElasticShrinkTask {
        /// No description in the API metadata.
        ///
        /// Example: `crontab`
        #[wire("triggerType")]
        pub trigger_type: Option<String>,
        /// No description in the API metadata.
        ///
        /// Example: `2`
        #[wire("replicaCount")]
        pub replica_count: Option<i32>,
        /// No description in the API metadata.
        ///
        /// Example: `2`
        #[wire("elasticNodeCount")]
        pub elastic_node_count: Option<i32>,
        /// No description in the API metadata.
        ///
        /// Example: `4 4 4 ? * WED`
        #[wire("cronExpression")]
        pub cron_expression: Option<String>,
        /// No description in the API metadata.
        #[wire("targetIndices")]
        pub target_indices: Vec<String>,
    }
}
