// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! `DeleteTemplate`: Deletes the orchestration templates that you no longer need.

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::delete_template::*;

::alibabacloud_core::operation! {
    /// `DeleteTemplate` as a type: its request, response and error codes, and how it is sent (for generic code over [`OperationShape`](alibabacloud_core::OperationShape)).
    pub struct DeleteTemplate;

    impl OperationShape for DeleteTemplate {
        type Input = DeleteTemplateRequest;
        type Output = DeleteTemplateResponse;
        type ErrorCode = DeleteTemplateErrorCode;
        const OPERATION: Operation = Operation {
            product: "CS",
            action: "DeleteTemplate",
            version: "2015-12-15",
            method: HttpMethod::Delete,
            style: ApiStyle::Roa,
            path: "/templates/{TemplateId}",
            operation_type: OperationType::ReadAndWrite,
            response: ResponseBody::Empty,
            ..Operation::DEFAULT
        };

        const PARAMS: &'static [ParamSpec] = &[ParamSpec::path("TemplateId")];
    }

    /// Sets the parameters of `DeleteTemplate` and sends the request.
    ///
    /// Get one from [`Client::delete_template`](crate::Client::delete_template), which has an example.
    pub struct DeleteTemplateFluentBuilder {
        /// The orchestration template ID.
        ///
        /// Required: `send()` fails without it. See [`DeleteTemplateRequest::template_id`] for the details.
        #[setters(set_template_id, get_template_id)]
        template_id: Option<String>,
    }
}

::alibabacloud_core::error_codes! {
    /// The error codes documented for `DeleteTemplate`, as the `Code` of a service error.
    ///
    /// A code the API metadata does not list for this operation (throttling, authentication, codes added later) is `Unknown`, with the code as sent. Match with a wildcard arm: new documented codes may be added as variants.
    pub enum DeleteTemplateErrorCode {}
}

/// The error of [`DeleteTemplateFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`DeleteTemplateErrorCode`].
pub type DeleteTemplateError = ::alibabacloud_core::Error<DeleteTemplateErrorCode>;
