// generated from specs/ocr-api/2021-07-07/api-docs.json by `cargo xtask codegen`; do not edit.

//! Types of `RecognizeCarVinCode`: 车辆vin码识别

#![cfg_attr(rustfmt, rustfmt::skip)]

::alibabacloud_types::model! {
    /// The request of `RecognizeCarVinCode`: 车辆vin码识别
    ///
    /// Send it with `Client::recognize_car_vin_code` of the client crate, or build it here (e.g. in tests) with `RecognizeCarVinCodeRequest::new()` and the `with_*` setters.
    pub struct RecognizeCarVinCodeRequest {
        /// 图片链接（长度不超 2048，不支持 base64）
        ///
        /// At most 2048 characters.
        ///
        /// Example: `https://img.alicdn.com/tfs/TB1Wo7eXAvoK1RjSZFDXXXY3pXa-2512-3509.jpg`
        #[wire("Url", with_url)]
        pub url: Option<String>,
        /// 图片二进制字节流，最大10MB
        #[wire("body", with_body)]
        pub body: Option<alibabacloud_types::Blob>,
    }
}

::alibabacloud_types::model! {
    /// The response of `RecognizeCarVinCode`.
    ///
    /// Schema of Response
    pub struct RecognizeCarVinCodeResponse {
        /// No description in the API metadata.
        ///
        /// Example: `43A29C77-405E-4CC0-BC55-EE694AD00655`
        #[wire("RequestId")]
        pub request_id: Option<String>,
        /// No description in the API metadata.
        #[wire("Data")]
        pub data: Option<String>,
        /// No description in the API metadata.
        ///
        /// Example: `200`
        #[wire("Code")]
        pub code: Option<String>,
        /// No description in the API metadata.
        ///
        /// Example: `message`
        #[wire("Message")]
        pub message: Option<String>,
    }
}
