//! A small signer built on the verifier's own computations, for tests that need to send
//! correctly (or deliberately incorrectly) signed requests to the emulator without the
//! SDK's signer.
//!
//! ```
//! use alibabacloud_emulator::sign::{SigningKey, sign_acs3, random_nonce};
//! use bytes::Bytes;
//!
//! let mut request = http::Request::builder()
//!     .method("POST")
//!     .uri("http://127.0.0.1:8080/?RegionId=cn-hangzhou")
//!     .header("x-acs-action", "DescribeRegions")
//!     .header("x-acs-version", "2014-05-26")
//!     .body(Bytes::new())?;
//! let key = SigningKey::new("id", "secret");
//! sign_acs3(&mut request, &key, time::OffsetDateTime::now_utc(), &random_nonce());
//! assert!(request.headers()["authorization"].to_str()?.starts_with("ACS3-HMAC-SHA256 Credential=id,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use bytes::Bytes;
use http::header::{AUTHORIZATION, CONTENT_TYPE, HOST, HeaderName, HeaderValue};
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

use crate::encoding::percent_encode;
use crate::request::IncomingRequest;
use crate::verify::{acs3, rpc_v1};

/// The credentials to sign with. `Debug` never shows the secret or the token.
#[derive(Clone)]
pub struct SigningKey {
    /// The AccessKeyId.
    pub access_key_id: String,
    /// The AccessKeySecret.
    pub secret: String,
    /// The STS security token, if any.
    pub security_token: Option<String>,
}

impl SigningKey {
    /// A permanent AccessKey pair.
    pub fn new(access_key_id: impl Into<String>, secret: impl Into<String>) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            secret: secret.into(),
            security_token: None,
        }
    }

    /// An STS credential.
    pub fn sts(
        access_key_id: impl Into<String>,
        secret: impl Into<String>,
        token: impl Into<String>,
    ) -> Self {
        Self {
            security_token: Some(token.into()),
            ..Self::new(access_key_id, secret)
        }
    }
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("access_key_id", &self.access_key_id)
            .field("secret", &"<redacted>")
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// A fresh random nonce (32 hex digits).
pub fn random_nonce() -> String {
    hex::encode(random_bytes())
}

/// 16 bytes from the operating system's CSPRNG; should it refuse (it does not on the supported
/// platforms), a process-wide counter keeps the values distinct.
pub(crate) fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    if getrandom::getrandom(&mut bytes).is_err() {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let count = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        bytes[..8].copy_from_slice(&count.to_le_bytes());
    }
    bytes
}

/// Formats a time as the gateway expects: `yyyy-MM-ddTHH:mm:ssZ` in UTC.
pub fn format_timestamp(at: OffsetDateTime) -> String {
    at.to_offset(UtcOffset::UTC)
        .format(format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
        ))
        .unwrap_or_default()
}

fn set_header(request: &mut http::Request<Bytes>, name: &str, value: &str) {
    if let (Ok(name), Ok(value)) = (
        HeaderName::from_bytes(name.as_bytes()),
        HeaderValue::from_str(value),
    ) {
        request.headers_mut().insert(name, value);
    }
}

/// Signs `request` with ACS3-HMAC-SHA256: sets `host` (from the URI, if absent),
/// `x-acs-date`, `x-acs-signature-nonce`, `x-acs-content-sha256`, `x-acs-security-token`
/// (for STS) and `authorization`. The signed headers are `host`, `content-type` if present
/// and every `x-acs-*` header.
pub fn sign_acs3(
    request: &mut http::Request<Bytes>,
    key: &SigningKey,
    date: OffsetDateTime,
    nonce: &str,
) {
    if !request.headers().contains_key(HOST)
        && let Some(authority) = request.uri().authority().map(|a| a.as_str().to_owned())
    {
        set_header(request, HOST.as_str(), &authority);
    }
    let body_hash = acs3::hex_sha256(request.body());
    set_header(request, "x-acs-date", &format_timestamp(date));
    set_header(request, "x-acs-signature-nonce", nonce);
    set_header(request, "x-acs-content-sha256", &body_hash);
    if let Some(token) = &key.security_token {
        set_header(request, "x-acs-security-token", token);
    }
    let mut signed: Vec<String> = request
        .headers()
        .keys()
        .map(|n| n.as_str().to_ascii_lowercase())
        .filter(|n| n == HOST.as_str() || n == CONTENT_TYPE.as_str() || n.starts_with("x-acs-"))
        .collect();
    signed.sort();
    signed.dedup();
    let incoming = IncomingRequest::from_http(request);
    let canonical = acs3::canonical_request(&incoming, &signed, &body_hash);
    let signature = acs3::signature(&key.secret, &acs3::string_to_sign(&canonical));
    let authorization = format!(
        "{} Credential={},SignedHeaders={},Signature={signature}",
        acs3::ALGORITHM,
        key.access_key_id,
        signed.join(";")
    );
    set_header(request, AUTHORIZATION.as_str(), &authorization);
}

/// Signs RPC parameters with HMAC-SHA1: returns `params` plus `AccessKeyId`, `Format=JSON`,
/// `SignatureMethod`, `SignatureNonce`, `SignatureVersion`, `Timestamp`, `SecurityToken`
/// (for STS) and finally `Signature`. `params` should already hold `Action` and `Version`.
pub fn sign_rpc(
    method: &str,
    params: &[(String, String)],
    key: &SigningKey,
    timestamp: OffsetDateTime,
    nonce: &str,
) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = params.to_vec();
    let mut add = |name: &str, value: &str| {
        if !all.iter().any(|(n, _)| n == name) {
            all.push((name.to_owned(), value.to_owned()));
        }
    };
    add("AccessKeyId", &key.access_key_id);
    add("Format", "JSON");
    add("SignatureMethod", rpc_v1::SIGNATURE_METHOD);
    add("SignatureNonce", nonce);
    add("SignatureVersion", rpc_v1::SIGNATURE_VERSION);
    add("Timestamp", &format_timestamp(timestamp));
    if let Some(token) = &key.security_token {
        add("SecurityToken", token);
    }
    let to_sign = rpc_v1::string_to_sign(method, all.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    all.push((
        "Signature".to_owned(),
        rpc_v1::signature(&key.secret, &to_sign),
    ));
    all
}

/// Writes parameters as a query string or form body (`a=1&b=2`), RFC 3986-encoded.
pub fn encode_params(params: &[(String, String)]) -> String {
    params
        .iter()
        .map(|(n, v)| format!("{}={}", percent_encode(n), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}
