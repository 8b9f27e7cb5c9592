// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! `QueryTicketInfo`: Obtains the details of a specified ticket for a report that is not embedded in the report.

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::query_ticket_info::*;

/// What the runtime needs to know about the operation.
static OPERATION: ::alibabacloud_core::Operation = ::alibabacloud_core::Operation {
    product: "quickbi-public",
    action: "QueryTicketInfo",
    version: "2022-01-01",
    method: ::alibabacloud_core::HttpMethod::Post,
    style: ::alibabacloud_core::ApiStyle::Rpc,
    operation_type: ::alibabacloud_core::OperationType::Read,
    secret_response_fields: &["AccessTicket"],
};

/// The error codes documented for `QueryTicketInfo`, as the `Code` of a service error.
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
pub enum QueryTicketInfoErrorCode {
    /// `Authorize3rdTicket.BindedWorks.Mismatch` (HTTP 400): The report bound by the ticket mismatches the actual report.
    Authorize3rdTicketBindedWorksMismatch,
    /// `Authorize3rdTicket.Expired` (HTTP 400): Ticket \[%s\] has expired.
    Authorize3rdTicketExpired,
    /// `Authorize3rdTicket.HasNo.LoginToken` (HTTP 400): The request \[%s\] has no token.
    Authorize3rdTicketHasNoLoginToken,
    /// `Authorize3rdTicket.NotExist` (HTTP 400): Ticket %s does not exist.
    Authorize3rdTicketNotExist,
    /// `Authorize3rdTicket.Num.Exceed` (HTTP 400): The number of tickets %s is invalid.
    Authorize3rdTicketNumExceed,
    /// `Authorize3rdTicket.Num.HasNoLeft` (HTTP 400): There is no ticket number left, please generate new ticket.
    Authorize3rdTicketNumHasNoLeft,
    /// `NoPermissionTo.Operate.Object` (HTTP 400): You are not authorized to operate the objects. You are not authorized to do this.
    NoPermissionToOperateObject,
    /// A code not documented for this operation, as sent by the service.
    Unknown(::std::string::String),
}

impl QueryTicketInfoErrorCode {
    /// The code as the service sends it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Authorize3rdTicketBindedWorksMismatch => {
                "Authorize3rdTicket.BindedWorks.Mismatch"
            }
            Self::Authorize3rdTicketExpired => "Authorize3rdTicket.Expired",
            Self::Authorize3rdTicketHasNoLoginToken => {
                "Authorize3rdTicket.HasNo.LoginToken"
            }
            Self::Authorize3rdTicketNotExist => "Authorize3rdTicket.NotExist",
            Self::Authorize3rdTicketNumExceed => "Authorize3rdTicket.Num.Exceed",
            Self::Authorize3rdTicketNumHasNoLeft => "Authorize3rdTicket.Num.HasNoLeft",
            Self::NoPermissionToOperateObject => "NoPermissionTo.Operate.Object",
            Self::Unknown(code) => code,
        }
    }

    /// The HTTP status the API metadata documents for this code (the first one, when
    /// it lists several); `None` for `Unknown`.
    pub fn documented_status(&self) -> ::std::option::Option<u16> {
        match self {
            Self::Authorize3rdTicketBindedWorksMismatch => {
                ::std::option::Option::Some(400)
            }
            Self::Authorize3rdTicketExpired => ::std::option::Option::Some(400),
            Self::Authorize3rdTicketHasNoLoginToken => ::std::option::Option::Some(400),
            Self::Authorize3rdTicketNotExist => ::std::option::Option::Some(400),
            Self::Authorize3rdTicketNumExceed => ::std::option::Option::Some(400),
            Self::Authorize3rdTicketNumHasNoLeft => ::std::option::Option::Some(400),
            Self::NoPermissionToOperateObject => ::std::option::Option::Some(400),
            Self::Unknown(_) => ::std::option::Option::None,
        }
    }

    fn known(code: &str) -> ::std::option::Option<Self> {
        match code {
            "Authorize3rdTicket.BindedWorks.Mismatch" => {
                ::std::option::Option::Some(Self::Authorize3rdTicketBindedWorksMismatch)
            }
            "Authorize3rdTicket.Expired" => {
                ::std::option::Option::Some(Self::Authorize3rdTicketExpired)
            }
            "Authorize3rdTicket.HasNo.LoginToken" => {
                ::std::option::Option::Some(Self::Authorize3rdTicketHasNoLoginToken)
            }
            "Authorize3rdTicket.NotExist" => {
                ::std::option::Option::Some(Self::Authorize3rdTicketNotExist)
            }
            "Authorize3rdTicket.Num.Exceed" => {
                ::std::option::Option::Some(Self::Authorize3rdTicketNumExceed)
            }
            "Authorize3rdTicket.Num.HasNoLeft" => {
                ::std::option::Option::Some(Self::Authorize3rdTicketNumHasNoLeft)
            }
            "NoPermissionTo.Operate.Object" => {
                ::std::option::Option::Some(Self::NoPermissionToOperateObject)
            }
            _ => ::std::option::Option::None,
        }
    }
}

impl ::std::convert::From<&str> for QueryTicketInfoErrorCode {
    fn from(value: &str) -> Self {
        match Self::known(value) {
            ::std::option::Option::Some(known) => known,
            ::std::option::Option::None => Self::Unknown(value.to_owned()),
        }
    }
}

impl ::std::convert::From<::std::string::String> for QueryTicketInfoErrorCode {
    fn from(value: ::std::string::String) -> Self {
        match Self::known(&value) {
            ::std::option::Option::Some(known) => known,
            ::std::option::Option::None => Self::Unknown(value),
        }
    }
}

impl ::std::str::FromStr for QueryTicketInfoErrorCode {
    type Err = ::std::convert::Infallible;
    fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
        ::std::result::Result::Ok(Self::from(value))
    }
}

impl ::std::convert::AsRef<str> for QueryTicketInfoErrorCode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl ::std::fmt::Display for QueryTicketInfoErrorCode {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::alibabacloud_core::ErrorCode for QueryTicketInfoErrorCode {}

/// The error of [`QueryTicketInfoFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`QueryTicketInfoErrorCode`].
pub type QueryTicketInfoError = ::alibabacloud_core::Error<QueryTicketInfoErrorCode>;

/// Sets the parameters of `QueryTicketInfo` and sends the request.
///
/// Get one from [`Client::query_ticket_info`](crate::Client::query_ticket_info), which has an example.
#[derive(::std::clone::Clone, ::std::fmt::Debug)]
pub struct QueryTicketInfoFluentBuilder {
    runtime: ::alibabacloud_core::Runtime,
    input: QueryTicketInfoRequest,
    options: ::alibabacloud_core::CallOptions,
}

impl QueryTicketInfoFluentBuilder {
    pub(crate) fn new(runtime: ::alibabacloud_core::Runtime) -> Self {
        Self {
            runtime,
            input: ::std::default::Default::default(),
            options: ::std::default::Default::default(),
        }
    }

    /// The value of the bill.
    ///
    /// Required: `send()` fails with `ConstructionError::MissingParameter` when it is not set.
    /// Secret: `Debug` shows it as `** redacted **`.
    ///
    /// Example: `a27a9aec-****-****-bd40-1a21ea41d7c5`
    pub fn ticket(
        mut self,
        input: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.input.ticket = ::std::option::Option::Some(input.into());
        self
    }

    /// Sets or clears `Ticket`; see [`ticket`](Self::ticket).
    pub fn set_ticket(
        mut self,
        input: ::std::option::Option<::std::string::String>,
    ) -> Self {
        self.input.ticket = input;
        self
    }

    /// `Ticket` as set so far.
    pub fn get_ticket(&self) -> &::std::option::Option<::std::string::String> {
        &self.input.ticket
    }

    /// Options of this call only (timeouts, retries), apart from the API's parameters;
    /// they override the client's configuration.
    pub fn call_options(mut self, options: ::alibabacloud_core::CallOptions) -> Self {
        self.options = options;
        self
    }

    /// The request built so far.
    pub fn as_input(&self) -> &QueryTicketInfoRequest {
        &self.input
    }

    /// Sends the request and decodes the response.
    ///
    /// # Errors
    /// - [`Error::Construction`](crate::Error::Construction), before any I/O, when a required parameter is not set (`Ticket`) or a parameter cannot be encoded;
    /// - [`Error::Credentials`](crate::Error::Credentials) or [`Error::Endpoint`](crate::Error::Endpoint) when nothing could be sent;
    /// - [`Error::Timeout`](crate::Error::Timeout) or [`Error::Dispatch`](crate::Error::Dispatch) when the call failed on the way;
    /// - [`Error::Response`](crate::Error::Response) when the response cannot be decoded;
    /// - [`Error::Service`](crate::Error::Service) when the service answered with an error (a [`QueryTicketInfoErrorCode`] code), including a 2xx body that says `"Success": false`.
    pub async fn send(
        self,
    ) -> ::std::result::Result<QueryTicketInfoResponse, QueryTicketInfoError> {
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
fn success(response: &QueryTicketInfoResponse) -> ::std::option::Option<bool> {
    response.success
}

/// The request as flattened parameters, after checking the required ones.
fn to_params(
    input: QueryTicketInfoRequest,
) -> ::std::result::Result<
    ::alibabacloud_core::Params,
    ::alibabacloud_core::ConstructionError,
> {
    let missing = |parameter: &'static str| {
        ::alibabacloud_core::ConstructionError::MissingParameter {
            operation: OPERATION.action,
            parameter,
        }
    };
    let ::std::option::Option::Some(ticket) = input.ticket else {
        return ::std::result::Result::Err(missing("Ticket"));
    };
    let mut params = ::alibabacloud_core::Params::with_capacity(1);
    params.push_secret(::alibabacloud_core::ParamLocation::Query, "Ticket", ticket);
    ::std::result::Result::Ok(params)
}
