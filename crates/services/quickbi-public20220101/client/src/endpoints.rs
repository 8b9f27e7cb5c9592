// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! Where the requests go: the endpoints of the API metadata.

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The endpoints of Alibaba Cloud quickbi-public (2022-01-01): the host for each region of the API
/// metadata, and the rule for other regions. [`Client::new`](crate::Client::new) passes
/// them to the runtime; an endpoint set in the configuration wins over both.
///
/// | Region | Endpoint |
/// |---|---|
/// | `ap-northeast-1` | `quickbi-public.ap-northeast-1.aliyuncs.com` |
/// | `ap-southeast-1` | `quickbi-public.ap-southeast-1.aliyuncs.com` |
/// | `ap-southeast-3` | `quickbi-public.ap-southeast-3.aliyuncs.com` |
/// | `ap-southeast-5` | `quickbi-public.ap-southeast-5.aliyuncs.com` |
/// | `cn-hangzhou` | `quickbi-public.cn-hangzhou.aliyuncs.com` |
/// | `cn-hongkong` | `quickbi-public.cn-hongkong.aliyuncs.com` |
/// | `us-east-1` | `quickbi-public.us-east-1.aliyuncs.com` |
/// | `eu-central-1` | `quickbi-public.eu-central-1.aliyuncs.com` |
/// | `me-central-1` | `quickbi-public.me-central-1.aliyuncs.com` |
/// | `cn-shanghai-finance-1` | `quickbi-public.cn-shanghai-finance-1.aliyuncs.com` |
///
/// Other regions: any other region uses `quickbi-public.{region}.aliyuncs.com` (`{region}` stands for the region id).
pub static ENDPOINTS: ::alibabacloud_core::ProductEndpoints = ::alibabacloud_core::ProductEndpoints {
    product: "quickbi-public",
    regional: &[
        ("ap-northeast-1", "quickbi-public.ap-northeast-1.aliyuncs.com"),
        ("ap-southeast-1", "quickbi-public.ap-southeast-1.aliyuncs.com"),
        ("ap-southeast-3", "quickbi-public.ap-southeast-3.aliyuncs.com"),
        ("ap-southeast-5", "quickbi-public.ap-southeast-5.aliyuncs.com"),
        ("cn-hangzhou", "quickbi-public.cn-hangzhou.aliyuncs.com"),
        ("cn-hongkong", "quickbi-public.cn-hongkong.aliyuncs.com"),
        ("us-east-1", "quickbi-public.us-east-1.aliyuncs.com"),
        ("eu-central-1", "quickbi-public.eu-central-1.aliyuncs.com"),
        ("me-central-1", "quickbi-public.me-central-1.aliyuncs.com"),
        ("cn-shanghai-finance-1", "quickbi-public.cn-shanghai-finance-1.aliyuncs.com"),
    ],
    rule: ::std::option::Option::Some(::alibabacloud_core::EndpointRule {
        by_prefix: &[],
        default: ::std::option::Option::Some("quickbi-public.{region}.aliyuncs.com"),
    }),
};
