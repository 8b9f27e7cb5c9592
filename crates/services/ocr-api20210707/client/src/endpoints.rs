// generated from specs/ocr-api/2021-07-07/api-docs.json by `cargo xtask codegen`; do not edit.

//! Where the requests go: the endpoints of the API metadata.

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The endpoints of Alibaba Cloud ocr-api (2021-07-07): the host for each region of the API
/// metadata, and the rule for other regions. [`Client::new`](crate::Client::new) passes
/// them to the runtime; an endpoint set in the configuration wins over both.
///
/// | Region | Endpoint |
/// |---|---|
/// | `cn-hangzhou` | `ocr-api.cn-hangzhou.aliyuncs.com` |
pub static ENDPOINTS: ::alibabacloud_core::ProductEndpoints = ::alibabacloud_core::ProductEndpoints {
    product: "ocr-api",
    regional: &[("cn-hangzhou", "ocr-api.cn-hangzhou.aliyuncs.com")],
    vpc: &[],
    rule: ::std::option::Option::None,
};
