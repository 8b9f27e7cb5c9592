//! The ACS3-HMAC-SHA256 signature ("signature V3"), the default for every RPC API.
//!
//! ```text
//! CanonicalRequest = METHOD \n URI \n CANONICAL_QUERY \n CANONICAL_HEADERS \n SIGNED_HEADERS \n HEX(SHA256(body))
//! StringToSign     = "ACS3-HMAC-SHA256" \n HEX(SHA256(CanonicalRequest))
//! Authorization    = ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=HEX(HMAC-SHA256(secret, StringToSign))
//! ```
//!
//! Signed headers are `host`, `content-type` and every `x-acs-*` header present, the rule of
//! the official utilities (`getAuthorization` in aliyun/darabonba-openapi-util and the
//! `utils` package of aliyun/darabonba-openapi: names lower-cased, values trimmed, repeated
//! names merged as their sorted values joined by `,`). Other headers (`user-agent`, `accept`,
//! ...) are sent but not signed. An empty path is signed as `/`; a non-empty path is signed as
//! given, so pass it percent-encoded exactly as it is sent.
//!
//! [`sign_acs3`] is the fast path: the canonical request is streamed into SHA-256 and never
//! built in memory. [`acs3_canonical_request`] and [`acs3_string_to_sign`] write the same text
//! (through the same code) for tests and error messages. [`PreparedRequest`] signs a request
//! whose headers are exactly the ones given, with nothing added (the official utilities'
//! unit-test shape, and what a server verifying a received request needs).

mod prepare;
mod signature;

use self::prepare::{with_prepared, with_signable};
use self::signature::{
    canonical_string, canonical_string_to_sign, hex_str, keyed_hmac, signature_hex,
    string_to_sign_bytes, string_to_sign_text, write_authorization,
};
use super::error::SigningError;
use super::output::SigningOutput;
use super::params::SigningParams;

/// The algorithm name, first line of the string to sign and first word of `Authorization`.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// Hex SHA-256 of an empty body (the `x-acs-content-sha256` of a request without body).
pub const EMPTY_BODY_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Header carrying the signing time (`yyyy-MM-ddTHH:mm:ssZ`, UTC).
pub const X_ACS_DATE: &str = "x-acs-date";
/// Header carrying the nonce.
pub const X_ACS_SIGNATURE_NONCE: &str = "x-acs-signature-nonce";
/// Header carrying the hex SHA-256 of the body.
pub const X_ACS_CONTENT_SHA256: &str = "x-acs-content-sha256";
/// Header carrying the AccessKey ID of STS credentials.
pub const X_ACS_ACCESSKEY_ID: &str = "x-acs-accesskey-id";
/// Header carrying the STS security token.
pub const X_ACS_SECURITY_TOKEN: &str = "x-acs-security-token";
/// The `Authorization` header (lower-case, as HTTP/2 sends it).
pub const AUTHORIZATION: &str = "authorization";

/// The output names of the headers above.
mod names {
    use crate::signing::output::Name;

    pub(super) const DATE: Name = Name::of(super::X_ACS_DATE);
    pub(super) const SIGNATURE_NONCE: Name = Name::of(super::X_ACS_SIGNATURE_NONCE);
    pub(super) const CONTENT_SHA256: Name = Name::of(super::X_ACS_CONTENT_SHA256);
    pub(super) const ACCESSKEY_ID: Name = Name::of(super::X_ACS_ACCESSKEY_ID);
    pub(super) const SECURITY_TOKEN: Name = Name::of(super::X_ACS_SECURITY_TOKEN);
    pub(super) const AUTHORIZATION: Name = Name::of(super::AUTHORIZATION);
}

/// The body of a request to sign.
#[derive(Debug, Clone, Copy)]
pub enum SignableBody<'a> {
    /// No body: the hash is [`EMPTY_BODY_SHA256`] without hashing anything.
    Empty,
    /// The body bytes, hashed by the signer.
    Bytes(&'a [u8]),
    /// The hex SHA-256 of the body, computed by the caller (64 lower-case hex digits).
    Precomputed(&'a str),
}

/// The parts of an HTTP request that ACS3 signs, as plain borrowed data (no HTTP types).
///
/// The caller supplies `host`, `x-acs-action`, `x-acs-version` (and `content-type` when there
/// is a body) among `headers`; [`sign_acs3`] adds the date, nonce, body hash, STS headers and
/// `Authorization`.
#[derive(Debug, Clone, Copy)]
pub struct SignableRequest<'a> {
    /// The HTTP method, as sent (`GET`, `POST`); may be empty.
    pub method: &'a str,
    /// The path, percent-encoded as sent; empty means `/`.
    pub path: &'a str,
    /// Query parameters, unencoded, in any order; they are encoded and sorted for signing.
    pub query: &'a [(&'a str, &'a str)],
    /// Request headers in any order and case; see the module docs for which are signed.
    pub headers: &'a [(&'a str, &'a str)],
    /// The body.
    pub body: SignableBody<'a>,
}

/// Signs `request`: returns the headers to add, in this order: `x-acs-date`,
/// `x-acs-signature-nonce`, `x-acs-content-sha256`, then with STS credentials
/// `x-acs-accesskey-id` and `x-acs-security-token`, and last `authorization`.
///
/// # Errors
/// A header name that is not an HTTP token, a header value, nonce or credential with a control
/// character, a header the signer adds itself ([`SigningError::ReservedHeader`]), a bad
/// precomputed body hash, a method or path with control characters, or a time outside the
/// years 0-9999.
pub fn sign_acs3(
    request: &SignableRequest<'_>,
    params: &SigningParams<'_>,
) -> Result<SigningOutput, SigningError> {
    sign(request, None, params)
}

/// [`sign_acs3`] of a request whose query the caller already sorted and encoded as the
/// canonical query (`k=v&k=v`, as [`canonical_query_string`](crate::signing::canonical_query_string)
/// writes it; `request.query` is not read): the runtime writes the query once, for the URL,
/// and signs that text.
pub(crate) fn sign_acs3_encoded(
    request: &SignableRequest<'_>,
    canonical_query: &str,
    params: &SigningParams<'_>,
) -> Result<SigningOutput, SigningError> {
    sign(request, Some(canonical_query), params)
}

fn sign(
    request: &SignableRequest<'_>,
    encoded_query: Option<&str>,
    params: &SigningParams<'_>,
) -> Result<SigningOutput, SigningError> {
    with_signable(request, encoded_query, params, |prepared| {
        let credentials = params.credentials;
        let key_id = credentials.access_key_id();
        let token = credentials.security_token();
        let headers = prepared.canonical.headers;

        let capacity = prepared.date.len()
            + params.nonce.len()
            + prepared.content_sha256.len()
            + token.map_or(0, |t| t.len() + key_id.len())
            + ALGORITHM.len()
            + 40
            + key_id.len()
            + headers.iter().map(|h| h.name.len() + 1).sum::<usize>()
            + 64;
        let mut out = SigningOutput::with_capacity(capacity);
        out.push(names::DATE, prepared.date);
        out.push(names::SIGNATURE_NONCE, prepared.nonce);
        out.push(names::CONTENT_SHA256, prepared.content_sha256);
        if let Some((sts_key_id, token)) = prepared.sts {
            out.push(names::ACCESSKEY_ID, sts_key_id);
            out.push(names::SECURITY_TOKEN, token);
        }
        out.push_with(names::AUTHORIZATION, |buf| {
            buf.push_str(ALGORITHM);
            buf.push_str(" Credential=");
            buf.push_str(key_id);
            buf.push_str(",SignedHeaders=");
            let string_to_sign = string_to_sign_bytes(&prepared.canonical.digest(buf));
            let signature = signature_hex(credentials.hmac_sha256(), &string_to_sign);
            buf.push_str(",Signature=");
            buf.push_str(hex_str(&signature));
        });
        out
    })
}

/// The canonical request [`sign_acs3`] signs, including the headers it adds: for tests and
/// for explaining a signature mismatch.
///
/// # Errors
/// As [`sign_acs3`].
pub fn acs3_canonical_request(
    request: &SignableRequest<'_>,
    params: &SigningParams<'_>,
) -> Result<String, SigningError> {
    with_signable(request, None, params, |prepared| {
        canonical_string(&prepared.canonical)
    })
}

/// The string to sign of [`sign_acs3`]: `ACS3-HMAC-SHA256\n` and the hex SHA-256 of
/// [`acs3_canonical_request`].
///
/// # Errors
/// As [`sign_acs3`].
pub fn acs3_string_to_sign(
    request: &SignableRequest<'_>,
    params: &SigningParams<'_>,
) -> Result<String, SigningError> {
    with_signable(request, None, params, |prepared| {
        string_to_sign_text(&canonical_string_to_sign(&prepared.canonical))
    })
}

/// A request signed with exactly the headers it carries: nothing is added, nothing reserved.
///
/// This is the shape of the official utilities' `getAuthorization` (and of their unit tests),
/// and what a server needs to check a received request: pass the received method, path,
/// query, headers and `x-acs-content-sha256`.
#[derive(Debug, Clone, Copy)]
pub struct PreparedRequest<'a> {
    /// The HTTP method; may be empty.
    pub method: &'a str,
    /// The path, percent-encoded as sent; empty means `/`.
    pub path: &'a str,
    /// Query parameters, unencoded, in any order.
    pub query: &'a [(&'a str, &'a str)],
    /// All headers; `host`, `content-type` and `x-acs-*` are signed.
    pub headers: &'a [(&'a str, &'a str)],
    /// The hex SHA-256 of the body, used as the last line as given.
    pub content_sha256: &'a str,
}

impl PreparedRequest<'_> {
    /// The canonical request.
    ///
    /// # Errors
    /// An invalid header name or value, method, path or body hash (control characters).
    pub fn canonical_request(&self) -> Result<String, SigningError> {
        with_prepared(self, canonical_string)
    }

    /// The string to sign.
    ///
    /// # Errors
    /// As [`PreparedRequest::canonical_request`].
    pub fn string_to_sign(&self) -> Result<String, SigningError> {
        with_prepared(self, |c| string_to_sign_text(&canonical_string_to_sign(c)))
    }

    /// The hex HMAC-SHA256 signature with `access_key_secret`.
    ///
    /// # Errors
    /// As [`PreparedRequest::canonical_request`].
    pub fn signature(&self, access_key_secret: &str) -> Result<String, SigningError> {
        with_prepared(self, |c| {
            let string_to_sign = canonical_string_to_sign(c);
            hex_str(&signature_hex(
                &keyed_hmac(access_key_secret),
                &string_to_sign,
            ))
            .to_owned()
        })
    }

    /// The whole `Authorization` header value.
    ///
    /// # Errors
    /// As [`PreparedRequest::canonical_request`].
    pub fn authorization(
        &self,
        access_key_id: &str,
        access_key_secret: &str,
    ) -> Result<String, SigningError> {
        with_prepared(self, |c| {
            let string_to_sign = canonical_string_to_sign(c);
            let signature = signature_hex(&keyed_hmac(access_key_secret), &string_to_sign);
            let mut out = String::with_capacity(160 + access_key_id.len());
            write_authorization(&mut out, access_key_id, c.headers, hex_str(&signature));
            out
        })
    }
}
