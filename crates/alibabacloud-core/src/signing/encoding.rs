//! RFC 3986 percent-encoding, the one encoding both signatures use for query keys and values.
//!
//! Unreserved characters (`A-Z a-z 0-9 - _ . ~`) are kept; every other byte of the UTF-8 form
//! is written `%XX` with upper-case hex. So a space is `%20` (never `+`), `*` is `%2A`, `+` is
//! `%2B`, `/` is `%2F` and `~` stays `~`: what the official utilities produce after their
//! `+ -> %20`, `* -> %2A`, `%7E -> ~` fix-ups of the platform URL encoders.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_encode_byte, utf8_percent_encode};

use super::canonical::sort_pairs;
use super::sink::Sink;

/// Every byte except the RFC 3986 unreserved characters is encoded.
pub const RFC3986: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes `s` as the signers do (see the module documentation).
///
/// ```
/// use alibabacloud_core::signing::encoding::percent_encode;
/// assert_eq!(percent_encode("a b*c~d/e+f"), "a%20b%2Ac~d%2Fe%2Bf");
/// ```
pub fn percent_encode(s: &str) -> Cow<'_, str> {
    utf8_percent_encode(s, RFC3986).into()
}

/// Encodes `pairs` in the given order as `k=v&k=v` (RFC 3986, an empty value as `k=`): the
/// body of an `application/x-www-form-urlencoded` RPC request. It decodes like any form body
/// (`%20` is a space) and needs no `+` handling on the server side.
///
/// ```
/// use alibabacloud_core::signing::encoding::form_urlencode;
/// assert_eq!(form_urlencode(&[("b", "x y"), ("a", "")]), "b=x%20y&a=");
/// ```
pub fn form_urlencode(pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pairs.iter().map(|(k, v)| k.len() + v.len() + 2).sum());
    write_pairs(&mut out, pairs);
    out
}

/// Encodes `pairs` sorted by name, then value, as `k=v&k=v`: the query string ACS3 signs
/// (its `CanonicalQueryString`), which is also a valid query to send, and the RPC
/// canonicalized query before its outer encoding.
///
/// ```
/// use alibabacloud_core::signing::encoding::canonical_query_string;
/// assert_eq!(canonical_query_string(&[("b", "2"), ("a", "x:y")]), "a=x%3Ay&b=2");
/// ```
pub fn canonical_query_string(pairs: &[(&str, &str)]) -> String {
    let mut sorted = pairs.to_vec();
    sort_pairs(&mut sorted);
    form_urlencode(&sorted)
}

/// Writes `k=v&k=v` for `pairs` in the given order.
pub(crate) fn write_pairs<S: Sink>(sink: &mut S, pairs: &[(&str, &str)]) {
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            sink.put("&");
        }
        encode_into(sink, key);
        sink.put("=");
        encode_into(sink, value);
    }
}

/// The length of `k=v&k=v` for `pairs`, as [`write_pairs`] writes it.
pub(crate) fn encoded_len(pairs: &[(&str, &str)]) -> usize {
    let encoded = |s: &str| s.len() + 2 * s.bytes().filter(|&b| !is_unreserved(b)).count();
    let separators = (2 * pairs.len()).saturating_sub(1);
    pairs
        .iter()
        .map(|(key, value)| encoded(key) + encoded(value))
        .sum::<usize>()
        + separators
}

/// Writes the encoding of `s` into `sink`, chunk by chunk, without an intermediate string.
///
/// Runs of unreserved characters are written as they are and every other byte as the
/// crate's `%XX` ([`percent_encode_byte`]): exactly what `utf8_percent_encode(s, RFC3986)`
/// yields (a test compares the two), without the iterator's per-chunk overhead.
#[inline]
pub(crate) fn encode_into<S: Sink + ?Sized>(sink: &mut S, s: &str) {
    let bytes = s.as_bytes();
    let mut run_start = 0;
    while let Some(offset) = bytes
        .get(run_start..)
        .and_then(|rest| rest.iter().position(|&b| !is_unreserved(b)))
    {
        let at = run_start + offset;
        // A run holds only ASCII bytes, so both of its ends are character boundaries.
        if let Some(run) = s.get(run_start..at).filter(|_| offset > 0) {
            sink.put(run);
        }
        sink.put(percent_encode_byte(bytes[at]));
        run_start = at + 1;
    }
    if let Some(run) = s.get(run_start..).filter(|r| !r.is_empty()) {
        sink.put(run);
    }
}

/// Whether `byte` is an RFC 3986 unreserved character, i.e. not in [`RFC3986`] (a test checks
/// the two agree on all 256 bytes).
#[inline]
fn is_unreserved(byte: u8) -> bool {
    UNRESERVED[usize::from(byte)]
}

/// Lookup table behind [`is_unreserved`]: one load per byte on the hot path.
static UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~');
        byte += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::{RFC3986, encode_into, is_unreserved};
    use percent_encoding::utf8_percent_encode;

    #[test]
    fn encode_into_matches_the_crate_iterator() {
        let mut samples: Vec<String> = (0..=0x7fu8).map(|b| char::from(b).to_string()).collect();
        samples.extend(
            [
                "",
                "abc",
                "a b",
                "2018-08-01T00:00:00Z",
                "~*+/=&%",
                "é",
                "中文 x",
                "😀",
                "a\u{0}b",
                "x%3Ay",
                "-_.~AZaz09",
            ]
            .map(String::from),
        );
        for s in &samples {
            let mut ours = String::new();
            encode_into(&mut ours, s);
            assert_eq!(ours, utf8_percent_encode(s, RFC3986).to_string(), "{s:?}");
        }
    }

    #[test]
    fn encoded_len_is_the_length_written() {
        let pairs: &[(&str, &str)] = &[
            ("Action", "Describe Regions"),
            ("a*b", "x:y/é"),
            ("k", ""),
            ("中文", "~-_."),
        ];
        for n in 0..=pairs.len() {
            let mut out = String::new();
            super::write_pairs(&mut out, &pairs[..n]);
            assert_eq!(super::encoded_len(&pairs[..n]), out.len(), "{out}");
        }
    }

    #[test]
    fn fast_path_agrees_with_the_ascii_set() {
        for byte in 0..=255u8 {
            let encoded = percent_encoding::percent_encode(&[byte], RFC3986).to_string();
            assert_eq!(is_unreserved(byte), encoded.len() == 1, "byte {byte:#04x}");
        }
    }
}
