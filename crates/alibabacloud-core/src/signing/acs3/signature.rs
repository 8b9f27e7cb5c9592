//! From the canonical request to the signature: the string to sign, HMAC-SHA256 and hex.

use ring::hmac;

use super::ALGORITHM;
use crate::signing::canonical::{CanonicalRequest, HeaderEntry, write_signed_headers};
use crate::signing::sink::{HashSink, digest_bytes};

pub(super) fn canonical_string(canonical: &CanonicalRequest<'_>) -> String {
    let mut text = String::with_capacity(512);
    canonical.write(&mut text);
    text
}

/// Length of the string to sign: the algorithm, a newline and 64 hex digits.
pub(super) const STRING_TO_SIGN_LEN: usize = ALGORITHM.len() + 1 + 64;

/// The string to sign of a canonical request, streamed into the hasher.
pub(super) fn canonical_string_to_sign(
    canonical: &CanonicalRequest<'_>,
) -> [u8; STRING_TO_SIGN_LEN] {
    let mut sink = HashSink::new();
    canonical.write(&mut sink);
    string_to_sign_bytes(&sink.finish())
}

/// `ACS3-HMAC-SHA256\n` and the hex of the canonical request's SHA-256, on the stack.
pub(super) fn string_to_sign_bytes(canonical_digest: &[u8; 32]) -> [u8; STRING_TO_SIGN_LEN] {
    let mut text = [b'\n'; STRING_TO_SIGN_LEN];
    let (algorithm, rest) = text.split_at_mut(ALGORITHM.len());
    algorithm.copy_from_slice(ALGORITHM.as_bytes());
    // 32 bytes always fill the 64 hex digits after the newline, so this cannot fail.
    let _ = hex::encode_to_slice(canonical_digest, &mut rest[1..]);
    text
}

pub(super) fn string_to_sign_text(text: &[u8; STRING_TO_SIGN_LEN]) -> String {
    // Only ASCII is ever written.
    String::from_utf8_lossy(text).into_owned()
}

/// An HMAC-SHA256 key made of `secret`.
pub(super) fn keyed_hmac(secret: &str) -> hmac::Key {
    hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes())
}

/// Hex HMAC-SHA256 of the string to sign, from the keyed state (its pads already absorbed).
pub(super) fn signature_hex(
    key: &hmac::Key,
    string_to_sign: &[u8; STRING_TO_SIGN_LEN],
) -> [u8; 64] {
    let tag = hmac::sign(key, string_to_sign);
    hex64(&digest_bytes(tag.as_ref()))
}

pub(super) fn write_authorization(
    out: &mut String,
    access_key_id: &str,
    sorted_headers: &[HeaderEntry<'_>],
    signature: &str,
) {
    out.push_str(ALGORITHM);
    out.push_str(" Credential=");
    out.push_str(access_key_id);
    out.push_str(",SignedHeaders=");
    write_signed_headers(out, sorted_headers);
    out.push_str(",Signature=");
    out.push_str(signature);
}

/// Lower-case hex of a 32-byte digest, on the stack.
pub(super) fn hex64(digest: &[u8; 32]) -> [u8; 64] {
    let mut out = [0u8; 64];
    // 32 bytes always fill 64 hex digits exactly, so this cannot fail.
    let _ = hex::encode_to_slice(digest, &mut out);
    out
}

pub(super) fn hex_str(hex: &[u8; 64]) -> &str {
    // Only ASCII hex digits are ever written.
    std::str::from_utf8(hex).unwrap_or("")
}
