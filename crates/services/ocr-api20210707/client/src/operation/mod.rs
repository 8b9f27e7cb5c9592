// generated from specs/ocr-api/2021-07-07/api-docs.json by `cargo xtask codegen`; do not edit.

//! One module per operation: its fluent builder, its error codes, and its request,
//! response and nested types (re-exported from the model crate).

#![cfg_attr(rustfmt, rustfmt::skip)]

/// `RecognizeCarVinCode`: 车辆vin码识别
pub mod recognize_car_vin_code;
