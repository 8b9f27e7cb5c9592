// generated from specs/elasticsearch/2017-06-13/api-docs.json by `cargo xtask codegen`; do not edit.

//! The [`Client`].

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_core::client! {
    /// The client of Alibaba Cloud elasticsearch (2017-06-13): one method per operation, each returning a fluent builder to set the parameters and `send()` the request.
    ///
    /// Cheap to clone: clones share the configuration, the credentials cache and the connection pool.
    #[endpoints(crate::endpoints::ENDPOINTS)]
    pub struct Client;
}

impl Client {
    /// Calls `GetElastictask`.
    ///
    /// Action `GetElastictask` of API version `2017-06-13`, sent with HTTP GET to `/openapi/instances/{InstanceId}/elastic-task`.
    /// It only reads (`operationType: read`), so failed attempts are retried automatically.
    /// Fails with [`GetElastictaskError`](crate::operation::get_elastictask::GetElastictaskError); the documented error codes are [`GetElastictaskErrorCode`](crate::operation::get_elastictask::GetElastictaskErrorCode).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = alibabacloud_elasticsearch20170613::Client::from_env().await?;
    /// let response = client
    ///     .get_elastictask()
    ///     .instance_id("es-cn-6ja1ro4jt000c****")
    ///     .send()
    ///     .await?;
    /// println!("{response:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_elastictask(
        &self,
    ) -> crate::operation::get_elastictask::GetElastictaskFluentBuilder {
        self.runtime.clone().into()
    }
}
