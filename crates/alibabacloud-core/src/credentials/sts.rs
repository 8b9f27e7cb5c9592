//! A minimal STS client: `AssumeRole` (signed with the HMAC-SHA1 RPC signature) and
//! `AssumeRoleWithOIDC` (anonymous), the official endpoint rule, and response parsing.

use std::time::SystemTime;

use bytes::Bytes;
use http::header::{ACCEPT, CONTENT_TYPE, USER_AGENT};

use super::fields::{optional_string, parse_object, temporary_credentials};
use super::http::{HttpClient, SERVICE_TIMEOUTS, excerpt};
use super::provider_config::ProviderConfig;
use super::{Credentials, CredentialsError};
use crate::env::Env;
use crate::scrub::Scrubber;
use crate::signing::{SigningParams, form_urlencode, format_timestamp, new_nonce, sign_rpc_v1};
use crate::time_source::{SharedTimeSource, TimeSource};

/// The variable naming the STS region (`sts.<region>.aliyuncs.com`).
pub const STS_REGION_VAR: &str = "ALIBABA_CLOUD_STS_REGION";
/// The variable that, set to `true`, selects the VPC endpoint `sts-vpc.<region>.aliyuncs.com`.
pub const VPC_ENDPOINT_ENABLED_VAR: &str = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";
/// The variable giving the STS endpoint outright (as ACK RRSA and the aliyun CLI set it).
pub const STS_ENDPOINT_VAR: &str = "ALIBABA_CLOUD_STS_ENDPOINT";
/// The variable giving a role session name.
pub const ROLE_SESSION_NAME_VAR: &str = "ALIBABA_CLOUD_ROLE_SESSION_NAME";

const STS_VERSION: &str = "2015-04-01";
/// The header naming the provider of the credentials that sign a request.
pub(crate) const CREDENTIALS_PROVIDER_HEADER: &str = "x-acs-credentials-provider";
/// The shortest session STS grants.
pub(crate) const MIN_DURATION_SECONDS: u32 = 900;
/// The session length asked for when none is configured.
pub(crate) const DEFAULT_DURATION_SECONDS: u32 = 3600;

/// Where STS is: the explicit override, else `ALIBABA_CLOUD_STS_ENDPOINT`, else
/// `sts[-vpc].<region>.aliyuncs.com` with the region from the profile or
/// `ALIBABA_CLOUD_STS_REGION` (VPC when the profile or `ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true`
/// says so), else `sts.aliyuncs.com` (the VPC flag needs a region, as in the official SDKs).
///
/// Returns a base URL without a trailing `/`: `https://host` unless the override has a scheme.
pub(crate) fn resolve_endpoint(
    explicit: Option<&str>,
    region: Option<&str>,
    enable_vpc: bool,
    env: &Env,
) -> Result<String, String> {
    if let Some(endpoint) = explicit
        .map(str::to_string)
        .or_else(|| env.get(STS_ENDPOINT_VAR))
    {
        return normalize_endpoint(&endpoint);
    }
    let vpc = enable_vpc || env.flag(VPC_ENDPOINT_ENABLED_VAR);
    let region = match region.map(str::trim).filter(|r| !r.is_empty()) {
        Some(region) => Some((region.to_string(), "`sts_region`")),
        None => env
            .get(STS_REGION_VAR)
            .map(|r| (r.trim().to_string(), STS_REGION_VAR))
            .filter(|(r, _)| !r.is_empty()),
    };
    let host = match region {
        Some((region, from)) => {
            // The region becomes part of the host: `x@evil.com?` must not redirect the request
            // (and the source credentials' signature) elsewhere.
            if !crate::endpoint::is_valid_region(&region) {
                return Err(format!(
                    "invalid STS region `{}` in {from}: expected a region ID such as `cn-hangzhou` (lowercase letters, digits and `-`)",
                    region.escape_debug()
                ));
            }
            let prefix = if vpc { "sts-vpc" } else { "sts" };
            format!("{prefix}.{region}.aliyuncs.com")
        }
        None => "sts.aliyuncs.com".to_string(),
    };
    normalize_endpoint(&host)
}

/// `host[:port]` or `http(s)://host[:port][/]` to `scheme://host[:port]`.
fn normalize_endpoint(endpoint: &str) -> Result<String, String> {
    let endpoint = endpoint.trim().trim_end_matches('/');
    let url = if endpoint.contains("://") {
        endpoint.to_string()
    } else {
        format!("https://{endpoint}")
    };
    let uri: http::Uri = url
        .parse()
        .map_err(|_| format!("invalid STS endpoint `{endpoint}`"))?;
    match (uri.scheme_str(), uri.authority()) {
        (Some("http" | "https"), Some(_)) if uri.path() == "/" || uri.path().is_empty() => Ok(url),
        _ => Err(format!(
            "invalid STS endpoint `{endpoint}`: expected a host or an http(s) URL without a path"
        )),
    }
}

/// A session name when none is configured: `alibabacloud-rust-<unix milliseconds>`.
pub(crate) fn default_session_name(now: SystemTime) -> String {
    let millis = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or_default();
    format!("alibabacloud-rust-{millis}")
}

/// Checks a session length: at least 900 seconds, 3600 when not given.
pub(crate) fn checked_duration(
    provider: &'static str,
    duration: Option<u32>,
) -> Result<u32, CredentialsError> {
    match duration {
        None | Some(0) => Ok(DEFAULT_DURATION_SECONDS),
        Some(d) if d < MIN_DURATION_SECONDS => Err(CredentialsError::invalid_configuration(
            provider,
            format!(
                "the session duration must be at least {MIN_DURATION_SECONDS} seconds, got {d}"
            ),
        )),
        Some(d) => Ok(d),
    }
}

/// The role-session fields both `AssumeRole` and `AssumeRoleWithOIDC` settings carry.
pub(crate) struct RoleSessionFields<'a> {
    pub(crate) role_arn: &'a str,
    pub(crate) role_session_name: Option<&'a str>,
    pub(crate) duration_seconds: Option<u32>,
    pub(crate) policy: Option<&'a str>,
    pub(crate) sts_region: Option<&'a str>,
    pub(crate) enable_vpc: bool,
}

/// The request and the STS client of a role session: the duration checked, the session name
/// from the settings, else `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else a generated one, and the
/// STS endpoint resolved as the official SDKs do.
pub(crate) fn role_session(
    provider: &'static str,
    fields: RoleSessionFields<'_>,
    config: &ProviderConfig,
) -> Result<(RoleRequest, StsClient), CredentialsError> {
    let duration_seconds = checked_duration(provider, fields.duration_seconds)?;
    let env = config.env();
    let endpoint = resolve_endpoint(
        config.sts_endpoint(),
        fields.sts_region,
        fields.enable_vpc,
        env,
    )
    .map_err(|e| CredentialsError::invalid_configuration(provider, e))?;
    let session_name = fields
        .role_session_name
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string)
        .or_else(|| env.get(ROLE_SESSION_NAME_VAR))
        .unwrap_or_else(|| default_session_name(config.time_source().now()));
    let request = RoleRequest {
        role_arn: fields.role_arn.trim().to_string(),
        session_name,
        duration_seconds,
        policy: fields
            .policy
            .filter(|p| !p.trim().is_empty())
            .map(str::to_string),
    };
    Ok((
        request,
        StsClient::new(endpoint, config.time_source().clone()),
    ))
}

/// What to ask STS for, besides the action's own inputs.
#[derive(Debug, Clone)]
pub(crate) struct RoleRequest {
    pub(crate) role_arn: String,
    pub(crate) session_name: String,
    pub(crate) duration_seconds: u32,
    pub(crate) policy: Option<String>,
}

/// Sends STS requests to one endpoint.
#[derive(Debug)]
pub(crate) struct StsClient {
    endpoint: String,
    http: HttpClient,
    time: SharedTimeSource,
}

impl StsClient {
    pub(crate) fn new(endpoint: String, time: SharedTimeSource) -> Self {
        Self {
            endpoint,
            http: HttpClient::new(SERVICE_TIMEOUTS),
            time,
        }
    }

    /// The base URL requests go to.
    pub(crate) fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// `AssumeRole`, signed with `source` (HMAC-SHA1 RPC signature over query and form);
    /// `source_name` (the official name of the provider of `source`) is sent as
    /// `x-acs-credentials-provider`, as the official SDKs send it.
    pub(crate) async fn assume_role(
        &self,
        provider: &'static str,
        source: &Credentials,
        source_name: &str,
        role: &RoleRequest,
        external_id: Option<&str>,
    ) -> Result<Credentials, CredentialsError> {
        let duration = role.duration_seconds.to_string();
        let mut form: Vec<(&str, &str)> = vec![
            ("RoleArn", &role.role_arn),
            ("RoleSessionName", &role.session_name),
            ("DurationSeconds", &duration),
        ];
        if let Some(policy) = &role.policy {
            form.push(("Policy", policy));
        }
        if let Some(external_id) = external_id {
            form.push(("ExternalId", external_id));
        }
        let mut query: Vec<(&str, &str)> = vec![("Action", "AssumeRole"), ("Version", STS_VERSION)];
        let all: Vec<(&str, &str)> = query.iter().chain(form.iter()).copied().collect();
        let nonce = new_nonce();
        let signing = SigningParams::new(source, self.time.now(), &nonce);
        let signed = sign_rpc_v1("POST", &all, &signing).map_err(|e| {
            CredentialsError::provider_failed(provider, "could not sign the AssumeRole request")
                .with_source(e)
        })?;
        let signed = signed.to_vec();
        query.extend(signed.iter().map(|(k, v)| (*k, v.as_str())));
        let secrets: Vec<&str> = [Some(source.access_key_secret()), source.security_token()]
            .into_iter()
            .flatten()
            .collect();
        self.call(
            provider,
            "AssumeRole",
            &query,
            &form,
            Some(source_name),
            &secrets,
        )
        .await
    }

    /// `AssumeRoleWithOIDC`: anonymous, the OIDC token is the proof.
    pub(crate) async fn assume_role_with_oidc(
        &self,
        provider: &'static str,
        role: &RoleRequest,
        oidc_provider_arn: &str,
        oidc_token: &str,
    ) -> Result<Credentials, CredentialsError> {
        let duration = role.duration_seconds.to_string();
        let timestamp = format_timestamp(self.time.now()).map_err(|e| {
            CredentialsError::provider_failed(provider, "the clock is out of range").with_source(e)
        })?;
        let mut form: Vec<(&str, &str)> = vec![
            ("RoleArn", &role.role_arn),
            ("OIDCProviderArn", oidc_provider_arn),
            ("OIDCToken", oidc_token),
            ("RoleSessionName", &role.session_name),
            ("DurationSeconds", &duration),
        ];
        if let Some(policy) = &role.policy {
            form.push(("Policy", policy));
        }
        let query: Vec<(&str, &str)> = vec![
            ("Action", "AssumeRoleWithOIDC"),
            ("Version", STS_VERSION),
            ("Format", "JSON"),
            ("Timestamp", &timestamp),
        ];
        // Anonymous: no source credentials, so no `x-acs-credentials-provider` (as the
        // official SDKs).
        self.call(
            provider,
            "AssumeRoleWithOIDC",
            &query,
            &form,
            None,
            &[oidc_token],
        )
        .await
    }

    async fn call(
        &self,
        provider: &'static str,
        action: &str,
        query: &[(&str, &str)],
        form: &[(&str, &str)],
        credentials_provider: Option<&str>,
        secrets: &[&str],
    ) -> Result<Credentials, CredentialsError> {
        let url = format!("{}/?{}", self.endpoint, form_urlencode(query));
        let what = format!("STS {action} at {}", self.endpoint);
        let mut request = http::Request::builder()
            .method(http::Method::POST)
            .uri(url)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, user_agent());
        // A name that is not a valid header value (a user's provider) is left out rather than
        // failing the call.
        if let Some(value) =
            credentials_provider.and_then(|name| http::HeaderValue::from_str(name).ok())
        {
            request = request.header(CREDENTIALS_PROVIDER_HEADER, value);
        }
        let request = request
            .body(Bytes::from(form_urlencode(form)))
            .map_err(|e| {
                CredentialsError::invalid_configuration(
                    provider,
                    format!("{what}: the request could not be built"),
                )
                .with_source(e)
            })?;
        tracing::debug!(provider, action, endpoint = %self.endpoint, "calling STS");
        let response = self.http.send(request).await.map_err(|e| {
            CredentialsError::provider_failed(provider, format!("{what} failed")).with_source(e)
        })?;
        let status = response.status();
        let body = response.body();
        if !status.is_success() {
            return Err(CredentialsError::provider_failed(
                provider,
                format!(
                    "{what} answered HTTP {}: {}",
                    status.as_u16(),
                    describe_error_body(body, secrets)
                ),
            ));
        }
        let object = parse_object(body)
            .map_err(|e| CredentialsError::provider_failed(provider, format!("{what}: {e}")))?;
        let credentials = match object.get("Credentials") {
            Some(serde_json::Value::Object(credentials)) => credentials,
            _ => {
                return Err(CredentialsError::provider_failed(
                    provider,
                    format!("{what}: the response has no `Credentials` object"),
                ));
            }
        };
        temporary_credentials(credentials, "Credentials.", provider)
            .map_err(|e| CredentialsError::provider_failed(provider, format!("{what}: {e}")))
    }
}

pub(crate) fn user_agent() -> String {
    format!(
        "AlibabaCloud ({}; {}) Rust alibabacloud-core/{} credentials",
        std::env::consts::OS,
        std::env::consts::ARCH,
        env!("CARGO_PKG_VERSION"),
    )
}

/// `Code: Message (RequestId ...)` of an STS error body, else a short excerpt. The gateway's
/// `SignatureDoesNotMatch` message quotes the string to sign, which holds the security token:
/// it is cut there, and any secret still present is masked (before the excerpt is taken, so
/// that no part of a secret is left at its end).
fn describe_error_body(body: &[u8], secrets: &[&str]) -> String {
    let scrubber = Scrubber::new(secrets.iter().copied(), &[], body);
    match parse_object(body) {
        Ok(object) => {
            let code = optional_string(&object, "Code").unwrap_or_else(|| "no code".into());
            let mut text = code;
            if let Some(message) = optional_string(&object, "Message") {
                text.push_str(": ");
                text.push_str(&message);
            }
            if let Some(id) = optional_string(&object, "RequestId") {
                text.push_str(&format!(" (RequestId {id})"));
            }
            scrub(&text, &scrubber)
        }
        Err(_) => {
            let scrubbed = scrubber.bytes(body);
            scrub(
                &excerpt(scrubbed.as_deref().unwrap_or(body), 200),
                &scrubber,
            )
        }
    }
}

/// Cuts `text` where it starts quoting a string to sign and masks the secrets (plain and
/// percent-encoded once or twice, as a string to sign carries them).
fn scrub(text: &str, scrubber: &Scrubber) -> String {
    let lower = text.to_ascii_lowercase();
    let text = match lower.find("string to sign") {
        Some(at) => format!("{} [string to sign omitted]", text[..at].trim_end()),
        None => text.to_string(),
    };
    scrubber.text(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Env {
        Env::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn endpoint_rule_matches_the_official_sdks() {
        let none = env(&[]);
        assert_eq!(
            resolve_endpoint(None, None, false, &none).unwrap(),
            "https://sts.aliyuncs.com"
        );
        assert_eq!(
            resolve_endpoint(None, None, true, &none).unwrap(),
            "https://sts.aliyuncs.com",
            "the VPC flag needs a region"
        );
        assert_eq!(
            resolve_endpoint(None, Some("cn-hangzhou"), true, &none).unwrap(),
            "https://sts-vpc.cn-hangzhou.aliyuncs.com"
        );
        let regional = env(&[
            (STS_REGION_VAR, "cn-beijing"),
            (VPC_ENDPOINT_ENABLED_VAR, "TRUE"),
        ]);
        assert_eq!(
            resolve_endpoint(None, None, false, &regional).unwrap(),
            "https://sts-vpc.cn-beijing.aliyuncs.com"
        );
        assert_eq!(
            resolve_endpoint(None, Some("cn-shanghai"), false, &regional).unwrap(),
            "https://sts-vpc.cn-shanghai.aliyuncs.com",
            "the profile's region wins over the variable"
        );
        let explicit = env(&[(STS_ENDPOINT_VAR, "sts.cn-hangzhou.aliyuncs.com")]);
        assert_eq!(
            resolve_endpoint(None, Some("x"), true, &explicit).unwrap(),
            "https://sts.cn-hangzhou.aliyuncs.com"
        );
        assert_eq!(
            resolve_endpoint(Some("http://127.0.0.1:8080/"), None, false, &explicit).unwrap(),
            "http://127.0.0.1:8080"
        );
        assert!(resolve_endpoint(Some("ftp://x"), None, false, &none).is_err());
        assert_eq!(
            resolve_endpoint(None, Some(" cn-hangzhou "), false, &none).unwrap(),
            "https://sts.cn-hangzhou.aliyuncs.com"
        );
        assert!(resolve_endpoint(Some("http://x/path"), None, false, &none).is_err());
    }

    #[test]
    fn regions_that_would_change_the_host_are_refused() {
        let none = env(&[]);
        for bad in [
            "x@evil.com?",
            "evil.com/",
            "cn-hangzhou.evil.com#",
            "CN-HANGZHOU",
            "a b",
        ] {
            let e = resolve_endpoint(None, Some(bad), false, &none).unwrap_err();
            assert!(
                e.contains("invalid STS region") && e.contains("`sts_region`"),
                "{e}"
            );
            let from_env = env(&[(STS_REGION_VAR, bad)]);
            let e = resolve_endpoint(None, None, true, &from_env).unwrap_err();
            assert!(e.contains(STS_REGION_VAR), "{e}");
        }
        // An explicit endpoint does not need (or read) the region.
        let explicit = env(&[(STS_REGION_VAR, "x@evil.com?")]);
        assert_eq!(
            resolve_endpoint(Some("sts.cn-hangzhou.aliyuncs.com"), None, false, &explicit).unwrap(),
            "https://sts.cn-hangzhou.aliyuncs.com"
        );
    }

    #[test]
    fn scrub_cuts_the_string_to_sign_and_masks_secrets() {
        let text = "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&SecurityToken%3Dtok%252Fen";
        let scrubber = Scrubber::of_values(["tok/en"]);
        assert_eq!(
            scrub(text, &scrubber),
            "Specified signature is not matched with our calculation. server [string to sign omitted]"
        );
        assert_eq!(
            scrub("a tok/en b tok%2Fen tok/ens", &scrubber),
            "a *** b *** tok/ens"
        );
        // The excerpt of a long body is taken after scrubbing: no prefix of a secret is left.
        let body = format!("{}tok/en-and-more", "x ".repeat(97));
        let described = describe_error_body(body.as_bytes(), &["tok/en-and-more"]);
        assert!(!described.contains("tok"), "{described}");
    }

    #[test]
    fn describes_error_bodies() {
        let body =
            br#"{"RequestId":"r1","Code":"NoPermission","Message":"You are not authorized."}"#;
        assert_eq!(
            describe_error_body(body, &[]),
            "NoPermission: You are not authorized. (RequestId r1)"
        );
        assert_eq!(
            describe_error_body(b"<html>502</html>", &[]),
            "<html>502</html>"
        );
    }
}
