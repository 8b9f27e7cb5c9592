// generated from specs/bssopenapi/2017-12-14/api-docs.json by `cargo xtask codegen`; do not edit.

//! Where the requests go: the endpoints of the API metadata.

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The endpoints of Alibaba Cloud BssOpenApi (2017-12-14): the host for each region of the API
/// metadata, and the rule for other regions. [`Client::new`](crate::Client::new) passes
/// them to the runtime; an endpoint set in the configuration wins over both.
///
/// | Region | Endpoint |
/// |---|---|
/// | `cn-qingdao` | `business.aliyuncs.com` |
/// | `cn-beijing` | `business.aliyuncs.com` |
/// | `cn-zhangjiakou` | `business.aliyuncs.com` |
/// | `cn-huhehaote` | `business.aliyuncs.com` |
/// | `cn-wulanchabu` | `business.aliyuncs.com` |
/// | `cn-hangzhou` | `business.aliyuncs.com` |
/// | `cn-shanghai` | `business.aliyuncs.com` |
/// | `cn-shenzhen` | `business.aliyuncs.com` |
/// | `cn-chengdu` | `business.aliyuncs.com` |
/// | `cn-hongkong` | `business.aliyuncs.com` |
/// | `ap-northeast-1` | `business.ap-southeast-1.aliyuncs.com` |
/// | `ap-northeast-2` | `business.ap-southeast-1.aliyuncs.com` |
/// | `ap-southeast-1` | `business.ap-southeast-1.aliyuncs.com` |
/// | `ap-southeast-3` | `business.ap-southeast-1.aliyuncs.com` |
/// | `ap-southeast-5` | `business.ap-southeast-1.aliyuncs.com` |
/// | `us-east-1` | `business.ap-southeast-1.aliyuncs.com` |
/// | `us-west-1` | `business.ap-southeast-1.aliyuncs.com` |
/// | `eu-west-1` | `business.ap-southeast-1.aliyuncs.com` |
/// | `eu-central-1` | `business.ap-southeast-1.aliyuncs.com` |
/// | `ap-south-1` | `business.ap-southeast-1.aliyuncs.com` |
/// | `me-east-1` | `business.ap-southeast-1.aliyuncs.com` |
/// | `cn-hangzhou-finance` | `business.aliyuncs.com` |
/// | `cn-shanghai-finance-1` | `business.aliyuncs.com` |
/// | `cn-shenzhen-finance-1` | `business.aliyuncs.com` |
/// | `cn-beijing-finance-1` | `business.aliyuncs.com` |
///
/// Other Alibaba Cloud regions ([`REGIONS`](alibabacloud_core::endpoint::REGIONS)): regions starting with `cn-` use `business.aliyuncs.com`; any other region uses `business.ap-southeast-1.aliyuncs.com` (`{region}` stands for the region id). A region id that is none of these is an error.
pub static ENDPOINTS: ::alibabacloud_core::ProductEndpoints = ::alibabacloud_core::ProductEndpoints {
    product: "BssOpenApi",
    regional: &[
        ("cn-qingdao", "business.aliyuncs.com"),
        ("cn-beijing", "business.aliyuncs.com"),
        ("cn-zhangjiakou", "business.aliyuncs.com"),
        ("cn-huhehaote", "business.aliyuncs.com"),
        ("cn-wulanchabu", "business.aliyuncs.com"),
        ("cn-hangzhou", "business.aliyuncs.com"),
        ("cn-shanghai", "business.aliyuncs.com"),
        ("cn-shenzhen", "business.aliyuncs.com"),
        ("cn-chengdu", "business.aliyuncs.com"),
        ("cn-hongkong", "business.aliyuncs.com"),
        ("ap-northeast-1", "business.ap-southeast-1.aliyuncs.com"),
        ("ap-northeast-2", "business.ap-southeast-1.aliyuncs.com"),
        ("ap-southeast-1", "business.ap-southeast-1.aliyuncs.com"),
        ("ap-southeast-3", "business.ap-southeast-1.aliyuncs.com"),
        ("ap-southeast-5", "business.ap-southeast-1.aliyuncs.com"),
        ("us-east-1", "business.ap-southeast-1.aliyuncs.com"),
        ("us-west-1", "business.ap-southeast-1.aliyuncs.com"),
        ("eu-west-1", "business.ap-southeast-1.aliyuncs.com"),
        ("eu-central-1", "business.ap-southeast-1.aliyuncs.com"),
        ("ap-south-1", "business.ap-southeast-1.aliyuncs.com"),
        ("me-east-1", "business.ap-southeast-1.aliyuncs.com"),
        ("cn-hangzhou-finance", "business.aliyuncs.com"),
        ("cn-shanghai-finance-1", "business.aliyuncs.com"),
        ("cn-shenzhen-finance-1", "business.aliyuncs.com"),
        ("cn-beijing-finance-1", "business.aliyuncs.com"),
    ],
    vpc: &[],
    rule: ::std::option::Option::Some(::alibabacloud_core::EndpointRule {
        by_prefix: &[("cn-", "business.aliyuncs.com")],
        default: ::std::option::Option::Some("business.ap-southeast-1.aliyuncs.com"),
    }),
};
