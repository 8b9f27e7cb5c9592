// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `QueryTicketInfo`: Obtains the details of a specified ticket for a report that is not embedded in the report.

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The request of `QueryTicketInfo`: Obtains the details of a specified ticket for a report that is not embedded in the report.
///
/// Send it with `Client::query_ticket_info` of the client crate, or build it here (e.g. in tests) with `QueryTicketInfoRequest::new()` and the `with_*` setters.
#[derive(
    ::std::clone::Clone,
    ::std::default::Default,
    ::std::cmp::PartialEq,
    ::serde::Serialize,
    ::serde::Deserialize,
)]
#[non_exhaustive]
pub struct QueryTicketInfoRequest {
    /// The value of the bill.
    ///
    /// Required: `send()` fails with `ConstructionError::MissingParameter` when it is not set.
    /// Secret: `Debug` shows it as `** redacted **`.
    ///
    /// Example: `a27a9aec-****-****-bd40-1a21ea41d7c5`
    #[serde(
        rename = "Ticket",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub ticket: ::std::option::Option<::std::string::String>,
}

impl QueryTicketInfoRequest {
    /// An empty request: no parameter set.
    pub fn new() -> Self {
        ::std::default::Default::default()
    }

    /// Sets `Ticket` (the field `ticket`).
    pub fn with_ticket(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.ticket = ::std::option::Option::Some(value.into());
        self
    }
}

impl ::std::fmt::Debug for QueryTicketInfoRequest {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("QueryTicketInfoRequest")
            .field("ticket", &::alibabacloud_types::redact::option(&self.ticket))
            .finish()
    }
}

/// The response of `QueryTicketInfo`.
#[derive(
    ::std::clone::Clone,
    ::std::fmt::Debug,
    ::std::default::Default,
    ::std::cmp::PartialEq,
    ::serde::Serialize,
    ::serde::Deserialize,
)]
#[non_exhaustive]
pub struct QueryTicketInfoResponse {
    /// The ID of the request.
    ///
    /// Example: `D787E1A3-A93C-424A-B626-C2B05DF8D885`
    #[serde(
        rename = "RequestId",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub request_id: ::std::option::Option<::std::string::String>,
    /// The details of the generated ticket.
    #[serde(
        rename = "Result",
        default,
        skip_serializing_if = "::alibabacloud_types::ser::is_default",
        deserialize_with = "::alibabacloud_types::de::null_as_default"
    )]
    pub result: QueryTicketInfoResult,
    /// Indicates whether the request is successful. Valid values:
    ///
    /// *   true: The request was successful.
    /// *   false: The request failed.
    ///
    /// Example: `true`
    #[serde(
        rename = "Success",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_bool"
    )]
    pub success: ::std::option::Option<bool>,
}

impl QueryTicketInfoResponse {
    /// Sets `RequestId` (the field `request_id`).
    pub fn with_request_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.request_id = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `Result` (the field `result`).
    pub fn with_result(mut self, value: QueryTicketInfoResult) -> Self {
        self.result = value;
        self
    }

    /// Sets `Success` (the field `success`).
    pub fn with_success(mut self, value: impl ::std::convert::Into<bool>) -> Self {
        self.success = ::std::option::Option::Some(value.into());
        self
    }
}

/// The details of the generated ticket.
#[derive(
    ::std::clone::Clone,
    ::std::default::Default,
    ::std::cmp::PartialEq,
    ::serde::Serialize,
    ::serde::Deserialize,
)]
#[non_exhaustive]
pub struct QueryTicketInfoResult {
    /// Notes.
    ///
    /// Secret: `Debug` shows it as `** redacted **`.
    ///
    /// Example: `a27a9aec-****-****-bd40-1a21ea41d7c5`
    #[serde(
        rename = "AccessTicket",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub access_ticket: ::std::option::Option<::std::string::String>,
    /// The ID of the component in the report.
    ///
    /// Example: `sfdgsds-****-****-a608-mghdgd`
    #[serde(
        rename = "CmptId",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub cmpt_id: ::std::option::Option<::std::string::String>,
    /// Global parameters.
    ///
    /// The string holds a JSON document.
    ///
    /// Example: `[{"paramKey":"price","joinType":"and","conditionList":[{"operate":">","value":"0"}]},{"paramKey":"product_type","joinType":"and","conditionList":[{"operate":"in","value":["办公用品","家具产品"]}]}]\n`
    #[serde(
        rename = "GlobalParam",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub global_param: ::std::option::Option<::std::string::String>,
    /// Expiration time of the note.
    ///
    /// Date-time format: `yyyy-MM-dd HH:mm:ss`.
    ///
    /// Example: `2022-01-30 03:03:49`
    #[serde(
        rename = "InvalidTime",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub invalid_time: ::std::option::Option<::std::string::String>,
    /// The maximum number of supported bills.
    ///
    /// Example: `9999`
    #[serde(
        rename = "MaxTicketNum",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_i32"
    )]
    pub max_ticket_num: ::std::option::Option<i32>,
    /// The ID of the organization.
    ///
    /// Example: `2fe4fbd8-****-****-b3e1-e92c7af083ea`
    #[serde(
        rename = "OrganizationId",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub organization_id: ::std::option::Option<::std::string::String>,
    /// The registration time of the ticket.
    ///
    /// Date-time format: `yyyy-MM-dd HH:mm:ss`.
    ///
    /// Example: `2022-01-09 22:23:49`
    #[serde(
        rename = "RegisterTime",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub register_time: ::std::option::Option<::std::string::String>,
    /// The number of bills that have been consumed.
    ///
    /// Example: `47`
    #[serde(
        rename = "UsedTicketNum",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_i32"
    )]
    pub used_ticket_num: ::std::option::Option<i32>,
    /// The user ID of the Quick BI.
    ///
    /// Example: `974e50**********9033f46`
    #[serde(
        rename = "UserId",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub user_id: ::std::option::Option<::std::string::String>,
    /// Set the watermarking parameters.
    ///
    /// Example: `ticket`
    #[serde(
        rename = "WatermarkParam",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub watermark_param: ::std::option::Option<::std::string::String>,
    /// The ID of the operations report.
    ///
    /// Example: `ccd3428c-****-****-a608-26bae29dffee`
    #[serde(
        rename = "WorksId",
        default,
        skip_serializing_if = "::std::option::Option::is_none",
        deserialize_with = "::alibabacloud_types::de::option_string"
    )]
    pub works_id: ::std::option::Option<::std::string::String>,
}

impl QueryTicketInfoResult {
    /// Sets `AccessTicket` (the field `access_ticket`).
    pub fn with_access_ticket(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.access_ticket = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `CmptId` (the field `cmpt_id`).
    pub fn with_cmpt_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.cmpt_id = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `GlobalParam` (the field `global_param`).
    pub fn with_global_param(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.global_param = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `InvalidTime` (the field `invalid_time`).
    pub fn with_invalid_time(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.invalid_time = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `MaxTicketNum` (the field `max_ticket_num`).
    pub fn with_max_ticket_num(mut self, value: impl ::std::convert::Into<i32>) -> Self {
        self.max_ticket_num = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `OrganizationId` (the field `organization_id`).
    pub fn with_organization_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.organization_id = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `RegisterTime` (the field `register_time`).
    pub fn with_register_time(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.register_time = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `UsedTicketNum` (the field `used_ticket_num`).
    pub fn with_used_ticket_num(
        mut self,
        value: impl ::std::convert::Into<i32>,
    ) -> Self {
        self.used_ticket_num = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `UserId` (the field `user_id`).
    pub fn with_user_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.user_id = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `WatermarkParam` (the field `watermark_param`).
    pub fn with_watermark_param(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.watermark_param = ::std::option::Option::Some(value.into());
        self
    }

    /// Sets `WorksId` (the field `works_id`).
    pub fn with_works_id(
        mut self,
        value: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.works_id = ::std::option::Option::Some(value.into());
        self
    }
}

impl ::std::fmt::Debug for QueryTicketInfoResult {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("QueryTicketInfoResult")
            .field(
                "access_ticket",
                &::alibabacloud_types::redact::option(&self.access_ticket),
            )
            .field("cmpt_id", &self.cmpt_id)
            .field("global_param", &self.global_param)
            .field("invalid_time", &self.invalid_time)
            .field("max_ticket_num", &self.max_ticket_num)
            .field("organization_id", &self.organization_id)
            .field("register_time", &self.register_time)
            .field("used_ticket_num", &self.used_ticket_num)
            .field("user_id", &self.user_id)
            .field("watermark_param", &self.watermark_param)
            .field("works_id", &self.works_id)
            .finish()
    }
}
