// generated from specs/elasticsearch/2017-06-13/api-docs.json by `cargo xtask codegen`; do not edit.

//! Where the requests go: the endpoints of the API metadata.

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The endpoints of Alibaba Cloud elasticsearch (2017-06-13): the host for each region of the API
/// metadata, and the rule for other regions. [`Client::new`](crate::Client::new) passes
/// them to the runtime; an endpoint set in the configuration wins over both.
///
/// | Region | Endpoint |
/// |---|---|
/// | `cn-qingdao` | `elasticsearch.cn-qingdao.aliyuncs.com` |
/// | `cn-beijing` | `elasticsearch.cn-beijing.aliyuncs.com` |
/// | `cn-zhangjiakou` | `elasticsearch.cn-zhangjiakou.aliyuncs.com` |
/// | `cn-hangzhou` | `elasticsearch.cn-hangzhou.aliyuncs.com` |
/// | `cn-shanghai` | `elasticsearch.cn-shanghai.aliyuncs.com` |
/// | `cn-shenzhen` | `elasticsearch.cn-shenzhen.aliyuncs.com` |
/// | `cn-hongkong` | `elasticsearch.cn-hongkong.aliyuncs.com` |
/// | `ap-southeast-1` | `elasticsearch.ap-southeast-1.aliyuncs.com` |
/// | `ap-southeast-2` | `elasticsearch.ap-southeast-2.aliyuncs.com` |
/// | `ap-southeast-3` | `elasticsearch.ap-southeast-3.aliyuncs.com` |
/// | `ap-southeast-5` | `elasticsearch.ap-southeast-5.aliyuncs.com` |
/// | `ap-northeast-1` | `elasticsearch.ap-northeast-1.aliyuncs.com` |
/// | `eu-west-1` | `elasticsearch.eu-west-1.aliyuncs.com` |
/// | `us-west-1` | `elasticsearch.us-west-1.aliyuncs.com` |
/// | `us-east-1` | `elasticsearch.us-east-1.aliyuncs.com` |
/// | `eu-central-1` | `elasticsearch.eu-central-1.aliyuncs.com` |
/// | `ap-south-1` | `elasticsearch.ap-south-1.aliyuncs.com` |
/// | `cn-hangzhou-finance` | `elasticsearch.cn-hangzhou-finance.aliyuncs.com` |
/// | `cn-shanghai-finance-1` | `elasticsearch.cn-shanghai-finance-1.aliyuncs.com` |
/// | `cn-north-2-gov-1` | `elasticsearch.cn-north-2-gov-1.aliyuncs.com` |
/// | `cn-guangzhou` | `elasticsearch.cn-guangzhou.aliyuncs.com` |
/// | `cn-chengdu` | `elasticsearch.cn-chengdu.aliyuncs.com` |
/// | `cn-wulanchabu` | `elasticsearch.cn-wulanchabu.aliyuncs.com` |
pub static ENDPOINTS: ::alibabacloud_core::ProductEndpoints = ::alibabacloud_core::ProductEndpoints {
    product: "elasticsearch",
    regional: &[
        ("cn-qingdao", "elasticsearch.cn-qingdao.aliyuncs.com"),
        ("cn-beijing", "elasticsearch.cn-beijing.aliyuncs.com"),
        ("cn-zhangjiakou", "elasticsearch.cn-zhangjiakou.aliyuncs.com"),
        ("cn-hangzhou", "elasticsearch.cn-hangzhou.aliyuncs.com"),
        ("cn-shanghai", "elasticsearch.cn-shanghai.aliyuncs.com"),
        ("cn-shenzhen", "elasticsearch.cn-shenzhen.aliyuncs.com"),
        ("cn-hongkong", "elasticsearch.cn-hongkong.aliyuncs.com"),
        ("ap-southeast-1", "elasticsearch.ap-southeast-1.aliyuncs.com"),
        ("ap-southeast-2", "elasticsearch.ap-southeast-2.aliyuncs.com"),
        ("ap-southeast-3", "elasticsearch.ap-southeast-3.aliyuncs.com"),
        ("ap-southeast-5", "elasticsearch.ap-southeast-5.aliyuncs.com"),
        ("ap-northeast-1", "elasticsearch.ap-northeast-1.aliyuncs.com"),
        ("eu-west-1", "elasticsearch.eu-west-1.aliyuncs.com"),
        ("us-west-1", "elasticsearch.us-west-1.aliyuncs.com"),
        ("us-east-1", "elasticsearch.us-east-1.aliyuncs.com"),
        ("eu-central-1", "elasticsearch.eu-central-1.aliyuncs.com"),
        ("ap-south-1", "elasticsearch.ap-south-1.aliyuncs.com"),
        ("cn-hangzhou-finance", "elasticsearch.cn-hangzhou-finance.aliyuncs.com"),
        ("cn-shanghai-finance-1", "elasticsearch.cn-shanghai-finance-1.aliyuncs.com"),
        ("cn-north-2-gov-1", "elasticsearch.cn-north-2-gov-1.aliyuncs.com"),
        ("cn-guangzhou", "elasticsearch.cn-guangzhou.aliyuncs.com"),
        ("cn-chengdu", "elasticsearch.cn-chengdu.aliyuncs.com"),
        ("cn-wulanchabu", "elasticsearch.cn-wulanchabu.aliyuncs.com"),
    ],
    vpc: &[],
    rule: ::std::option::Option::None,
};
