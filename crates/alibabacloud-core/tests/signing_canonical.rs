//! The canonicalization rules: encoding, query order, header selection and merging.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, UNIX_EPOCH};

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::signing::acs3::EMPTY_BODY_SHA256 as E;
use alibabacloud_core::signing::{
    PreparedRequest, SignableBody, SignableRequest, SigningParams, acs3_canonical_request,
    canonical_query_string, form_urlencode, percent_encode, sign_acs3,
};

fn canonical(query: &[(&str, &str)], headers: &[(&str, &str)]) -> String {
    PreparedRequest {
        method: "GET",
        path: "/",
        query,
        headers,
        content_sha256: E,
    }
    .canonical_request()
    .unwrap()
}

/// The canonical query line (third line) of a request with `query`.
fn query_line(query: &[(&str, &str)]) -> String {
    canonical(query, &[]).split('\n').nth(2).unwrap().to_owned()
}

/// The canonical headers block and the signed headers line of a request with `headers`.
fn header_lines(headers: &[(&str, &str)]) -> (String, String) {
    let text = canonical(&[], headers);
    let lines: Vec<&str> = text.split('\n').collect();
    // METHOD, URI, QUERY, header lines..., "", SIGNED, HASH
    let blank = lines.len() - 3;
    assert_eq!(lines[blank], "");
    (lines[3..blank].join("\n"), lines[blank + 1].to_owned())
}

#[test]
fn rfc3986_encoding_of_keys_and_values() {
    assert_eq!(percent_encode("a b"), "a%20b");
    assert_eq!(percent_encode("*"), "%2A");
    assert_eq!(percent_encode("~"), "~");
    assert_eq!(percent_encode("+"), "%2B");
    assert_eq!(percent_encode("/"), "%2F");
    assert_eq!(percent_encode("-_.AZaz09"), "-_.AZaz09");
    assert_eq!(
        percent_encode("=&:?#[]@!$'(),;%"),
        "%3D%26%3A%3F%23%5B%5D%40%21%24%27%28%29%2C%3B%25"
    );
    assert_eq!(percent_encode("é"), "%C3%A9");
    assert_eq!(percent_encode("中文"), "%E4%B8%AD%E6%96%87");
    assert_eq!(percent_encode("😀"), "%F0%9F%98%80");
    assert_eq!(percent_encode("\n\t"), "%0A%09");

    assert_eq!(
        query_line(&[("k", "a b*c~d+e/f"), ("名 字", "値")]),
        "k=a%20b%2Ac~d%2Be%2Ff&%E5%90%8D%20%E5%AD%97=%E5%80%A4"
    );
}

#[test]
fn empty_values_are_written_key_equals() {
    assert_eq!(query_line(&[("b", ""), ("a", "1")]), "a=1&b=");
    assert_eq!(query_line(&[]), "");
}

#[test]
fn query_is_sorted_by_raw_key_bytes_then_by_value() {
    // Upper case sorts before lower case (byte order), `.` before digits, shorter prefixes first.
    assert_eq!(
        query_line(&[
            ("b", "1"),
            ("a", "1"),
            ("B", "1"),
            ("a.1", "1"),
            ("a1", "1")
        ]),
        "B=1&a=1&a.1=1&a1=1&b=1"
    );
    // Repeated keys (which the official utilities cannot express: they use maps) are ordered
    // by value so the result does not depend on the caller's order.
    assert_eq!(
        query_line(&[("k", "b"), ("k", "a"), ("k", "")]),
        "k=&k=a&k=b"
    );
    // Sorting uses the raw keys, not their encodings (`%` would sort before letters).
    assert_eq!(query_line(&[("b", "1"), ("a b", "1")]), "a%20b=1&b=1");
}

#[test]
fn canonical_query_string_and_form_body_helpers() {
    assert_eq!(
        canonical_query_string(&[("z", "1"), ("a", "x y"), ("m", "")]),
        "a=x%20y&m=&z=1"
    );
    assert_eq!(form_urlencode(&[("z", "1"), ("a", "x/y")]), "z=1&a=x%2Fy");
    assert_eq!(form_urlencode(&[]), "");
}

#[test]
fn signed_headers_are_host_content_type_and_x_acs() {
    let (lines, signed) = header_lines(&[
        ("Host", "example.com"),
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("x-acs-action", "Act"),
        ("X-ACS-Version", "2020-01-01"),
        ("User-Agent", "ua"),
        ("Accept", "application/json"),
        ("Date", "today"),
        ("x-acsnot", "no dash"),
        ("x-ac-s", "no"),
        ("hostname", "no"),
    ]);
    assert_eq!(
        lines,
        "content-type:application/x-www-form-urlencoded\nhost:example.com\nx-acs-action:Act\nx-acs-version:2020-01-01"
    );
    assert_eq!(signed, "content-type;host;x-acs-action;x-acs-version");
}

#[test]
fn header_names_are_lower_cased_and_values_trimmed() {
    let (lines, signed) = header_lines(&[("X-Acs-Meta-Name", " \t padded value\t ")]);
    assert_eq!(lines, "x-acs-meta-name:padded value");
    assert_eq!(signed, "x-acs-meta-name");
    // Inner whitespace is kept; an all-space value becomes empty.
    let (lines, _) = header_lines(&[("x-acs-a", "a  b"), ("x-acs-b", "   ")]);
    assert_eq!(lines, "x-acs-a:a  b\nx-acs-b:");
}

#[test]
fn repeated_header_names_are_merged_with_sorted_values() {
    let (lines, signed) = header_lines(&[
        ("x-acs-test", "https"),
        ("X-ACS-TEST", " http "),
        ("x-acs-other", "1"),
        ("x-Acs-Test", "ftp"),
    ]);
    assert_eq!(lines, "x-acs-other:1\nx-acs-test:ftp,http,https");
    assert_eq!(signed, "x-acs-other;x-acs-test");
}

#[test]
fn empty_path_is_slash_and_other_paths_are_kept() {
    let with_path = |path| {
        PreparedRequest {
            method: "",
            path,
            query: &[],
            headers: &[],
            content_sha256: E,
        }
        .canonical_request()
        .unwrap()
    };
    assert_eq!(with_path(""), format!("\n/\n\n\n\n{E}"));
    assert_eq!(with_path("/a/b%20c"), format!("\n/a/b%20c\n\n\n\n{E}"));
}

/// Query, headers, body and credentials of one request.
type Case<'a> = (
    Vec<(&'a str, &'a str)>,
    Vec<(&'a str, &'a str)>,
    SignableBody<'a>,
    Credentials,
);

/// The streamed fast path and the string-building path must agree: re-sign the request the
/// fast path produced (its headers included) as a [`PreparedRequest`] and compare.
#[test]
fn fast_path_agrees_with_the_canonical_string() {
    let long_token = "T".repeat(1_500);
    let long_value = "v".repeat(700);
    let many: Vec<(String, String)> = (0..40)
        .map(|i| (format!("X-Acs-Meta-{i:02}"), format!("value {i}")))
        .collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let query: Vec<(String, String)> = (0..30)
        .map(|i| (format!("Param.{i}"), format!("v:{i} *~")))
        .collect();
    let query: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();

    let cases: Vec<Case<'_>> = vec![
        (
            vec![],
            vec![],
            SignableBody::Empty,
            Credentials::new("id", "s").unwrap(),
        ),
        (
            vec![("a", "1")],
            vec![("Host", "h"), ("X-ACS-Action", "A"), ("x-acs-action", "B")],
            SignableBody::Bytes(b"{\"a\":1}"),
            Credentials::new("id", "s")
                .unwrap()
                .with_security_token(long_token.as_str()),
        ),
        (
            query.clone(),
            many.clone(),
            SignableBody::Bytes(long_value.as_bytes()),
            Credentials::new("id", "s").unwrap(),
        ),
        (
            query,
            vec![("x-acs-long", long_value.as_str()), ("host", "h")],
            SignableBody::Empty,
            Credentials::new("id", "s")
                .unwrap()
                .with_security_token(long_token.as_str()),
        ),
    ];
    for (query, headers, body, credentials) in cases {
        let params = SigningParams::new(
            &credentials,
            UNIX_EPOCH + Duration::from_secs(1_700_000_000),
            "nonce",
        );
        let request = SignableRequest {
            method: "POST",
            path: "/",
            query: &query,
            headers: &headers,
            body,
        };
        let output = sign_acs3(&request, &params).unwrap();
        let mut all: Vec<(&str, &str)> = headers.to_vec();
        for (name, value) in output.iter() {
            if name != "authorization" {
                all.push((name, value));
            }
        }
        let prepared = PreparedRequest {
            method: "POST",
            path: "/",
            query: &query,
            headers: &all,
            content_sha256: output.get("x-acs-content-sha256").unwrap(),
        };
        assert_eq!(
            prepared.canonical_request().unwrap(),
            acs3_canonical_request(&request, &params).unwrap()
        );
        assert_eq!(
            prepared.authorization("id", "s").unwrap(),
            output.get("authorization").unwrap()
        );
    }
}
