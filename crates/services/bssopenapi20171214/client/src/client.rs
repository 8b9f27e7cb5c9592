// generated from specs/bssopenapi/2017-12-14/api-docs.json by `cargo xtask codegen`; do not edit.

//! The [`Client`].

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The client of Alibaba Cloud BssOpenApi (2017-12-14): one method per operation, each returning a fluent builder to set the parameters and `send()` the request.
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

    /// Queries the information about vouchers.
    ///
    /// Action `QueryCashCoupons` of API version `2017-12-14`, sent with HTTP POST.
    /// It only reads (`operationType: read`), so failed attempts are retried automatically.
    /// Fails with [`QueryCashCouponsError`](crate::operation::query_cash_coupons::QueryCashCouponsError); the documented error codes are [`QueryCashCouponsErrorCode`](crate::operation::query_cash_coupons::QueryCashCouponsErrorCode).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = alibabacloud_bssopenapi20171214::Client::from_env().await?;
    /// let response = client
    ///     .query_cash_coupons()
    ///     .expiry_time_end("2018-08-01T00:00:00Z")
    ///     .send()
    ///     .await?;
    /// println!("{response:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn query_cash_coupons(
        &self,
    ) -> crate::operation::query_cash_coupons::QueryCashCouponsFluentBuilder {
        crate::operation::query_cash_coupons::QueryCashCouponsFluentBuilder::new(
            self.runtime.clone(),
        )
    }
}
