//! Turning a request into its canonical parts: validation, the headers the signer adds,
//! filtering and sorting (shared by the fast path and the diagnostic functions).

use ring::digest;

use super::signature::{hex_str, hex64};
use super::{
    AUTHORIZATION, EMPTY_BODY_SHA256, PreparedRequest, SignableBody, SignableRequest,
    X_ACS_ACCESSKEY_ID, X_ACS_CONTENT_SHA256, X_ACS_DATE, X_ACS_SECURITY_TOKEN,
    X_ACS_SIGNATURE_NONCE,
};
use crate::signing::canonical::{
    CanonicalQuery, CanonicalRequest, HeaderEntry, Pair, checked_header_value, is_signed_header,
    is_valid_header_value, sort_headers, sort_pairs, trim_ows, validate_header_name,
    validate_method, validate_path,
};
use crate::signing::error::SigningError;
use crate::signing::params::SigningParams;
use crate::signing::scratch::Scratch;
use crate::signing::sink::digest_bytes;
use crate::signing::timestamp::Timestamp;

/// Headers [`sign_acs3`](super::sign_acs3) adds itself, which the caller must therefore not supply.
const RESERVED_HEADERS: [&str; 6] = [
    X_ACS_DATE,
    X_ACS_SIGNATURE_NONCE,
    X_ACS_CONTENT_SHA256,
    X_ACS_ACCESSKEY_ID,
    X_ACS_SECURITY_TOKEN,
    AUTHORIZATION,
];

/// Whether a signed header is one [`sign_acs3`](super::sign_acs3) adds itself (cheap length test first).
fn is_reserved_header(name: &str) -> bool {
    RESERVED_HEADERS
        .iter()
        .any(|r| r.len() == name.len() && r.eq_ignore_ascii_case(name))
}

/// Header and query lists up to this long are sorted on the stack.
const INLINE: usize = 12;

/// A [`SignableRequest`] made canonical, with the values the signer computed.
pub(super) struct Signable<'x> {
    pub(super) canonical: CanonicalRequest<'x>,
    pub(super) date: &'x str,
    pub(super) content_sha256: &'x str,
    /// The nonce, trimmed as signed.
    pub(super) nonce: &'x str,
    /// With STS credentials: the AccessKey ID and the token, trimmed as signed.
    pub(super) sts: Option<(&'x str, &'x str)>,
}

/// Validates `request`, adds the signer's headers, sorts everything and hands the result to
/// `then`; shared by the fast path and the diagnostic functions. With `encoded_query`, that
/// text (sorted and encoded by the caller) is signed instead of `request.query`.
pub(super) fn with_signable<R>(
    request: &SignableRequest<'_>,
    encoded_query: Option<&str>,
    params: &SigningParams<'_>,
    then: impl FnOnce(&Signable<'_>) -> R,
) -> Result<R, SigningError> {
    validate_method(request.method)?;
    validate_path(request.path)?;
    let timestamp = Timestamp::new(params.time)?;
    let date = timestamp.as_str();
    let body_hash;
    let content_sha256 = match request.body {
        SignableBody::Empty => EMPTY_BODY_SHA256,
        SignableBody::Bytes(bytes) => {
            body_hash = hex64(&digest_bytes(
                digest::digest(&digest::SHA256, bytes).as_ref(),
            ));
            hex_str(&body_hash)
        }
        SignableBody::Precomputed(hash) => {
            let is_hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
            if hash.len() != 64 || !hash.bytes().all(is_hex) {
                return Err(SigningError::InvalidContentSha256);
            }
            hash
        }
    };
    if !is_valid_header_value(params.nonce) {
        return Err(SigningError::InvalidHeaderValue {
            name: X_ACS_SIGNATURE_NONCE.to_owned(),
        });
    }
    let credentials = params.credentials;
    if !is_valid_header_value(credentials.access_key_id()) {
        return Err(SigningError::InvalidCredential {
            field: "AccessKeyId",
        });
    }
    let token = credentials.security_token();
    if token.is_some_and(|t| !is_valid_header_value(t)) {
        return Err(SigningError::InvalidCredential {
            field: "SecurityToken",
        });
    }

    let mut headers: Scratch<HeaderEntry<'_>, INLINE> =
        Scratch::with_expected(request.headers.len() + 5);
    for &(name, value) in request.headers {
        let lowercase = validate_header_name(name)?;
        let value = checked_header_value(name, value)?;
        if is_signed_header(name) {
            if is_reserved_header(name) {
                return Err(SigningError::ReservedHeader {
                    name: name.to_owned(),
                });
            }
            headers.push(HeaderEntry::new(name, value, lowercase));
        } else if name.eq_ignore_ascii_case(AUTHORIZATION) {
            return Err(SigningError::ReservedHeader {
                name: name.to_owned(),
            });
        }
    }
    // Added in sorted order, so the insertion sort below only walks each one past the few
    // caller headers that sort after it.
    let sts = token.map(|token| (trim_ows(credentials.access_key_id()), trim_ows(token)));
    if let Some((key_id, _)) = sts {
        headers.push(HeaderEntry::added(X_ACS_ACCESSKEY_ID, key_id));
    }
    headers.push(HeaderEntry::added(X_ACS_CONTENT_SHA256, content_sha256));
    headers.push(HeaderEntry::added(X_ACS_DATE, date));
    if let Some((_, token)) = sts {
        headers.push(HeaderEntry::added(X_ACS_SECURITY_TOKEN, token));
    }
    let nonce = trim_ows(params.nonce);
    headers.push(HeaderEntry::added(X_ACS_SIGNATURE_NONCE, nonce));
    let headers = headers.as_mut_slice();
    sort_headers(headers);

    let mut scratch = Scratch::with_expected(match encoded_query {
        Some(_) => 0,
        None => request.query.len(),
    });
    let query = match encoded_query {
        Some(text) => CanonicalQuery::Encoded(text),
        None => CanonicalQuery::Sorted(sorted_query(request.query, &mut scratch)),
    };
    let signable = Signable {
        canonical: CanonicalRequest {
            method: request.method,
            path: request.path,
            query,
            headers,
            content_sha256,
        },
        date,
        content_sha256,
        nonce,
        sts,
    };
    Ok(then(&signable))
}

/// Validates a [`PreparedRequest`], sorts it and hands the canonical form to `then`.
pub(super) fn with_prepared<R>(
    request: &PreparedRequest<'_>,
    then: impl FnOnce(&CanonicalRequest<'_>) -> R,
) -> Result<R, SigningError> {
    validate_method(request.method)?;
    validate_path(request.path)?;
    if !is_valid_header_value(request.content_sha256) {
        return Err(SigningError::InvalidContentSha256);
    }
    let mut headers: Scratch<HeaderEntry<'_>, INLINE> =
        Scratch::with_expected(request.headers.len());
    for &(name, value) in request.headers {
        let lowercase = validate_header_name(name)?;
        let value = checked_header_value(name, value)?;
        if is_signed_header(name) {
            headers.push(HeaderEntry::new(name, value, lowercase));
        }
    }
    let headers = headers.as_mut_slice();
    sort_headers(headers);
    let mut query = Scratch::with_expected(request.query.len());
    let query = CanonicalQuery::Sorted(sorted_query(request.query, &mut query));
    let canonical = CanonicalRequest {
        method: request.method,
        path: request.path,
        query,
        headers,
        content_sha256: request.content_sha256,
    };
    Ok(then(&canonical))
}

/// Copies `query` into `scratch` and sorts it there.
fn sorted_query<'s, 'q>(
    query: &[(&'q str, &'q str)],
    scratch: &'s mut Scratch<Pair<'q>, INLINE>,
) -> &'s [Pair<'q>] {
    for &pair in query {
        scratch.push(pair);
    }
    let sorted = scratch.as_mut_slice();
    sort_pairs(sorted);
    sorted
}
