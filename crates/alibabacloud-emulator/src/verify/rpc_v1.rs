//! The legacy RPC signature (`SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`): the pure
//! computation, written from the published algorithm and independent of
//! `alibabacloud-core`.
//!
//! ```text
//! CanonicalizedQuery = sorted "enc(name)=enc(value)" of every query and form parameter
//!                      except Signature, joined by "&"
//! StringToSign       = METHOD & "%2F" & enc(CanonicalizedQuery)
//! Signature          = BASE64(HMAC-SHA1(AccessKeySecret + "&", StringToSign))
//! ```

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use crate::encoding::{canonical_pairs, percent_encode};
use crate::request::IncomingRequest;

/// The only supported `SignatureMethod`.
pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";
/// The only supported `SignatureVersion`.
pub const SIGNATURE_VERSION: &str = "1.0";

type HmacSha1 = Hmac<Sha1>;

/// The string to sign for `method` and the signed parameters (which must not include
/// `Signature`).
pub fn string_to_sign<'a, I>(method: &str, params: I) -> String
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
{
    format!(
        "{method}&{}&{}",
        percent_encode("/"),
        percent_encode(&canonical_pairs(params))
    )
}

/// The parameters of `request` that are signed: every query and form parameter except
/// `Signature`.
pub fn signed_params(request: &IncomingRequest) -> impl Iterator<Item = (&str, &str)> {
    request.params().filter(|(name, _)| *name != "Signature")
}

/// Base64 HMAC-SHA1 of `string_to_sign` keyed by `secret + "&"`.
pub fn signature(secret: &str, string_to_sign: &str) -> String {
    STANDARD.encode(mac(secret, string_to_sign).finalize().into_bytes())
}

fn mac(secret: &str, string_to_sign: &str) -> HmacSha1 {
    let key = format!("{secret}&");
    super::keyed_mac(key.as_bytes(), string_to_sign.as_bytes())
}

/// Whether `provided` (base64) is the signature of `string_to_sign` under `secret`;
/// compared in constant time.
pub fn signature_matches(secret: &str, string_to_sign: &str, provided: &str) -> bool {
    match STANDARD.decode(provided.trim()) {
        Ok(bytes) => mac(secret, string_to_sign).verify_slice(&bytes).is_ok(),
        Err(_) => false,
    }
}

/// Checks the `Signature` parameter of `request` under `secret`. On failure returns the
/// string to sign the server computed.
pub fn verify(request: &IncomingRequest, secret: &str) -> Result<(), String> {
    let to_sign = string_to_sign(&request.method, signed_params(request));
    let provided = request.param("Signature").unwrap_or_default();
    if signature_matches(secret, &to_sign, provided) {
        Ok(())
    } else {
        Err(to_sign)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_utility_vectors() {
        // V1-2 of SIGNING-VECTORS.md.
        let to_sign = string_to_sign("", [("test", "ok")]);
        assert_eq!(to_sign, "&%2F&test%3Dok");
        assert_eq!(
            signature("accessKeySecret", &to_sign),
            "jHx/oHoHNrbVfhncHEvPdHXZwHU="
        );
        let to_sign = string_to_sign("GET", [("query", "test"), ("body", "test")]);
        assert_eq!(to_sign, "GET&%2F&body%3Dtest%26query%3Dtest");
        assert_eq!(
            signature("secret", &to_sign),
            "XlUyV4sXjOuX5FnjUz9IF9tm5rU="
        );
    }

    #[test]
    fn bad_base64_never_matches() {
        assert!(!signature_matches("s", "x", "!!!"));
        let good = signature("s", "x");
        assert!(signature_matches("s", "x", &good));
    }
}
