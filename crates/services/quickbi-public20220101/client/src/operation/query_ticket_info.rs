// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! `QueryTicketInfo`: Obtains the details of a specified ticket for a report that is not embedded in the report.

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::query_ticket_info::*;

::alibabacloud_core::operation! {
    /// `QueryTicketInfo` as a type: its request, response and error codes, and how it is sent (for generic code over [`OperationShape`](alibabacloud_core::OperationShape)).
    pub struct QueryTicketInfo;

    impl OperationShape for QueryTicketInfo {
        type Input = QueryTicketInfoRequest;
        type Output = QueryTicketInfoResponse;
        type ErrorCode = QueryTicketInfoErrorCode;
        const OPERATION: Operation = Operation {
            product: "quickbi-public",
            action: "QueryTicketInfo",
            version: "2022-01-01",
            method: HttpMethod::Post,
            style: ApiStyle::Rpc,
            operation_type: OperationType::Read,
            secret_response_fields: &["AccessTicket"],
            ..Operation::DEFAULT
        };

        const PARAMS: &'static [ParamSpec] = &[
            ParamSpec::query("Ticket").required().secret(),
        ];
        const SUCCESS: SuccessCheck<Self::Output> = SuccessCheck::Field(|out| out.success);
    }

    /// Sets the parameters of `QueryTicketInfo` and sends the request.
    ///
    /// Get one from [`Client::query_ticket_info`](crate::Client::query_ticket_info), which has an example.
    pub struct QueryTicketInfoFluentBuilder {
        /// The value of the bill.
        ///
        /// Required: `send()` fails without it. See [`QueryTicketInfoRequest::ticket`] for the details.
        #[setters(set_ticket, get_ticket)]
        ticket: Option<String>,
    }
}

::alibabacloud_core::error_codes! {
    /// The error codes documented for `QueryTicketInfo`, as the `Code` of a service error.
    ///
    /// A code the API metadata does not list for this operation (throttling, authentication, codes added later) is `Unknown`, with the code as sent. Match with a wildcard arm: new documented codes may be added as variants.
    pub enum QueryTicketInfoErrorCode {
        /// `Authorize3rdTicket.BindedWorks.Mismatch` (HTTP 400): The report bound by the ticket mismatches the actual report.
        Authorize3rdTicketBindedWorksMismatch = (
            "Authorize3rdTicket.BindedWorks.Mismatch",
            400,
        ),
        /// `Authorize3rdTicket.Expired` (HTTP 400): Ticket \[%s\] has expired.
        Authorize3rdTicketExpired = ("Authorize3rdTicket.Expired", 400),
        /// `Authorize3rdTicket.HasNo.LoginToken` (HTTP 400): The request \[%s\] has no token.
        Authorize3rdTicketHasNoLoginToken = ("Authorize3rdTicket.HasNo.LoginToken", 400),
        /// `Authorize3rdTicket.NotExist` (HTTP 400): Ticket %s does not exist.
        Authorize3rdTicketNotExist = ("Authorize3rdTicket.NotExist", 400),
        /// `Authorize3rdTicket.Num.Exceed` (HTTP 400): The number of tickets %s is invalid.
        Authorize3rdTicketNumExceed = ("Authorize3rdTicket.Num.Exceed", 400),
        /// `Authorize3rdTicket.Num.HasNoLeft` (HTTP 400): There is no ticket number left, please generate new ticket.
        Authorize3rdTicketNumHasNoLeft = ("Authorize3rdTicket.Num.HasNoLeft", 400),
        /// `NoPermissionTo.Operate.Object` (HTTP 400): You are not authorized to operate the objects. You are not authorized to do this.
        NoPermissionToOperateObject = ("NoPermissionTo.Operate.Object", 400),
    }
}

/// The error of [`QueryTicketInfoFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`QueryTicketInfoErrorCode`].
pub type QueryTicketInfoError = ::alibabacloud_core::Error<QueryTicketInfoErrorCode>;
