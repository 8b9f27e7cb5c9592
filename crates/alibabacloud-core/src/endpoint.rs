//! Choosing the endpoint a request goes to.
//!
//! Order: an endpoint set in the configuration, then the product's region table (from the spec's
//! `endpoints`, passed in by the generated crate), then the product's documented rule (the spec's
//! `x-endpoint-rule`). A region none of these covers is an error that names the product, the
//! region and the regions that are known.

use std::fmt;

/// The endpoint table and rule of one product, as the generated client crate passes it in.
#[derive(Debug, Clone, Copy)]
pub struct ProductEndpoints {
    /// The product code (`info.product` of the spec), e.g. `BssOpenApi`.
    pub product: &'static str,
    /// Region id to endpoint host, from the spec's `endpoints`.
    pub regional: &'static [(&'static str, &'static str)],
    /// The documented rule for regions that are not in the table.
    pub rule: Option<EndpointRule>,
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

    /// Whether the host is a domain name (not an IP address, not `localhost`): a host
    /// parameter (`in: host`) is put in front of a domain name only.
    pub fn has_domain_name(&self) -> bool {
        let host = match self.authority.rsplit_once(':') {
            Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
            _ => &self.authority,
        };
        !(host.starts_with('[')
            || host == "localhost"
            || host.parse::<std::net::Ipv4Addr>().is_ok())
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
    /// The region has no endpoint for this product.
    #[error("{product} has no endpoint for region `{region}`; known regions: {}", known.join(", "))]
    UnknownRegion {
        /// The product.
        product: String,
        /// The region asked for.
        region: String,
        /// The regions of the product's table.
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

/// Chooses the endpoint: `explicit`, else the product's table for `region`, else its rule.
pub fn resolve(
    explicit: Option<&Endpoint>,
    region: Option<&str>,
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
    if let Some((_, host)) = product.regional.iter().find(|(r, _)| *r == region) {
        return Ok(Endpoint::https(host));
    }
    if let Some(rule) = &product.rule {
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
    let mut known: Vec<String> = product
        .regional
        .iter()
        .map(|(r, _)| (*r).to_string())
        .collect();
    known.sort();
    known.dedup();
    Err(EndpointError::UnknownRegion {
        product: product.product.to_string(),
        region: region.to_string(),
        known,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BSS: ProductEndpoints = ProductEndpoints {
        product: "BssOpenApi",
        regional: &[
            ("cn-hangzhou", "business.aliyuncs.com"),
            ("ap-southeast-1", "business.ap-southeast-1.aliyuncs.com"),
        ],
        rule: Some(EndpointRule {
            by_prefix: &[("cn-", "business.aliyuncs.com")],
            default: Some("business.ap-southeast-1.aliyuncs.com"),
        }),
    };
    const QUICKBI: ProductEndpoints = ProductEndpoints {
        product: "quickbi-public",
        regional: &[("cn-hangzhou", "quickbi-public.cn-hangzhou.aliyuncs.com")],
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
        rule: None,
    };

    #[test]
    fn explicit_endpoint_wins() {
        let e = Endpoint::parse("http://127.0.0.1:8080/").unwrap();
        let got = resolve(Some(&e), Some("cn-hangzhou"), &BSS).unwrap();
        assert_eq!(got.url(), "http://127.0.0.1:8080/");
        assert_eq!(got.authority(), "127.0.0.1:8080");
    }

    #[test]
    fn table_then_rule() {
        assert_eq!(
            resolve(None, Some("cn-hangzhou"), &BSS).unwrap().url(),
            "https://business.aliyuncs.com/"
        );
        assert_eq!(
            resolve(None, Some("cn-wuhan-lr"), &BSS)
                .unwrap()
                .authority(),
            "business.aliyuncs.com"
        );
        assert_eq!(
            resolve(None, Some("eu-west-1"), &BSS).unwrap().authority(),
            "business.ap-southeast-1.aliyuncs.com"
        );
        assert_eq!(
            resolve(None, Some("cn-shenzhen"), &QUICKBI)
                .unwrap()
                .authority(),
            "quickbi-public.cn-shenzhen.aliyuncs.com"
        );
    }

    #[test]
    fn unknown_region_names_product_region_and_known_regions() {
        let err = resolve(None, Some("us-east-1"), &TABLE_ONLY).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("Demo"), "{text}");
        assert!(text.contains("us-east-1"), "{text}");
        assert!(text.contains("cn-beijing, cn-shanghai"), "{text}");
    }

    #[test]
    fn missing_or_invalid_region() {
        assert!(matches!(
            resolve(None, None, &BSS),
            Err(EndpointError::NoRegion { .. })
        ));
        assert!(matches!(
            resolve(None, Some("cn hangzhou/.."), &BSS),
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
