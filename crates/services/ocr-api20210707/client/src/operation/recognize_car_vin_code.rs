// generated from specs/ocr-api/2021-07-07/api-docs.json by `cargo xtask codegen`; do not edit.

//! `RecognizeCarVinCode`: 车辆vin码识别

#![cfg_attr(rustfmt, rustfmt::skip)]

pub use crate::model::recognize_car_vin_code::*;

::alibabacloud_core::operation! {
    /// `RecognizeCarVinCode` as a type: its request, response and error codes, and how it is sent (for generic code over [`OperationShape`](alibabacloud_core::OperationShape)).
    pub struct RecognizeCarVinCode;

    impl OperationShape for RecognizeCarVinCode {
        type Input = RecognizeCarVinCodeRequest;
        type Output = RecognizeCarVinCodeResponse;
        type ErrorCode = RecognizeCarVinCodeErrorCode;
        const OPERATION: Operation = Operation {
            product: "ocr-api",
            action: "RecognizeCarVinCode",
            version: "2021-07-07",
            method: HttpMethod::Post,
            style: ApiStyle::Rpc,
            operation_type: OperationType::Read,
            ..Operation::DEFAULT
        };

        const PARAMS: &'static [ParamSpec] = &[
            ParamSpec::query("Url"),
            ParamSpec::payload("body"),
        ];
    }

    /// Sets the parameters of `RecognizeCarVinCode` and sends the request.
    ///
    /// Get one from [`Client::recognize_car_vin_code`](crate::Client::recognize_car_vin_code), which has an example.
    pub struct RecognizeCarVinCodeFluentBuilder {
        /// 图片链接（长度不超 2048，不支持 base64）
        ///
        /// See [`RecognizeCarVinCodeRequest::url`] for the details.
        #[setters(set_url, get_url)]
        url: Option<String>,
        /// 图片二进制字节流，最大10MB
        #[setters(set_body, get_body)]
        body: Option<alibabacloud_core::Blob>,
    }
}

::alibabacloud_core::error_codes! {
    /// The error codes documented for `RecognizeCarVinCode`, as the `Code` of a service error.
    ///
    /// A code the API metadata does not list for this operation (throttling, authentication, codes added later) is `Unknown`, with the code as sent. Match with a wildcard arm: new documented codes may be added as variants.
    pub enum RecognizeCarVinCodeErrorCode {}
}

/// The error of [`RecognizeCarVinCodeFluentBuilder::send`]: nothing sent (construction, credentials, endpoint), the call failed (timeout, network), the response was not understood, or the service answered with an error whose code is a [`RecognizeCarVinCodeErrorCode`].
pub type RecognizeCarVinCodeError = ::alibabacloud_core::Error<
    RecognizeCarVinCodeErrorCode,
>;
