// generated from specs/bssopenapi/2017-12-14/api-docs.json by `cargo xtask codegen`; do not edit.

//! The [`Client`].

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_core::client! {
    /// The client of Alibaba Cloud BssOpenApi (2017-12-14): one method per operation, each returning a fluent builder to set the parameters and `send()` the request.
    ///
    /// Cheap to clone: clones share the configuration, the credentials cache and the connection pool.
    #[endpoints(crate::endpoints::ENDPOINTS)]
    pub struct Client;
}

impl Client {
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
        self.runtime.clone().into()
    }
}
