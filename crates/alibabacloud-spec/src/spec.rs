//! The whole file: `info`, `apis`, `components`, `endpoints`.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::api::Api;
use crate::extensions::Extensions;
use crate::lenient;
use crate::schema::{Schema, component_name};
use crate::warning::Warning;

lenient::open_enum! {
    /// `info.style`: how requests are shaped.
    pub enum ApiStyle {
        /// `RPC`: `Action` + parameters in the query or a form body.
        Rpc => "RPC",
        /// `V3`: RPC-like (`Action` + parameters), in the newer metadata of some products;
        /// its operations may also have ROA-style paths and raw bodies.
        V3 => "V3",
        /// `ROA`: REST-like, each operation with its method and path (`/clusters/{ClusterId}`)
        /// and parameters in the path, the query, headers or the body.
        Roa => "ROA",
    }
}

/// One product version's metadata: a whole `api-docs.json`.
///
/// Get one from [`load_str`](crate::load_str), [`load_file`](crate::load_file) or
/// [`load_dir`](crate::load_dir), which validate it; deserialising it directly skips the
/// checks that the field docs' "after loading" promises rely on.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Spec {
    /// Where the spec was loaded from: the file path, or the `origin` given to
    /// [`load_str`](crate::load_str). Not part of the file.
    #[serde(skip)]
    pub origin: String,
    /// What loading found that could not be taken as it is, and the fallback applied (in
    /// file order). Not part of the file.
    #[serde(skip)]
    pub warnings: Vec<Warning>,
    /// `version` of the metadata format (`1.0`).
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub version: Option<String>,
    /// `info`: style, product and API version.
    #[serde(default)]
    pub info: Info,
    /// `apis`: operation name -> operation, in file order.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub apis: IndexMap<String, Api>,
    /// `components`: named schemas for `$ref`s.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub components: Components,
    /// `endpoints`: the product's endpoint per region.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub endpoints: Vec<Endpoint>,
    /// `x-endpoint-rule` (ours): the endpoint of regions that are not in `endpoints`.
    #[serde(rename = "x-endpoint-rule", default)]
    pub endpoint_rule: Option<EndpointRule>,
    /// Other `x-` keys (e.g. `x-provenance`), kept as they are.
    #[serde(flatten)]
    pub extensions: Extensions,
}

impl ApiStyle {
    /// Whether [`load_str`](crate::load_str) loads files of this style: `RPC`, `V3` and
    /// `ROA` (not the gateway styles `FC`, `OSS`, `PDS`, `AliGenie`, ...).
    pub fn is_supported(&self) -> bool {
        matches!(self, ApiStyle::Rpc | ApiStyle::V3 | ApiStyle::Roa)
    }
}

impl Spec {
    /// The operation called `name`.
    pub fn api(&self, name: &str) -> Option<&Api> {
        self.apis.get(name)
    }

    /// The schema a `$ref` such as `#/components/schemas/Foo` points to.
    pub fn resolve_ref(&self, reference: &str) -> Option<&Schema> {
        component_name(reference).and_then(|name| self.components.schemas.get(&name))
    }

    /// `schema` itself, or the schema its `$ref` (and theirs, in turn) points to. Stops at a
    /// dangling or circular reference and returns the last schema reached.
    pub fn resolve<'a>(&'a self, schema: &'a Schema) -> &'a Schema {
        let mut current = schema;
        // A chain longer than the number of named schemas is a cycle.
        for _ in 0..=self.components.schemas.len() {
            match current
                .reference
                .as_deref()
                .and_then(|r| self.resolve_ref(r))
            {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }

    /// The host of the product in `region_id`: the `endpoints` entry for that region, else
    /// `x-endpoint-rule`. `None` for an unknown region, and for a region id that is not made
    /// of lower-case letters, digits and `-` (it is never put into a host name).
    pub fn endpoint_for_region(&self, region_id: &str) -> Option<String> {
        if let Some(e) = self.endpoints.iter().find(|e| e.region_id == region_id) {
            return Some(e.endpoint.clone());
        }
        self.endpoint_rule.as_ref()?.resolve(region_id)
    }
}

/// `info`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    /// `style` (always present after loading, and `RPC`, `V3` or `ROA`).
    #[serde(default)]
    pub style: Option<ApiStyle>,
    /// `product`, e.g. `BssOpenApi` (never empty after loading).
    #[serde(default, deserialize_with = "lenient::text")]
    pub product: String,
    /// `version`, e.g. `2017-12-14` (never empty after loading).
    #[serde(default, deserialize_with = "lenient::text")]
    pub version: String,
}

/// `components`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Components {
    /// `schemas`: name -> schema, the targets of `#/components/schemas/<name>`.
    #[serde(default, deserialize_with = "lenient::null_default")]
    pub schemas: IndexMap<String, Schema>,
}

/// One entry of `endpoints`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    /// `regionId`, e.g. `cn-hangzhou` (never empty after loading).
    #[serde(default, deserialize_with = "lenient::text")]
    pub region_id: String,
    /// `endpoint`: the host to call (never empty after loading).
    #[serde(default, deserialize_with = "lenient::text")]
    pub endpoint: String,
    /// `public`: the public host, when the file says.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub public: Option<String>,
    /// `vpc`: the host inside a VPC.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub vpc: Option<String>,
    /// `regionName`, e.g. `China (Hangzhou)`.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub region_name: Option<String>,
    /// `areaId`, e.g. `asiaPacific`.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub area_id: Option<String>,
    /// `areaName`, e.g. `Asia Pacific`.
    #[serde(default, deserialize_with = "lenient::opt_text")]
    pub area_name: Option<String>,
    /// Other `x-` keys, kept as they are.
    #[serde(flatten)]
    pub extensions: Extensions,
}

/// `x-endpoint-rule` (ours): how to find the host of a region that `endpoints` lacks.
///
/// The first rule whose `regionPrefix` starts the region id wins; else `default`; else
/// the region is unknown. In a host, `{region}` stands for the region id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EndpointRule {
    /// The rules, tried in order.
    #[serde(default)]
    pub rules: Vec<EndpointRuleEntry>,
    /// The host template when no rule matches.
    #[serde(default)]
    pub default: Option<String>,
}

/// One rule of `x-endpoint-rule`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EndpointRuleEntry {
    /// The rule applies to region ids that start with this, e.g. `cn-`.
    pub region_prefix: String,
    /// The host template, e.g. `business.aliyuncs.com` or `foo.{region}.aliyuncs.com`.
    pub endpoint: String,
}

/// The placeholder of a region id in an endpoint template.
pub const REGION_PLACEHOLDER: &str = "{region}";

impl EndpointRule {
    /// The host for `region_id` by the rules (see the type's docs), or `None`. A region id
    /// that is not made of lower-case letters, digits and `-` gets `None`.
    pub fn resolve(&self, region_id: &str) -> Option<String> {
        let valid = !region_id.is_empty()
            && region_id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            return None;
        }
        let template = self
            .rules
            .iter()
            .find(|r| region_id.starts_with(&r.region_prefix))
            .map(|r| r.endpoint.as_str())
            .or(self.default.as_deref())?;
        Some(template.replace(REGION_PLACEHOLDER, region_id))
    }
}
