// generated from specs/bssopenapi/2017-12-14/api-docs.json by `cargo xtask codegen`; do not edit.

//! `QueryCashCoupons`: Queries the information about vouchers.

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::query_cash_coupons::*;

/// What the runtime needs to know about the operation.
static OPERATION: ::alibabacloud_core::Operation = ::alibabacloud_core::Operation {
    product: "BssOpenApi",
    action: "QueryCashCoupons",
    version: "2017-12-14",
    method: ::alibabacloud_core::HttpMethod::Post,
    style: ::alibabacloud_core::ApiStyle::Rpc,
    operation_type: ::alibabacloud_core::OperationType::Read,
    secret_response_fields: &[],
};

/// The error codes documented for `QueryCashCoupons`, as the `Code` of a service error.
///
/// A code the API metadata does not list for this operation (throttling, authentication, codes added later) is `Unknown`, with the code as sent. Match with a wildcard arm: new documented codes may be added as variants.
#[derive(
    ::std::clone::Clone,
    ::std::fmt::Debug,
    ::std::cmp::PartialEq,
    ::std::cmp::Eq,
    ::std::hash::Hash,
)]
#[non_exhaustive]
pub enum QueryCashCouponsErrorCode {
    /// `NotApplicable` (HTTP 400): This API is not applicable for caller.
    NotApplicable,
    /// `NotAuthorized` (HTTP 400): This API is not authorized for caller.
    NotAuthorized,
    /// `MissingParameter` (HTTP 400): Some parameters arte mandatoryfor this request.
    MissingParameter,
    /// `InvalidParameter` (HTTP 400): Some parameter sare not valid.
    InvalidParameter,
    /// `InvalidOwner` (HTTP 400): The specifiedowner doesn’t belong to caller
    InvalidOwner,
    /// `InternalError` (HTTP 400): The request processing has failed due to some unknown error, exception or failure.
    InternalError,
    /// `UndefinedError` (HTTP 500): The request processing has failed due to some unknown error.
    UndefinedError,
    /// A code not documented for this operation, as sent by the service.
    Unknown(::std::string::String),
}

impl QueryCashCouponsErrorCode {
    /// The code as the service sends it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::NotApplicable => "NotApplicable",
            Self::NotAuthorized => "NotAuthorized",
            Self::MissingParameter => "MissingParameter",
            Self::InvalidParameter => "InvalidParameter",
            Self::InvalidOwner => "InvalidOwner",
            Self::InternalError => "InternalError",
            Self::UndefinedError => "UndefinedError",
            Self::Unknown(code) => code,
        }
    }

    /// The HTTP status the API metadata documents for this code (the first one, when
    /// it lists several); `None` for `Unknown`.
    pub fn documented_status(&self) -> ::std::option::Option<u16> {
        match self {
            Self::NotApplicable => ::std::option::Option::Some(400),
            Self::NotAuthorized => ::std::option::Option::Some(400),
            Self::MissingParameter => ::std::option::Option::Some(400),
            Self::InvalidParameter => ::std::option::Option::Some(400),
            Self::InvalidOwner => ::std::option::Option::Some(400),
            Self::InternalError => ::std::option::Option::Some(400),
            Self::UndefinedError => ::std::option::Option::Some(500),
            Self::Unknown(_) => ::std::option::Option::None,
        }
    }

    fn known(code: &str) -> ::std::option::Option<Self> {
        match code {
            "NotApplicable" => ::std::option::Option::Some(Self::NotApplicable),
            "NotAuthorized" => ::std::option::Option::Some(Self::NotAuthorized),
            "MissingParameter" => ::std::option::Option::Some(Self::MissingParameter),
            "InvalidParameter" => ::std::option::Option::Some(Self::InvalidParameter),
            "InvalidOwner" => ::std::option::Option::Some(Self::InvalidOwner),
            "InternalError" => ::std::option::Option::Some(Self::InternalError),
            "UndefinedError" => ::std::option::Option::Some(Self::UndefinedError),
            _ => ::std::option::Option::None,
        }
    }
}

impl ::std::convert::From<&str> for QueryCashCouponsErrorCode {
    fn from(value: &str) -> Self {
        match Self::known(value) {
            ::std::option::Option::Some(known) => known,
            ::std::option::Option::None => Self::Unknown(value.to_owned()),
        }
    }
}

impl ::std::convert::From<::std::string::String> for QueryCashCouponsErrorCode {
    fn from(value: ::std::string::String) -> Self {
        match Self::known(&value) {
            ::std::option::Option::Some(known) => known,
            ::std::option::Option::None => Self::Unknown(value),
        }
    }
}

impl ::std::str::FromStr for QueryCashCouponsErrorCode {
    type Err = ::std::convert::Infallible;
    fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
        ::std::result::Result::Ok(Self::from(value))
    }
}

impl ::std::convert::AsRef<str> for QueryCashCouponsErrorCode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl ::std::fmt::Display for QueryCashCouponsErrorCode {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::alibabacloud_core::ErrorCode for QueryCashCouponsErrorCode {}

/// The error of [`QueryCashCouponsFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`QueryCashCouponsErrorCode`].
pub type QueryCashCouponsError = ::alibabacloud_core::Error<QueryCashCouponsErrorCode>;

/// Sets the parameters of `QueryCashCoupons` and sends the request.
///
/// Get one from [`Client::query_cash_coupons`](crate::Client::query_cash_coupons), which has an example.
#[derive(::std::clone::Clone, ::std::fmt::Debug)]
pub struct QueryCashCouponsFluentBuilder {
    runtime: ::alibabacloud_core::Runtime,
    input: QueryCashCouponsRequest,
    options: ::alibabacloud_core::CallOptions,
}

impl QueryCashCouponsFluentBuilder {
    pub(crate) fn new(runtime: ::alibabacloud_core::Runtime) -> Self {
        Self {
            runtime,
            input: ::std::default::Default::default(),
            options: ::std::default::Default::default(),
        }
    }

    /// The end time of the validity period of the voucher. Specify the parameter in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2018-08-01T00:00:00Z.
    ///
    /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
    ///
    /// Example: `2018-08-01T00:00:00Z`
    pub fn expiry_time_end(
        mut self,
        input: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.input.expiry_time_end = ::std::option::Option::Some(input.into());
        self
    }

    /// Sets or clears `ExpiryTimeEnd`; see [`expiry_time_end`](Self::expiry_time_end).
    pub fn set_expiry_time_end(
        mut self,
        input: ::std::option::Option<::std::string::String>,
    ) -> Self {
        self.input.expiry_time_end = input;
        self
    }

    /// `ExpiryTimeEnd` as set so far.
    pub fn get_expiry_time_end(&self) -> &::std::option::Option<::std::string::String> {
        &self.input.expiry_time_end
    }

    /// The start time of the validity period of the voucher. Specify the parameter in the yyyy-MM-ddTHH:mm:ssZ format. Example: 2018-08-01T00:00:00Z.
    ///
    /// Date-time format: `yyyy-MM-ddTHH:mm:ssZ`.
    ///
    /// Example: `2018-08-01T00:00:00Z`
    pub fn expiry_time_start(
        mut self,
        input: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.input.expiry_time_start = ::std::option::Option::Some(input.into());
        self
    }

    /// Sets or clears `ExpiryTimeStart`; see [`expiry_time_start`](Self::expiry_time_start).
    pub fn set_expiry_time_start(
        mut self,
        input: ::std::option::Option<::std::string::String>,
    ) -> Self {
        self.input.expiry_time_start = input;
        self
    }

    /// `ExpiryTimeStart` as set so far.
    pub fn get_expiry_time_start(
        &self,
    ) -> &::std::option::Option<::std::string::String> {
        &self.input.expiry_time_start
    }

    /// Specifies whether the voucher takes effect. Valid values:
    ///
    /// *   true: The voucher takes effect.
    /// *   false: The voucher does not take effect.
    ///
    /// Example: `true`
    pub fn effective_or_not(mut self, input: impl ::std::convert::Into<bool>) -> Self {
        self.input.effective_or_not = ::std::option::Option::Some(input.into());
        self
    }

    /// Sets or clears `EffectiveOrNot`; see [`effective_or_not`](Self::effective_or_not).
    pub fn set_effective_or_not(mut self, input: ::std::option::Option<bool>) -> Self {
        self.input.effective_or_not = input;
        self
    }

    /// `EffectiveOrNot` as set so far.
    pub fn get_effective_or_not(&self) -> &::std::option::Option<bool> {
        &self.input.effective_or_not
    }

    /// Options of this call only (timeouts, retries), apart from the API's parameters;
    /// they override the client's configuration.
    pub fn call_options(mut self, options: ::alibabacloud_core::CallOptions) -> Self {
        self.options = options;
        self
    }

    /// The request built so far.
    pub fn as_input(&self) -> &QueryCashCouponsRequest {
        &self.input
    }

    /// Sends the request and decodes the response.
    ///
    /// # Errors
    /// - [`Error::Construction`](crate::Error::Construction), before any I/O, when a parameter cannot be encoded;
    /// - [`Error::Credentials`](crate::Error::Credentials) or [`Error::Endpoint`](crate::Error::Endpoint) when nothing could be sent;
    /// - [`Error::Timeout`](crate::Error::Timeout) or [`Error::Dispatch`](crate::Error::Dispatch) when the call failed on the way;
    /// - [`Error::Response`](crate::Error::Response) when the response cannot be decoded;
    /// - [`Error::Service`](crate::Error::Service) when the service answered with an error (a [`QueryCashCouponsErrorCode`] code), including a 2xx body that says `"Success": false`.
    pub async fn send(
        self,
    ) -> ::std::result::Result<QueryCashCouponsResponse, QueryCashCouponsError> {
        let params = to_params(self.input)?;
        self.runtime
            .invoke(
                &OPERATION,
                params,
                &self.options,
                ::alibabacloud_core::SuccessCheck::Field(success),
            )
            .await
    }
}

/// `Success` of a decoded response: `Some(false)` makes it a service error.
fn success(response: &QueryCashCouponsResponse) -> ::std::option::Option<bool> {
    response.success
}

/// The request as flattened parameters, after checking the required ones.
fn to_params(
    input: QueryCashCouponsRequest,
) -> ::std::result::Result<
    ::alibabacloud_core::Params,
    ::alibabacloud_core::ConstructionError,
> {
    let mut params = ::alibabacloud_core::Params::with_capacity(3);
    if let ::std::option::Option::Some(value) = input.expiry_time_end {
        params.push(::alibabacloud_core::ParamLocation::Query, "ExpiryTimeEnd", value);
    }
    if let ::std::option::Option::Some(value) = input.expiry_time_start {
        params.push(::alibabacloud_core::ParamLocation::Query, "ExpiryTimeStart", value);
    }
    if let ::std::option::Option::Some(value) = input.effective_or_not {
        params
            .push(
                ::alibabacloud_core::ParamLocation::Query,
                "EffectiveOrNot",
                value.to_string(),
            );
    }
    ::std::result::Result::Ok(params)
}
