// generated from specs/bssopenapi/2017-12-14/api-docs.json by `cargo xtask codegen`; do not edit.

//! `QueryCashCoupons`: Queries the information about vouchers.

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::query_cash_coupons::*;

::alibabacloud_core::operation! {
    /// `QueryCashCoupons` as a type: its request, response and error codes, and how it is sent (for generic code over [`OperationShape`](alibabacloud_core::OperationShape)).
    pub struct QueryCashCoupons;

    impl OperationShape for QueryCashCoupons {
        type Input = QueryCashCouponsRequest;
        type Output = QueryCashCouponsResponse;
        type ErrorCode = QueryCashCouponsErrorCode;
        const OPERATION: Operation = Operation {
            product: "BssOpenApi",
            action: "QueryCashCoupons",
            version: "2017-12-14",
            method: HttpMethod::Post,
            style: ApiStyle::Rpc,
            operation_type: OperationType::Read,
            ..Operation::DEFAULT
        };

        const PARAMS: &'static [ParamSpec] = &[
            ParamSpec::query("ExpiryTimeEnd"),
            ParamSpec::query("ExpiryTimeStart"),
            ParamSpec::query("EffectiveOrNot"),
        ];
        const SUCCESS: SuccessCheck<Self::Output> = SuccessCheck::Field(|out| out.success);
    }

    /// Sets the parameters of `QueryCashCoupons` and sends the request.
    ///
    /// Get one from [`Client::query_cash_coupons`](crate::Client::query_cash_coupons), which has an example.
    pub struct QueryCashCouponsFluentBuilder {
        /// The end time of the validity period of the voucher. Specify the parameter in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2018-08-01T00:00:00Z.
        ///
        /// See [`QueryCashCouponsRequest::expiry_time_end`] for the details.
        #[setters(set_expiry_time_end, get_expiry_time_end)]
        expiry_time_end: Option<String>,
        /// The start time of the validity period of the voucher. Specify the parameter in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2018-08-01T00:00:00Z.
        ///
        /// See [`QueryCashCouponsRequest::expiry_time_start`] for the details.
        #[setters(set_expiry_time_start, get_expiry_time_start)]
        expiry_time_start: Option<String>,
        /// Specifies whether the voucher takes effect. Valid values:
        ///
        /// See [`QueryCashCouponsRequest::effective_or_not`] for the details.
        #[setters(set_effective_or_not, get_effective_or_not)]
        effective_or_not: Option<bool>,
    }
}

::alibabacloud_core::error_codes! {
    /// The error codes documented for `QueryCashCoupons`, as the `Code` of a service error.
    ///
    /// A code the API metadata does not list for this operation (throttling, authentication, codes added later) is `Unknown`, with the code as sent. Match with a wildcard arm: new documented codes may be added as variants.
    pub enum QueryCashCouponsErrorCode {
        /// `NotApplicable` (HTTP 400): This API is not applicable for caller.
        NotApplicable = ("NotApplicable", 400),
        /// `NotAuthorized` (HTTP 400): This API is not authorized for caller.
        NotAuthorized = ("NotAuthorized", 400),
        /// `MissingParameter` (HTTP 400): Some parameters arte mandatoryfor this request.
        MissingParameter = ("MissingParameter", 400),
        /// `InvalidParameter` (HTTP 400): Some parameter sare not valid.
        InvalidParameter = ("InvalidParameter", 400),
        /// `InvalidOwner` (HTTP 400): The specifiedowner doesn’t belong to caller
        InvalidOwner = ("InvalidOwner", 400),
        /// `InternalError` (HTTP 400): The request processing has failed due to some unknown error, exception or failure.
        InternalError = ("InternalError", 400),
        /// `UndefinedError` (HTTP 500): The request processing has failed due to some unknown error.
        UndefinedError = ("UndefinedError", 500),
    }
}

/// The error of [`QueryCashCouponsFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`QueryCashCouponsErrorCode`].
pub type QueryCashCouponsError = ::alibabacloud_core::Error<QueryCashCouponsErrorCode>;
