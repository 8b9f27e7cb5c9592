//! What the CloudSSO and OAuth providers share: the base URL of a sign-in portal, a POST to
//! it, and error answers described without their secrets.

use bytes::Bytes;
use http::HeaderValue;
use http::header::USER_AGENT;
use serde_json::{Map, Value};

use super::fields::{optional_string, parse_object, temporary_credentials};
use super::http::{HttpClient, excerpt};
use super::{Credentials, CredentialsError, SecretString};
use crate::scrub::Scrubber;
use crate::transport::HttpResponse;

/// Fields of the portals' answers whose values are secrets.
const SECRET_FIELDS: &[&str] = &[
    "access_token",
    "refresh_token",
    "accessKeySecret",
    "securityToken",
    "AccessToken",
    "RefreshToken",
];

/// `scheme://host[:port]` of a sign-in URL (its path is replaced by the portal's), or why it
/// is not an http(s) URL.
pub(crate) fn base_url(url: &str) -> Result<String, String> {
    let uri: http::Uri = url.trim().parse().map_err(|_| "is not a URL".to_owned())?;
    match (uri.scheme_str(), uri.authority()) {
        (Some(scheme @ ("http" | "https")), Some(authority)) => {
            // No user information: it would be sent to the host named after it.
            let host = authority.as_str().rsplit('@').next().unwrap_or_default();
            Ok(format!("{scheme}://{host}"))
        }
        _ => Err("is not an http(s) URL".to_owned()),
    }
}

/// An `Authorization: Bearer <token>` value, marked sensitive; `None` if the token cannot be
/// sent in a header.
pub(crate) fn bearer(token: &SecretString) -> Option<HeaderValue> {
    let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose_secret())).ok()?;
    value.set_sensitive(true);
    Some(value)
}

/// POSTs `body` to `url` with `headers` (and our User-Agent).
pub(crate) async fn post(
    http: &HttpClient,
    provider: &'static str,
    url: &str,
    headers: &[(http::HeaderName, HeaderValue)],
    body: Bytes,
) -> Result<HttpResponse, CredentialsError> {
    let mut request = http::Request::builder()
        .method(http::Method::POST)
        .uri(url)
        .header(USER_AGENT, super::sts::user_agent());
    for (name, value) in headers {
        request = request.header(name, value.clone());
    }
    let request = request.body(body).map_err(|e| {
        CredentialsError::invalid_configuration(provider, format!("invalid URL `{url}`"))
            .with_source(e)
    })?;
    http.send(request).await.map_err(|e| {
        CredentialsError::provider_failed(provider, format!("POST {url} failed")).with_source(e)
    })
}

/// The failure of an answer other than 200: its status, and the code, message and request id
/// of its body (else an excerpt), with `secrets` and the values of secret fields masked.
pub(crate) fn describe_failure(response: &HttpResponse, secrets: &[&str]) -> String {
    let body = response.body();
    let scrubber = Scrubber::new(secrets.iter().copied(), SECRET_FIELDS, body);
    let described = match parse_object(body) {
        Ok(object) => {
            let pick = |names: &[&str]| names.iter().find_map(|n| optional_string(&object, n));
            let mut text = pick(&["Code", "code", "error", "ErrorCode"])
                .unwrap_or_else(|| "no code".to_owned());
            if let Some(message) =
                pick(&["Message", "message", "error_description", "ErrorMessage"])
            {
                text.push_str(": ");
                text.push_str(&message);
            }
            if let Some(id) = pick(&["RequestId", "requestId"]) {
                text.push_str(&format!(" (RequestId {id})"));
            }
            text
        }
        Err(_) => excerpt(scrubber.bytes(body).as_deref().unwrap_or(body), 200),
    };
    format!(
        "HTTP {}: {}",
        response.status().as_u16(),
        scrubber.text(&described)
    )
}

/// Temporary credentials under `path` (`CloudCredential.`) of `object`, whose names may be
/// written `AccessKeyId` or `accessKeyId` (credentials-go reads both: Go matches JSON names
/// without regard to case).
pub(crate) fn credentials_in(
    object: &Map<String, Value>,
    path: &str,
    provider: &'static str,
) -> Result<Credentials, String> {
    let mut canonical = Map::new();
    for name in [
        "AccessKeyId",
        "AccessKeySecret",
        "SecurityToken",
        "Expiration",
    ] {
        if let Some((_, value)) = object.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)) {
            canonical.insert(name.to_owned(), value.clone());
        }
    }
    temporary_credentials(&canonical, path, provider)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_keep_scheme_host_and_port_only() {
        assert_eq!(
            base_url("https://signin-xyz.aliyun.com/login?x=1").unwrap(),
            "https://signin-xyz.aliyun.com"
        );
        assert_eq!(
            base_url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            base_url("https://user:pw@host.example/").unwrap(),
            "https://host.example"
        );
        assert!(base_url("ftp://x").is_err());
        assert!(base_url("no url").is_err());
    }

    #[test]
    fn credentials_in_either_case() {
        let object = parse_object(
            br#"{"accessKeyId":"STS.a","accessKeySecret":"s","securityToken":"t","expiration":"2030-01-01T00:00:00Z"}"#,
        )
        .unwrap();
        let credentials = credentials_in(&object, "", "oauth").unwrap();
        assert_eq!(credentials.access_key_id(), "STS.a");
        assert_eq!(credentials.security_token(), Some("t"));
        let error = credentials_in(&Map::new(), "CloudCredential.", "cloud_sso").unwrap_err();
        assert_eq!(error, "field `CloudCredential.AccessKeyId` is missing");
    }
}
