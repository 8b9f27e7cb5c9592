// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! `DescribeClusterLogs`: Queries the cluster log to help analyze cluster issues and locate the cause.

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::describe_cluster_logs::*;

::alibabacloud_core::operation! {
    /// `DescribeClusterLogs` as a type: its request, response and error codes, and how it is sent (for generic code over [`OperationShape`](alibabacloud_core::OperationShape)).
    pub struct DescribeClusterLogs;

    impl OperationShape for DescribeClusterLogs {
        type Input = DescribeClusterLogsRequest;
        type Output = DescribeClusterLogsResponse;
        type ErrorCode = DescribeClusterLogsErrorCode;
        const OPERATION: Operation = Operation {
            product: "CS",
            action: "DescribeClusterLogs",
            version: "2015-12-15",
            method: HttpMethod::Get,
            style: ApiStyle::Roa,
            path: "/clusters/{ClusterId}/logs",
            operation_type: OperationType::Read,
            response: ResponseBody::Value,
            ..Operation::DEFAULT
        };

        const PARAMS: &'static [ParamSpec] = &[ParamSpec::path("ClusterId")];
    }

    /// Sets the parameters of `DescribeClusterLogs` and sends the request.
    ///
    /// Get one from [`Client::describe_cluster_logs`](crate::Client::describe_cluster_logs), which has an example.
    pub struct DescribeClusterLogsFluentBuilder {
        /// The cluster ID.
        ///
        /// Required: `send()` fails without it. See [`DescribeClusterLogsRequest::cluster_id`] for the details.
        #[setters(set_cluster_id, get_cluster_id)]
        cluster_id: Option<String>,
    }
}

::alibabacloud_core::error_codes! {
    /// The error codes documented for `DescribeClusterLogs`, as the `Code` of a service error.
    ///
    /// A code the API metadata does not list for this operation (throttling, authentication, codes added later) is `Unknown`, with the code as sent. Match with a wildcard arm: new documented codes may be added as variants.
    pub enum DescribeClusterLogsErrorCode {}
}

/// The error of [`DescribeClusterLogsFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`DescribeClusterLogsErrorCode`].
pub type DescribeClusterLogsError = ::alibabacloud_core::Error<
    DescribeClusterLogsErrorCode,
>;
