// generated from specs/ocr-api/2021-07-07/api-docs.json by `cargo xtask codegen`; do not edit.

//! The [`Client`].

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_core::client! {
    /// The client of Alibaba Cloud ocr-api (2021-07-07): one method per operation, each returning a fluent builder to set the parameters and `send()` the request.
    ///
    /// Cheap to clone: clones share the configuration, the credentials cache and the connection pool.
    #[endpoints(crate::endpoints::ENDPOINTS)]
    pub struct Client;
}

impl Client {
    /// 车辆vin码识别
    ///
    /// Action `RecognizeCarVinCode` of API version `2021-07-07`, sent with HTTP POST.
    /// It only reads (`operationType: read`), so failed attempts are retried automatically.
    /// Fails with [`RecognizeCarVinCodeError`](crate::operation::recognize_car_vin_code::RecognizeCarVinCodeError); the documented error codes are [`RecognizeCarVinCodeErrorCode`](crate::operation::recognize_car_vin_code::RecognizeCarVinCodeErrorCode).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # async fn example() -> Result<(), Box<dyn std::error::Error>> {
    /// let client = alibabacloud_ocr_api20210707::Client::from_env().await?;
    /// let response = client
    ///     .recognize_car_vin_code()
    ///     .url("https://img.alicdn.com/tfs/TB1Wo7eXAvoK1RjSZFDXXXY3pXa-2512-3509.jpg")
    ///     .send()
    ///     .await?;
    /// println!("{response:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn recognize_car_vin_code(
        &self,
    ) -> crate::operation::recognize_car_vin_code::RecognizeCarVinCodeFluentBuilder {
        self.runtime.clone().into()
    }
}
