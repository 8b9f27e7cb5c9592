//! The generated clients reproduce the signing vectors of `SIGNING-VECTORS.md` (V3-3 for
//! both operations, with and without STS; V1-3) when time and nonce are fixed, and the
//! emulator's independent verifier accepts the requests they build.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use alibabacloud_bssopenapi20171214 as bss;
use alibabacloud_core::time_source::{FixedNonceSource, FixedTimeSource};
use alibabacloud_core::transport::CannedTransport;
use alibabacloud_core::{Config, Credentials, SignatureVersion};
use alibabacloud_emulator::{CredentialStore, Emulator, FixedClock, IncomingRequest, Verifier};
use alibabacloud_quickbi_public20220101 as quickbi;
use quickbi::operation::query_ticket_info::QueryTicketInfoErrorCode;
use time::macros::datetime;

const NONCE: &str = "0123456789abcdef0123456789abcdef";
const SIGNED: &str =
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
const SIGNED_STS: &str = "host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;\
                          x-acs-security-token;x-acs-signature-nonce;x-acs-version";

/// 2024-01-01T00:00:00Z, the time of the vectors.
fn vector_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_704_067_200)
}

/// A configuration signing at the vectors' time and nonce, answered by `transport`.
fn config(
    credentials: Credentials,
    style: SignatureVersion,
    transport: &CannedTransport,
) -> Config {
    Config::builder()
        .region("cn-hangzhou")
        .credentials_provider(credentials)
        .signature_version(style)
        .time_source(FixedTimeSource(vector_time()))
        .nonce_source(FixedNonceSource(NONCE.to_owned()))
        .transport(transport.clone())
        .build()
        .unwrap()
}

fn header<'a>(request: &'a http::Request<bytes::Bytes>, name: &str) -> &'a str {
    request.headers()[name].to_str().unwrap()
}

/// The emulator's verifier, its clock at the vectors' time, knowing `credentials`.
fn verify(request: &http::Request<bytes::Bytes>, credentials: CredentialStore) {
    let verifier = Verifier::new(
        credentials,
        Arc::new(FixedClock::new(datetime!(2024-01-01 0:00 UTC))),
    );
    if let Err(error) = verifier.verify(&IncomingRequest::from_http(request)) {
        panic!("the emulator refused the request: {error:?}");
    }
}

fn your_access_key() -> CredentialStore {
    let store = CredentialStore::new();
    store.add_access_key("YourAccessKeyId", "YourAccessKeySecret");
    store
}

async fn query_cash_coupons(credentials: Credentials) -> http::Request<bytes::Bytes> {
    let transport = CannedTransport::new(200, r#"{"RequestId":"R","Success":true}"#);
    let client = bss::Client::new(config(
        credentials,
        SignatureVersion::Acs3HmacSha256,
        &transport,
    ));
    client
        .query_cash_coupons()
        .effective_or_not(true)
        .expiry_time_start("2018-08-01T00:00:00Z")
        .expiry_time_end("2018-09-01T00:00:00Z")
        .send()
        .await
        .unwrap();
    transport.last_request().unwrap()
}

#[tokio::test]
async fn v3_3_query_cash_coupons() {
    let request =
        query_cash_coupons(Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap())
            .await;
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri().to_string(),
        "https://business.aliyuncs.com/?EffectiveOrNot=true&ExpiryTimeEnd=2018-09-01T00%3A00%3A00Z&ExpiryTimeStart=2018-08-01T00%3A00%3A00Z"
    );
    assert_eq!(header(&request, "host"), "business.aliyuncs.com");
    assert_eq!(header(&request, "x-acs-action"), "QueryCashCoupons");
    assert_eq!(header(&request, "x-acs-version"), "2017-12-14");
    assert_eq!(header(&request, "x-acs-date"), "2024-01-01T00:00:00Z");
    assert_eq!(header(&request, "x-acs-signature-nonce"), NONCE);
    assert_eq!(
        header(&request, "authorization"),
        format!(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders={SIGNED},\
             Signature=17226cc56c404dc7fd81a02d1ddfab368c1d1afdebe4992445699ee8b590c2db"
        )
    );
    assert!(request.body().is_empty());
    verify(&request, your_access_key());
}

#[tokio::test]
async fn v3_3_query_cash_coupons_sts() {
    let request = query_cash_coupons(
        Credentials::new("YourAccessKeyId", "YourAccessKeySecret")
            .unwrap()
            .with_security_token("TestSecurityToken"),
    )
    .await;
    assert_eq!(header(&request, "x-acs-accesskey-id"), "YourAccessKeyId");
    assert_eq!(
        header(&request, "x-acs-security-token"),
        "TestSecurityToken"
    );
    assert_eq!(
        header(&request, "authorization"),
        format!(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders={SIGNED_STS},\
             Signature=288f759205cef26bc43c56b120188ba68be7fa356c1020c4ec21a46582d8164e"
        )
    );
    let store = CredentialStore::new();
    store.add_sts(
        "YourAccessKeyId",
        "YourAccessKeySecret",
        "TestSecurityToken",
    );
    verify(&request, store);
}

#[tokio::test]
async fn v3_3_query_ticket_info() {
    let transport = CannedTransport::new(200, r#"{"RequestId":"R","Success":true}"#);
    let client = quickbi::Client::new(config(
        Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap(),
        SignatureVersion::Acs3HmacSha256,
        &transport,
    ));
    client
        .query_ticket_info()
        .ticket("a27a9aec-****-****-bd40-1a21ea41d7c5")
        .send()
        .await
        .unwrap();
    let request = transport.last_request().unwrap();
    assert_eq!(
        request.uri().to_string(),
        "https://quickbi-public.cn-hangzhou.aliyuncs.com/?Ticket=a27a9aec-%2A%2A%2A%2A-%2A%2A%2A%2A-bd40-1a21ea41d7c5"
    );
    assert_eq!(
        header(&request, "authorization"),
        format!(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders={SIGNED},\
             Signature=4cbb325af1af8934e71db0b2b4efdb95d913fe4fbc407fb047453c2d238e5a22"
        )
    );
    verify(&request, your_access_key());
}

#[tokio::test]
async fn v1_3_query_cash_coupons_hmac_sha1() {
    let transport = CannedTransport::new(200, r#"{"RequestId":"R","Success":true}"#);
    let client = bss::Client::new(config(
        Credentials::new("testid", "testsecret").unwrap(),
        SignatureVersion::HmacSha1,
        &transport,
    ));
    client
        .query_cash_coupons()
        .effective_or_not(true)
        .send()
        .await
        .unwrap();
    let request = transport.last_request().unwrap();
    assert_eq!(request.method(), "POST");
    assert!(request.headers().get("authorization").is_none());
    let query = request.uri().query().unwrap();
    let mut pairs: Vec<&str> = query.split('&').collect();
    pairs.sort_unstable();
    assert_eq!(
        pairs,
        [
            "AccessKeyId=testid",
            "Action=QueryCashCoupons",
            "EffectiveOrNot=true",
            "Format=JSON",
            "Signature=XqgubwjxYWlVbZv2yLLViPAg%2BrI%3D",
            "SignatureMethod=HMAC-SHA1",
            "SignatureNonce=0123456789abcdef0123456789abcdef",
            "SignatureVersion=1.0",
            "Timestamp=2024-01-01T00%3A00%3A00Z",
            "Version=2017-12-14",
        ]
    );
    let store = CredentialStore::new();
    store.add_access_key("testid", "testsecret");
    verify(&request, store);
}

#[tokio::test]
async fn the_emulator_accepts_a_fixed_signature_once_and_refuses_its_replay() {
    // The emulator's clock at the vectors' time, so that their fixed date is current.
    let emulator = Emulator::new()
        .access_key("YourAccessKeyId", "YourAccessKeySecret")
        .clock(FixedClock::new(datetime!(2024-01-01 0:00 UTC)))
        .spec_dir(common::specs_dir())
        .unwrap()
        .start()
        .await
        .unwrap();
    let config = Config::builder()
        .endpoint(emulator.endpoint())
        .credentials_provider(Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap())
        .time_source(FixedTimeSource(vector_time()))
        .nonce_source(FixedNonceSource(NONCE.to_owned()))
        .build()
        .unwrap();
    let client = quickbi::Client::new(config);
    let response = client
        .query_ticket_info()
        .ticket(common::TICKET)
        .send()
        .await
        .unwrap();
    common::assert_documented_ticket_info(&response);

    // The same nonce again: a replay, refused (and not retried: it is a 400).
    let err = client
        .query_ticket_info()
        .ticket(common::TICKET)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.code(),
        Some(&QueryTicketInfoErrorCode::Unknown(
            "SignatureNonceUsed".to_owned()
        ))
    );
    assert_eq!(emulator.request_count(), 2);
}
