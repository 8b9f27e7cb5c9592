// generated from specs/elasticsearch/2017-06-13/api-docs.json by `cargo xtask codegen`; do not edit.

//! `GetElastictask`.

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::get_elastictask::*;

::alibabacloud_core::operation! {
    /// `GetElastictask` as a type: its request, response and error codes, and how it is sent (for generic code over [`OperationShape`](alibabacloud_core::OperationShape)).
    pub struct GetElastictask;

    impl OperationShape for GetElastictask {
        type Input = GetElastictaskRequest;
        type Output = GetElastictaskResponse;
        type ErrorCode = GetElastictaskErrorCode;
        const OPERATION: Operation = Operation {
            product: "elasticsearch",
            action: "GetElastictask",
            version: "2017-06-13",
            method: HttpMethod::Get,
            style: ApiStyle::Roa,
            path: "/openapi/instances/{InstanceId}/elastic-task",
            operation_type: OperationType::Read,
            ..Operation::DEFAULT
        };

        const PARAMS: &'static [ParamSpec] = &[ParamSpec::path("InstanceId")];
    }

    /// Sets the parameters of `GetElastictask` and sends the request.
    ///
    /// Get one from [`Client::get_elastictask`](crate::Client::get_elastictask), which has an example.
    pub struct GetElastictaskFluentBuilder {
        /// No description in the API metadata.
        ///
        /// Required: `send()` fails without it. See [`GetElastictaskRequest::instance_id`] for the details.
        #[setters(set_instance_id, get_instance_id)]
        instance_id: Option<String>,
    }
}

::alibabacloud_core::error_codes! {
    /// The error codes documented for `GetElastictask`, as the `Code` of a service error.
    ///
    /// A code the API metadata does not list for this operation (throttling, authentication, codes added later) is `Unknown`, with the code as sent. Match with a wildcard arm: new documented codes may be added as variants.
    pub enum GetElastictaskErrorCode {
        /// `InstanceNotFound` (HTTP 404): The specified cluster does not exist. Check the cluster status and try again.
        InstanceNotFound = ("InstanceNotFound", 404),
    }
}

/// The error of [`GetElastictaskFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`GetElastictaskErrorCode`].
pub type GetElastictaskError = ::alibabacloud_core::Error<GetElastictaskErrorCode>;
