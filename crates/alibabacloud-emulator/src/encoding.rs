//! Percent-encoding and decoding as the gateway does it.
//!
//! Both signature versions encode names and values per RFC 3986: the unreserved characters
//! `A-Z a-z 0-9 - _ . ~` are kept, every other byte of the UTF-8 text becomes `%XX` with
//! upper-case hex (a space is `%20`, `*` is `%2A`, `~` stays `~`).
//!
//! Decoding follows `application/x-www-form-urlencoded`, as a servlet container does for
//! query strings and form bodies: `+` is a space and `%XX` is a byte. A well-behaved
//! client never sends a raw `+` (it writes `%2B`), so treating `+` as a space makes a
//! client that forgot to encode it fail the signature check here as it would at the
//! gateway. Bytes that are not UTF-8 after decoding are replaced by U+FFFD; the request
//! then fails the signature check instead of crashing anything.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode, utf8_percent_encode};

/// Every byte except the RFC 3986 unreserved characters is encoded.
const RFC3986: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes `text` per RFC 3986 (upper-case hex, space as `%20`).
///
/// ```
/// use alibabacloud_emulator::encoding::percent_encode;
/// assert_eq!(percent_encode("a b*c~d/é"), "a%20b%2Ac~d%2F%C3%A9");
/// ```
pub fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, RFC3986).to_string()
}

/// Decodes one form-urlencoded component: `+` is a space, `%XX` a byte; invalid UTF-8 is
/// replaced by U+FFFD. A `%` not followed by two hex digits is kept as it is.
pub fn form_decode(component: &str) -> String {
    let replaced = component.replace('+', " ");
    percent_decode(replaced.as_bytes())
        .decode_utf8_lossy()
        .into_owned()
}

/// Splits a query string or form body (`a=1&b=&c`) into decoded `(name, value)` pairs, in
/// the order they appear. A pair without `=` has an empty value; empty segments are skipped.
pub fn parse_pairs(text: &str) -> Vec<(String, String)> {
    text.split('&')
        .filter(|segment| !segment.is_empty())
        .map(|segment| match segment.split_once('=') {
            Some((name, value)) => (form_decode(name), form_decode(value)),
            None => (form_decode(segment), String::new()),
        })
        .collect()
}

/// The canonical form of a parameter list used by both signature versions: pairs sorted by
/// name (then by value, so that repeated names are deterministic), each written
/// `enc(name)=enc(value)`, joined by `&`.
pub fn canonical_pairs<'a, I>(pairs: I) -> String
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
{
    let mut sorted: Vec<(&str, &str)> = pairs.into_iter().collect();
    sorted.sort();
    sorted
        .iter()
        .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Re-encodes a request path segment by segment: each segment is decoded then encoded per
/// RFC 3986, the `/` separators are kept. An empty path is `/`.
pub fn canonical_path(path: &str) -> String {
    if path.is_empty() {
        return "/".to_owned();
    }
    path.split('/')
        .map(|segment| {
            let decoded = percent_decode(segment.as_bytes()).decode_utf8_lossy();
            percent_encode(&decoded)
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_per_rfc3986() {
        assert_eq!(percent_encode("AZaz09-_.~"), "AZaz09-_.~");
        assert_eq!(percent_encode(" "), "%20");
        assert_eq!(percent_encode("*"), "%2A");
        assert_eq!(percent_encode("+"), "%2B");
        assert_eq!(percent_encode(":"), "%3A");
        assert_eq!(percent_encode("中"), "%E4%B8%AD");
    }

    #[test]
    fn decodes_forms() {
        assert_eq!(form_decode("a+b%20c%2B"), "a b c+");
        assert_eq!(form_decode("%zz%4"), "%zz%4");
        assert_eq!(form_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn parses_pairs() {
        assert_eq!(
            parse_pairs("b=2&a&&c=x%3Dy&=v"),
            vec![
                ("b".to_owned(), "2".to_owned()),
                ("a".to_owned(), String::new()),
                ("c".to_owned(), "x=y".to_owned()),
                (String::new(), "v".to_owned()),
            ]
        );
        assert!(parse_pairs("").is_empty());
    }

    #[test]
    fn canonicalises_pairs() {
        let pairs = [("test", "ok"), ("empty", "")];
        assert_eq!(canonical_pairs(pairs), "empty=&test=ok");
        let pairs = [("Ticket", "a27a9aec-****-****-bd40-1a21ea41d7c5")];
        assert_eq!(
            canonical_pairs(pairs),
            "Ticket=a27a9aec-%2A%2A%2A%2A-%2A%2A%2A%2A-bd40-1a21ea41d7c5"
        );
    }

    #[test]
    fn canonicalises_paths() {
        assert_eq!(canonical_path(""), "/");
        assert_eq!(canonical_path("/"), "/");
        assert_eq!(canonical_path("/a b/%7Ec*"), "/a%20b/~c%2A");
    }
}
