//! The legacy HMAC-SHA1 RPC signature ("signature V2" / `SignatureVersion=1.0`).
//!
//! ```text
//! CanonicalQuery = k=v&k=v...   all parameters, sorted by name, keys and values RFC 3986-encoded
//! StringToSign   = METHOD & %2F & percent-encode(CanonicalQuery)
//! Signature      = BASE64(HMAC-SHA1(key = AccessKeySecret + "&", StringToSign))
//! ```
//!
//! The signed set is every parameter sent, query and form alike: the operation's own
//! parameters (including `Action` and `Version`, which the caller passes) plus the common
//! parameters [`sign_rpc_v1`] adds. A parameter with an empty value is signed as `k=` (like the
//! Go and Python utilities; drop empty values before signing if you do not send them).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ring::hmac;

use super::canonical::{Pair, sort_pairs, validate_method, write_canonical_query};
use super::error::SigningError;
use super::output::{Name, SigningOutput};
use super::params::SigningParams;
use super::scratch::Scratch;
use super::sink::{EncodingSink, Sink};
use super::timestamp::Timestamp;

/// Value of the `SignatureMethod` parameter.
pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";
/// Value of the `SignatureVersion` parameter.
pub const SIGNATURE_VERSION: &str = "1.0";
/// Value of the `Format` parameter: responses in JSON.
pub const FORMAT: &str = "JSON";

/// Parameters [`sign_rpc_v1`] adds itself, which the caller must therefore not supply.
const RESERVED_PARAMETERS: [&str; 8] = [
    "AccessKeyId",
    "Format",
    "SignatureMethod",
    "SignatureNonce",
    "SignatureVersion",
    "Timestamp",
    "SecurityToken",
    "Signature",
];

const ACCESS_KEY_ID: Name = Name::of("AccessKeyId");
const FORMAT_NAME: Name = Name::of("Format");
const SIGNATURE_METHOD_NAME: Name = Name::of("SignatureMethod");
const SIGNATURE_NONCE: Name = Name::of("SignatureNonce");
const SIGNATURE_VERSION_NAME: Name = Name::of("SignatureVersion");
const TIMESTAMP: Name = Name::of("Timestamp");
const SECURITY_TOKEN: Name = Name::of("SecurityToken");
const SIGNATURE: Name = Name::of("Signature");

/// Signs an RPC request: `params` are all the operation's parameters (query and form,
/// unencoded, flattened, including `Action` and `Version`). Returns the parameters to add, in
/// this order: `AccessKeyId`, `Format`, `SignatureMethod`, `SignatureNonce`,
/// `SignatureVersion`, `Timestamp`, `SecurityToken` (STS only), `Signature`.
///
/// # Errors
/// A parameter the signer adds itself ([`SigningError::ReservedParameter`]), a method with
/// control characters, or a time outside the years 0-9999.
pub fn sign_rpc_v1(
    method: &str,
    params: &[(&str, &str)],
    signing: &SigningParams<'_>,
) -> Result<SigningOutput, SigningError> {
    validate_method(method)?;
    if let Some((name, _)) = params
        .iter()
        .find(|(name, _)| RESERVED_PARAMETERS.contains(name))
    {
        return Err(SigningError::ReservedParameter {
            name: (*name).to_owned(),
        });
    }
    let timestamp = Timestamp::new(signing.time)?;
    let credentials = signing.credentials;
    let fixed: [(Name, &str); 6] = [
        (ACCESS_KEY_ID, credentials.access_key_id()),
        (FORMAT_NAME, FORMAT),
        (SIGNATURE_METHOD_NAME, SIGNATURE_METHOD),
        (SIGNATURE_NONCE, signing.nonce),
        (SIGNATURE_VERSION_NAME, SIGNATURE_VERSION),
        (TIMESTAMP, timestamp.as_str()),
    ];
    let token = credentials
        .security_token()
        .map(|token| (SECURITY_TOKEN, token));
    let common = fixed.iter().copied().chain(token);

    let mut all: Scratch<Pair<'_>, 32> = Scratch::with_expected(params.len() + 7);
    for pair in params.iter().copied() {
        all.push(pair);
    }
    for (name, value) in common.clone() {
        all.push((name.as_str(), value));
    }
    let all = all.as_mut_slice();
    sort_pairs(all);
    let signature = signature_with_key(
        credentials.hmac_sha1(),
        &string_to_sign_of_sorted(method, all),
    );

    let capacity = common.clone().map(|(_, v)| v.len()).sum::<usize>() + signature.len();
    let mut out = SigningOutput::with_capacity(capacity);
    for (name, value) in common {
        out.push(name, value);
    }
    out.push(SIGNATURE, &signature);
    Ok(out)
}

/// The string to sign for `params` (every parameter sent, common ones included).
///
/// ```
/// use alibabacloud_core::signing::rpc_v1_string_to_sign;
/// assert_eq!(
///     rpc_v1_string_to_sign("GET", &[("query", "test"), ("body", "test")]),
///     "GET&%2F&body%3Dtest%26query%3Dtest"
/// );
/// ```
pub fn rpc_v1_string_to_sign(method: &str, params: &[(&str, &str)]) -> String {
    let mut sorted = params.to_vec();
    sort_pairs(&mut sorted);
    string_to_sign_of_sorted(method, &sorted)
}

/// `BASE64(HMAC-SHA1(access_key_secret + "&", string_to_sign))`.
pub fn rpc_v1_signature(access_key_secret: &str, string_to_sign: &str) -> String {
    signature_with_key(&hmac_sha1_key(access_key_secret), string_to_sign)
}

/// The HMAC-SHA1 key of the RPC signature: the secret followed by `&`.
pub(crate) fn hmac_sha1_key(access_key_secret: &str) -> hmac::Key {
    let mut key = Vec::with_capacity(access_key_secret.len() + 1);
    key.extend_from_slice(access_key_secret.as_bytes());
    key.push(b'&');
    hmac::Key::new(hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, &key)
}

/// `BASE64(HMAC-SHA1(key, string_to_sign))`.
fn signature_with_key(key: &hmac::Key, string_to_sign: &str) -> String {
    BASE64.encode(hmac::sign(key, string_to_sign.as_bytes()))
}

/// Signs an arbitrary parameter set as is, adding nothing: the lower-level form of
/// [`sign_rpc_v1`] (and of the official `GetRPCSignature`).
pub fn rpc_v1_sign_params(
    method: &str,
    params: &[(&str, &str)],
    access_key_secret: &str,
) -> String {
    let mut sorted = params.to_vec();
    sort_pairs(&mut sorted);
    signature_of_sorted(method, &sorted, access_key_secret)
}

fn signature_of_sorted(method: &str, sorted: &[Pair<'_>], secret: &str) -> String {
    rpc_v1_signature(secret, &string_to_sign_of_sorted(method, sorted))
}

fn string_to_sign_of_sorted(method: &str, sorted: &[Pair<'_>]) -> String {
    let mut out = String::with_capacity(method.len() + 6 + sorted.len() * 48);
    out.put(method);
    out.put("&%2F&");
    write_canonical_query(&mut EncodingSink(&mut out), sorted);
    out
}
