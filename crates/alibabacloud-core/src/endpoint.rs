//! Choosing the endpoint a request goes to.
//!
//! Order: an endpoint set in the configuration, then the product's region table (from the spec's
//! `endpoints`, passed in by the generated crate), then the product's documented rule (the spec's
//! `x-endpoint-rule`), which covers the Alibaba Cloud regions ([`REGIONS`]) the table lacks. A
//! region none of these covers (a typo such as `us-eest-1`) is an error that names the product,
//! the region, the regions that are known and the closest one, instead of a request to a host
//! that does not exist.
//!
//! On the VPC network ([`Network::Vpc`], the official SDKs' `network = "vpc"`), the host is the
//! region's `vpc` host of the spec's endpoint data; a region without one is an error.

use std::fmt;

/// The endpoint table and rule of one product, as the generated client crate passes it in.
#[derive(Debug, Clone, Copy)]
pub struct ProductEndpoints {
    /// The product code (`info.product` of the spec), e.g. `BssOpenApi`.
    pub product: &'static str,
    /// Region id to endpoint host, from the spec's `endpoints`.
    pub regional: &'static [(&'static str, &'static str)],
    /// Region id to the host inside a VPC, from the `vpc` of the spec's `endpoints` (the
    /// regions that have one).
    pub vpc: &'static [(&'static str, &'static str)],
    /// The documented rule for the Alibaba Cloud regions ([`REGIONS`]) that are not in the
    /// table.
    pub rule: Option<EndpointRule>,
}

/// The network requests go through, as the official SDKs' `network` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Network {
    /// The public endpoints (the default).
    #[default]
    Public,
    /// The endpoints inside an Alibaba Cloud VPC (`vpc` hosts of the product's endpoint data),
    /// for code that runs in a VPC of the same region.
    Vpc,
}

/// The region ids of Alibaba Cloud: every region of the endpoint data of Alibaba Cloud's
/// published API metadata (the product versions of the catalog the generator is checked
/// against), sorted. A product's endpoint rule covers these; another region id is a typo, or
/// a region newer than this list (set the endpoint explicitly to call it).
#[rustfmt::skip]
pub const REGIONS: &[&str] = &[
    "ap-northeast-1", "ap-northeast-2", "ap-northeast-2-pop", "ap-south-1", "ap-southeast-1",
    "ap-southeast-2", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6", "ap-southeast-6-pop",
    "ap-southeast-7", "ap-southeast-7-pop", "ap-southeast-8-pop", "cn-beijing",
    "cn-beijing-finance-1", "cn-beijing-finance-pop", "cn-beijing-gov-1", "cn-beijing-inner",
    "cn-beijing-inner-alibabacloud", "cn-beijing-nu16-b01", "cn-chengdu", "cn-chengdu-ant",
    "cn-chengdu-smarthosting-1", "cn-edge-1", "cn-fujian", "cn-fuzhou", "cn-guangzhou",
    "cn-haidian-cm12-c01", "cn-hangzhou", "cn-hangzhou-acdr-ut-1", "cn-hangzhou-bj-b01",
    "cn-hangzhou-finance", "cn-hangzhou-internal-prod-1", "cn-hangzhou-internal-test-1",
    "cn-hangzhou-internal-test-2", "cn-hangzhou-internal-test-3", "cn-hangzhou-onebox-nebula",
    "cn-hangzhou-test-306", "cn-hebei-inner-alibabacloud", "cn-heyuan", "cn-heyuan-acdr-1",
    "cn-hongkong", "cn-hongkong-finance-pop", "cn-huhehaote", "cn-huhehaote-nebula-1",
    "cn-huhehaote-test-3", "cn-huhehaote-test-4", "cn-nanjing", "cn-nantong", "cn-north-2-gov-1",
    "cn-qingdao", "cn-qingdao-acdr-ut-1", "cn-qingdao-nebula", "cn-shanghai", "cn-shanghai-ant",
    "cn-shanghai-cloudspe", "cn-shanghai-et15-b01", "cn-shanghai-et2-b01",
    "cn-shanghai-finance-1", "cn-shanghai-inner", "cn-shanghai-inner-alibabacloud",
    "cn-shanghai-internal-test-1", "cn-shenzhen", "cn-shenzhen-finance-1", "cn-shenzhen-inner",
    "cn-shenzhen-inner-alibabacloud", "cn-shenzhen-st4-d01", "cn-shenzhen-su18-b01",
    "cn-taiwan-pop", "cn-taiyuan", "cn-wuhan", "cn-wuhan-lr", "cn-wuhan-pop", "cn-wulanchabu",
    "cn-wulanchabu-acdr-1", "cn-wulanchabu-gic-1", "cn-wulanchabu-test-2", "cn-wulanchabu-test-5",
    "cn-wulanchabu-test-6", "cn-xian", "cn-yushanfang", "cn-zhangbei", "cn-zhangbei-na61-b01",
    "cn-zhangjiakou", "cn-zhangjiakou-na62-a01", "cn-zhangjiakou-spe", "cn-zhengzhou-jva",
    "cn-zhengzhou-nebula-1", "eu-central-1", "eu-west-1", "eu-west-1-oxs", "me-central-1",
    "me-east-1", "na-south-1", "rsa-north-1-pop", "rus-west-1", "rus-west-1-pop", "sa-east-1-pop",
    "us-east-1", "us-southeast-1", "us-west-1",
];

/// Whether `region` is one of the Alibaba Cloud region ids of [`REGIONS`].
pub fn is_known_region(region: &str) -> bool {
    REGIONS.binary_search(&region).is_ok()
}

/// A documented rule that maps a region to an endpoint host.
///
/// The first rule whose prefix the region starts with wins; otherwise `default` applies. In
/// templates, `{region}` stands for the region id.
#[derive(Debug, Clone, Copy)]
pub struct EndpointRule {
    /// `(region prefix, endpoint template)` pairs, tried in order.
    pub by_prefix: &'static [(&'static str, &'static str)],
    /// The endpoint template for every other region.
    pub default: Option<&'static str>,
}

/// The URL scheme of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// HTTPS (the default).
    #[default]
    Https,
    /// Plain HTTP, e.g. for a local emulator.
    Http,
}

impl Scheme {
    /// `https` or `http`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Scheme::Https => "https",
            Scheme::Http => "http",
        }
    }
}

/// Where requests go: scheme and authority (`host` or `host:port`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    scheme: Scheme,
    authority: String,
}

impl Endpoint {
    /// Parses an endpoint given by a user: a host (`business.aliyuncs.com`), a host and port, or
    /// a full URL (`http://127.0.0.1:8080`, trailing `/` allowed). HTTPS is the default scheme.
    pub fn parse(input: &str) -> Result<Self, EndpointError> {
        let invalid = |reason: &str| EndpointError::InvalidEndpoint {
            endpoint: input.to_string(),
            reason: reason.to_string(),
        };
        let trimmed = input.trim();
        let (scheme, rest) = if let Some(rest) = trimmed.strip_prefix("https://") {
            (Scheme::Https, rest)
        } else if let Some(rest) = trimmed.strip_prefix("http://") {
            (Scheme::Http, rest)
        } else if trimmed.contains("://") {
            return Err(invalid("only http:// and https:// are supported"));
        } else {
            (Scheme::Https, trimmed)
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.is_empty() {
            return Err(invalid("no host"));
        }
        if authority.contains(['/', '?', '#', '@']) || authority.contains(char::is_whitespace) {
            return Err(invalid(
                "an endpoint is a host with an optional port; paths, queries and user info are not allowed",
            ));
        }
        // Validate host[:port] with the `http` crate's authority parser; it leaves the port
        // unchecked, so check that a port, when given, is a number that fits.
        let parsed = authority
            .parse::<http::uri::Authority>()
            .map_err(|e| invalid(&e.to_string()))?;
        let after_host = authority.rfind(']').map_or(authority, |i| &authority[i..]);
        if after_host.contains(':') && parsed.port_u16().is_none() {
            return Err(invalid("the port is not a number from 0 to 65535"));
        }
        Ok(Endpoint {
            scheme,
            authority: authority.to_ascii_lowercase(),
        })
    }

    /// An HTTPS endpoint for a host from a trusted table.
    fn https(host: &str) -> Self {
        Endpoint {
            scheme: Scheme::Https,
            authority: host.to_string(),
        }
    }

    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// `host` or `host:port`; also the value of the `host` header.
    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// The host name or IP address (an IPv6 address in its brackets).
    pub fn host(&self) -> &str {
        let authority = self.authority.as_str();
        let after_host = authority.rfind(']').map_or(0, |i| i + 1);
        match authority[after_host..].find(':') {
            Some(colon) => &authority[..after_host + colon],
            None => authority,
        }
    }

    /// The port: the one given, else 443 for HTTPS and 80 for HTTP.
    pub fn port(&self) -> u16 {
        let host = self.host();
        self.authority[host.len()..]
            .strip_prefix(':')
            .and_then(|port| port.parse().ok())
            .unwrap_or(match self.scheme {
                Scheme::Https => 443,
                Scheme::Http => 80,
            })
    }

    /// `host:port`, the port always written: how errors name the server.
    pub fn host_port(&self) -> String {
        format!("{}:{}", self.host(), self.port())
    }

    /// The URL of the service root, e.g. `https://business.aliyuncs.com/`.
    pub fn url(&self) -> String {
        format!("{}://{}/", self.scheme.as_str(), self.authority)
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}", self.scheme.as_str(), self.authority)
    }
}

/// Why no endpoint could be chosen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EndpointError {
    /// Neither an endpoint nor a region is configured.
    #[error(
        "{product}: no region and no endpoint configured; set a region (ALIBABA_CLOUD_REGION_ID or the config builder) or an endpoint"
    )]
    NoRegion {
        /// The product.
        product: String,
    },
    /// The region has no endpoint for this product: it is not in the product's table, and
    /// not an Alibaba Cloud region that the product's rule covers.
    #[error(
        "{product} has no endpoint for region `{region}`{}; known regions: {}{}; set the endpoint explicitly to call another region",
        suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default(),
        known.join(", "),
        if *by_rule { ", and the other Alibaba Cloud regions by the product's endpoint rule" } else { "" }
    )]
    UnknownRegion {
        /// The product.
        product: String,
        /// The region asked for.
        region: String,
        /// The regions of the product's table.
        known: Vec<String>,
        /// The known region closest to the one asked for, when one is close (a typo).
        suggestion: Option<String>,
        /// Whether the product's rule covers the other Alibaba Cloud regions ([`REGIONS`]).
        by_rule: bool,
    },
    /// The VPC network is asked for, but the product's endpoint data has no VPC host for the
    /// region.
    #[error(
        "{product} has no VPC endpoint for region `{region}` in its endpoint data; regions with one: {}; set the endpoint explicitly, or use the public network",
        if known.is_empty() { "none".to_owned() } else { known.join(", ") }
    )]
    NoVpcEndpoint {
        /// The product.
        product: String,
        /// The region asked for.
        region: String,
        /// The regions that have a VPC endpoint.
        known: Vec<String>,
    },
    /// The region id is not a region id (only `a-z`, `0-9` and `-` are).
    #[error("`{region}` is not a valid region id (expected lower-case letters, digits and '-')")]
    InvalidRegion {
        /// The region asked for.
        region: String,
    },
    /// The configured endpoint cannot be used.
    #[error("invalid endpoint `{endpoint}`: {reason}")]
    InvalidEndpoint {
        /// The endpoint as given.
        endpoint: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// Returns true if `region` looks like a region id (`cn-hangzhou`, `ap-southeast-1`).
pub fn is_valid_region(region: &str) -> bool {
    !region.is_empty()
        && region.len() <= 64
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !region.starts_with('-')
        && !region.ends_with('-')
}

/// Chooses the endpoint: `explicit`, else the product's table for `region` (its VPC table on
/// [`Network::Vpc`]), else its rule (for an Alibaba Cloud region of [`REGIONS`], on the public
/// network).
///
/// # Errors
/// No region and no endpoint; a region that is not a region id; a region the product's data
/// does not know (the error lists the known ones, and the closest); on the VPC network, a
/// region without a VPC host.
pub fn resolve(
    explicit: Option<&Endpoint>,
    region: Option<&str>,
    network: Network,
    product: &ProductEndpoints,
) -> Result<Endpoint, EndpointError> {
    if let Some(endpoint) = explicit {
        return Ok(endpoint.clone());
    }
    let Some(region) = region else {
        return Err(EndpointError::NoRegion {
            product: product.product.to_string(),
        });
    };
    if !is_valid_region(region) {
        return Err(EndpointError::InvalidRegion {
            region: region.to_string(),
        });
    }
    if network == Network::Vpc {
        return match product.vpc.iter().find(|(r, _)| *r == region) {
            Some((_, host)) => Ok(Endpoint::https(host)),
            None => Err(EndpointError::NoVpcEndpoint {
                product: product.product.to_string(),
                region: region.to_string(),
                known: sorted_regions(product.vpc),
            }),
        };
    }
    if let Some((_, host)) = product.regional.iter().find(|(r, _)| *r == region) {
        return Ok(Endpoint::https(host));
    }
    if let Some(rule) = &product.rule
        && is_known_region(region)
    {
        let template = rule
            .by_prefix
            .iter()
            .find(|(prefix, _)| region.starts_with(prefix))
            .map(|(_, template)| *template)
            .or(rule.default);
        if let Some(template) = template {
            return Ok(Endpoint::https(&template.replace("{region}", region)));
        }
    }
    let known = sorted_regions(product.regional);
    let by_rule = product.rule.is_some();
    let candidates = known
        .iter()
        .map(String::as_str)
        .chain(REGIONS.iter().copied().filter(|_| by_rule));
    Err(EndpointError::UnknownRegion {
        product: product.product.to_string(),
        region: region.to_string(),
        suggestion: closest(region, candidates).map(str::to_owned),
        known,
        by_rule,
    })
}

/// The regions of a table, sorted, once each.
fn sorted_regions(table: &[(&str, &str)]) -> Vec<String> {
    let mut known: Vec<String> = table.iter().map(|(r, _)| (*r).to_string()).collect();
    known.sort();
    known.dedup();
    known
}

/// The candidate closest to `region` by edit distance, when it is close enough to be a typo of
/// it (at most 2 edits, and fewer than a third of its length).
fn closest<'a>(region: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = 2.min(region.len() / 3);
    candidates
        .map(|candidate| (edit_distance(region, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, candidate)| candidate)
}

/// The Levenshtein distance of two ASCII strings (region ids).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const BSS: ProductEndpoints = ProductEndpoints {
        product: "BssOpenApi",
        regional: &[
            ("cn-hangzhou", "business.aliyuncs.com"),
            ("ap-southeast-1", "business.ap-southeast-1.aliyuncs.com"),
            ("us-east-1", "business.ap-southeast-1.aliyuncs.com"),
        ],
        vpc: &[],
        rule: Some(EndpointRule {
            by_prefix: &[("cn-", "business.aliyuncs.com")],
            default: Some("business.ap-southeast-1.aliyuncs.com"),
        }),
    };
    const QUICKBI: ProductEndpoints = ProductEndpoints {
        product: "quickbi-public",
        regional: &[("cn-hangzhou", "quickbi-public.cn-hangzhou.aliyuncs.com")],
        vpc: &[("cn-hangzhou", "quickbi-public-vpc.cn-hangzhou.aliyuncs.com")],
        rule: Some(EndpointRule {
            by_prefix: &[],
            default: Some("quickbi-public.{region}.aliyuncs.com"),
        }),
    };
    const TABLE_ONLY: ProductEndpoints = ProductEndpoints {
        product: "Demo",
        regional: &[
            ("cn-shanghai", "demo.cn-shanghai.aliyuncs.com"),
            ("cn-beijing", "demo.cn-beijing.aliyuncs.com"),
        ],
        vpc: &[],
        rule: None,
    };

    #[test]
    fn explicit_endpoint_wins() {
        let e = Endpoint::parse("http://127.0.0.1:8080/").unwrap();
        let got = resolve(Some(&e), Some("cn-hangzhou"), Network::Vpc, &BSS).unwrap();
        assert_eq!(got.url(), "http://127.0.0.1:8080/");
        assert_eq!(got.authority(), "127.0.0.1:8080");
    }

    #[test]
    fn table_then_rule() {
        assert_eq!(
            resolve(None, Some("cn-hangzhou"), Network::Public, &BSS)
                .unwrap()
                .url(),
            "https://business.aliyuncs.com/"
        );
        assert_eq!(
            resolve(None, Some("cn-wuhan-lr"), Network::Public, &BSS)
                .unwrap()
                .authority(),
            "business.aliyuncs.com"
        );
        assert_eq!(
            resolve(None, Some("eu-west-1"), Network::Public, &BSS)
                .unwrap()
                .authority(),
            "business.ap-southeast-1.aliyuncs.com"
        );
        assert_eq!(
            resolve(None, Some("cn-shenzhen"), Network::Public, &QUICKBI)
                .unwrap()
                .authority(),
            "quickbi-public.cn-shenzhen.aliyuncs.com"
        );
    }

    #[test]
    fn a_rule_covers_alibaba_cloud_regions_not_typos() {
        for (region, product) in [("us-eest-1", &BSS), ("cn-hangzou", &QUICKBI)] {
            let err = resolve(None, Some(region), Network::Public, product).unwrap_err();
            let text = err.to_string();
            assert!(text.contains(region), "{text}");
            assert!(text.contains("did you mean"), "{text}");
            assert!(text.contains("endpoint rule"), "{text}");
        }
        let EndpointError::UnknownRegion { suggestion, .. } =
            resolve(None, Some("us-eest-1"), Network::Public, &BSS).unwrap_err()
        else {
            panic!("not an unknown region")
        };
        assert_eq!(suggestion.as_deref(), Some("us-east-1"));
        let EndpointError::UnknownRegion { suggestion, .. } =
            resolve(None, Some("cn-hangzou"), Network::Public, &QUICKBI).unwrap_err()
        else {
            panic!("not an unknown region")
        };
        assert_eq!(suggestion.as_deref(), Some("cn-hangzhou"));
        // Far from every region: no suggestion.
        let text = resolve(None, Some("mars-north-9"), Network::Public, &BSS)
            .unwrap_err()
            .to_string();
        assert!(!text.contains("did you mean"), "{text}");
        // An explicit endpoint is taken as it is.
        let e = Endpoint::parse("business.example.com").unwrap();
        assert!(resolve(Some(&e), Some("us-eest-1"), Network::Public, &BSS).is_ok());
    }

    #[test]
    fn the_vpc_network_takes_the_vpc_hosts() {
        assert_eq!(
            resolve(None, Some("cn-hangzhou"), Network::Vpc, &QUICKBI)
                .unwrap()
                .authority(),
            "quickbi-public-vpc.cn-hangzhou.aliyuncs.com"
        );
        let err = resolve(None, Some("cn-shenzhen"), Network::Vpc, &QUICKBI).unwrap_err();
        assert!(
            matches!(err, EndpointError::NoVpcEndpoint { .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("cn-hangzhou"), "{err}");
        let err = resolve(None, Some("cn-hangzhou"), Network::Vpc, &BSS).unwrap_err();
        assert!(err.to_string().contains("none"), "{err}");
    }

    #[test]
    fn the_region_list_is_sorted_and_valid() {
        assert!(REGIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(REGIONS.iter().all(|r| is_valid_region(r)));
        assert!(is_known_region("cn-wuhan-lr") && !is_known_region("us-eest-1"));
        assert_eq!(edit_distance("us-eest-1", "us-east-1"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    #[test]
    fn unknown_region_names_product_region_and_known_regions() {
        let err = resolve(None, Some("us-east-1"), Network::Public, &TABLE_ONLY).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("Demo"), "{text}");
        assert!(text.contains("us-east-1"), "{text}");
        assert!(text.contains("cn-beijing, cn-shanghai"), "{text}");
    }

    #[test]
    fn missing_or_invalid_region() {
        assert!(matches!(
            resolve(None, None, Network::Public, &BSS),
            Err(EndpointError::NoRegion { .. })
        ));
        assert!(matches!(
            resolve(None, Some("cn hangzhou/.."), Network::Public, &BSS),
            Err(EndpointError::InvalidRegion { .. })
        ));
    }

    #[test]
    fn endpoint_parsing() {
        let e = Endpoint::parse("business.aliyuncs.com").unwrap();
        assert_eq!(e.scheme(), Scheme::Https);
        assert_eq!(e.to_string(), "https://business.aliyuncs.com");
        assert_eq!(
            Endpoint::parse("localhost:9000").unwrap().authority(),
            "localhost:9000"
        );
        let e = Endpoint::parse("http://[::1]:8080").unwrap();
        assert_eq!((e.host(), e.port()), ("[::1]", 8080));
        let e = Endpoint::parse("business.aliyuncs.com").unwrap();
        assert_eq!(e.host_port(), "business.aliyuncs.com:443");
        let e = Endpoint::parse("http://127.0.0.1").unwrap();
        assert_eq!(e.host_port(), "127.0.0.1:80");
        for bad in [
            "",
            "http://",
            "ftp://x",
            "http://h/path",
            "h?q",
            "user@h",
            "h:notaport",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
