//! Canonical forms shared by the signers: the sorted, encoded query string and the filtered,
//! lower-cased, merged header block. Each writer is generic over a [`Sink`], so the
//! diagnostic `String` and the hashed fast path come from the same code.

use std::cmp::Ordering;

use super::encoding::write_pairs;
use super::error::SigningError;
use super::sink::{HashSink, Sink};

/// One query (or RPC) parameter: name and raw (unencoded) value.
pub(crate) type Pair<'a> = (&'a str, &'a str);

/// Sorts parameters by name, then by value, comparing the raw UTF-8 bytes.
///
/// The official utilities keep parameters in a map, so a name occurs once and they sort by name
/// only; ordering equal names by value makes repeated names deterministic too.
pub(crate) fn sort_pairs(pairs: &mut [Pair<'_>]) {
    pairs.sort_unstable();
}

/// Writes `k=v&k=v` with keys and values percent-encoded (RFC 3986); an empty value is `k=`.
pub(crate) fn write_canonical_query<S: Sink>(sink: &mut S, sorted: &[Pair<'_>]) {
    write_pairs(sink, sorted);
}

/// A header taking part in the signature: its name as given and its trimmed value.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct HeaderEntry<'a> {
    pub(crate) name: &'a str,
    pub(crate) value: &'a str,
    /// Whether `name` is already lower-case (the common case), so it sorts by plain bytes.
    pub(crate) lowercase: bool,
}

impl<'a> HeaderEntry<'a> {
    /// An entry for a caller's header: `name` as validated by [`validate_header_name`] (which
    /// says whether it is lower-case) and its trimmed `value`.
    pub(crate) fn new(name: &'a str, value: &'a str, lowercase: bool) -> Self {
        Self {
            name,
            value,
            lowercase,
        }
    }

    /// An entry for a header the signer adds: `name` is one of its lower-case constants.
    pub(crate) fn added(name: &'static str, value: &'a str) -> Self {
        debug_assert!(!name.bytes().any(|b| b.is_ascii_uppercase()));
        Self {
            name,
            value,
            lowercase: true,
        }
    }
}

/// Whether ACS3 signs a header: `host`, `content-type` and every `x-acs-*` header, compared
/// case-insensitively (the rule of the official `getAuthorization` utilities).
pub(crate) fn is_signed_header(name: &str) -> bool {
    name.eq_ignore_ascii_case("host")
        || name.eq_ignore_ascii_case("content-type")
        || name
            .as_bytes()
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"x-acs-"))
}

/// RFC 9110 `tchar`: the bytes a header name is made of.
static TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            );
        byte += 1;
    }
    table
};

/// Checks that `name` is a non-empty HTTP token (RFC 9110 `tchar`s, hence ASCII); returns
/// whether it is already lower-case (one pass for both).
pub(crate) fn validate_header_name(name: &str) -> Result<bool, SigningError> {
    let (valid, upper) = name.bytes().fold((true, false), |(valid, upper), b| {
        (
            valid & TCHAR[usize::from(b)],
            upper | b.is_ascii_uppercase(),
        )
    });
    if valid && !name.is_empty() {
        Ok(!upper)
    } else {
        Err(SigningError::InvalidHeaderName {
            name: name.to_owned(),
        })
    }
}

/// Whether `value` can be sent as a header value: no control character except horizontal tab.
pub(crate) fn is_valid_header_value(value: &str) -> bool {
    // Branch-free over the whole value (no early exit): values are short and valid in practice.
    !value.bytes().fold(false, |bad, b| {
        bad | ((b < 0x20) & (b != b'\t')) | (b == 0x7f)
    })
}

/// Checks a header value and returns it trimmed of spaces and tabs (HTTP optional whitespace).
pub(crate) fn checked_header_value<'v>(
    name: &str,
    value: &'v str,
) -> Result<&'v str, SigningError> {
    if is_valid_header_value(value) {
        Ok(trim_ows(value))
    } else {
        Err(SigningError::InvalidHeaderValue {
            name: name.to_ascii_lowercase(),
        })
    }
}

/// `value` without leading and trailing spaces and tabs (HTTP optional whitespace).
pub(crate) fn trim_ows(value: &str) -> &str {
    let is_ows = |b: &u8| *b == b' ' || *b == b'\t';
    let bytes = value.as_bytes();
    // The common case: nothing to trim.
    if !bytes.first().is_some_and(is_ows) && !bytes.last().is_some_and(is_ows) {
        return value;
    }
    let start = bytes.iter().position(|b| !is_ows(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_ows(b))
        .map_or(start, |i| i + 1);
    // Both ends sit next to ASCII bytes, so they are character boundaries.
    value.get(start..end).unwrap_or("")
}

fn cmp_ignore_ascii_case(a: &str, b: &str) -> Ordering {
    let lower = |c: u8| c.to_ascii_lowercase();
    a.bytes().map(lower).cmp(b.bytes().map(lower))
}

/// Sorts headers by lower-cased name, then by value: repeated names end up adjacent with their
/// values in the order they are joined.
pub(crate) fn sort_headers(headers: &mut [HeaderEntry<'_>]) {
    headers.sort_unstable_by(|a, b| {
        let names = if a.lowercase && b.lowercase {
            a.name.cmp(b.name)
        } else {
            cmp_ignore_ascii_case(a.name, b.name)
        };
        names.then_with(|| a.value.cmp(b.value))
    });
}

/// Writes one `name:value\n` line per distinct lower-cased name; repeated names get their
/// (sorted) values joined by `,`.
pub(crate) fn write_canonical_headers<S: Sink>(sink: &mut S, sorted: &[HeaderEntry<'_>]) {
    let mut previous: Option<&str> = None;
    for entry in sorted {
        match previous {
            Some(p) if p.eq_ignore_ascii_case(entry.name) => sink.put(","),
            _ => {
                if previous.is_some() {
                    sink.put("\n");
                }
                put_name(sink, entry);
                sink.put(":");
            }
        }
        sink.put(entry.value);
        previous = Some(entry.name);
    }
    if previous.is_some() {
        sink.put("\n");
    }
}

/// Writes the distinct lower-cased names joined by `;` (the `SignedHeaders` list).
pub(crate) fn write_signed_headers<S: Sink>(sink: &mut S, sorted: &[HeaderEntry<'_>]) {
    let mut previous: Option<&str> = None;
    for entry in sorted {
        if previous.is_some_and(|p| p.eq_ignore_ascii_case(entry.name)) {
            continue;
        }
        if previous.is_some() {
            sink.put(";");
        }
        put_name(sink, entry);
        previous = Some(entry.name);
    }
}

#[inline]
fn put_name<S: Sink>(sink: &mut S, entry: &HeaderEntry<'_>) {
    if entry.lowercase {
        sink.put(entry.name);
    } else {
        sink.put_ascii_lowercase(entry.name);
    }
}

/// The query of a canonical request.
#[derive(Clone, Copy)]
pub(crate) enum CanonicalQuery<'a> {
    /// Parameters sorted by [`sort_pairs`], encoded as they are written.
    Sorted(&'a [Pair<'a>]),
    /// Already sorted and encoded (`k=v&k=v`, what [`write_canonical_query`] writes): the
    /// runtime writes the query once, for the URL, and signs that text.
    Encoded(&'a str),
}

/// Everything the ACS3 canonical request is made of, already validated and sorted.
pub(crate) struct CanonicalRequest<'a> {
    pub(crate) method: &'a str,
    pub(crate) path: &'a str,
    pub(crate) query: CanonicalQuery<'a>,
    pub(crate) headers: &'a [HeaderEntry<'a>],
    pub(crate) content_sha256: &'a str,
}

impl CanonicalRequest<'_> {
    /// Writes `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nBODY_HASH`; an empty path is `/`.
    pub(crate) fn write<S: Sink>(&self, sink: &mut S) {
        self.write_up_to_signed_headers(sink);
        write_signed_headers(sink, self.headers);
        self.write_after_signed_headers(sink);
    }

    /// The SHA-256 of [`CanonicalRequest::write`]'s text, streamed into the hasher; the
    /// `SignedHeaders` list is also appended to `signed_headers` (for `Authorization`),
    /// copied from the hash buffer rather than assembled twice.
    pub(crate) fn digest(&self, signed_headers: &mut String) -> [u8; 32] {
        let mut sink = HashSink::new();
        self.write_up_to_signed_headers(&mut sink);
        let mark = sink.mark();
        write_signed_headers(&mut sink, self.headers);
        match sink.text_since(mark) {
            Some(list) => signed_headers.push_str(list),
            None => write_signed_headers(signed_headers, self.headers),
        }
        self.write_after_signed_headers(&mut sink);
        sink.finish()
    }

    fn write_up_to_signed_headers<S: Sink>(&self, sink: &mut S) {
        sink.put(self.method);
        sink.put("\n");
        sink.put(if self.path.is_empty() { "/" } else { self.path });
        sink.put("\n");
        match self.query {
            CanonicalQuery::Sorted(pairs) => write_canonical_query(sink, pairs),
            CanonicalQuery::Encoded(text) => sink.put(text),
        }
        sink.put("\n");
        write_canonical_headers(sink, self.headers);
        sink.put("\n");
    }

    fn write_after_signed_headers<S: Sink>(&self, sink: &mut S) {
        sink.put("\n");
        sink.put(self.content_sha256);
    }
}

/// Checks that a method has no control character (it would break the canonical layout).
pub(crate) fn validate_method(method: &str) -> Result<(), SigningError> {
    if method.bytes().all(|b| b > 0x20 && b != 0x7f) {
        Ok(())
    } else {
        Err(SigningError::InvalidMethod)
    }
}

/// Checks that a path has no control character or space; it is signed as given (already
/// percent-encoded, as sent on the wire).
pub(crate) fn validate_path(path: &str) -> Result<(), SigningError> {
    if path.bytes().all(|b| b > 0x20 && b != 0x7f) {
        Ok(())
    } else {
        Err(SigningError::InvalidPath)
    }
}
