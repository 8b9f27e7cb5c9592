// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! The [`Client`].

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The client of Alibaba Cloud quickbi-public (2022-01-01): one method per operation, each returning a fluent builder to set the parameters and `send()` the request.
///
/// Cheap to clone: clones share the configuration, the credentials cache and the connection pool.
#[derive(::std::clone::Clone, ::std::fmt::Debug)]
pub struct Client {
    runtime: ::alibabacloud_core::Runtime,
}

impl Client {
    /// A client with this configuration. The endpoint is chosen now: the configured
    /// endpoint, else the product's endpoint for the configured region (see
    /// [`ENDPOINTS`](crate::endpoints::ENDPOINTS)); when there is none, every call
    /// fails with [`Error::Endpoint`](crate::Error::Endpoint).
    pub fn new(config: ::alibabacloud_core::Config) -> Self {
        Self {
            runtime: ::alibabacloud_core::Runtime::new(
                config,
                &crate::endpoints::ENDPOINTS,
            ),
        }
    }

    /// A client configured from the environment: the region from
    /// `ALIBABA_CLOUD_REGION_ID`, credentials from the default chain (see
    /// [`Config::load_from_env`](alibabacloud_core::Config::load_from_env)).
    ///
    /// # Errors
    /// When the environment holds an invalid region or endpoint.
    pub async fn from_env() -> ::std::result::Result<
        Self,
        ::alibabacloud_core::ConfigError,
    > {
        ::std::result::Result::Ok(
            Self::new(::alibabacloud_core::Config::load_from_env().await?),
        )
    }

    /// The configuration.
    pub fn config(&self) -> &::alibabacloud_core::Config {
        self.runtime.config()
    }

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
        crate::operation::query_ticket_info::QueryTicketInfoFluentBuilder::new(
            self.runtime.clone(),
        )
    }
}
