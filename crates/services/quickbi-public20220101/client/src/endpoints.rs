// generated from specs/quickbi-public/2022-01-01/api-docs.json by `cargo xtask codegen`; do not edit.

//! Where the requests go: the endpoints of the API metadata.

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The endpoints of Alibaba Cloud quickbi-public (2022-01-01): the host for each region of the API
/// metadata, and the rule for other regions. [`Client::new`](crate::Client::new) passes
/// them to the runtime; an endpoint set in the configuration wins over both.
///
/// | Region | Endpoint | VPC endpoint |
/// |---|---|---|
/// | `ap-northeast-1` | `quickbi-public.ap-northeast-1.aliyuncs.com` | `quickbi-public-vpc.ap-northeast-1.aliyuncs.com` |
/// | `ap-southeast-1` | `quickbi-public.ap-southeast-1.aliyuncs.com` | `quickbi-public-vpc.ap-southeast-1.aliyuncs.com` |
/// | `ap-southeast-3` | `quickbi-public.ap-southeast-3.aliyuncs.com` | `quickbi-public-vpc.ap-southeast-3.aliyuncs.com` |
/// | `ap-southeast-5` | `quickbi-public.ap-southeast-5.aliyuncs.com` | `quickbi-public-vpc.ap-southeast-5.aliyuncs.com` |
/// | `cn-hangzhou` | `quickbi-public.cn-hangzhou.aliyuncs.com` | `quickbi-public-vpc.cn-hangzhou.aliyuncs.com` |
/// | `cn-hongkong` | `quickbi-public.cn-hongkong.aliyuncs.com` | `quickbi-public-vpc.cn-hongkong.aliyuncs.com` |
/// | `us-east-1` | `quickbi-public.us-east-1.aliyuncs.com` | `quickbi-public-vpc.us-east-1.aliyuncs.com` |
/// | `eu-central-1` | `quickbi-public.eu-central-1.aliyuncs.com` | `quickbi-public-vpc.eu-central-1.aliyuncs.com` |
/// | `me-central-1` | `quickbi-public.me-central-1.aliyuncs.com` | `quickbi-public-vpc.me-central-1.aliyuncs.com` |
/// | `cn-shanghai-finance-1` | `quickbi-public.cn-shanghai-finance-1.aliyuncs.com` | `quickbi-public-vpc.cn-shanghai-finance-1.aliyuncs.com` |
///
/// Other Alibaba Cloud regions ([`REGIONS`](alibabacloud_core::endpoint::REGIONS)): any other region uses `quickbi-public.{region}.aliyuncs.com` (`{region}` stands for the region id). A region id that is none of these is an error.
///
/// With [`Network::Vpc`](alibabacloud_core::Network::Vpc), the VPC endpoint of the region is used; a region without one is an error.
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
    vpc: &[
        ("ap-northeast-1", "quickbi-public-vpc.ap-northeast-1.aliyuncs.com"),
        ("ap-southeast-1", "quickbi-public-vpc.ap-southeast-1.aliyuncs.com"),
        ("ap-southeast-3", "quickbi-public-vpc.ap-southeast-3.aliyuncs.com"),
        ("ap-southeast-5", "quickbi-public-vpc.ap-southeast-5.aliyuncs.com"),
        ("cn-hangzhou", "quickbi-public-vpc.cn-hangzhou.aliyuncs.com"),
        ("cn-hongkong", "quickbi-public-vpc.cn-hongkong.aliyuncs.com"),
        ("us-east-1", "quickbi-public-vpc.us-east-1.aliyuncs.com"),
        ("eu-central-1", "quickbi-public-vpc.eu-central-1.aliyuncs.com"),
        ("me-central-1", "quickbi-public-vpc.me-central-1.aliyuncs.com"),
        (
            "cn-shanghai-finance-1",
            "quickbi-public-vpc.cn-shanghai-finance-1.aliyuncs.com",
        ),
    ],
    rule: ::std::option::Option::Some(::alibabacloud_core::EndpointRule {
        by_prefix: &[],
        default: ::std::option::Option::Some("quickbi-public.{region}.aliyuncs.com"),
    }),
};
