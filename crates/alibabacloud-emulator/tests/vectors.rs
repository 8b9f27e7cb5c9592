//! The verifier against every vector of SIGNING-VECTORS.md: each request is built as the
//! vector describes and must be accepted; changing one byte must make it fail, and the
//! failure must say the string to sign the server expected.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use alibabacloud_emulator::verify::{acs3, rpc_v1};
use alibabacloud_emulator::{CredentialStore, FixedClock, IncomingRequest, Verifier, codes};
use bytes::Bytes;
use time::OffsetDateTime;
use time::macros::datetime;

const E: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const MISMATCH: &str =
    "Specified signature is not matched with our calculation. server string to sign is:";

fn verifier(now: OffsetDateTime, store: CredentialStore) -> Verifier {
    Verifier::new(store, Arc::new(FixedClock::new(now)))
}

fn keys(id: &str, secret: &str) -> CredentialStore {
    let store = CredentialStore::new();
    store.add_access_key(id, secret);
    store
}

fn request(
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: &'static [u8],
) -> IncomingRequest {
    let mut builder = http::Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    IncomingRequest::from_http(&builder.body(Bytes::from_static(body)).unwrap())
}

fn auth(id: &str, signed: &str, signature: &str) -> String {
    format!("ACS3-HMAC-SHA256 Credential={id},SignedHeaders={signed},Signature={signature}")
}

// ---------------------------------------------------------------- V3-1

const V3_1_SIGNED: &str =
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
const V3_1_SIGNATURE: &str = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
const V3_1_QUERY: &str =
    "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai";

fn v3_1(query: &str, signature: &str) -> IncomingRequest {
    let authorization = auth("YourAccessKeyId", V3_1_SIGNED, signature);
    request(
        "POST",
        &format!("/?{query}"),
        &[
            ("host", "ecs.cn-shanghai.aliyuncs.com"),
            ("x-acs-action", "RunInstances"),
            ("x-acs-version", "2014-05-26"),
            ("x-acs-date", "2023-10-26T10:22:32Z"),
            ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            ("x-acs-content-sha256", E),
            ("authorization", &authorization),
        ],
        b"",
    )
}

fn v3_1_verifier() -> Verifier {
    verifier(
        datetime!(2023-10-26 10:22:32 UTC),
        keys("YourAccessKeyId", "YourAccessKeySecret"),
    )
}

#[test]
fn v3_1_documentation_example() {
    let incoming = v3_1(V3_1_QUERY, V3_1_SIGNATURE);
    let signed: Vec<String> = V3_1_SIGNED.split(';').map(str::to_owned).collect();
    let canonical = acs3::canonical_request(&incoming, &signed, E);
    assert_eq!(
        canonical,
        format!(
            "POST\n/\n{V3_1_QUERY}\nhost:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n\
             x-acs-content-sha256:{E}\nx-acs-date:2023-10-26T10:22:32Z\n\
             x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n\
             {V3_1_SIGNED}\n{E}"
        )
    );
    assert_eq!(
        acs3::hex_sha256(canonical.as_bytes()),
        "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
    );
    let verified = v3_1_verifier().verify(&incoming).unwrap();
    assert_eq!(verified.access_key_id, "YourAccessKeyId");
    assert!(!verified.sts);
}

#[test]
fn v3_1_one_byte_changed() {
    // The signature: the server's string to sign is the documented one.
    let mut bad = V3_1_SIGNATURE.to_owned();
    bad.replace_range(0..1, "1");
    let error = v3_1_verifier().verify(&v3_1(V3_1_QUERY, &bad)).unwrap_err();
    assert_eq!(error.code, codes::SIGNATURE_DOES_NOT_MATCH);
    assert_eq!(error.status, 400);
    assert_eq!(
        error.message,
        format!(
            "{MISMATCH}ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
        )
    );

    // A query value: the server's string to sign is that of the changed request.
    let tampered = V3_1_QUERY.replace("cn-shanghai", "cn-shanghaj");
    let incoming = v3_1(&tampered, V3_1_SIGNATURE);
    let error = v3_1_verifier().verify(&incoming).unwrap_err();
    assert_eq!(error.code, codes::SIGNATURE_DOES_NOT_MATCH);
    let signed: Vec<String> = V3_1_SIGNED.split(';').map(str::to_owned).collect();
    let expected = acs3::string_to_sign(&acs3::canonical_request(&incoming, &signed, E));
    assert_eq!(error.message, format!("{MISMATCH}{expected}"));
    let canonical = error
        .extra
        .iter()
        .find(|(k, _)| k == "CanonicalRequest")
        .map(|(_, v)| v.clone())
        .unwrap();
    assert!(canonical.contains("RegionId=cn-shanghaj"), "{canonical}");
}

#[test]
fn v3_1_body_must_match_its_hash() {
    let authorization = auth("YourAccessKeyId", V3_1_SIGNED, V3_1_SIGNATURE);
    let incoming = request(
        "POST",
        &format!("/?{V3_1_QUERY}"),
        &[
            ("host", "ecs.cn-shanghai.aliyuncs.com"),
            ("x-acs-action", "RunInstances"),
            ("x-acs-version", "2014-05-26"),
            ("x-acs-date", "2023-10-26T10:22:32Z"),
            ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            ("x-acs-content-sha256", E),
            ("authorization", &authorization),
        ],
        b"x",
    );
    let error = v3_1_verifier().verify(&incoming).unwrap_err();
    assert_eq!(error.code, codes::SIGNATURE_DOES_NOT_MATCH);
    let canonical = &error.extra[0].1;
    assert!(canonical.ends_with(&acs3::hex_sha256(b"x")), "{canonical}");
}

// ---------------------------------------------------------------- V3-2

fn v3_2(method: &str, value: &str, signature: &str) -> IncomingRequest {
    let authorization = auth("acesskey", "x-acs-test", signature);
    let mut incoming = request(
        "GET",
        "/?test=ok&empty=",
        &[
            ("x-acs-test", "http"),
            ("x-acs-TEST", value),
            (
                "x-acs-content-sha256",
                "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23",
            ),
            ("authorization", &authorization),
        ],
        b"",
    );
    incoming.method = method.to_owned();
    incoming.path = String::new();
    incoming
}

#[test]
fn v3_2_official_utility_vectors() {
    for (method, signature) in [
        (
            "GET",
            "d16b30a7699ae9e43875b13195b2f81bcc3ed10c14a9b5eb780e51619aa50be1",
        ),
        (
            "",
            "4ab59fffe3c5738ff8a2729f90cc04fe18b02a4b15b2102cbaf92f9ff3df2ea3",
        ),
    ] {
        let incoming = v3_2(method, "https", signature);
        let authorization =
            acs3::parse_authorization(incoming.header("authorization").unwrap()).unwrap();
        let canonical = acs3::canonical_request(
            &incoming,
            &authorization.signed_headers,
            "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23",
        );
        assert!(canonical.contains("\n/\nempty=&test=ok\nx-acs-test:http,https\n\nx-acs-test\n"));
        assert_eq!(
            acs3::verify(&incoming, &authorization, "secret"),
            Ok(()),
            "{method:?}"
        );

        // One byte of a merged header value.
        let changed = v3_2(method, "httpt", signature);
        let mismatch = acs3::verify(&changed, &authorization, "secret").unwrap_err();
        assert!(
            mismatch
                .canonical_request
                .contains("x-acs-test:http,httpt\n")
        );
        assert_eq!(
            mismatch.string_to_sign,
            acs3::string_to_sign(&mismatch.canonical_request)
        );
        assert!(mismatch.string_to_sign.starts_with("ACS3-HMAC-SHA256\n"));
    }
}

// ---------------------------------------------------------------- V3-3

const V3_3_SIGNED: &str =
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
const V3_3_STS_SIGNED: &str = "host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version";
const COUPONS_QUERY: &str = "EffectiveOrNot=true&ExpiryTimeStart=2018-08-01T00%3A00%3A00Z&ExpiryTimeEnd=2018-09-01T00%3A00%3A00Z";

fn v3_3(
    host: &str,
    action: &str,
    version: &str,
    query: &str,
    sts: Option<(&str, &str)>,
    signed: &str,
    signature: &str,
) -> IncomingRequest {
    let authorization = auth("YourAccessKeyId", signed, signature);
    let mut headers = vec![
        ("host", host),
        ("x-acs-action", action),
        ("x-acs-version", version),
        ("x-acs-date", "2024-01-01T00:00:00Z"),
        ("x-acs-signature-nonce", "0123456789abcdef0123456789abcdef"),
        ("x-acs-content-sha256", E),
        ("authorization", authorization.as_str()),
    ];
    if let Some((id, token)) = sts {
        headers.push(("x-acs-accesskey-id", id));
        headers.push(("x-acs-security-token", token));
    }
    request("POST", &format!("/?{query}"), &headers, b"")
}

fn at_2024() -> OffsetDateTime {
    datetime!(2024-01-01 00:00:00 UTC)
}

fn coupons(query: &str, signature: &str) -> IncomingRequest {
    v3_3(
        "business.aliyuncs.com",
        "QueryCashCoupons",
        "2017-12-14",
        query,
        None,
        V3_3_SIGNED,
        signature,
    )
}

fn coupons_sts(token: Option<&str>, signed: &str) -> IncomingRequest {
    v3_3(
        "business.aliyuncs.com",
        "QueryCashCoupons",
        "2017-12-14",
        COUPONS_QUERY,
        token.map(|t| ("YourAccessKeyId", t)),
        signed,
        "288f759205cef26bc43c56b120188ba68be7fa356c1020c4ec21a46582d8164e",
    )
}

fn sts_store() -> CredentialStore {
    let store = CredentialStore::new();
    store.add_sts(
        "YourAccessKeyId",
        "YourAccessKeySecret",
        "TestSecurityToken",
    );
    store
}

#[test]
fn v3_3_query_cash_coupons() {
    let signature = "17226cc56c404dc7fd81a02d1ddfab368c1d1afdebe4992445699ee8b590c2db";
    let incoming = coupons(COUPONS_QUERY, signature);
    let signed: Vec<String> = V3_3_SIGNED.split(';').map(str::to_owned).collect();
    assert!(acs3::canonical_request(&incoming, &signed, E).contains(
        "\nEffectiveOrNot=true&ExpiryTimeEnd=2018-09-01T00%3A00%3A00Z&ExpiryTimeStart=2018-08-01T00%3A00%3A00Z\n"
    ));
    let verifier = verifier(at_2024(), keys("YourAccessKeyId", "YourAccessKeySecret"));
    verifier.verify(&incoming).unwrap();

    // Unencoded ':' in the query decodes to the same canonical query.
    let raw = COUPONS_QUERY.replace("%3A", ":");
    let fresh = verifier_2024();
    fresh.verify(&coupons(&raw, signature)).unwrap();

    let changed = COUPONS_QUERY.replace("true", "truf");
    let error = verifier_2024()
        .verify(&coupons(&changed, signature))
        .unwrap_err();
    assert_eq!(error.code, codes::SIGNATURE_DOES_NOT_MATCH);
    assert!(
        error
            .message
            .starts_with(&format!("{MISMATCH}ACS3-HMAC-SHA256\n"))
    );
}

fn verifier_2024() -> Verifier {
    verifier(at_2024(), keys("YourAccessKeyId", "YourAccessKeySecret"))
}

#[test]
fn v3_3_query_cash_coupons_sts() {
    let verified = verifier(at_2024(), sts_store())
        .verify(&coupons_sts(Some("TestSecurityToken"), V3_3_STS_SIGNED))
        .unwrap();
    assert!(verified.sts);

    // The token must be sent...
    let error = verifier(at_2024(), sts_store())
        .verify(&coupons_sts(None, V3_3_SIGNED))
        .unwrap_err();
    assert_eq!(error.code, codes::MISSING_SECURITY_TOKEN);
    // ...signed...
    let unsigned = V3_3_STS_SIGNED.replace("x-acs-security-token;", "");
    let error = verifier(at_2024(), sts_store())
        .verify(&coupons_sts(Some("TestSecurityToken"), &unsigned))
        .unwrap_err();
    assert_eq!(error.code, codes::INCOMPLETE_SIGNATURE);
    assert!(
        error.message.contains("x-acs-security-token"),
        "{}",
        error.message
    );
    // ...and be the credential's token.
    let error = verifier(at_2024(), sts_store())
        .verify(&coupons_sts(Some("TestSecurityTokem"), V3_3_STS_SIGNED))
        .unwrap_err();
    assert_eq!(error.code, codes::INVALID_SECURITY_TOKEN_MISMATCH);
    // A permanent key takes no token.
    let error = verifier_2024()
        .verify(&coupons_sts(Some("TestSecurityToken"), V3_3_STS_SIGNED))
        .unwrap_err();
    assert_eq!(error.code, codes::INVALID_SECURITY_TOKEN_MISMATCH);
    // An expired STS credential.
    let store = CredentialStore::new();
    store.add_sts_expiring(
        "YourAccessKeyId",
        "YourAccessKeySecret",
        "TestSecurityToken",
        at_2024(),
    );
    let error = verifier(at_2024(), store)
        .verify(&coupons_sts(Some("TestSecurityToken"), V3_3_STS_SIGNED))
        .unwrap_err();
    assert_eq!(error.code, codes::INVALID_SECURITY_TOKEN_EXPIRED);
}

#[test]
fn v3_3_query_ticket_info() {
    let signature = "4cbb325af1af8934e71db0b2b4efdb95d913fe4fbc407fb047453c2d238e5a22";
    for query in [
        "Ticket=a27a9aec-%2A%2A%2A%2A-%2A%2A%2A%2A-bd40-1a21ea41d7c5",
        "Ticket=a27a9aec-****-****-bd40-1a21ea41d7c5",
    ] {
        let incoming = v3_3(
            "quickbi-public.cn-hangzhou.aliyuncs.com",
            "QueryTicketInfo",
            "2022-01-01",
            query,
            None,
            V3_3_SIGNED,
            signature,
        );
        let signed: Vec<String> = V3_3_SIGNED.split(';').map(str::to_owned).collect();
        assert!(
            acs3::canonical_request(&incoming, &signed, E)
                .contains("\nTicket=a27a9aec-%2A%2A%2A%2A-%2A%2A%2A%2A-bd40-1a21ea41d7c5\n")
        );
        verifier_2024().verify(&incoming).unwrap();
    }
    let incoming = v3_3(
        "quickbi-public.cn-hangzhou.aliyuncs.com",
        "QueryTicketInfo",
        "2022-01-02",
        "Ticket=a27a9aec-****-****-bd40-1a21ea41d7c5",
        None,
        V3_3_SIGNED,
        signature,
    );
    let error = verifier_2024().verify(&incoming).unwrap_err();
    assert_eq!(error.code, codes::SIGNATURE_DOES_NOT_MATCH);
}

#[test]
fn acs3_clock_window_and_nonce() {
    let signature = "17226cc56c404dc7fd81a02d1ddfab368c1d1afdebe4992445699ee8b590c2db";
    let store = keys("YourAccessKeyId", "YourAccessKeySecret");
    for (offset, ok) in [(-15, true), (15, true), (-16, false), (16, false)] {
        let now = at_2024() + time::Duration::minutes(offset);
        let result = verifier(now, store.clone()).verify(&coupons(COUPONS_QUERY, signature));
        match ok {
            true => assert!(result.is_ok(), "{offset}"),
            false => assert_eq!(result.unwrap_err().code, codes::INVALID_TIMESTAMP_EXPIRED),
        }
    }
    let verifier = verifier(at_2024(), store);
    verifier.verify(&coupons(COUPONS_QUERY, signature)).unwrap();
    let error = verifier
        .verify(&coupons(COUPONS_QUERY, signature))
        .unwrap_err();
    assert_eq!(error.code, codes::SIGNATURE_NONCE_USED);
    assert_eq!(error.message, "Specified signature nonce was used already.");
}

#[test]
fn acs3_unknown_key_and_incomplete_requests() {
    let signature = "17226cc56c404dc7fd81a02d1ddfab368c1d1afdebe4992445699ee8b590c2db";
    let error = verifier(at_2024(), keys("other", "x"))
        .verify(&coupons(COUPONS_QUERY, signature))
        .unwrap_err();
    assert_eq!(error.code, codes::INVALID_ACCESS_KEY_ID_NOT_FOUND);
    assert_eq!(error.status, 404);
    assert_eq!(error.message, "Specified access key is not found.");

    for signed in [
        "x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version",
        "host;x-acs-action;x-acs-content-sha256;x-acs-signature-nonce;x-acs-version",
    ] {
        let incoming = v3_3(
            "business.aliyuncs.com",
            "QueryCashCoupons",
            "2017-12-14",
            COUPONS_QUERY,
            None,
            signed,
            signature,
        );
        let error = verifier_2024().verify(&incoming).unwrap_err();
        assert_eq!(error.code, codes::INCOMPLETE_SIGNATURE, "{signed}");
    }

    for authorization in [
        "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,Signature=x",
        "ACS3-HMAC-SHA256",
        "acs YourAccessKeyId:abc",
    ] {
        let incoming = request(
            "POST",
            "/",
            &[
                ("host", "x"),
                ("x-acs-date", "2024-01-01T00:00:00Z"),
                ("x-acs-signature-nonce", "n"),
                ("x-acs-content-sha256", E),
                ("authorization", authorization),
            ],
            b"",
        );
        let error = verifier_2024().verify(&incoming).unwrap_err();
        assert_eq!(error.code, codes::INCOMPLETE_SIGNATURE, "{authorization}");
    }

    let incoming = request("POST", "/", &[("host", "x")], b"");
    assert_eq!(
        verifier_2024().verify(&incoming).unwrap_err().code,
        codes::INCOMPLETE_SIGNATURE
    );

    let authorization = auth("YourAccessKeyId", V3_3_SIGNED, signature);
    let incoming = request(
        "POST",
        "/",
        &[
            ("host", "x"),
            ("x-acs-date", "2024-01-01 00:00:00"),
            ("x-acs-signature-nonce", "n"),
            ("x-acs-content-sha256", E),
            ("authorization", &authorization),
        ],
        b"",
    );
    assert_eq!(
        verifier_2024().verify(&incoming).unwrap_err().code,
        codes::INVALID_TIMESTAMP_FORMAT
    );
}

// ---------------------------------------------------------------- V1

const V1_1_QUERY: &str = "AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26";
const V1_1_STRING_TO_SIGN: &str = "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26";

fn v1_1_verifier() -> Verifier {
    verifier(
        datetime!(2023-03-13 08:34:30 UTC),
        keys("testid", "testsecret"),
    )
}

#[test]
fn v1_1_documentation_example() {
    let signature = "9NaGiOspFP5UPcwX8Iwt2YJXXuk%3D";
    let incoming = request(
        "GET",
        &format!("/?{V1_1_QUERY}&Signature={signature}"),
        &[("host", "ecs.aliyuncs.com")],
        b"",
    );
    assert_eq!(
        rpc_v1::string_to_sign("GET", rpc_v1::signed_params(&incoming)),
        V1_1_STRING_TO_SIGN
    );
    let verified = v1_1_verifier().verify(&incoming).unwrap();
    assert_eq!(verified.access_key_id, "testid");

    // The signature changed: the server's string to sign is the documented one.
    let incoming = request(
        "GET",
        &format!("/?{V1_1_QUERY}&Signature=8NaGiOspFP5UPcwX8Iwt2YJXXuk%3D"),
        &[],
        b"",
    );
    let error = v1_1_verifier().verify(&incoming).unwrap_err();
    assert_eq!(error.code, codes::SIGNATURE_DOES_NOT_MATCH);
    assert_eq!(error.message, format!("{MISMATCH}{V1_1_STRING_TO_SIGN}"));

    // A parameter changed: the server's string to sign shows the changed value.
    let changed = V1_1_QUERY.replace("cn-beijing", "cn-beijinh");
    let incoming = request(
        "GET",
        &format!("/?{changed}&Signature={signature}"),
        &[],
        b"",
    );
    let error = v1_1_verifier().verify(&incoming).unwrap_err();
    assert_eq!(
        error.message,
        format!(
            "{MISMATCH}{}",
            V1_1_STRING_TO_SIGN.replace("cn-beijing", "cn-beijinh")
        )
    );

    // The method is signed too.
    let incoming = request(
        "POST",
        &format!("/?{V1_1_QUERY}&Signature={signature}"),
        &[],
        b"",
    );
    let error = v1_1_verifier().verify(&incoming).unwrap_err();
    assert!(
        error
            .message
            .ends_with(&V1_1_STRING_TO_SIGN.replacen("GET", "POST", 1))
    );
}

#[test]
fn v1_2_official_utility_vectors() {
    let mut incoming = request(
        "GET",
        "/?test=ok&Signature=jHx%2FoHoHNrbVfhncHEvPdHXZwHU%3D",
        &[],
        b"",
    );
    incoming.method = String::new();
    assert_eq!(rpc_v1::verify(&incoming, "accessKeySecret"), Ok(()));
    incoming.query[0].1 = "ol".into();
    assert_eq!(
        rpc_v1::verify(&incoming, "accessKeySecret"),
        Err("&%2F&test%3Dol".to_owned())
    );

    // One parameter in the query, one in a form body.
    let incoming = request(
        "GET",
        "/?query=test",
        &[("content-type", "application/x-www-form-urlencoded")],
        b"body=test&Signature=XlUyV4sXjOuX5FnjUz9IF9tm5rU%3D",
    );
    assert_eq!(rpc_v1::verify(&incoming, "secret"), Ok(()));
    assert_eq!(
        rpc_v1::verify(&incoming, "secreu"),
        Err("GET&%2F&body%3Dtest%26query%3Dtest".to_owned())
    );
}

const V1_3_PARAMS: &str = "AccessKeyId=testid&Action=QueryCashCoupons&EffectiveOrNot=true&Format=JSON&SignatureMethod=HMAC-SHA1&SignatureNonce=0123456789abcdef0123456789abcdef&SignatureVersion=1.0&Timestamp=2024-01-01T00%3A00%3A00Z&Version=2017-12-14&Signature=XqgubwjxYWlVbZv2yLLViPAg%2BrI%3D";

#[test]
fn v1_3_query_cash_coupons_post() {
    let store = keys("testid", "testsecret");
    // In the query.
    let incoming = request("POST", &format!("/?{V1_3_PARAMS}"), &[], b"");
    verifier(at_2024(), store.clone())
        .verify(&incoming)
        .unwrap();
    // In a form body.
    let incoming = request(
        "POST",
        "/",
        &[("content-type", "application/x-www-form-urlencoded")],
        V1_3_PARAMS.as_bytes(),
    );
    let v = verifier(at_2024(), store.clone());
    v.verify(&incoming).unwrap();
    assert_eq!(
        v.verify(&incoming).unwrap_err().code,
        codes::SIGNATURE_NONCE_USED
    );
    // One byte changed.
    let changed = V1_3_PARAMS.replace("EffectiveOrNot=true", "EffectiveOrNot=trUe");
    let incoming = request("POST", &format!("/?{changed}"), &[], b"");
    let error = verifier(at_2024(), store.clone())
        .verify(&incoming)
        .unwrap_err();
    assert_eq!(error.code, codes::SIGNATURE_DOES_NOT_MATCH);
    assert!(
        error.message.contains("EffectiveOrNot%3DtrUe"),
        "{}",
        error.message
    );
    // Out of the time window.
    let error = verifier(at_2024() + time::Duration::minutes(16), store)
        .verify(&request("POST", &format!("/?{V1_3_PARAMS}"), &[], b""))
        .unwrap_err();
    assert_eq!(error.code, codes::INVALID_TIMESTAMP_EXPIRED);
}

#[test]
fn rpc_common_parameters() {
    let store = keys("testid", "testsecret");
    let cases = [
        ("AccessKeyId=testid&", "MissingAccessKeyId"),
        ("SignatureMethod=HMAC-SHA1&", "MissingSignatureMethod"),
        (
            "SignatureNonce=0123456789abcdef0123456789abcdef&",
            "MissingSignatureNonce",
        ),
        ("Timestamp=2024-01-01T00%3A00%3A00Z&", "MissingTimestamp"),
        (
            "&Signature=XqgubwjxYWlVbZv2yLLViPAg%2BrI%3D",
            "IncompleteSignature",
        ),
    ];
    for (removed, code) in cases {
        let query = V1_3_PARAMS.replace(removed, "");
        let error = verifier(at_2024(), store.clone())
            .verify(&request("POST", &format!("/?{query}"), &[], b""))
            .unwrap_err();
        assert_eq!(error.code, code, "{removed}");
    }
    let query = V1_3_PARAMS.replace("HMAC-SHA1", "HMAC-SHA256");
    let error = verifier(at_2024(), store.clone())
        .verify(&request("POST", &format!("/?{query}"), &[], b""))
        .unwrap_err();
    assert_eq!(error.code, codes::INVALID_SIGNATURE_METHOD);
    let query = V1_3_PARAMS.replace("testid", "unknown");
    let error = verifier(at_2024(), store.clone())
        .verify(&request("POST", &format!("/?{query}"), &[], b""))
        .unwrap_err();
    assert_eq!(error.code, codes::INVALID_ACCESS_KEY_ID_NOT_FOUND);
    // STS over RPC: the SecurityToken parameter.
    let sts = CredentialStore::new();
    sts.add_sts("testid", "testsecret", "tok");
    let error = verifier(at_2024(), sts)
        .verify(&request("POST", &format!("/?{V1_3_PARAMS}"), &[], b""))
        .unwrap_err();
    assert_eq!(error.code, codes::MISSING_SECURITY_TOKEN);
}
