// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `QueryTicketInfo`: Obtains the details of a specified ticket for a report that is not embedded in the report.

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_types::model! {
    /// The request of `QueryTicketInfo`: Obtains the details of a specified ticket for a report that is not embedded in the report.
    ///
    /// Send it with `Client::query_ticket_info` of the client crate, or build it here (e.g. in tests) with `QueryTicketInfoRequest::new()` and the `with_*` setters.
    pub struct QueryTicketInfoRequest {
        /// The value of the bill.
        ///
        /// Required: `send()` fails with `ConstructionError::MissingParameter` when it is not set.
        /// Secret: `Debug` shows it as `** redacted **`.
        ///
        /// Example: `a27a9aec-****-****-bd40-1a21ea41d7c5`
        #[wire("Ticket", with_ticket)]
        #[secret]
        pub ticket: Option<String>,
    }
}

::alibabacloud_types::model! {
    /// The response of `QueryTicketInfo`.
    pub struct QueryTicketInfoResponse {
        /// The ID of the request.
        ///
        /// Example: `D787E1A3-A93C-424A-B626-C2B05DF8D885`
        #[wire("RequestId")]
        pub request_id: Option<String>,
        /// The details of the generated ticket.
        #[wire("Result")]
        pub result: QueryTicketInfoResult,
        /// Indicates whether the request is successful. Valid values:
        ///
        /// *   true: The request was successful.
        /// *   false: The request failed.
        ///
        /// Example: `true`
        #[wire("Success")]
        pub success: Option<bool>,
    }
}

::alibabacloud_types::model! {
    /// The details of the generated ticket.
    pub struct QueryTicketInfoResult {
        /// Notes.
        ///
        /// Secret: `Debug` shows it as `** redacted **`.
        ///
        /// Example: `a27a9aec-****-****-bd40-1a21ea41d7c5`
        #[wire("AccessTicket")]
        #[secret]
        pub access_ticket: Option<String>,
        /// The ID of the component in the report.
        ///
        /// Example: `sfdgsds-****-****-a608-mghdgd`
        #[wire("CmptId")]
        pub cmpt_id: Option<String>,
        /// Global parameters.
        ///
        /// The string holds a JSON document.
        ///
        /// Example: `[{"paramKey":"price","joinType":"and","conditionList":[{"operate":">","value":"0"}]},{"paramKey":"product_type","joinType":"and","conditionList":[{"operate":"in","value":["办公用品","家具产品"]}]}]\n`
        #[wire("GlobalParam")]
        pub global_param: Option<String>,
        /// Expiration time of the note.
        ///
        /// Date-time format: `yyyy-MM-dd HH:mm:ss`.
        ///
        /// Example: `2022-01-30 03:03:49`
        #[wire("InvalidTime")]
        pub invalid_time: Option<String>,
        /// The maximum number of supported bills.
        ///
        /// Example: `9999`
        #[wire("MaxTicketNum")]
        pub max_ticket_num: Option<i32>,
        /// The ID of the organization.
        ///
        /// Example: `2fe4fbd8-****-****-b3e1-e92c7af083ea`
        #[wire("OrganizationId")]
        pub organization_id: Option<String>,
        /// The registration time of the ticket.
        ///
        /// Date-time format: `yyyy-MM-dd HH:mm:ss`.
        ///
        /// Example: `2022-01-09 22:23:49`
        #[wire("RegisterTime")]
        pub register_time: Option<String>,
        /// The number of bills that have been consumed.
        ///
        /// Example: `47`
        #[wire("UsedTicketNum")]
        pub used_ticket_num: Option<i32>,
        /// The user ID of the Quick BI.
        ///
        /// Example: `974e50**********9033f46`
        #[wire("UserId")]
        pub user_id: Option<String>,
        /// Set the watermarking parameters.
        ///
        /// Example: `ticket`
        #[wire("WatermarkParam")]
        pub watermark_param: Option<String>,
        /// The ID of the operations report.
        ///
        /// Example: `ccd3428c-****-****-a608-26bae29dffee`
        #[wire("WorksId")]
        pub works_id: Option<String>,
    }
}
