// generated from specs/cs/2015-12-15/api-docs.json by `cargo xtask codegen`; do not edit.

//! Where the requests go: the endpoints of the API metadata.

#![cfg_attr(rustfmt, rustfmt::skip)]

/// The endpoints of Alibaba Cloud CS (2015-12-15): the host for each region of the API
/// metadata, and the rule for other regions. [`Client::new`](crate::Client::new) passes
/// them to the runtime; an endpoint set in the configuration wins over both.
///
/// | Region | Endpoint |
/// |---|---|
/// | `cn-qingdao` | `cs.cn-qingdao.aliyuncs.com` |
/// | `cn-beijing` | `cs.cn-beijing.aliyuncs.com` |
/// | `cn-zhangjiakou` | `cs.cn-zhangjiakou.aliyuncs.com` |
/// | `cn-zhengzhou-jva` | `cs.cn-zhengzhou-jva.aliyuncs.com` |
/// | `cn-huhehaote` | `cs.cn-huhehaote.aliyuncs.com` |
/// | `cn-wulanchabu` | `cs.cn-wulanchabu.aliyuncs.com` |
/// | `cn-hangzhou` | `cs.cn-hangzhou.aliyuncs.com` |
/// | `cn-shanghai` | `cs.cn-shanghai.aliyuncs.com` |
/// | `cn-nanjing` | `cs.cn-nanjing.aliyuncs.com` |
/// | `cn-fuzhou` | `cs.cn-fuzhou.aliyuncs.com` |
/// | `cn-shenzhen` | `cs.cn-shenzhen.aliyuncs.com` |
/// | `cn-heyuan` | `cs.cn-heyuan.aliyuncs.com` |
/// | `cn-guangzhou` | `cs.cn-guangzhou.aliyuncs.com` |
/// | `cn-chengdu` | `cs.cn-chengdu.aliyuncs.com` |
/// | `cn-wuhan-lr` | `cs.cn-wuhan-lr.aliyuncs.com` |
/// | `cn-hongkong` | `cs.cn-hongkong.aliyuncs.com` |
/// | `ap-northeast-1` | `cs.ap-northeast-1.aliyuncs.com` |
/// | `ap-northeast-2` | `cs.ap-northeast-2.aliyuncs.com` |
/// | `ap-southeast-1` | `cs.ap-southeast-1.aliyuncs.com` |
/// | `ap-southeast-2` | `cs.ap-southeast-2.aliyuncs.com` |
/// | `ap-southeast-3` | `cs.ap-southeast-3.aliyuncs.com` |
/// | `ap-southeast-5` | `cs.ap-southeast-5.aliyuncs.com` |
/// | `us-east-1` | `cs.us-east-1.aliyuncs.com` |
/// | `us-west-1` | `cs.us-west-1.aliyuncs.com` |
/// | `eu-west-1` | `cs.eu-west-1.aliyuncs.com` |
/// | `eu-central-1` | `cs.eu-central-1.aliyuncs.com` |
/// | `ap-south-1` | `cs.ap-south-1.aliyuncs.com` |
/// | `me-east-1` | `cs.me-east-1.aliyuncs.com` |
/// | `cn-hangzhou-finance` | `cs.cn-hangzhou-finance.aliyuncs.com` |
/// | `cn-shanghai-finance-1` | `cs.cn-shanghai-finance-1.aliyuncs.com` |
/// | `cn-shenzhen-finance-1` | `cs.cn-shenzhen-finance-1.aliyuncs.com` |
/// | `ap-southeast-7` | `cs.ap-southeast-7.aliyuncs.com` |
/// | `cn-beijing-finance-1` | `cs.cn-beijing-finance-1.aliyuncs.com` |
/// | `me-central-1` | `cs.me-central-1.aliyuncs.com` |
/// | `cn-heyuan-acdr-1` | `cs.cn-heyuan-acdr-1.aliyuncs.com` |
/// | `na-south-1` | `cs.na-south-1.aliyuncs.com` |
/// | `us-southeast-1` | `cs.us-southeast-1.aliyuncs.com` |
/// | `cn-wulanchabu-gic-1` | `cs.cn-wulanchabu-gic-1.aliyuncs.com` |
pub static ENDPOINTS: ::alibabacloud_core::ProductEndpoints = ::alibabacloud_core::ProductEndpoints {
    product: "CS",
    regional: &[
        ("cn-qingdao", "cs.cn-qingdao.aliyuncs.com"),
        ("cn-beijing", "cs.cn-beijing.aliyuncs.com"),
        ("cn-zhangjiakou", "cs.cn-zhangjiakou.aliyuncs.com"),
        ("cn-zhengzhou-jva", "cs.cn-zhengzhou-jva.aliyuncs.com"),
        ("cn-huhehaote", "cs.cn-huhehaote.aliyuncs.com"),
        ("cn-wulanchabu", "cs.cn-wulanchabu.aliyuncs.com"),
        ("cn-hangzhou", "cs.cn-hangzhou.aliyuncs.com"),
        ("cn-shanghai", "cs.cn-shanghai.aliyuncs.com"),
        ("cn-nanjing", "cs.cn-nanjing.aliyuncs.com"),
        ("cn-fuzhou", "cs.cn-fuzhou.aliyuncs.com"),
        ("cn-shenzhen", "cs.cn-shenzhen.aliyuncs.com"),
        ("cn-heyuan", "cs.cn-heyuan.aliyuncs.com"),
        ("cn-guangzhou", "cs.cn-guangzhou.aliyuncs.com"),
        ("cn-chengdu", "cs.cn-chengdu.aliyuncs.com"),
        ("cn-wuhan-lr", "cs.cn-wuhan-lr.aliyuncs.com"),
        ("cn-hongkong", "cs.cn-hongkong.aliyuncs.com"),
        ("ap-northeast-1", "cs.ap-northeast-1.aliyuncs.com"),
        ("ap-northeast-2", "cs.ap-northeast-2.aliyuncs.com"),
        ("ap-southeast-1", "cs.ap-southeast-1.aliyuncs.com"),
        ("ap-southeast-2", "cs.ap-southeast-2.aliyuncs.com"),
        ("ap-southeast-3", "cs.ap-southeast-3.aliyuncs.com"),
        ("ap-southeast-5", "cs.ap-southeast-5.aliyuncs.com"),
        ("us-east-1", "cs.us-east-1.aliyuncs.com"),
        ("us-west-1", "cs.us-west-1.aliyuncs.com"),
        ("eu-west-1", "cs.eu-west-1.aliyuncs.com"),
        ("eu-central-1", "cs.eu-central-1.aliyuncs.com"),
        ("ap-south-1", "cs.ap-south-1.aliyuncs.com"),
        ("me-east-1", "cs.me-east-1.aliyuncs.com"),
        ("cn-hangzhou-finance", "cs.cn-hangzhou-finance.aliyuncs.com"),
        ("cn-shanghai-finance-1", "cs.cn-shanghai-finance-1.aliyuncs.com"),
        ("cn-shenzhen-finance-1", "cs.cn-shenzhen-finance-1.aliyuncs.com"),
        ("ap-southeast-7", "cs.ap-southeast-7.aliyuncs.com"),
        ("cn-beijing-finance-1", "cs.cn-beijing-finance-1.aliyuncs.com"),
        ("me-central-1", "cs.me-central-1.aliyuncs.com"),
        ("cn-heyuan-acdr-1", "cs.cn-heyuan-acdr-1.aliyuncs.com"),
        ("na-south-1", "cs.na-south-1.aliyuncs.com"),
        ("us-southeast-1", "cs.us-southeast-1.aliyuncs.com"),
        ("cn-wulanchabu-gic-1", "cs.cn-wulanchabu-gic-1.aliyuncs.com"),
    ],
    vpc: &[],
    rule: ::std::option::Option::None,
};
