// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! `DescribeClusterDetail`: You can call the DescribeClusterDetail operation to query the details of a Container Service for Kubernetes (ACK) cluster by cluster ID.

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::describe_cluster_detail::*;

::alibabacloud_core::operation! {
    /// `DescribeClusterDetail` as a type: its request, response and error codes, and how it is sent (for generic code over [`OperationShape`](alibabacloud_core::OperationShape)).
    pub struct DescribeClusterDetail;

    impl OperationShape for DescribeClusterDetail {
        type Input = DescribeClusterDetailRequest;
        type Output = DescribeClusterDetailResponse;
        type ErrorCode = DescribeClusterDetailErrorCode;
        const OPERATION: Operation = Operation {
            product: "CS",
            action: "DescribeClusterDetail",
            version: "2015-12-15",
            method: HttpMethod::Get,
            style: ApiStyle::Roa,
            path: "/clusters/{ClusterId}",
            operation_type: OperationType::Read,
            ..Operation::DEFAULT
        };

        const PARAMS: &'static [ParamSpec] = &[ParamSpec::path("ClusterId")];
    }

    /// Sets the parameters of `DescribeClusterDetail` and sends the request.
    ///
    /// Get one from [`Client::describe_cluster_detail`](crate::Client::describe_cluster_detail), which has an example.
    pub struct DescribeClusterDetailFluentBuilder {
        /// The cluster ID.
        ///
        /// Required: `send()` fails without it. See [`DescribeClusterDetailRequest::cluster_id`] for the details.
        #[setters(set_cluster_id, get_cluster_id)]
        cluster_id: Option<String>,
    }
}

::alibabacloud_core::error_codes! {
    /// The error codes documented for `DescribeClusterDetail`, as the `Code` of a service error.
    ///
    /// A code the API metadata does not list for this operation (throttling, authentication, codes added later) is `Unknown`, with the code as sent. Match with a wildcard arm: new documented codes may be added as variants.
    pub enum DescribeClusterDetailErrorCode {}
}

/// The error of [`DescribeClusterDetailFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`DescribeClusterDetailErrorCode`].
pub type DescribeClusterDetailError = ::alibabacloud_core::Error<
    DescribeClusterDetailErrorCode,
>;
