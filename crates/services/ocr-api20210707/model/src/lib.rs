// generated from specs/ocr-api/2021-07-07/api-docs.json by `cargo xtask codegen`; do not edit.

//! Request and response types of Alibaba Cloud ocr-api (2021-07-07), without an HTTP stack.
//!
//! Generated from `specs/ocr-api/2021-07-07/api-docs.json` by `cargo xtask codegen`; do not edit (change the spec and regenerate). The client crate `alibabacloud-ocr-api20210707` sends these types.
//!
//! One module per operation holds its request, its response and their nested types:
//! serde structs with the wire names and public fields, `#[non_exhaustive]`, built with
//! `new()` (or `Default`); a request and the types it holds also have `with_*` setters,
//! a response is built (in tests) by setting its fields. Decoding is lenient where
//! services are: integers, floats and booleans also come as strings, lists as `null`;
//! unknown fields are ignored.
//!
//! ```
//! use alibabacloud_ocr_api20210707_model::recognize_car_vin_code::RecognizeCarVinCodeResponse;
//!
//! let response: RecognizeCarVinCodeResponse = serde_json::from_str("{}")?;
//! assert_eq!(response, RecognizeCarVinCodeResponse::default());
//! # Ok::<(), serde_json::Error>(())
//! ```

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `RecognizeCarVinCode`: 车辆vin码识别
pub mod recognize_car_vin_code;
