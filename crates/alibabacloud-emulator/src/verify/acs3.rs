//! ACS3-HMAC-SHA256 ("V3") signatures: the pure computation, written from the published
//! algorithm and independent of `alibabacloud-core`.
//!
//! ```text
//! CanonicalRequest = METHOD \n URI \n CANONICAL_QUERY \n CANONICAL_HEADERS \n SIGNED_HEADERS \n HASHED_PAYLOAD
//! StringToSign     = "ACS3-HMAC-SHA256" \n HEX(SHA256(CanonicalRequest))
//! Signature        = HEX(HMAC-SHA256(AccessKeySecret, StringToSign))
//! Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>
//! ```

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::encoding::{canonical_pairs, canonical_path};
use crate::request::IncomingRequest;

/// The algorithm name, first word of the `Authorization` header.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

type HmacSha256 = Hmac<Sha256>;

/// The parts of an `Authorization: ACS3-HMAC-SHA256 ...` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    /// `Credential`: the AccessKeyId.
    pub access_key_id: String,
    /// `SignedHeaders`, lower-cased, in the order given.
    pub signed_headers: Vec<String>,
    /// `Signature`, as sent (hex).
    pub signature: String,
}

/// Why an `Authorization` header is not a well-formed ACS3 header.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthorizationError {
    /// The header does not start with `ACS3-HMAC-SHA256 `.
    #[error("the Authorization header does not use ACS3-HMAC-SHA256")]
    NotAcs3,
    /// `Credential`, `SignedHeaders` or `Signature` is absent or empty.
    #[error("the Authorization header has no {0}")]
    MissingField(&'static str),
}

/// Parses `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`; spaces
/// after commas are tolerated, field order is free.
pub fn parse_authorization(header: &str) -> Result<Authorization, AuthorizationError> {
    let rest = header
        .trim()
        .strip_prefix(ALGORITHM)
        .filter(|r| r.starts_with(' '))
        .ok_or(AuthorizationError::NotAcs3)?;
    let (mut credential, mut signed, mut signature) = (None, None, None);
    for field in rest.split(',') {
        let Some((name, value)) = field.trim().split_once('=') else {
            continue;
        };
        let value = value.trim();
        match name.trim() {
            "Credential" => credential = Some(value.to_owned()),
            "SignedHeaders" => signed = Some(value.to_owned()),
            "Signature" => signature = Some(value.to_owned()),
            _ => {}
        }
    }
    let access_key_id = credential
        .filter(|c| !c.is_empty())
        .ok_or(AuthorizationError::MissingField("Credential"))?;
    let signed = signed
        .filter(|s| !s.is_empty())
        .ok_or(AuthorizationError::MissingField("SignedHeaders"))?;
    let signature = signature
        .filter(|s| !s.is_empty())
        .ok_or(AuthorizationError::MissingField("Signature"))?;
    Ok(Authorization {
        access_key_id,
        signed_headers: signed
            .split(';')
            .map(|h| h.trim().to_ascii_lowercase())
            .filter(|h| !h.is_empty())
            .collect(),
        signature,
    })
}

/// Lower-case hex SHA-256 of `data`.
pub fn hex_sha256(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// The canonical headers block: for each signed header (sorted by name), `name:value\n`
/// where value is the trimmed values of that header, sorted and joined by `,`.
pub fn canonical_headers(request: &IncomingRequest, signed_headers: &[String]) -> String {
    let mut names: Vec<&str> = signed_headers.iter().map(String::as_str).collect();
    names.sort_unstable();
    names.dedup();
    let mut out = String::new();
    for name in names {
        let mut values: Vec<&str> = request.header_values(name).map(str::trim).collect();
        values.sort_unstable();
        out.push_str(name);
        out.push(':');
        out.push_str(&values.join(","));
        out.push('\n');
    }
    out
}

/// The canonical request of `request` for the given signed headers and payload hash.
pub fn canonical_request(
    request: &IncomingRequest,
    signed_headers: &[String],
    payload_hash: &str,
) -> String {
    let mut sorted: Vec<&str> = signed_headers.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        request.method,
        canonical_path(&request.path),
        canonical_pairs(request.query.iter().map(|(n, v)| (n.as_str(), v.as_str()))),
        canonical_headers(request, signed_headers),
        sorted.join(";"),
        payload_hash
    )
}

/// `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request.
pub fn string_to_sign(canonical_request: &str) -> String {
    format!("{ALGORITHM}\n{}", hex_sha256(canonical_request.as_bytes()))
}

/// Hex HMAC-SHA256 of `string_to_sign` keyed by `secret`.
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    hex::encode(mac(secret, string_to_sign).finalize().into_bytes())
}

fn mac(secret: &str, string_to_sign: &str) -> HmacSha256 {
    super::keyed_mac(secret.as_bytes(), string_to_sign.as_bytes())
}

/// Whether `provided` (hex, any case) is the signature of `string_to_sign` under
/// `secret`; compared in constant time.
pub fn signature_matches(secret: &str, string_to_sign: &str, provided: &str) -> bool {
    match hex::decode(provided) {
        Ok(bytes) => mac(secret, string_to_sign).verify_slice(&bytes).is_ok(),
        Err(_) => false,
    }
}

/// The outcome of a failed ACS3 check: what the server computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The canonical request the server built.
    pub canonical_request: String,
    /// The string to sign the server built.
    pub string_to_sign: String,
}

/// Checks the signature of `request` as described by `authorization`, with the payload
/// hash taken from `x-acs-content-sha256` when present (as the published algorithm says)
/// and computed from the body otherwise. Only the signature is checked here; the gateway's
/// rules (required headers, dates, nonces, body hash) are in [`crate::verify`].
pub fn verify(
    request: &IncomingRequest,
    authorization: &Authorization,
    secret: &str,
) -> Result<(), Mismatch> {
    let payload_hash = request
        .header("x-acs-content-sha256")
        .map(str::to_owned)
        .unwrap_or_else(|| hex_sha256(&request.body));
    verify_with_payload_hash(request, authorization, secret, &payload_hash)
}

/// Like [`verify`] with an explicit payload hash.
pub fn verify_with_payload_hash(
    request: &IncomingRequest,
    authorization: &Authorization,
    secret: &str,
    payload_hash: &str,
) -> Result<(), Mismatch> {
    let canonical = canonical_request(request, &authorization.signed_headers, payload_hash);
    let to_sign = string_to_sign(&canonical);
    if signature_matches(secret, &to_sign, &authorization.signature) {
        Ok(())
    } else {
        Err(Mismatch {
            canonical_request: canonical,
            string_to_sign: to_sign,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_authorization() {
        let auth = parse_authorization(
            "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;X-Acs-Date, Signature=abc",
        );
        assert_eq!(
            auth,
            Ok(Authorization {
                access_key_id: "id".into(),
                signed_headers: vec!["host".into(), "x-acs-date".into()],
                signature: "abc".into(),
            })
        );
        assert_eq!(
            parse_authorization("ACS3-HMAC-SHA256X Credential=id"),
            Err(AuthorizationError::NotAcs3)
        );
        assert_eq!(
            parse_authorization("Bearer x"),
            Err(AuthorizationError::NotAcs3)
        );
        assert_eq!(
            parse_authorization("ACS3-HMAC-SHA256 Credential=id,Signature=x"),
            Err(AuthorizationError::MissingField("SignedHeaders"))
        );
        assert_eq!(
            parse_authorization("ACS3-HMAC-SHA256 Credential=,SignedHeaders=a,Signature=x"),
            Err(AuthorizationError::MissingField("Credential"))
        );
    }

    #[test]
    fn bad_hex_never_matches() {
        assert!(!signature_matches("s", "x", "zz"));
        assert!(!signature_matches("s", "x", ""));
        let good = signature("s", "x");
        assert!(signature_matches("s", "x", &good));
        assert!(signature_matches("s", "x", &good.to_ascii_uppercase()));
    }
}
