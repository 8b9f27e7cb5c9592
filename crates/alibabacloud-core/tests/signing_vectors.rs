//! Every vector of `SIGNING-VECTORS.md`: canonical request / string to sign and signature.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::signing::acs3::EMPTY_BODY_SHA256 as E;
use alibabacloud_core::signing::{
    PreparedRequest, SignableBody, SignableRequest, SigningParams, acs3_canonical_request,
    acs3_string_to_sign, rpc_v1_sign_params, rpc_v1_signature, rpc_v1_string_to_sign, sign_acs3,
    sign_rpc_v1,
};
use sha2::{Digest, Sha256};

fn at(rfc3339: &str) -> SystemTime {
    let t = time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339)
        .unwrap();
    UNIX_EPOCH + Duration::from_secs(u64::try_from(t.unix_timestamp()).unwrap())
}

fn signature_of(authorization: &str) -> &str {
    authorization.rsplit("Signature=").next().unwrap()
}

// ---------------------------------------------------------------- V3-1

const V3_1_QUERY: [(&str, &str); 2] = [
    (
        "ImageId",
        "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
    ),
    ("RegionId", "cn-shanghai"),
];
const V3_1_CANONICAL: &str = "POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\nhost:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\nx-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\nhost;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const V3_1_HASH: &str = "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259";
const V3_1_SIGNATURE: &str = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";

#[test]
fn v3_1_documentation_example_through_the_signer() {
    let credentials = Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap();
    let params = SigningParams::new(
        &credentials,
        at("2023-10-26T10:22:32Z"),
        "3156853299f313e23d1673dc12e1703d",
    );
    let request = SignableRequest {
        method: "POST",
        path: "/",
        query: &V3_1_QUERY,
        headers: &[
            ("host", "ecs.cn-shanghai.aliyuncs.com"),
            ("x-acs-action", "RunInstances"),
            ("x-acs-version", "2014-05-26"),
        ],
        body: SignableBody::Empty,
    };
    let canonical = acs3_canonical_request(&request, &params).unwrap();
    assert_eq!(canonical, V3_1_CANONICAL);
    assert_eq!(hex::encode(Sha256::digest(canonical.as_bytes())), V3_1_HASH);
    assert_eq!(
        acs3_string_to_sign(&request, &params).unwrap(),
        format!("ACS3-HMAC-SHA256\n{V3_1_HASH}")
    );

    let output = sign_acs3(&request, &params).unwrap();
    let names: Vec<&str> = output.iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-content-sha256",
            "authorization"
        ]
    );
    assert_eq!(output.get("x-acs-date"), Some("2023-10-26T10:22:32Z"));
    assert_eq!(
        output.get("x-acs-signature-nonce"),
        Some("3156853299f313e23d1673dc12e1703d")
    );
    assert_eq!(output.get("x-acs-content-sha256"), Some(E));
    assert_eq!(
        output.get("Authorization").unwrap(),
        format!(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature={V3_1_SIGNATURE}"
        )
    );
}

#[test]
fn v3_1_documentation_example_as_a_prepared_request() {
    // The documentation's shape: every header given, nothing added; headers in any order/case.
    let request = PreparedRequest {
        method: "POST",
        path: "/",
        query: &[V3_1_QUERY[1], V3_1_QUERY[0]],
        headers: &[
            ("x-acs-version", "2014-05-26"),
            ("X-Acs-Date", "2023-10-26T10:22:32Z"),
            ("Host", " ecs.cn-shanghai.aliyuncs.com "),
            ("x-acs-action", "RunInstances"),
            ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            ("x-acs-content-sha256", E),
            ("user-agent", "not signed"),
            ("accept", "application/json"),
        ],
        content_sha256: E,
    };
    assert_eq!(request.canonical_request().unwrap(), V3_1_CANONICAL);
    assert_eq!(
        request.string_to_sign().unwrap(),
        format!("ACS3-HMAC-SHA256\n{V3_1_HASH}")
    );
    assert_eq!(
        request.signature("YourAccessKeySecret").unwrap(),
        V3_1_SIGNATURE
    );
}

// ---------------------------------------------------------------- V3-2

fn v3_2(method: &str) -> PreparedRequest<'_> {
    PreparedRequest {
        method,
        path: "",
        query: &[("test", "ok"), ("empty", "")],
        headers: &[("x-acs-test", "http"), ("x-acs-TEST", "https")],
        content_sha256: "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23",
    }
}

#[test]
fn v3_2_official_utility_merged_headers_and_empty_value() {
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
        let request = v3_2(method);
        let canonical = request.canonical_request().unwrap();
        assert_eq!(
            canonical,
            format!(
                "{method}\n/\nempty=&test=ok\nx-acs-test:http,https\n\nx-acs-test\n55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23"
            )
        );
        assert_eq!(
            request.string_to_sign().unwrap(),
            format!(
                "ACS3-HMAC-SHA256\n{}",
                hex::encode(Sha256::digest(canonical.as_bytes()))
            )
        );
        assert_eq!(request.signature("secret").unwrap(), signature);
        assert_eq!(
            request.authorization("acesskey", "secret").unwrap(),
            format!(
                "ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,Signature={signature}"
            )
        );
    }
}

// ---------------------------------------------------------------- V3-3

const QUERY_CASH_COUPONS: [(&str, &str); 3] = [
    ("EffectiveOrNot", "true"),
    ("ExpiryTimeStart", "2018-08-01T00:00:00Z"),
    ("ExpiryTimeEnd", "2018-09-01T00:00:00Z"),
];

fn v3_3(
    host: &str,
    action: &str,
    version: &str,
    query: &[(&str, &str)],
    credentials: &Credentials,
) -> (String, String) {
    let headers = [
        ("host", host),
        ("x-acs-action", action),
        ("x-acs-version", version),
    ];
    let request = SignableRequest {
        method: "POST",
        path: "/",
        query,
        headers: &headers,
        body: SignableBody::Empty,
    };
    let params = SigningParams::new(
        credentials,
        at("2024-01-01T00:00:00Z"),
        "0123456789abcdef0123456789abcdef",
    );
    let canonical = acs3_canonical_request(&request, &params).unwrap();
    let string_to_sign = acs3_string_to_sign(&request, &params).unwrap();
    assert_eq!(
        string_to_sign,
        format!(
            "ACS3-HMAC-SHA256\n{}",
            hex::encode(Sha256::digest(canonical.as_bytes()))
        )
    );
    // The same body given as bytes or as a precomputed hash signs the same.
    let output = sign_acs3(&request, &params).unwrap();
    for body in [SignableBody::Bytes(b""), SignableBody::Precomputed(E)] {
        let again = sign_acs3(&SignableRequest { body, ..request }, &params).unwrap();
        assert_eq!(again.to_vec(), output.to_vec());
    }
    let authorization = output.get("authorization").unwrap().to_owned();
    (canonical, authorization)
}

#[test]
fn v3_3_query_cash_coupons() {
    let credentials = Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap();
    let (canonical, authorization) = v3_3(
        "business.aliyuncs.com",
        "QueryCashCoupons",
        "2017-12-14",
        &QUERY_CASH_COUPONS,
        &credentials,
    );
    assert_eq!(
        canonical,
        format!(
            "POST\n/\nEffectiveOrNot=true&ExpiryTimeEnd=2018-09-01T00%3A00%3A00Z&ExpiryTimeStart=2018-08-01T00%3A00%3A00Z\nhost:business.aliyuncs.com\nx-acs-action:QueryCashCoupons\nx-acs-content-sha256:{E}\nx-acs-date:2024-01-01T00:00:00Z\nx-acs-signature-nonce:0123456789abcdef0123456789abcdef\nx-acs-version:2017-12-14\n\nhost;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n{E}"
        )
    );
    assert_eq!(
        signature_of(&authorization),
        "17226cc56c404dc7fd81a02d1ddfab368c1d1afdebe4992445699ee8b590c2db"
    );
}

#[test]
fn v3_3_query_cash_coupons_with_sts() {
    let credentials = Credentials::new("YourAccessKeyId", "YourAccessKeySecret")
        .unwrap()
        .with_security_token("TestSecurityToken");
    let (canonical, authorization) = v3_3(
        "business.aliyuncs.com",
        "QueryCashCoupons",
        "2017-12-14",
        &QUERY_CASH_COUPONS,
        &credentials,
    );
    assert_eq!(
        canonical,
        format!(
            "POST\n/\nEffectiveOrNot=true&ExpiryTimeEnd=2018-09-01T00%3A00%3A00Z&ExpiryTimeStart=2018-08-01T00%3A00%3A00Z\nhost:business.aliyuncs.com\nx-acs-accesskey-id:YourAccessKeyId\nx-acs-action:QueryCashCoupons\nx-acs-content-sha256:{E}\nx-acs-date:2024-01-01T00:00:00Z\nx-acs-security-token:TestSecurityToken\nx-acs-signature-nonce:0123456789abcdef0123456789abcdef\nx-acs-version:2017-12-14\n\nhost;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version\n{E}"
        )
    );
    assert!(authorization.contains(
        "SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,"
    ));
    assert_eq!(
        signature_of(&authorization),
        "288f759205cef26bc43c56b120188ba68be7fa356c1020c4ec21a46582d8164e"
    );
}

#[test]
fn v3_3_sts_output_headers() {
    let credentials = Credentials::new("YourAccessKeyId", "YourAccessKeySecret")
        .unwrap()
        .with_security_token("TestSecurityToken");
    let params = SigningParams::new(&credentials, at("2024-01-01T00:00:00Z"), "n");
    let request = SignableRequest {
        method: "POST",
        path: "/",
        query: &[],
        headers: &[],
        body: SignableBody::Empty,
    };
    let output = sign_acs3(&request, &params).unwrap();
    let names: Vec<&str> = output.iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-content-sha256",
            "x-acs-accesskey-id",
            "x-acs-security-token",
            "authorization"
        ]
    );
    assert_eq!(output.get("x-acs-accesskey-id"), Some("YourAccessKeyId"));
    assert_eq!(
        output.get("x-acs-security-token"),
        Some("TestSecurityToken")
    );
    assert!(!format!("{output:?}").contains("TestSecurityToken"));
}

#[test]
fn v3_3_query_ticket_info() {
    let credentials = Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap();
    let (canonical, authorization) = v3_3(
        "quickbi-public.cn-hangzhou.aliyuncs.com",
        "QueryTicketInfo",
        "2022-01-01",
        &[("Ticket", "a27a9aec-****-****-bd40-1a21ea41d7c5")],
        &credentials,
    );
    assert_eq!(
        canonical,
        format!(
            "POST\n/\nTicket=a27a9aec-%2A%2A%2A%2A-%2A%2A%2A%2A-bd40-1a21ea41d7c5\nhost:quickbi-public.cn-hangzhou.aliyuncs.com\nx-acs-action:QueryTicketInfo\nx-acs-content-sha256:{E}\nx-acs-date:2024-01-01T00:00:00Z\nx-acs-signature-nonce:0123456789abcdef0123456789abcdef\nx-acs-version:2022-01-01\n\nhost;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n{E}"
        )
    );
    assert_eq!(
        signature_of(&authorization),
        "4cbb325af1af8934e71db0b2b4efdb95d913fe4fbc407fb047453c2d238e5a22"
    );
}

// ---------------------------------------------------------------- V1-1

#[test]
fn v1_1_documentation_example() {
    let all = [
        ("AccessKeyId", "testid"),
        ("Action", "DescribeDedicatedHosts"),
        ("Format", "JSON"),
        ("RegionId", "cn-beijing"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "edb2b34af0af9a6d14deaf7c1a5315eb"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2023-03-13T08:34:30Z"),
        ("Version", "2014-05-26"),
    ];
    let string_to_sign = rpc_v1_string_to_sign("GET", &all);
    assert_eq!(
        string_to_sign,
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26"
    );
    assert_eq!(
        rpc_v1_signature("testsecret", &string_to_sign),
        "9NaGiOspFP5UPcwX8Iwt2YJXXuk="
    );
    assert_eq!(
        rpc_v1_sign_params("GET", &all, "testsecret"),
        "9NaGiOspFP5UPcwX8Iwt2YJXXuk="
    );

    // Through the signer: the caller passes the operation's parameters only.
    let credentials = Credentials::new("testid", "testsecret").unwrap();
    let params = SigningParams::new(
        &credentials,
        at("2023-03-13T08:34:30Z"),
        "edb2b34af0af9a6d14deaf7c1a5315eb",
    );
    let output = sign_rpc_v1(
        "GET",
        &[
            ("Version", "2014-05-26"),
            ("RegionId", "cn-beijing"),
            ("Action", "DescribeDedicatedHosts"),
        ],
        &params,
    )
    .unwrap();
    assert_eq!(
        output.to_vec(),
        [
            ("AccessKeyId", "testid".to_owned()),
            ("Format", "JSON".to_owned()),
            ("SignatureMethod", "HMAC-SHA1".to_owned()),
            (
                "SignatureNonce",
                "edb2b34af0af9a6d14deaf7c1a5315eb".to_owned()
            ),
            ("SignatureVersion", "1.0".to_owned()),
            ("Timestamp", "2023-03-13T08:34:30Z".to_owned()),
            ("Signature", "9NaGiOspFP5UPcwX8Iwt2YJXXuk=".to_owned()),
        ]
    );
}

// ---------------------------------------------------------------- V1-2

#[test]
fn v1_2_official_utility_vectors() {
    let params = [("test", "ok")];
    assert_eq!(rpc_v1_string_to_sign("", &params), "&%2F&test%3Dok");
    assert_eq!(
        rpc_v1_sign_params("", &params, "accessKeySecret"),
        "jHx/oHoHNrbVfhncHEvPdHXZwHU="
    );

    let params = [("query", "test"), ("body", "test")];
    assert_eq!(
        rpc_v1_string_to_sign("GET", &params),
        "GET&%2F&body%3Dtest%26query%3Dtest"
    );
    assert_eq!(
        rpc_v1_sign_params("GET", &params, "secret"),
        "XlUyV4sXjOuX5FnjUz9IF9tm5rU="
    );
}

// ---------------------------------------------------------------- V1-3

#[test]
fn v1_3_query_cash_coupons_post() {
    let credentials = Credentials::new("testid", "testsecret").unwrap();
    let params = SigningParams::new(
        &credentials,
        at("2024-01-01T00:00:00Z"),
        "0123456789abcdef0123456789abcdef",
    );
    let output = sign_rpc_v1(
        "POST",
        &[
            ("Action", "QueryCashCoupons"),
            ("Version", "2017-12-14"),
            ("EffectiveOrNot", "true"),
        ],
        &params,
    )
    .unwrap();
    assert_eq!(
        output.get("Signature"),
        Some("XqgubwjxYWlVbZv2yLLViPAg+rI=")
    );
    assert_eq!(output.get("SecurityToken"), None);

    // The same set signed directly.
    let all = [
        ("AccessKeyId", "testid"),
        ("Action", "QueryCashCoupons"),
        ("EffectiveOrNot", "true"),
        ("Format", "JSON"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "0123456789abcdef0123456789abcdef"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2024-01-01T00:00:00Z"),
        ("Version", "2017-12-14"),
    ];
    assert_eq!(
        rpc_v1_string_to_sign("POST", &all),
        "POST&%2F&AccessKeyId%3Dtestid%26Action%3DQueryCashCoupons%26EffectiveOrNot%3Dtrue%26Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D0123456789abcdef0123456789abcdef%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-01T00%253A00%253A00Z%26Version%3D2017-12-14"
    );
    assert_eq!(
        rpc_v1_sign_params("POST", &all, "testsecret"),
        "XqgubwjxYWlVbZv2yLLViPAg+rI="
    );
}

#[test]
fn v1_with_sts_signs_and_returns_the_security_token() {
    let credentials = Credentials::new("testid", "testsecret")
        .unwrap()
        .with_security_token("tok en");
    let params = SigningParams::new(&credentials, at("2024-01-01T00:00:00Z"), "nonce");
    let output = sign_rpc_v1("POST", &[("Action", "A")], &params).unwrap();
    assert_eq!(output.get("SecurityToken"), Some("tok en"));
    let mut all: Vec<(&str, &str)> = vec![("Action", "A")];
    all.extend(output.iter().filter(|(n, _)| *n != "Signature"));
    assert!(rpc_v1_string_to_sign("POST", &all).contains("SecurityToken%3Dtok%2520en"));
    assert_eq!(
        output.get("Signature").unwrap(),
        rpc_v1_sign_params("POST", &all, "testsecret")
    );
}
