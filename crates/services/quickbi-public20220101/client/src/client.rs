// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! The [`Client`].

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_core::client! {
    /// The client of Alibaba Cloud quickbi-public (2022-01-01): one method per operation, each returning a fluent builder to set the parameters and `send()` the request.
    ///
    /// Cheap to clone: clones share the configuration, the credentials cache and the connection pool.
    #[endpoints(crate::endpoints::ENDPOINTS)]
    pub struct Client;
}

impl Client {
    /// Obtains the details of a specified ticket for a report that is not embedded in the report.
    ///
    /// Action `QueryTicketInfo` of API version `2022-01-01`, sent with HTTP POST.
    /// It only reads (`operationType: read`), so failed attempts are retried automatically.
    /// RAM action: `quickbi-public:QueryTicketInfo`.
    /// Fails with [`QueryTicketInfoError`](crate::operation::query_ticket_info::QueryTicketInfoError); the documented error codes are [`QueryTicketInfoErrorCode`](crate::operation::query_ticket_info::QueryTicketInfoErrorCode).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = alibabacloud_quickbi_public20220101::Client::from_env().await?;
    /// let response = client
    ///     .query_ticket_info()
    ///     .ticket("a27a9aec-****-****-bd40-1a21ea41d7c5")
    ///     .send()
    ///     .await?;
    /// println!("{response:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn query_ticket_info(
        &self,
    ) -> crate::operation::query_ticket_info::QueryTicketInfoFluentBuilder {
        self.runtime.clone().into()
    }
}
