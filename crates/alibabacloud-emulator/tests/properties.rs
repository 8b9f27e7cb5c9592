//! Property tests on stable (the `emulator_request` fuzz target's counterpart in
//! `cargo test`): the emulator's request parsing and signature checks. Correctly signed
//! requests with any parameters verify, parameters read back as they were sent, and any
//! request (random parts, or a signed one damaged) is answered without a panic.

#![allow(clippy::unwrap_used)]

#[path = "../../alibabacloud-core/tests/support/strategies.rs"]
mod strategies;

use std::sync::Arc;

use alibabacloud_emulator::sign::{SigningKey, encode_params, random_nonce, sign_acs3, sign_rpc};
use alibabacloud_emulator::{CredentialStore, FixedClock, IncomingRequest, Verifier};
use bytes::Bytes;
use proptest::prelude::*;
use strategies::{text, word};
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2024-06-01 12:00:00 UTC);

fn verifier() -> Verifier {
    let store = CredentialStore::new();
    store.add_access_key("PropId", "PropSecret");
    store.add_sts("STS.PropId", "PropStsSecret", "PropToken");
    Verifier::new(store, Arc::new(FixedClock::new(NOW)))
}

fn key(sts: bool) -> SigningKey {
    if sts {
        SigningKey::sts("STS.PropId", "PropStsSecret", "PropToken")
    } else {
        SigningKey::new("PropId", "PropSecret")
    }
}

/// Parameters with any text as values (names are words, as an API's are).
fn params() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((word(1, 10), text(16)), 0..6)
}

/// A signed request: ACS3 (query and form parameters) or RPC (in the query or the body).
fn signed(
    style: u8,
    sts: bool,
    query: &[(String, String)],
    form: &[(String, String)],
) -> http::Request<Bytes> {
    let key = key(sts);
    match style {
        0 => {
            let mut uri = "http://emulator.test/".to_owned();
            if !query.is_empty() {
                uri.push('?');
                uri.push_str(&encode_params(query));
            }
            let mut builder = http::Request::builder()
                .method("POST")
                .uri(uri)
                .header("x-acs-action", "DescribeThings")
                .header("x-acs-version", "2024-01-01");
            let body = if form.is_empty() {
                Bytes::new()
            } else {
                builder = builder.header("content-type", "application/x-www-form-urlencoded");
                Bytes::from(encode_params(form))
            };
            let mut request = builder.body(body).unwrap();
            sign_acs3(&mut request, &key, NOW, &random_nonce());
            request
        }
        _ => {
            let mut all = vec![
                ("Action".to_owned(), "DescribeThings".to_owned()),
                ("Version".to_owned(), "2024-01-01".to_owned()),
            ];
            all.extend(query.iter().cloned());
            all.extend(form.iter().cloned());
            let signed = sign_rpc("POST", &all, &key, NOW, &random_nonce());
            let encoded = encode_params(&signed);
            let builder = http::Request::builder()
                .method("POST")
                .header("host", "emulator.test");
            if style == 1 {
                builder
                    .uri(format!("http://emulator.test/?{encoded}"))
                    .body(Bytes::new())
                    .unwrap()
            } else {
                builder
                    .uri("http://emulator.test/")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Bytes::from(encoded))
                    .unwrap()
            }
        }
    }
}

proptest! {
    #![proptest_config(strategies::config())]

    #[test]
    fn signed_requests_verify_and_read_back_their_parameters(
        style in 0u8..3,
        sts in any::<bool>(),
        query in params(),
        form in params(),
    ) {
        let request = signed(style, sts, &query, &form);
        let incoming = IncomingRequest::from_http(&request);
        let verified = verifier().verify(&incoming);
        prop_assert!(verified.is_ok(), "{:?}\n{:?}", verified, incoming);
        for (name, value) in query.iter().chain(&form) {
            prop_assert!(
                incoming.params().any(|(n, v)| n == name && v == value),
                "{} = {:?} not read back from {:?}", name, value, incoming
            );
        }
        prop_assert_eq!(incoming.action(), Some("DescribeThings"));
    }

    #[test]
    fn damaged_signed_requests_are_answered_without_a_panic(
        style in 0u8..3,
        query in params(),
        form in params(),
        which in 0usize..64,
        byte in any::<u8>(),
    ) {
        let request = signed(style, false, &query, &form);
        let (mut parts, body) = request.into_parts();
        let mut body = body.to_vec();
        // Change one byte of a header value, of the query, or of the body.
        let names: Vec<_> = parts.headers.keys().cloned().collect();
        match which % 3 {
            0 if !names.is_empty() => {
                let name = &names[which % names.len()];
                let mut value = parts.headers[name].as_bytes().to_vec();
                if !value.is_empty() {
                    let at = which % value.len();
                    value[at] = byte;
                }
                if let Ok(value) = http::HeaderValue::from_bytes(&value) {
                    parts.headers.insert(name.clone(), value);
                }
            }
            1 => {
                let mut uri = parts.uri.to_string().into_bytes();
                let at = which % uri.len();
                uri[at] = byte;
                if let Ok(uri) = http::Uri::try_from(uri) {
                    parts.uri = uri;
                }
            }
            _ if !body.is_empty() => {
                let at = which % body.len();
                body[at] = byte;
            }
            _ => {}
        }
        let request = http::Request::from_parts(parts, Bytes::from(body));
        let incoming = IncomingRequest::from_http(&request);
        let _ = format!("{:?}", verifier().verify(&incoming));
        let _ = alibabacloud_emulator::verify::claimed(&incoming);
    }

    #[test]
    fn random_requests_are_answered_without_a_panic(
        method in prop::sample::select(vec!["GET", "POST", "PUT", "DELETE", "PATCH"]),
        query in text(40),
        headers in prop::collection::vec((prop::sample::select(vec![
            "authorization", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256",
            "x-acs-action", "x-acs-version", "x-acs-security-token", "host", "content-type",
        ]), text(40)), 0..8),
        body in prop::collection::vec(any::<u8>(), 0..120),
    ) {
        let mut builder = http::Request::builder().method(method);
        builder = match http::Uri::try_from(format!("/?{query}")) {
            Ok(uri) => builder.uri(uri),
            Err(_) => builder.uri("/"),
        };
        for (name, value) in headers {
            if let Ok(value) = http::HeaderValue::from_str(&value) {
                builder = builder.header(name, value);
            }
        }
        let request = builder.body(Bytes::from(body)).unwrap();
        let incoming = IncomingRequest::from_http(&request);
        let _ = (incoming.action(), incoming.version(), incoming.host_without_port());
        prop_assert!(verifier().verify(&incoming).is_err());
    }
}
