//! The requests the runtime builds reproduce the signatures of `SIGNING-VECTORS.md` (V3-3 and
//! V1-3) when time and nonce are fixed.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, SystemTime};

use alibabacloud_core::credentials::Credentials;
use alibabacloud_core::time_source::{FixedNonceSource, FixedTimeSource};
use alibabacloud_core::transport::CannedTransport;
use alibabacloud_core::{
    ApiStyle, CallOptions, Config, EndpointRule, HttpMethod, Operation, OperationType,
    ParamLocation, Params, ProductEndpoints, Runtime, SignatureVersion,
};

/// 2024-01-01T00:00:00Z.
fn vector_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_704_067_200)
}

const NONCE: &str = "0123456789abcdef0123456789abcdef";

static BSS: ProductEndpoints = ProductEndpoints {
    product: "BssOpenApi",
    regional: &[("cn-hangzhou", "business.aliyuncs.com")],
    vpc: &[],
    rule: Some(EndpointRule {
        by_prefix: &[("cn-", "business.aliyuncs.com")],
        default: Some("business.ap-southeast-1.aliyuncs.com"),
    }),
};

static QUICKBI: ProductEndpoints = ProductEndpoints {
    product: "quickbi-public",
    regional: &[("cn-hangzhou", "quickbi-public.cn-hangzhou.aliyuncs.com")],
    vpc: &[],
    rule: None,
};

const QUERY_CASH_COUPONS: Operation = Operation {
    product: "BssOpenApi",
    action: "QueryCashCoupons",
    version: "2017-12-14",
    method: HttpMethod::Post,
    style: ApiStyle::Rpc,
    operation_type: OperationType::Read,
    ..Operation::DEFAULT
};

const QUERY_TICKET_INFO: Operation = Operation {
    product: "quickbi-public",
    action: "QueryTicketInfo",
    version: "2022-01-01",
    method: HttpMethod::Post,
    style: ApiStyle::Rpc,
    operation_type: OperationType::Read,
    ..Operation::DEFAULT
};

async fn send(
    product: &'static ProductEndpoints,
    operation: &Operation,
    params: Params,
    credentials: Credentials,
    style: SignatureVersion,
) -> http::Request<bytes::Bytes> {
    let transport = CannedTransport::new(200, r#"{"RequestId":"R","Success":true}"#);
    let config = Config::builder()
        .region("cn-hangzhou")
        .credentials_provider(credentials)
        .signature_version(style)
        .time_source(FixedTimeSource(vector_time()))
        .nonce_source(FixedNonceSource(NONCE.to_string()))
        .transport(transport.clone())
        .build()
        .unwrap();
    Runtime::new(config, product)
        .invoke_raw(operation, params, &CallOptions::new())
        .await
        .unwrap();
    transport.last_request().unwrap()
}

fn cash_coupon_params() -> Params {
    let mut params = Params::new();
    params.push(ParamLocation::Query, "EffectiveOrNot", "true");
    params.push(
        ParamLocation::Query,
        "ExpiryTimeStart",
        "2018-08-01T00:00:00Z",
    );
    params.push(
        ParamLocation::Query,
        "ExpiryTimeEnd",
        "2018-09-01T00:00:00Z",
    );
    params
}

fn header<'a>(request: &'a http::Request<bytes::Bytes>, name: &str) -> &'a str {
    request.headers()[name].to_str().unwrap()
}

const SIGNED: &str =
    "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";

#[tokio::test]
async fn v3_3_query_cash_coupons() {
    let request = send(
        &BSS,
        &QUERY_CASH_COUPONS,
        cash_coupon_params(),
        Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap(),
        SignatureVersion::Acs3HmacSha256,
    )
    .await;
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri().to_string(),
        "https://business.aliyuncs.com/?EffectiveOrNot=true&ExpiryTimeEnd=2018-09-01T00%3A00%3A00Z&ExpiryTimeStart=2018-08-01T00%3A00%3A00Z"
    );
    assert_eq!(header(&request, "host"), "business.aliyuncs.com");
    assert_eq!(header(&request, "x-acs-date"), "2024-01-01T00:00:00Z");
    assert_eq!(header(&request, "x-acs-signature-nonce"), NONCE);
    assert_eq!(
        header(&request, "authorization"),
        format!(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders={SIGNED},Signature=17226cc56c404dc7fd81a02d1ddfab368c1d1afdebe4992445699ee8b590c2db"
        )
    );
    assert!(request.body().is_empty());
}

#[tokio::test]
async fn v3_3_query_cash_coupons_sts() {
    let request = send(
        &BSS,
        &QUERY_CASH_COUPONS,
        cash_coupon_params(),
        Credentials::new("YourAccessKeyId", "YourAccessKeySecret")
            .unwrap()
            .with_security_token("TestSecurityToken"),
        SignatureVersion::Acs3HmacSha256,
    )
    .await;
    assert_eq!(
        header(&request, "x-acs-security-token"),
        "TestSecurityToken"
    );
    assert_eq!(header(&request, "x-acs-accesskey-id"), "YourAccessKeyId");
    assert!(
        header(&request, "authorization").ends_with(
            "Signature=288f759205cef26bc43c56b120188ba68be7fa356c1020c4ec21a46582d8164e"
        ),
        "{}",
        header(&request, "authorization")
    );
}

#[tokio::test]
async fn v3_3_query_ticket_info() {
    let mut params = Params::new();
    params.push_secret(
        ParamLocation::Query,
        "Ticket",
        "a27a9aec-****-****-bd40-1a21ea41d7c5",
    );
    let request = send(
        &QUICKBI,
        &QUERY_TICKET_INFO,
        params,
        Credentials::new("YourAccessKeyId", "YourAccessKeySecret").unwrap(),
        SignatureVersion::Acs3HmacSha256,
    )
    .await;
    assert_eq!(
        request.uri().query(),
        Some("Ticket=a27a9aec-%2A%2A%2A%2A-%2A%2A%2A%2A-bd40-1a21ea41d7c5")
    );
    assert!(
        header(&request, "authorization").ends_with(
            "Signature=4cbb325af1af8934e71db0b2b4efdb95d913fe4fbc407fb047453c2d238e5a22"
        ),
        "{}",
        header(&request, "authorization")
    );
}

#[tokio::test]
async fn v1_3_query_cash_coupons_hmac_sha1() {
    let mut params = Params::new();
    params.push(ParamLocation::Query, "EffectiveOrNot", "true");
    let request = send(
        &BSS,
        &QUERY_CASH_COUPONS,
        params,
        Credentials::new("testid", "testsecret").unwrap(),
        SignatureVersion::HmacSha1,
    )
    .await;
    let query: Vec<(String, String)> = request
        .uri()
        .query()
        .unwrap()
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap();
            (k.to_string(), percent_decode(v))
        })
        .collect();
    let get = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("Action"), Some("QueryCashCoupons"));
    assert_eq!(get("Version"), Some("2017-12-14"));
    assert_eq!(get("Timestamp"), Some("2024-01-01T00:00:00Z"));
    assert_eq!(get("SignatureNonce"), Some(NONCE));
    assert_eq!(get("Signature"), Some("XqgubwjxYWlVbZv2yLLViPAg+rI="));
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

#[tokio::test]
async fn signed_requests_and_outputs_never_show_the_signature_or_token_in_debug() {
    let transport = CannedTransport::new(200, r#"{"RequestId":"R","Success":true}"#);
    let config = Config::builder()
        .region("cn-hangzhou")
        .credentials_provider(
            Credentials::new("YourAccessKeyId", "YourAccessKeySecret")
                .unwrap()
                .with_security_token("TestSecurityToken"),
        )
        .time_source(FixedTimeSource(vector_time()))
        .nonce_source(FixedNonceSource(NONCE.to_string()))
        .transport(transport.clone())
        .build()
        .unwrap();
    let runtime = Runtime::new(config, &BSS);
    let mut params = cash_coupon_params();
    params.push_secret(ParamLocation::Query, "Ticket", "secret-ticket-value");
    let raw = runtime
        .invoke_raw(&QUERY_CASH_COUPONS, params, &CallOptions::new())
        .await
        .unwrap();
    let request = transport.last_request().unwrap();
    let signature = header(&request, "authorization")
        .rsplit("Signature=")
        .next()
        .unwrap()
        .to_string();
    // The request itself carries the secret parameter in its URL (as the service requires);
    // its headers hide the signature and the token.
    let request_shown = format!("{request:?}");
    assert!(
        request_shown.contains("\"x-acs-security-token\": Sensitive"),
        "{request_shown}"
    );
    assert!(
        request_shown.contains("\"authorization\": Sensitive"),
        "{request_shown}"
    );
    for shown in [
        request_shown,
        format!("{raw:?}"),
        format!("{transport:?}"),
        format!("{runtime:?}"),
    ] {
        assert!(!shown.contains(&signature), "{shown}");
        assert!(!shown.contains("TestSecurityToken"), "{shown}");
        assert!(!shown.contains("YourAccessKeySecret"), "{shown}");
        if !shown.starts_with("Request {") {
            assert!(!shown.contains("secret-ticket-value"), "{shown}");
        }
    }
}

/// Credentials a provider can hand out at once (`credentials_now`) are used without asking
/// for them through a future; a provider without them is asked as before.
#[tokio::test]
async fn credentials_available_now_are_taken_without_the_future() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use alibabacloud_core::credentials::{ProvideCredentials, ProvideCredentialsFuture};

    #[derive(Debug)]
    struct Counting {
        now: Option<Credentials>,
        asked: Arc<AtomicUsize>,
    }

    impl ProvideCredentials for Counting {
        fn provide_credentials(&self) -> ProvideCredentialsFuture<'_> {
            self.asked.fetch_add(1, Ordering::SeqCst);
            Box::pin(async { Credentials::new("FromFuture", "YourAccessKeySecret") })
        }

        fn credentials_now(&self) -> Option<Credentials> {
            self.now.clone()
        }

        fn name(&self) -> &'static str {
            "counting"
        }
    }

    for now in [
        Some(Credentials::new("FromNow", "YourAccessKeySecret").unwrap()),
        None,
    ] {
        let asked = Arc::new(AtomicUsize::new(0));
        let expected = if now.is_some() {
            "FromNow"
        } else {
            "FromFuture"
        };
        let transport = CannedTransport::new(200, r#"{"RequestId":"R","Success":true}"#);
        let config = Config::builder()
            .region("cn-hangzhou")
            .credentials_provider(Counting {
                now,
                asked: asked.clone(),
            })
            .transport(transport.clone())
            .build()
            .unwrap();
        let runtime = Runtime::new(config, &BSS);
        for _ in 0..2 {
            runtime
                .invoke_raw(
                    &QUERY_CASH_COUPONS,
                    cash_coupon_params(),
                    &CallOptions::new(),
                )
                .await
                .unwrap();
        }
        let request = transport.last_request().unwrap();
        assert!(
            header(&request, "authorization").contains(&format!("Credential={expected},")),
            "{expected}"
        );
        let futures = if expected == "FromNow" { 0 } else { 2 };
        assert_eq!(asked.load(Ordering::SeqCst), futures, "{expected}");
    }
}
